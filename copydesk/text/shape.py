"""The shape of a line of text, in any script: words, sentence ends, headline form.

Shared by the labelling steps so that "looks like a sentence" means one thing everywhere.
"""

from __future__ import annotations

import re
import unicodedata

from copydesk.rules import compiled
from copydesk.text.memo import LineMemo

MAX_TITLE_WORDS = 30

# Punctuation and symbols (Latin, general, CJK): stripped from line edges and turned into
# spaces before words are split. Plain string operations on this set are several times
# faster than a Unicode-aware regex, and apostrophes stay inside words.
PUNCTUATION = (
    "".join(chr(c) for c in range(0x3000) if unicodedata.category(chr(c)).startswith(("P", "S")) and chr(c) not in "'’")
    + "、。，！？：；（）「」『』【】《》〈〉"
)
# Scripts written without spaces between words: a run of them holds many words.
UNSPACED = compiled.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_ASCII_PUNCTUATION = "".join(c for c in PUNCTUATION if c.isascii()).encode("ascii")
_ASCII_TO_SPACE = bytes.maketrans(_ASCII_PUNCTUATION, b" " * len(_ASCII_PUNCTUATION))


_NON_ASCII_PUNCTUATION = re.compile("[" + re.escape("".join(c for c in PUNCTUATION if not c.isascii())) + "]")


def to_space(text: str) -> str:
    """``text.translate(TO_SPACE)``, without its per-character dictionary lookups.

    ASCII punctuation goes through a byte table (in UTF-8 an ASCII byte is only ever that
    character); the rarer non-ASCII punctuation (curly quotes, dashes, CJK marks) through
    one character-class substitution.
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_TO_SPACE).decode("ascii")
    spaced = text.encode("utf-8", "surrogatepass").translate(_ASCII_TO_SPACE).decode("utf-8", "surrogatepass")
    return _NON_ASCII_PUNCTUATION.sub(" ", spaced)


_LEADING = re.compile(r"[\W_]+")  # stdlib re: Unicode-aware \W, anchored by .match
MAX_TITLE_CHARS = 250

_SENTENCE_END = compiled.compile(r"[.。۔…:;,]\s*[\"'”’»)]*\s*$")
_BODY_END = compiled.compile(r"[.!?؟۔。\"”»]\s*$")


def normalise(text: str) -> str:
    """Text as compared for repeats: case-folded, spaces collapsed, edge punctuation gone."""
    core = _strip_edges(text)
    if core.isascii() and core.isprintable() and "  " not in core:
        return core.lower()  # nothing to collapse, and ASCII folds as it lowers
    return " ".join(core.split()).casefold()


normalised: LineMemo[str, str] = LineMemo(normalise)  # the same, once per distinct line


def _strip_edges(text: str) -> str:
    """Drop what is not a letter or digit from both ends (a regex for ``$`` would retry at every space)."""
    leading = _LEADING.match(text)
    start = leading.end() if leading else 0
    end = len(text)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


_LIST_BULLET = re.compile(r"[*+•·▪◦‣●■□–-]\s+")
_BULLET_CHARS = frozenset("*+•·▪◦‣●■□–-")


def list_item(stripped: str) -> str:
    """A stripped line without its list bullet ("* Share", "• Newsletter"); the line itself when it has none.

    Converters mark list items with a bullet of their own (inscriptis: "* "); rules speak of
    the item's text, so they see it both ways. Letters and numbers are never taken for
    bullets ("o", "1.": an item's number may be its content).
    """
    if stripped[:1] not in _BULLET_CHARS:
        return stripped
    bullet = _LIST_BULLET.match(stripped)
    return stripped[bullet.end() :] if bullet and bullet.end() < len(stripped) else stripped


def word_count(text: str) -> int:
    return len(to_space(text).split())


def is_body_like(text: str) -> bool:
    """A sentence-shaped line: enough words and a sentence end, or simply many words."""
    words = word_count(text)
    return words >= 15 or (words >= 8 and bool(_BODY_END.search(text)))


def looks_like_headline(text: str) -> bool:
    words = word_count(text)
    return 2 <= words <= MAX_TITLE_WORDS and len(text) <= MAX_TITLE_CHARS and not _SENTENCE_END.search(text)
