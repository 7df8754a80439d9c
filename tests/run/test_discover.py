import os
import pickle
from pathlib import Path

import pytest

from copydesk.run.discover import discover, discover_args, printable
from copydesk.run.inputs import InputFile
from copydesk.run.selection import EVERY_FILE


def test_walks_recursively_and_names_relative(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("x")
    (tmp_path / "top.txt").write_text("t")
    (tmp_path / ".hidden").write_text("h")
    names = [item.name for item in discover([tmp_path])]
    assert names == ["top.txt", "a/b/x.txt"] or sorted(names) == ["a/b/x.txt", "top.txt"]


def test_symlinks_do_not_leave_the_directory(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("s")
    root = tmp_path / "root"
    root.mkdir()
    (root / "inside.txt").write_text("i")
    (root / "link_out.txt").symlink_to(outside / "secret.txt")
    (root / "link_in.txt").symlink_to(root / "inside.txt")
    (root / "dir_out").symlink_to(outside, target_is_directory=True)
    names = sorted(item.name for item in discover([root]))
    assert names == ["inside.txt", "link_in.txt"]


def test_direct_files_keep_their_names_and_collisions_are_numbered(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(folder)
    items = discover([tmp_path / "one" / "same.txt", tmp_path / "two" / "same.txt", tmp_path / "gone.txt"])
    assert [item.name for item in items] == ["same.txt", "same.txt~2", "gone.txt"]


def test_excluded_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "manifest.csv").write_text("path\n")
    names = [i.name for i in discover([tmp_path], frozenset({(tmp_path / "manifest.csv").resolve()}))]
    assert names == ["a.txt"]


def test_excluded_manifest_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "manifest.csv").write_text("path\n")
    (tmp_path / "alias.csv").symlink_to(tmp_path / "manifest.csv")
    names = [i.name for i in discover([tmp_path], frozenset({(tmp_path / "manifest.csv").resolve()}))]
    assert names == ["a.txt"]


def test_an_input_keeps_its_path_as_text_and_survives_pickling(tmp_path: Path) -> None:
    """A run holds one input per file: the path is text (a Path object per file costs more)."""
    item = InputFile(tmp_path / "a.txt", "a.txt")
    assert item.location == str(tmp_path / "a.txt") and item.path == tmp_path / "a.txt"
    assert pickle.loads(pickle.dumps(item)) == item  # sent to worker processes


def output_folder(path: Path) -> Path:
    (path / "files").mkdir(parents=True)
    (path / "files" / "a.txt.clean.txt").write_text("clean")
    (path / "summary.json").write_text("{}")
    (path / "records.parquet").write_bytes(b"PAR1")
    return path


def test_a_runs_output_folder_inside_an_input_folder_is_not_walked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a")
    output_folder(tmp_path / "reports")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "summary.json").write_text("{}")  # one marker alone is not an output folder
    assert sorted(item.name for item in discover([tmp_path], selection=EVERY_FILE)) == ["a.txt", "notes/summary.json"]


def test_an_output_folder_given_as_the_argument_is_walked(tmp_path: Path) -> None:
    folder = output_folder(tmp_path / "reports")
    found = [item.name for item in discover([folder], selection=EVERY_FILE)]
    assert found == ["records.parquet", "summary.json", "files/a.txt.clean.txt"]


def test_skipped_folders_are_left_out_wherever_they_are(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "half-written.json").write_text("{}")
    (tmp_path / "b.txt").write_text("b")
    assert [item.name for item in discover([tmp_path], skip=frozenset({(tmp_path / "out").resolve()}))] == ["b.txt"]


def test_names_the_filesystem_encoding_cannot_decode_become_printable(tmp_path: Path) -> None:
    raw = os.fsdecode(b"caf\xe9-\xff.txt")  # Latin-1 bytes in a UTF-8 filesystem
    try:
        (tmp_path / raw).write_text("x")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this filesystem refuses names that are not valid UTF-8")
    (tmp_path / "café.txt").write_text("y")
    found = {item.name: item for item in discover([tmp_path])}
    assert set(found) == {"caf\\xe9-\\xff.txt", "café.txt"}
    assert found["caf\\xe9-\\xff.txt"].path.read_text() == "x"  # still read by its real path
    assert printable("plain/ascii.txt") == "plain/ascii.txt"


def test_arguments_go_to_disk_with_unique_names(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(folder)
    inputs = discover_args([str(tmp_path / "one"), str(tmp_path / "two"), str(tmp_path / "one" / "same.txt")])
    assert [(item.name, item.path) for item in inputs] == [
        ("same.txt", tmp_path / "one" / "same.txt"),
        ("same.txt~2", tmp_path / "two" / "same.txt"),
        ("same.txt~3", tmp_path / "one" / "same.txt"),
    ]
    assert [item.name for item in inputs] == [
        item.name for item in discover([tmp_path / "one", tmp_path / "two", tmp_path / "one" / "same.txt"])
    ]


def test_numbered_names_skip_names_already_taken(tmp_path: Path) -> None:
    for folder, name in (("one", "a"), ("two", "a~2"), ("three", "a")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(folder)
    paths = [tmp_path / "one" / "a", tmp_path / "two" / "a~2", tmp_path / "three" / "a"]
    assert [item.name for item in discover(paths)] == ["a", "a~2", "a~3"]
    assert [item.name for item in discover_args([str(p) for p in paths])] == ["a", "a~2", "a~3"]
