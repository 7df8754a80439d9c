import os
import tempfile
from pathlib import Path

import pytest

from copydesk.run.inputs import PAGE, InputFile, Inputs


def names(inputs: Inputs) -> list[str]:
    return [item.name for item in inputs]


def test_inputs_keep_their_order_and_paths_across_pages() -> None:
    items = [InputFile(f"/crawl/{i % 7}/{i}.txt", f"{i % 7}/{i}.txt") for i in range(2 * PAGE + 5)]
    inputs = Inputs(items)
    assert len(inputs) == len(items)
    assert list(inputs) == items  # in the order given, not sorted by name
    inputs.close()


def test_a_taken_name_is_numbered_and_numbers_skip_names_already_there() -> None:
    inputs = Inputs(InputFile(f"/{folder}/a.txt", name) for folder, name in enumerate(["a.txt", "a~2", "a.txt"]))
    inputs.append(InputFile("/3/a.txt", "a.txt"))
    inputs.append(InputFile("/4/a.txt~2", "a.txt~2"))  # taken by the second a.txt
    assert names(inputs) == ["a.txt", "a~2", "a.txt~2", "a.txt~3", "a.txt~2~2"]
    assert [item.location for item in inputs] == ["/0/a.txt", "/1/a.txt", "/2/a.txt", "/3/a.txt", "/4/a.txt~2"]


def test_undecodable_names_and_urls_survive_the_round_trip() -> None:
    odd = os.fsdecode(b"caf\xe9.txt")  # a lone surrogate, as os.walk gives a Latin-1 name
    items = [InputFile(f"/crawl/{odd}", odd), InputFile("b.txt", "b.txt", "memory://crawl/b.txt")]
    assert list(Inputs(items)) == items


def test_what_the_first_pass_learned_comes_back_with_each_input_and_by_name() -> None:
    inputs = Inputs(InputFile(f"/s/{i}.txt", f"{i}.txt") for i in range(5))
    for position, _ in enumerate(inputs):  # learned while the inputs are read, as the pass does
        inputs.learn(position, "source:tass" if position % 2 else f"folder:/s{position}", f"sha{position}")
    rows = list(inputs.rows())
    assert [(item.name, group, digest) for item, group, digest, _ in rows] == [
        ("0.txt", "folder:/s0", "sha0"),
        ("1.txt", "source:tass", "sha1"),
        ("2.txt", "folder:/s2", "sha2"),
        ("3.txt", "source:tass", "sha3"),
        ("4.txt", "folder:/s4", "sha4"),
    ]
    assert [(item.location, group) for item, group in inputs.named(["3.txt", "missing", "0.txt"])] == [
        ("/s/3.txt", "source:tass"),
        ("/s/0.txt", "folder:/s0"),
    ]
    assert inputs.path_of("4.txt") == Path("/s/4.txt") and inputs.path_of("nope") is None


def test_inputs_before_the_first_pass_have_no_group_or_digest() -> None:
    inputs = Inputs([InputFile("a.txt", "a.txt")])
    assert list(inputs.rows()) == [(InputFile("a.txt", "a.txt"), None, None, None)]


def test_the_decoded_pages_are_kept_up_to_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from copydesk.run import inputs as module

    monkeypatch.setattr(module, "KEEP_DECODED", 10)
    monkeypatch.setattr(module, "KEEP_DECODED_IN_MEMORY", 10)
    monkeypatch.setattr(module, "KEEP_LARGEST", 6)
    inputs = Inputs(InputFile(f"{i}.txt", f"{i}.txt") for i in range(5))
    for position, page in enumerate([b"abcd", b"0123456", b"efghij", b"k", None]):
        inputs.learn(position, "folder:.", None, page)
    # over 6 bytes is never kept; 10 bytes in all, then none
    assert [decoded for *_, decoded in inputs.rows()] == [b"abcd", None, b"efghij", None, None]


def test_of_keeps_inputs_and_puts_a_list_on_disk() -> None:
    inputs = Inputs([InputFile("a.txt", "a.txt")])
    assert Inputs.of(inputs) is inputs
    assert list(Inputs.of([InputFile("b.txt", "b.txt")])) == [InputFile("b.txt", "b.txt")]


def test_the_spool_is_in_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    inputs = Inputs([InputFile("a.txt", "a.txt")])
    assert inputs._spool.on_disk and not any(tmp_path.iterdir())
    assert names(inputs) == ["a.txt"]
    inputs.close()


def test_a_full_temp_folder_keeps_no_more_pages_and_loses_nothing_else() -> None:
    import sqlite3

    class Full:
        """The table's connection once the temp folder has no room for a page."""

        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def execute(self, sql: str, parameters: tuple[object, ...] = ()) -> sqlite3.Cursor:
            if sql.startswith("INSERT OR REPLACE INTO learned") and parameters[3] is not None:
                raise sqlite3.OperationalError("database or disk is full")
            return self.db.execute(sql, parameters)

    inputs = Inputs(InputFile(f"{i}.txt", f"{i}.txt") for i in range(2))
    inputs.learn(0, "folder:.", "sha0", b"page")
    inputs._db = Full(inputs._db)  # type: ignore[assignment]
    inputs.learn(1, "folder:.", "sha1", b"page")
    assert [(digest, decoded) for _, _, digest, decoded in inputs.rows()] == [("sha0", b"page"), ("sha1", None)]
