"""The shape of a line of text, in any script: words, sentence ends, headline form.

Shared by the labelling steps so that "looks like a sentence" means one thing everywhere.
"""

from __future__ import annotations

import unicodedata

import regex

MAX_TITLE_WORDS = 30

# Punctuation and symbols (Latin, general, CJK): stripped from line edges and turned into
# spaces before words are split. Plain string operations on this set are several times
# faster than a Unicode-aware regex, and apostrophes stay inside words.
PUNCTUATION = (
    "".join(chr(c) for c in range(0x3000) if unicodedata.category(chr(c)).startswith(("P", "S")) and chr(c) not in "'’")
    + "、。，！？：；（）「」『』【】《》〈〉"
)
TO_SPACE = str.maketrans(dict.fromkeys(PUNCTUATION, " "))
_EDGES = PUNCTUATION + "'’ \t\u00a0"
MAX_TITLE_CHARS = 250

_SENTENCE_END = regex.compile(r"[.。۔…:;,]\s*[\"'”’»)]*\s*$")
_BODY_END = regex.compile(r"[.!?؟۔。\"”»]\s*$")


def normalise(text: str) -> str:
    """Text as compared for repeats: case-folded, spaces collapsed, edge punctuation gone."""
    return " ".join(text.strip(_EDGES).split()).casefold()


def word_count(text: str) -> int:
    return len(text.translate(TO_SPACE).split())


def is_body_like(text: str) -> bool:
    """A sentence-shaped line: enough words and a sentence end, or simply many words."""
    words = word_count(text)
    return words >= 15 or (words >= 8 and bool(_BODY_END.search(text)))


def looks_like_headline(text: str) -> bool:
    words = word_count(text)
    return 2 <= words <= MAX_TITLE_WORDS and len(text) <= MAX_TITLE_CHARS and not _SENTENCE_END.search(text)
