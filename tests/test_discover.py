import pickle
from pathlib import Path

from copydesk.discover import InputFile, discover


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
