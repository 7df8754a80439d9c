"""The shape of a line of text, in any script: words, sentence ends, headline form.

Shared by the labelling steps so that "looks like a sentence" means one thing everywhere.
"""

from __future__ import annotations

import regex

MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250

_SENTENCE_END = regex.compile(r"[.。۔…:;,]\s*[\"'”’»)]*\s*$")
_BODY_END = regex.compile(r"[.!?؟۔。\"”»]\s*$")
_WORD = regex.compile(r"\w+")
_PUNCT_EDGES = regex.compile(r"^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$")
_SPACES = regex.compile(r"\s+")


def normalise(text: str) -> str:
    folded: str = _SPACES.sub(" ", _PUNCT_EDGES.sub("", text)).casefold()
    return folded


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_body_like(text: str) -> bool:
    """A sentence-shaped line: enough words and a sentence end, or simply many words."""
    words = word_count(text)
    return words >= 15 or (words >= 8 and bool(_BODY_END.search(text)))


def looks_like_headline(text: str) -> bool:
    words = word_count(text)
    return 2 <= words <= MAX_TITLE_WORDS and len(text) <= MAX_TITLE_CHARS and not _SENTENCE_END.search(text)
