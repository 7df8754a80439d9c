"""Script mixing inside words: the mark a wrong single-byte code page leaves.

Decoding French Windows-1252 as Cyrillic turns "Crème" into "Crиme": a word of Latin
letters with one Cyrillic letter inside. Real text almost never mixes alphabetic scripts
within a word, so counting such words ranks candidate decodes that a detector scores
nearly the same.
"""

from __future__ import annotations

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
