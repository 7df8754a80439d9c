"""The first pass of a run: how many files of each source hold each line.

A line found in at least half of a source's files (and in three at the least, of a
source with four or more) is chrome (:mod:`copydesk.label.corpus` keys and applies
them). The counts are kept on disk, so the survey's memory does not grow with the number
of files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from copydesk.label.corpus import MIN_FILES, MIN_GROUP, MIN_SHARE
from copydesk.run.spool import TempDatabase


class Survey:
    """How many files of each group hold each line.

    The counts live in a temporary SQLite table on disk, not in memory: a survey of a
    crawl sees one key per distinct line, nearly all of them article lines seen once, and
    a counter in memory would grow with every file. Only the files per group and, once
    counted, the repeated keys are held. Without a writable temp folder the table is kept
    in memory, so the run still works.
    """

    def __init__(self) -> None:
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
