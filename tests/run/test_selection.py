"""Which files a walk takes: *.txt by default, globs, .gitignore, never the rules or outputs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from copydesk.run.discover import discover, expand_globs
from copydesk.run.selection import Selection, git_ignored, glob_matches
from tests.conftest import ARTICLES, RULES, run_cli

PROSE = "A sentence of the story that runs long enough to count as prose here.\n" * 4


@pytest.mark.parametrize(
    ("glob", "path", "expected"),
    [
        ("*.txt", "a.txt", True),
        ("*.txt", "deep/er/a.txt", True),  # a glob without / matches the name at any depth
        ("*.txt", "a.txt.bak", False),
        ("drafts/*", "drafts/a.txt", True),
        ("drafts/*", "x/drafts/a.txt", False),  # with /, the path under the folder given
        ("**/old/*.txt", "old/a.txt", True),
        ("**/old/*.txt", "2024/05/old/a.txt", True),
        ("2024/**", "2024/05/a.txt", True),
        ("a?.txt", "ab.txt", True),
        ("[!a]*.txt", "b.txt", True),
        ("[!a]*.txt", "a.txt", False),
    ],
)
def test_globs(glob: str, path: str, expected: bool) -> None:
    assert glob_matches(glob, path) is expected


def _tree(root: Path) -> None:
    for name in ("a.txt", "README.md", "notes.json", "rules/languages/xx.txt", "drafts/d.txt", "sub/b.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(PROSE)


def test_by_default_only_txt_files_are_articles(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [item.name for item in discover([tmp_path])]
    assert names == ["a.txt", "drafts/d.txt", "rules/languages/xx.txt", "sub/b.txt"]


def test_include_and_exclude(tmp_path: Path) -> None:
    _tree(tmp_path)
    chosen = Selection(include=("*.txt", "*.md"), exclude=("drafts", "sub/*"))
    assert [i.name for i in discover([tmp_path], selection=chosen)] == ["README.md", "a.txt", "rules/languages/xx.txt"]


def test_a_file_named_directly_is_checked_whatever_its_name(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert [i.name for i in discover([tmp_path / "notes.json"])] == ["notes.json"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_what_git_ignores_is_not_walked(tmp_path: Path) -> None:
    _tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("drafts/\nsub/b.txt\n")
    assert "drafts/" in git_ignored(tmp_path)  # an ignored folder comes back as one entry
    assert [i.name for i in discover([tmp_path])] == ["a.txt", "rules/languages/xx.txt"]
    assert [i.name for i in discover([tmp_path], selection=Selection(gitignore=False))][:2] == ["a.txt", "drafts/d.txt"]


def test_outside_a_work_tree_nothing_is_ignored(tmp_path: Path) -> None:
    if shutil.which("git"):
        probe = subprocess.run(["git", "-C", str(tmp_path), "rev-parse"], capture_output=True, check=False)
        if probe.returncode == 0:
            pytest.skip("the temporary folder is inside a git work tree")
    assert git_ignored(tmp_path) == frozenset()


def test_a_glob_argument_is_expanded_and_one_matching_nothing_stays(tmp_path: Path) -> None:
    _tree(tmp_path)
    pattern = os.path.join(str(tmp_path), "**", "*.txt")
    assert len(expand_globs([pattern])) == 4
    assert expand_globs([str(tmp_path / "*.nothing")]) == [str(tmp_path / "*.nothing")]


def test_the_cli_takes_a_glob_skips_the_rules_folder_and_never_checks_its_own_outputs(tmp_path: Path) -> None:
    _tree(tmp_path)
    shutil.copytree(RULES, tmp_path / "rules", dirs_exist_ok=True)
    result = run_cli("check", str(tmp_path / "*.txt"), "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0 and [f["name"] for f in _files(result.output)] == ["a.txt"]
    os.chdir(tmp_path)
    try:
        for _ in range(2):  # the second run must not find the first run's clean texts
            result = run_cli("check", ".", "--out", ".", "--format", "json", "--fail-on", "never")
            names = [f["name"] for f in _files(result.output)]
            assert names == ["a.txt", "drafts/d.txt", "sub/b.txt"], names  # rules/ is the rules folder
    finally:
        os.chdir(Path(__file__).parent)


def test_out_inside_the_input_folder_is_not_walked(tmp_path: Path) -> None:
    shutil.copy(ARTICLES / "harbour_gazette_en.txt", tmp_path / "page.txt")
    for _ in range(2):
        result = run_cli("check", tmp_path, "--out", tmp_path / "reports" / "run", "--format", "json")
        assert [f["name"] for f in _files(result.output)] == ["page.txt"]


def _files(output: str) -> list[dict[str, object]]:
    import json

    files: list[dict[str, object]] = json.loads(output)["files"]
    return files
