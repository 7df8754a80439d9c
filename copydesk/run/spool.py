"""Temporary SQLite databases for what a run counts or keeps per file.

A run over a crawl sees hundreds of thousands of files; what it learns or keeps about
each one (the survey's line counts, every file's summary row) goes to a table on disk
rather than into the process, so memory does not grow with the file count. Nothing
here needs to survive the run: no journal, no syncs. Without a writable temp folder the
table is kept in memory instead, so the run still works.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_PRAGMAS = "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "


class TempDatabase:
    """A throw-away SQLite database on disk that no folder lists.

    Its file is removed as soon as the connection has it open: the connection goes on
    using it, and the system frees it when the connection closes or the process ends,
    however it ends (SIGKILL, the OOM killer, a CI job's time limit), so no run leaves a
    database in the temp folder. Where an open file cannot be removed (Windows) the folder
    stays until :meth:`close`. Without a writable temp folder the database is in memory.
    """

    def __init__(self, prefix: str, schema: str) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        try:
            self._folder = tempfile.TemporaryDirectory(prefix=prefix)
            self.db = _opened(Path(self._folder.name) / "spool.sqlite", schema)  # the file exists and is open
            self.on_disk = True
        except (OSError, sqlite3.Error):  # no writable temp folder: keep it in memory instead
            with contextlib.suppress(OSError):
                self._remove_folder()
            self.db, self.on_disk = _opened(":memory:", schema), False
            return
        with contextlib.suppress(OSError):  # an open file that cannot be removed: at close
            self._remove_folder()

    @property
    def path(self) -> Path | None:
        """The database file while a folder lists it (only where open files cannot be removed)."""
        return Path(self._folder.name) / "spool.sqlite" if self._folder is not None else None

    def _remove_folder(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def close(self) -> None:
        self.db.close()
        self._remove_folder()


def _opened(target: Path | str, schema: str) -> sqlite3.Connection:
    db = sqlite3.connect(target)
    try:
        db.executescript(_PRAGMAS + schema)
    except sqlite3.Error:
        db.close()
        raise
    return db


def name_key(name: str) -> bytes:
    """The sort key of a file name: UTF-8 bytes sort as code points do, as Python's strings do.

    ``surrogatepass`` keeps names with undecodable bytes (``os.fsdecode``'s lone surrogates).
    """
    return name.encode("utf-8", "surrogatepass")


class RowStore:
    """Every file's summary row, by name, on disk until read; iterated in name order.

    A row is a few kilobytes in memory and ~0.9 KB pickled; the batch outputs read the rows
    one at a time, so a run of any size holds only the one being written. Putting a row
    under a name already stored replaces it (a file checked again with batch findings).
    """

    def __init__(self) -> None:
        self._spool = TempDatabase(
            "copydesk-rows-", "CREATE TABLE rows(name BLOB PRIMARY KEY, failed INT, data BLOB) WITHOUT ROWID"
        )
        self._db = self._spool.db

    def put(self, row: dict[str, Any]) -> None:
        data = pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)
        values = (name_key(row["name"]), bool(row["failed"]), data)
        self._db.execute("INSERT OR REPLACE INTO rows VALUES (?, ?, ?)", values)

    def get(self, name: str) -> dict[str, Any] | None:
        found = self._db.execute("SELECT data FROM rows WHERE name = ?", (name_key(name),)).fetchone()
        return None if found is None else _load(found[0])

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM rows").fetchone()[0])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        """The rows in name order. Read in pages, so a put during the loop cannot upset it."""
        last: bytes | None = None
        while True:
            if last is None:
                page = self._db.execute("SELECT name, data FROM rows ORDER BY name LIMIT 512").fetchall()
            else:
                query = "SELECT name, data FROM rows WHERE name > ? ORDER BY name LIMIT 512"
                page = self._db.execute(query, (last,)).fetchall()
            if not page:
                return
            for _, data in page:
                yield _load(data)
            last = page[-1][0]

    @property
    def failed(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM rows WHERE failed").fetchone()[0])

    def close(self) -> None:
        self._spool.close()


def _load(data: bytes) -> dict[str, Any]:
    row: dict[str, Any] = pickle.loads(data)  # our own rows, from our own temp file
    return row
