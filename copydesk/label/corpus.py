"""Lines that repeat across the files of one source: the signal that gives a site's chrome away.

A site prints its menus, footers and widgets on every page and its articles once. In a
run that holds several pages of one source, a line found in at least half of them (and
in three at the least) is chrome, whatever it looks like. Lines are compared by a short
hash of their normalised text; :mod:`copydesk.run.survey` counts them across a run's files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from copydesk.model import Line
from copydesk.text.memo import LineMemo
from copydesk.text.shape import normalised

MIN_FILES = 3  # a line must be seen in at least this many files
MIN_SHARE = 0.5  # ... and in at least this share of its group's files
MIN_GROUP = 4  # smaller groups give no evidence
RULE = "corpus.repeated_across_files"


def line_key(text: str) -> int | None:
    """A stable signed 64-bit key for a line's normalised text; None for lines with no letters or digits."""
    return _KEYS[normalised[text]]


def normalised_key(folded: str) -> int | None:
    """``line_key`` for text already normalised (the labelling keeps each line's)."""
    return _KEYS[folded]


def _key(folded: str) -> int | None:
    # Normalised text opens with a letter or digit whenever it has one; the scan is the fallback.
    if not folded or not (folded[0].isalnum() or any(ch.isalnum() for ch in folded)):
        return None
    # Signed, so the key fits SQLite's INTEGER.
    return int.from_bytes(hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


# A source's chrome comes back on every page, in the survey and again in the check.
_KEYS: LineMemo[str, int | None] = LineMemo(_key)


def file_keys(lines: Sequence[Line]) -> frozenset[int]:
    keys = [_KEYS[folded] for folded in map(normalised.__getitem__, [line.stripped for line in lines if line.stripped])]
    return frozenset(key for key in keys if key is not None)


def group_of(source_id: str | None, path: Path) -> str:
    """Files group by declared or recognised source; without one, by the folder they sit in."""
    return f"source:{source_id}" if source_id else f"folder:{path.parent}"
