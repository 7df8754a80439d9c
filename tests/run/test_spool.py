import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.run.spool import RowStore, TempDatabase


def row(name: str, failed: bool = False, **extra: object) -> dict[str, object]:
    return {"name": name, "failed": failed, "verdict": "fail" if failed else "pass", "findings": [], **extra}


def test_rows_come_back_in_name_order_and_a_put_replaces() -> None:
    store = RowStore()
    for name in ("b.txt", "a/z.txt", "a.txt"):
        store.put(row(name))
    store.put(row("b.txt", failed=True, note="checked again"))
    assert [r["name"] for r in store] == ["a.txt", "a/z.txt", "b.txt"]
    assert len(store) == 3 and store.failed == 1
    assert store.get("b.txt") == row("b.txt", failed=True, note="checked again")
    assert store.get("missing") is None
    store.close()


def test_values_survive_the_round_trip() -> None:
    import datetime as dt

    store = RowStore()
    stamp = dt.datetime(2021, 7, 9, tzinfo=dt.UTC)
    store.put(row("x", record={"published_utc": stamp, "agencies": ["TASS"], "ratio": 0.25, "n": None}))
    assert store.get("x") == row("x", record={"published_utc": stamp, "agencies": ["TASS"], "ratio": 0.25, "n": None})


def test_iteration_reads_pages_so_puts_during_it_are_safe() -> None:
    store = RowStore()
    for i in range(1500):  # three pages
        store.put(row(f"{i:05d}"))
    seen = []
    for r in store:
        seen.append(r["name"])
        store.put(row(r["name"], failed=True))  # a re-check replacing the row being read
    assert seen == [f"{i:05d}" for i in range(1500)]
    assert store.failed == 1500


@given(st.lists(st.text(min_size=1), unique=True, max_size=30))
def test_order_is_pythons_string_order(names: list[str]) -> None:
    """SQLite sorts the keys' bytes; UTF-8 (surrogates passed through) keeps code point order."""
    store = RowStore()
    for name in names:
        store.put(row(name))
    assert [r["name"] for r in store] == sorted(names)
    store.close()


def test_names_with_undecodable_bytes_are_kept() -> None:
    store = RowStore()
    store.put(row("caf\udce9.txt"))  # os.fsdecode(b"caf\xe9.txt") on a UTF-8 system
    assert [r["name"] for r in store] == ["caf\udce9.txt"]


def test_the_database_is_on_disk_yet_in_no_folder_so_a_killed_run_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spool = TempDatabase("copydesk-test-", "CREATE TABLE t(x BLOB)")
    assert spool.on_disk and spool.path is None and not any(tmp_path.iterdir())
    spool.db.execute("PRAGMA cache_size=-64")  # 64 KB of pages in memory: the rest is in the file
    spool.db.executemany("INSERT INTO t VALUES (?)", ((bytes(1000),) for _ in range(2000)))
    assert spool.db.execute("SELECT COUNT(*), SUM(LENGTH(x)) FROM t").fetchone() == (2000, 2_000_000)
    spool.close()
    assert not any(tmp_path.iterdir())


def test_without_a_writable_temp_folder_rows_stay_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    store = RowStore()
    store.put(row("a.txt", failed=True))
    assert [r["name"] for r in store] == ["a.txt"] and store.failed == 1
    assert not store._spool.on_disk
    store.close()
