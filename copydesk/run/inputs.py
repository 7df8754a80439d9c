"""A run's inputs on disk: every file to check, in order, and what the first pass learned of it.

A crawl is millions of files. Held as objects, the inputs with their sha256 and corpus
group grew a run by ~0.6 KB a file; here they are rows of a temporary SQLite table (see
:mod:`copydesk.run.spool`), read back a page at a time, so memory stays flat however many
files a run checks. Names are made unique on the way in.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from copydesk.run.spool import TempDatabase, name_key

PAGE = 1024  # rows read at a time
# Bytes of decoded pages the first pass keeps for the check, so it does not decode them
# again (decoding and repairing a real page costs about as much as reading its dates).
# Past it, the check decodes the rest itself: a crawl's temporary table stays bounded.
KEEP_DECODED = 128 * 2**20  # ~12,000 real pages; a temp folder may be memory (tmpfs)
KEEP_DECODED_IN_MEMORY = 32 * 2**20  # when the table could not go on disk
# A larger page is decoded again: the pages on their way to the workers (a few chunks
# each) then hold at most this much each, as their paths did before.
KEEP_LARGEST = 256 * 2**10

_SCHEMA = """
CREATE TABLE inputs(seq INTEGER PRIMARY KEY, name BLOB UNIQUE NOT NULL, location BLOB NOT NULL, url TEXT);
CREATE TABLE learned(seq INTEGER PRIMARY KEY, grp INT NOT NULL, digest TEXT, decoded BLOB);
"""
_ROWS = (
    "SELECT seq, name, location, url, grp, digest, decoded IS NOT NULL FROM inputs LEFT JOIN learned USING (seq)"
    " WHERE seq > ? ORDER BY seq LIMIT ?"
)
_DECODED = "SELECT decoded FROM learned WHERE seq = ?"  # one at a time: a page of rows holds no pages
_NAMED = "SELECT location, url, grp FROM inputs LEFT JOIN learned USING (seq) WHERE name = ?"
_LEARN = "INSERT OR REPLACE INTO learned VALUES (?, ?, ?, ?)"


@dataclass(frozen=True, slots=True, init=False)
class InputFile:
    """A file to check. A run holds one per file until it ends (a crawl: millions), so the
    path is kept as text: a ``Path`` object costs ~240 bytes more, and is built on use."""

    location: str  # the path as text; for a URL input its name (groups the corpus pass by folder)
    name: str
    url: str | None  # an fsspec URL, read through fsspec instead of the filesystem

    def __init__(self, path: str | os.PathLike[str], name: str, url: str | None = None) -> None:
        object.__setattr__(self, "location", os.fspath(path))
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "url", url)

    @property
    def path(self) -> Path:
        return Path(self.location)


def candidate_names(name: str) -> Iterator[str]:
    """A name, then its numbered forms (``a.txt~2``, ``a.txt~3``...): the first not taken is the input's."""
    yield name
    yield from (f"{name}~{number}" for number in itertools.count(2))


def _text(data: bytes) -> str:
    """Names and paths are stored as :func:`copydesk.run.spool.name_key` writes them (UTF-8 with
    ``surrogatepass``): undecodable file names survive."""
    return data.decode("utf-8", "surrogatepass")


class Inputs:
    """Every input of a run in the order found, with unique names; iterates as :class:`InputFile`.

    A name already taken gets ``~2``, ``~3``... (a file given twice, ``a.txt`` in two
    folders given as arguments).
    """

    def __init__(self, items: Iterable[InputFile] = ()) -> None:
        self._spool = TempDatabase("copydesk-inputs-", _SCHEMA)
        self._db = self._spool.db
        self._count = 0
        self._room = KEEP_DECODED if self._spool.on_disk else KEEP_DECODED_IN_MEMORY
        self._groups: dict[str, int] = {}  # corpus groups by name: one per source or folder, not per file
        self._group_names: list[str] = []  # ... and by number
        try:
            self.extend(items)
        except BaseException:
            self.close()
            raise

    @classmethod
    def of(cls, items: Iterable[InputFile]) -> Inputs:
        """``items`` as inputs on disk; the same object when it already is."""
        return items if isinstance(items, Inputs) else cls(items)

    def extend(self, items: Iterable[InputFile]) -> None:
        for item in items:
            self.append(item)

    def append(self, item: InputFile) -> None:
        location = name_key(item.location)
        for name in candidate_names(item.name):
            try:
                self._db.execute(
                    "INSERT INTO inputs VALUES (?, ?, ?, ?)", (self._count, name_key(name), location, item.url)
                )
                break
            except sqlite3.IntegrityError:  # the name is taken
                continue
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[InputFile]:
        for item, *_ in self.rows():
            yield item

    def rows(self) -> Iterator[tuple[InputFile, str | None, str | None, bytes | None]]:
        """Each input in order, with its corpus group, sha256 and decoded page (pickled)
        from the first pass (None without one, or past what it keeps)."""
        last = -1
        while True:
            page = self._db.execute(_ROWS, (last, PAGE)).fetchall()
            if not page:
                return
            for seq, name, location, url, group, digest, kept in page:
                decoded = self._db.execute(_DECODED, (seq,)).fetchone()[0] if kept else None
                yield InputFile(_text(location), _text(name), url), self._group(group), digest, decoded
            last = page[-1][0]

    def learn(self, position: int, group: str, digest: str | None, decoded: bytes | None = None) -> None:
        """What the first pass found of the input at ``position`` (in input order): its
        group, sha256, and the page as it decoded it, kept while there is room."""
        number = self._groups.get(group)
        if number is None:
            number = self._groups[group] = len(self._group_names)
            self._group_names.append(group)
        if decoded is not None:
            if len(decoded) > min(self._room, KEEP_LARGEST):
                decoded = None
            else:
                self._room -= len(decoded)
        try:
            self._db.execute(_LEARN, (position, number, digest, decoded))
        except sqlite3.OperationalError:  # a full temp folder: the check decodes the rest itself
            if decoded is None:
                raise
            self._room = 0
            self._db.execute(_LEARN, (position, number, digest, None))

    def named(self, names: Iterable[str]) -> Iterator[tuple[InputFile, str | None]]:
        """The inputs of these names (those that exist), with their corpus groups."""
        for name in names:
            found = self._db.execute(_NAMED, (name_key(name),)).fetchone()
            if found is not None:
                yield InputFile(_text(found[0]), name, found[1]), self._group(found[2])

    def _group(self, number: int | None) -> str | None:
        return None if number is None else self._group_names[number]

    def path_of(self, name: str) -> Path | None:
        """The path of the input of this name, as given or found; None for a name not among them."""
        return next((item.path for item, _ in self.named([name])), None)

    def close(self) -> None:
        self._spool.close()
