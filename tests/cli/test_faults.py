"""Hostile or broken inputs that used to abort a whole run with a traceback: each is now a
finding on its file or one line naming the file, with the contract's exit status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTICLES

PAGE = (ARTICLES / "no_chrome_en.txt").read_text(encoding="utf-8")


def check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "copydesk", "check", str(folder), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=folder,
    )


def test_a_symlink_loop_is_a_finding_and_the_other_files_are_checked(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    done = check(tmp_path)
    assert "Traceback" not in done.stderr and done.returncode == 1
    assert "FAIL a.txt: input.unreadable" in done.stdout and "checked 3 file(s): 1 pass" in done.stdout


def test_a_name_as_long_as_the_file_system_allows_gets_its_reports(tmp_path: Path) -> None:
    name = "b" * 250 + ".txt"  # 254 bytes: legal, but not with ".report.json" or a temporary name added
    (tmp_path / name).write_text(PAGE, encoding="utf-8")
    done = check(tmp_path, "--out", str(tmp_path / "out"))
    assert "Traceback" not in done.stderr and done.returncode == 0, done.stderr
    reports = list((tmp_path / "out" / "files").glob("*.report.json"))
    assert len(reports) == 1 and len(reports[0].name.encode()) <= 255


@pytest.mark.parametrize(
    ("manifest", "content", "message"),
    [
        ("manifest.csv", "path,fetched_at\na.txt,9999-12-31T23:59:59-14:00\n", "manifest.csv:2: fetched_at"),
        ("manifest.csv", "path,license\na.txt," + "x" * 200_000 + "\n", "manifest.csv:2: bad CSV"),
        ("manifest.csv", "path,license\na.txt,cc,extra\n", "manifest.csv:2: 1 more field(s) than the header"),
    ],
)
def test_a_broken_manifest_is_one_line_naming_it_and_exit_2(
    tmp_path: Path, manifest: str, content: str, message: str
) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / manifest).write_text(content, encoding="utf-8")
    done = check(tmp_path)
    assert "Traceback" not in done.stderr
    assert done.returncode == 2 and message in done.stderr and len(done.stderr.splitlines()) == 1


def test_two_manifests_in_one_folder_are_refused_not_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,license\na.txt,cc\n", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text('{"path": "a.txt"}\n', encoding="utf-8")
    done = check(tmp_path)
    assert done.returncode == 2 and "holds both manifest.csv and manifest.jsonl" in done.stderr
