"""The ledger: what a run already checked, so the next run over the same folder skips it.

A SQLite file inside the output folder records, per file, everything its result depends
on (the input's sha256, the rules digest, and the records schema's when the workers check
each record against it; the tool version, the manifest entry, the lines its source repeats,
the size limit) and the summary row the per-file steps produced. A
re-run reuses the row of a file whose key is unchanged and whose report is still on
disk; batch steps (schema, expectations, index) always run over every row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import platform
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import IO, Any

from copydesk import __version__

NAME = "ledger.sqlite"
_SCHEMA = """
create table if not exists files (
    name text primary key,
    key text not null,
    sha256 text,
    rules_digest text not null,
    tool_version text not null,
    verdict text not null,
    batch_findings integer not null default 0,
    row text not null,
    checked_at text not null
)
"""


def file_key(
    sha256: str | None, rules_digest: str, declared: dict[str, Any] | None, repeated: frozenset[int], max_bytes: int
) -> str:
    """Everything a file's per-file result depends on, as one digest: the libraries that
    decode and read dates included, so upgrading one re-checks the files."""
    parts = json.dumps(
        [sha256, rules_digest, __version__, libraries(), declared, sorted(repeated), max_bytes],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()


DECIDING = ("chardet", "charset-normalizer", "ftfy", "dateparser", "regex", "numpy")


@cache
def libraries() -> dict[str, str]:
    """The versions of Python and of the libraries whose answers become findings."""
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for name in DECIDING:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "-"
    return found


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    raise TypeError(f"cannot store {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if set(obj) == {"$datetime"}:
        return dt.datetime.fromisoformat(obj["$datetime"])
    return obj


LOCK_NAME = ".copydesk.lock"


class LedgerBusy(Exception):
    """Another run holds the output folder."""


class Ledger:
    """One output folder's ledger; used from the main process only.

    The ledger is an aid, never a reason to fail: a write it cannot make (a full disk, a
    folder made read-only, a damaged file) turns it off for the rest of the run, and
    ``problem`` says why, so the run still writes its reports and the next run checks the
    files again. Each row is committed as it comes (in write-ahead-log mode a commit costs
    tens of microseconds, not an fsync), so a killed run loses only the files in flight.
    Two runs into one folder would interleave their outputs: the second is refused.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / NAME
        self.problem: str | None = None
        self._lock = _lock(folder / LOCK_NAME)
        self._db: sqlite3.Connection | None = None
        try:
            self._db = _connect(self.path)
        except sqlite3.OperationalError as exc:  # cannot open or write it (permissions, a full disk, a lock)
            self._failed(exc)
        except sqlite3.DatabaseError:  # not a database, or a damaged one: it is a cache, so start afresh
            try:
                self.path.replace(self.path.with_name(NAME + ".damaged"))
                self._db = _connect(self.path)
            except (OSError, sqlite3.Error) as exc:
                self._failed(exc)
        except sqlite3.Error as exc:
            self._failed(exc)

    def _failed(self, exc: sqlite3.Error | OSError) -> None:
        if self.problem is None:
            self.problem = f"{self.path}: {exc}: results are not recorded; the next run checks every file again"

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.commit()
            except sqlite3.Error as exc:
                self._failed(exc)
            finally:
                self._db.close()
                self._db = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def lookup(self, name: str, key: str) -> tuple[dict[str, Any], bool] | None:
        """The stored row and whether batch steps added findings to it, when the key matches."""
        if self._db is None or self.problem is not None:
            return None
        try:
            found = self._db.execute("select key, row, batch_findings from files where name = ?", (name,)).fetchone()
        except sqlite3.Error as exc:
            self._failed(exc)
            return None
        if found is None or found[0] != key:
            return None
        return json.loads(found[1], object_hook=_decode), bool(found[2])

    def store(self, name: str, key: str, row: dict[str, Any], rules_digest: str) -> None:
        if self._db is None or self.problem is not None:
            return
        stored = {k: v for k, v in row.items() if k != "provenance"}
        values = (
            name,
            key,
            (row.get("record") or {}).get("sha256"),
            rules_digest,
            __version__,
            row["verdict"],
            json.dumps(stored, ensure_ascii=False, default=_encode),
            dt.datetime.now(dt.UTC).isoformat(),
        )
        try:
            self._db.execute("insert or replace into files values (?, ?, ?, ?, ?, ?, 0, ?, ?)", values)
            self._db.commit()
        except sqlite3.Error as exc:
            self._failed(exc)

    def mark_batch(self, names: Iterable[str]) -> None:
        """Remember which files carry batch findings, so a later run clears stale ones."""
        if self._db is None or self.problem is not None:
            return
        try:
            self._db.execute("update files set batch_findings = 0")
            self._db.executemany("update files set batch_findings = 1 where name = ?", [(name,) for name in names])
            self._db.commit()
        except sqlite3.Error as exc:
            self._failed(exc)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=10.0)
    try:
        # A commit per file: the log makes it cheap; NORMAL syncs at checkpoints, which a
        # killed process cannot undo (only a power cut could cost the last few rows).
        db.execute("pragma journal_mode=wal")
        db.execute("pragma synchronous=normal")
        db.execute(_SCHEMA)
        db.commit()
    except sqlite3.Error:
        db.close()
        raise
    return db


def _lock(path: Path) -> IO[bytes] | None:
    """Hold the output folder for this run; None where the system has no advisory locks."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        handle = path.open("ab")
    except OSError:
        return None  # a read-only folder: the writes will say so
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise LedgerBusy(f"{path.parent}: another copydesk run is writing to this folder") from exc
    return handle
