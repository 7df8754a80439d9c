"""Script mixing inside words: the mark a wrong single-byte code page leaves.

Decoding French Windows-1252 as Cyrillic turns "Crème" into "Crиme": a word of Latin
letters with one Cyrillic letter inside. Real text almost never mixes alphabetic scripts
within a word, so counting such words ranks candidate decodes that a detector scores
nearly the same.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]{2,}")
SAMPLE_CHARS = 20_000


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def mixed_script_ratio(text: str) -> float:
    """Share of words whose letters come from more than one script."""
    words = _WORD.findall(text[:SAMPLE_CHARS])
    if not words:
        return 0.0
    mixed = sum(1 for word in words if len({_script(ch) for ch in word}) > 1)
    return mixed / len(words)


# After a lower-case letter, inside a word, real text continues with a lower-case letter,
# a mark, an apostrophe or a dash; a wrong Latin code page puts capitals and symbols there
# (cp1252 "xàèôad" read as Mac Roman is "x‡ËÙad").
_IN_WORD = frozenset({"Ll", "Lo", "Lm", "Mn", "Mc", "Pd", "Pf", "Pi"})


def broken_word_ratio(text: str) -> float:
    """Share of words in which a lower-case letter is followed by a non-ASCII capital or
    symbol: what tells apart two Latin code pages that both read the bytes as Latin
    letters, which :func:`mixed_script_ratio` cannot."""
    words = text[:SAMPLE_CHARS].split()
    if not words:
        return 0.0
    broken = sum(1 for word in words if any(_breaks(a, b) for a, b in itertools.pairwise(word)))
    return broken / len(words)


def _breaks(before: str, after: str) -> bool:
    return not after.isascii() and before.islower() and unicodedata.category(after) not in _IN_WORD
