"""The ledger: what a run already checked, so the next run over the same folder skips it.

A SQLite file inside the output folder records, per file, everything its result depends
on (the input's sha256, the rules digest, the tool version, the manifest entry, the lines
its source repeats, the size limit) and the summary row the per-file steps produced. A
re-run reuses the row of a file whose key is unchanged and whose report is still on
disk; batch steps (schema, expectations, index) always run over every row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

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
    """Everything a file's per-file result depends on, as one digest."""
    parts = json.dumps(
        [sha256, rules_digest, __version__, declared, sorted(repeated), max_bytes], sort_keys=True, default=str
    )
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    raise TypeError(f"cannot store {type(value).__name__}")


def _decode(obj: dict[str, Any]) -> Any:
    if set(obj) == {"$datetime"}:
        return dt.datetime.fromisoformat(obj["$datetime"])
    return obj


class Ledger:
    """One output folder's ledger; used from the main process only."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / NAME
        self._db = sqlite3.connect(self.path)
        self._db.execute(_SCHEMA)

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def lookup(self, name: str, key: str) -> tuple[dict[str, Any], bool] | None:
        """The stored row and whether batch steps added findings to it, when the key matches."""
        found = self._db.execute("select key, row, batch_findings from files where name = ?", (name,)).fetchone()
        if found is None or found[0] != key:
            return None
        return json.loads(found[1], object_hook=_decode), bool(found[2])

    def store(self, name: str, key: str, row: dict[str, Any], rules_digest: str) -> None:
        stored = {k: v for k, v in row.items() if k != "provenance"}
        self._db.execute(
            "insert or replace into files values (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (
                name,
                key,
                (row.get("record") or {}).get("sha256"),
                rules_digest,
                __version__,
                row["verdict"],
                json.dumps(stored, ensure_ascii=False, default=_encode),
                dt.datetime.now(dt.UTC).isoformat(),
            ),
        )

    def mark_batch(self, names: Iterable[str]) -> None:
        """Remember which files carry batch findings, so a later run clears stale ones."""
        self._db.execute("update files set batch_findings = 0")
        self._db.executemany("update files set batch_findings = 1 where name = ?", [(name,) for name in names])
        self._db.commit()
