"""Lines that repeat across the files of one source: the signal that gives a site's chrome away.

A site prints its menus, footers and widgets on every page and its articles once. In a
run that holds several pages of one source, a line found in at least half of them (and
in three at the least) is chrome, whatever it looks like. Lines are compared by a short
hash of their normalised text, so the survey costs a few bytes per distinct line.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.model import Line
from copydesk.validators.shape import normalised

MIN_FILES = 3  # a line must be seen in at least this many files
MIN_SHARE = 0.5  # ... and in at least this share of its group's files
MIN_GROUP = 4  # smaller groups give no evidence
RULE = "corpus.repeated_across_files"


def line_key(text: str) -> int | None:
    """A stable 64-bit key for a line's normalised text; None for lines with no letters or digits."""
    return normalised_key(normalised(text))


def normalised_key(folded: str) -> int | None:
    """``line_key`` for text already normalised (the labelling keeps each line's)."""
    if not folded or not any(ch.isalnum() for ch in folded):
        return None
    return int.from_bytes(hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest(), "big")


def file_keys(lines: Sequence[Line]) -> frozenset[int]:
    keys = (line_key(line.text) for line in lines if not line.is_blank)
    return frozenset(key for key in keys if key is not None)


def group_of(source_id: str | None, path: Path) -> str:
    """Files group by declared or recognised source; without one, by the folder they sit in."""
    return f"source:{source_id}" if source_id else f"folder:{path.parent}"


@dataclass(slots=True)
class Survey:
    """How many files of each group hold each line, and one sample text per key if asked."""

    files: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[int]] = field(default_factory=dict)
    samples: dict[int, str] = field(default_factory=dict)

    def add(self, group: str, keys: Iterable[int]) -> None:
        self.files[group] += 1
        self.lines.setdefault(group, Counter()).update(keys)

    def repeated(self, group: str) -> frozenset[int]:
        total = self.files.get(group, 0)
        if total < MIN_GROUP:
            return frozenset()
        floor = max(MIN_FILES, MIN_SHARE * total)
        return frozenset(key for key, count in self.lines[group].items() if count >= floor)

    def counts(self, group: str) -> Counter[int]:
        return self.lines.get(group, Counter())
