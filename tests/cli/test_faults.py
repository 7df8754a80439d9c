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


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize(("how", "status"), [("kill", -9), ("terminate", 143), ("interrupt", 130)])
def test_no_worker_outlives_its_run(tmp_path: Path, how: str, status: int) -> None:
    """SIGKILL or SIGTERM of a -j 2 run used to leave both workers running for good, and
    Ctrl-C exited 1 with the workers' tracebacks; a killed run left its databases in the
    temp folder."""
    import signal
    import time

    folder, temp = tmp_path / "in", tmp_path / "temp"
    folder.mkdir()
    temp.mkdir()
    for i in range(400):
        (folder / f"p{i}.txt").write_text(f"Story {i}\n\n{PAGE}\n", encoding="utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "check", str(folder), "-j", "2", "--no-corpus", "--out", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "TMPDIR": str(temp)},
    )
    workers: list[int] = []
    for _ in range(300):
        time.sleep(0.05)
        workers = _children(run.pid)
        if len(workers) >= 2:
            break
    assert len(workers) >= 2, "the run never started its workers"
    time.sleep(0.5)
    if how == "kill":
        run.kill()
    elif how == "terminate":
        run.terminate()
    else:
        os.killpg(run.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    returned = run.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)  # the test's own cleanup: an orphan would hold the pipe below
    assert not left
    stderr = run.stderr.read() if run.stderr else ""
    assert returned == status and "Traceback" not in stderr
    assert not list(temp.iterdir())


def test_a_manifest_value_of_the_wrong_type_is_refused_not_made_a_string(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text('{"path": "a.txt", "language": ["en"]}\n', encoding="utf-8")
    done = check(tmp_path)
    assert done.returncode == 2 and "manifest.jsonl:1: language must be a string, not list" in done.stderr


def test_a_ledger_that_cannot_be_opened_is_one_warning_and_the_run_completes(tmp_path: Path) -> None:
    """An unwritable ledger (here a folder where the file should be) used to be a sqlite3 traceback."""
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    (out / "ledger.sqlite").mkdir(parents=True)
    done = check(tmp_path, "--out", str(out))
    assert "Traceback" not in done.stderr and done.returncode == 0, done.stderr
    assert "ledger.sqlite" in done.stderr and "results are not recorded" in done.stderr
    assert (out / "summary.json").is_file() and (out / "ledger.sqlite").is_dir()  # nothing set aside


def test_a_second_run_into_a_held_folder_is_refused_with_one_line(tmp_path: Path) -> None:
    """Two runs into one --out used to end one of them with "database is locked"."""
    import fcntl

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with (out / ".copydesk.lock").open("ab") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        done = check(tmp_path / "in", "--out", str(out))
    assert "Traceback" not in done.stderr
    assert done.returncode == 2 and "another copydesk run is writing to this folder" in done.stderr
