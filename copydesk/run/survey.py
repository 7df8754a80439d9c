"""The first pass of a run: how many files of each source hold each line.

A line found in at least half of a source's files (and in three at the least, of a
source with four or more) is chrome (:mod:`copydesk.label.corpus` keys and applies
them). The counts are held in memory up to a bound and on disk beyond it, so the
survey's memory does not grow with the number of files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from copydesk.label.corpus import MIN_FILES, MIN_GROUP, MIN_SHARE
from copydesk.run.spool import TempDatabase

HELD = 250_000  # line keys counted in memory before the counts go to disk (~20 MB)


class Survey:
    """How many files of each group hold each line.

    A survey of a crawl sees one key per distinct line, nearly all of them article lines
    seen once: a counter in memory would grow with every file. So the counts are held in
    memory until ``held`` keys have been added, then moved to a temporary SQLite table on
    disk (a row per group and key, with its count) and counted afresh. A run of a few
    thousand files never reaches the table: a row inserted a key costs the run's own
    process more than the workers' survey of the file, while a counter's update is a C
    loop. Only the files per group and, once counted, the repeated keys are held beyond
    that. Without a writable temp folder the table is kept in memory, so the run still works.
    """

    def __init__(self, held: int = HELD) -> None:
        self.files: Counter[str] = Counter()
        self._groups: dict[str, int] = {}
        self._counts: dict[int, Counter[int]] = {}
        self._held, self._limit = 0, held
        self._spool: TempDatabase | None = None
        self._repeated: dict[str, frozenset[int]] | None = None

    def add(self, group: str, keys: Collection[int]) -> None:
        if self._repeated is not None:
            raise RuntimeError("the survey has been counted; no file can be added")
        self.files[group] += 1
        number = self._groups.setdefault(group, len(self._groups))
        counts = self._counts.get(number)
        if counts is None:
            counts = self._counts[number] = Counter()
        counts.update(keys)
        self._held += len(keys)
        if self._held > self._limit:
            self._spill()

    def _spill(self) -> None:
        """The counts held in memory, added to the table on disk."""
        if self._spool is None:
            self._spool = TempDatabase("copydesk-survey-", "CREATE TABLE seen(grp INT, key INT, n INT)")
        rows = ((number, key, n) for number, counts in self._counts.items() for key, n in counts.items())
        self._spool.db.executemany("INSERT INTO seen VALUES (?, ?, ?)", rows)
        self._counts.clear()
        self._held = 0

    def repeated(self, group: str) -> frozenset[int]:
        if self._repeated is None:
            self._repeated = self._count()
        return self._repeated.get(group, frozenset())

    def _count(self) -> dict[str, frozenset[int]]:
        """Every group's repeated keys (in one grouped query when counts went to disk); then
        the counts are dropped."""
        floors = {self._groups[g]: max(MIN_FILES, MIN_SHARE * n) for g, n in self.files.items() if n >= MIN_GROUP}
        names = {number: group for group, number in self._groups.items()}
        found: dict[str, set[int]] = {}
        counted: Iterable[tuple[int, int, int]]
        if self._spool is None:
            held = ((number, counts) for number, counts in self._counts.items() if number in floors)
            counted = ((number, key, n) for number, counts in held for key, n in counts.items())
        else:
            self._spill()
            query = "SELECT grp, key, SUM(n) FROM seen GROUP BY grp, key HAVING SUM(n) >= ?"
            counted = self._spool.db.execute(query, (MIN_FILES,))
        for number, key, count in counted:
            if number in floors and count >= floors[number]:
                found.setdefault(names[number], set()).add(key)
        self.close()
        return {group: frozenset(keys) for group, keys in found.items()}

    def close(self) -> None:
        self._counts.clear()
        if self._spool is not None:
            self._spool.close()
            self._spool = None
