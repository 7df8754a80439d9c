"""Lines that repeat across the files of one source: the signal that gives a site's chrome away.

A site prints its menus, footers and widgets on every page and its articles once. In a
run that holds several pages of one source, a line found in at least half of them (and
in three at the least) is chrome, whatever it looks like. Lines are compared by a short
hash of their normalised text, counted on disk, so the survey's memory does not grow
with the number of files.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
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


class Survey:
    """How many files of each group hold each line.

    The counts live in a temporary SQLite table on disk, not in memory: a survey of a
    crawl sees one key per distinct line, nearly all of them article lines seen once, and
    a counter in memory would grow with every file. Only the files per group and, once
    counted, the repeated keys are held. Without a writable temp folder the table is kept
    in memory, so the run still works.
    """

    def __init__(self) -> None:
        from copydesk.run.spool import TempDatabase

        self.files: Counter[str] = Counter()
        self._groups: dict[str, int] = {}
        self._spool: TempDatabase | None = TempDatabase("copydesk-survey-", "CREATE TABLE seen(grp INT, key INT)")
        self._repeated: dict[str, frozenset[int]] | None = None

    def add(self, group: str, keys: Iterable[int]) -> None:
        if self._spool is None:
            raise RuntimeError("the survey has been counted; no file can be added")
        self.files[group] += 1
        number = self._groups.setdefault(group, len(self._groups))
        self._spool.db.executemany("INSERT INTO seen VALUES (?, ?)", ((number, key) for key in keys))

    def repeated(self, group: str) -> frozenset[int]:
        if self._repeated is None:
            self._repeated = self._count()
        return self._repeated.get(group, frozenset())

    def _count(self) -> dict[str, frozenset[int]]:
        """Every group's repeated keys, in one grouped query; then the table is dropped."""
        assert self._spool is not None
        floors = {self._groups[g]: max(MIN_FILES, MIN_SHARE * n) for g, n in self.files.items() if n >= MIN_GROUP}
        names = {number: group for group, number in self._groups.items()}
        found: dict[str, set[int]] = {}
        query = "SELECT grp, key, COUNT(*) FROM seen GROUP BY grp, key HAVING COUNT(*) >= ?"
        for number, key, count in self._spool.db.execute(query, (MIN_FILES,)):
            if number in floors and count >= floors[number]:
                found.setdefault(names[number], set()).add(key)
        self.close()
        return {group: frozenset(keys) for group, keys in found.items()}

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None
