"""The command line, end to end: contract exit codes, outputs, and every kind of bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from copydesk.cli import main
from tests.conftest import ARTICLES, FIXTURES, RULES, SEEDS, reports_in, run_cli

GOOD = (ARTICLES / "harbour_gazette_en.txt").read_bytes()


def test_seeds_pass_and_reports_follow_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("check", SEEDS, "--out", out, "--rules", RULES)
    assert result.exit_code == 0, result.output
    reports = reports_in(out)
    verdicts = {name: report["verdict"] for name, report in reports.items()}
    # The blog repost's dateline ("November 25.") has no year and its profile no window.
    assert verdicts == {
        "000_47e23669010a2640.txt": "pass",
        "001_7dcee3d16bfbf563.txt": "pass",
        "002_3ef813dd28bc3362.txt": "pass",
        "003_3c012a451b2cac3a.txt": "warn",
    }
    for name in reports:
        assert (out / "files" / f"{name}.clean.txt").is_file()
    summary = json.loads((out / "summary.json").read_text())
    assert summary["counts"] == {"files": 4, "pass": 3, "warn": 1, "fail": 0, "failed_gate": 0, "skipped": 0}
    assert (out / "junit.xml").is_file()
    assert not (out / "files" / "manifest.csv.report.json").exists()  # the manifest is not an input


def test_clean_seed_drops_chrome_and_keeps_every_paragraph(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli("check", SEEDS, "--out", out, "--rules", RULES)
    clean = (out / "files" / "000_47e23669010a2640.txt.clean.txt").read_text()
    for chrome in ("Recent Stories", "1 hour ago", "UrduPoint Network is", "Related Topics", "Faizan Hashmi"):
        assert chrome not in clean
    assert clean.startswith("MOSCOW (UrduPoint News / Sputnik - 24th May, 2021)")
    assert clean.count("\n\n") == 5  # six paragraphs


def test_json_format_prints_one_summary(tmp_path: Path) -> None:
    result = run_cli("check", ARTICLES / "no_chrome_en.txt", "--format", "json", "--rules", RULES)
    data = json.loads(result.output)
    assert data["counts"]["files"] == 1 and result.exit_code == 0


def test_all_chrome_page_fails_the_gate(tmp_path: Path) -> None:
    result = run_cli("check", ARTICLES / "all_chrome_en.txt", "--rules", RULES)
    assert result.exit_code == 1
    assert "all_chrome_en.txt: boilerplate.no_article" in result.output


def test_fail_on_levels(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(GOOD[:300] + b"\xff" + GOOD[300:])
    assert run_cli("check", damaged, "--rules", RULES).exit_code == 0
    assert run_cli("check", damaged, "--rules", RULES, "--fail-on", "warning").exit_code == 1
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert run_cli("check", bad, "--fail-on", "never").exit_code == 0


BAD_INPUTS = {
    "empty.txt": (b"", "input.empty", "file is empty"),
    "blank.txt": (b" \n\t\r\n\n", "input.blank", "holds only white space"),
    "bom_only.txt": (b"\xef\xbb\xbf\n", "input.blank", "only a byte-order mark and white space"),
    "nul.txt": (b"text\x00\x01\x02 with nul bytes" * 10, "input.binary", "binary file"),
    "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "input.binary", "PNG image"),
    "noise.txt": (bytes((i * 7919 + 13) % 255 + 1 for i in range(3000)), "encoding.undecodable", "not"),
    "truncated.txt": (GOOD + "é".encode()[:1], "encoding.damaged_utf8", "truncated at byte"),
    "stray.txt": (GOOD[:500] + b"\xff" + GOOD[500:], "encoding.damaged_utf8", "stray-byte at byte 500"),
    "wide.txt": (GOOD.decode().encode("utf-16-le"), "encoding.no_bom", "utf-16-le without a byte order mark"),
}


def test_bad_inputs_are_findings_and_the_rest_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (data, _, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_bytes(GOOD)
    out = tmp_path / "out"
    result = run_cli("check", folder, tmp_path / "missing.txt", "--out", out, "--rules", RULES, "--include", "*")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    reports = reports_in(out)
    assert reports["good.txt"]["verdict"] != "fail"
    for name, (_, rule, message) in BAD_INPUTS.items():
        findings = {f["rule"]: f["message"] for f in reports[name]["findings"]}
        assert rule in findings, (name, findings)
        assert message in findings[rule], (name, findings[rule])
    assert reports["missing.txt"]["findings"][0]["rule"] == "input.not_found"
    assert "FAIL missing.txt: input.not_found: no such file" in result.output
    assert "FAIL empty.txt: input.empty: file is empty" in result.output


def test_utf16_without_bom_is_decoded_right(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(GOOD.decode().encode("utf-16-le"))
    result = run_cli("decode", path)
    assert result.output.encode() == GOOD


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(GOOD)
    path.chmod(0)
    result = run_cli("check", path)
    assert result.exit_code == 1 and "input.unreadable" in result.output


def test_unreadable_file_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(GOOD)
    real_open = open

    def deny(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", deny)
    result = run_cli("check", path)
    assert result.exit_code == 1
    assert "FAIL secret.txt: input.unreadable: cannot read: Permission denied" in result.output


@pytest.mark.slow
def test_huge_single_line_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"a" * (100 * 1024 * 1024))
    (tmp_path / "good.txt").write_bytes(GOOD)
    result = run_cli("check", tmp_path, "--format", "json")
    data = json.loads(result.output)
    assert result.exit_code == 1 and data["counts"]["fail"] == 1 and data["counts"]["failed_gate"] == 1


def test_single_long_line_under_the_limit_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(("A sentence that goes on. " * 200_000).strip() + "\n")
    out = tmp_path / "out"
    result = run_cli("check", path, "--out", out, "--max-bytes", str(8 * 1024 * 1024))
    assert result.exit_code == 0, result.output
    assert reports_in(out)["long.txt"]["verdict"] == "pass"


def test_malformed_rule_file_is_exit_2_with_file_and_line(tmp_path: Path) -> None:
    result = run_cli("check", ARTICLES, "--rules", FIXTURES / "rules_broken", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "bad.yaml:8: boilerplate.lines[1]: bad regular expression" in result.output
    assert not (tmp_path / "out").exists()


def test_manifest_row_outside_the_root_is_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD)
    manifest = folder / "manifest.csv"
    manifest.write_text("path,source\na.txt,tass\n../../etc/passwd,tass\n")
    result = run_cli("check", folder, "--rules", RULES)
    assert result.exit_code == 2
    assert f"{manifest}:3: path '../../etc/passwd' is outside the manifest's folder" in result.output


def test_no_inputs_is_a_usage_error(tmp_path: Path) -> None:
    assert run_cli("check", tmp_path).exit_code == 2
    assert run_cli("check").exit_code == 2


def test_junit_option(tmp_path: Path) -> None:
    junit = tmp_path / "ci" / "junit.xml"
    run_cli("check", ARTICLES, "--rules", RULES, "--junit", junit)
    text = junit.read_text()
    assert text.count('<testcase classname="copydesk.') - text.count('name="batch"') == len(list(ARTICLES.iterdir()))


def test_decode_stdout_and_out(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    text = "Crème brûlée à la française, déjà vu, naïve façade, évidemment.\n" * 5
    latin.write_bytes(text.encode("cp1252"))
    assert run_cli("decode", latin).output == text
    result = run_cli("decode", latin, ARTICLES / "sahil_ar.txt", "--out", tmp_path / "dec")
    assert result.exit_code == 0
    assert (tmp_path / "dec" / "latin.txt.txt").read_text(encoding="utf-8") == text
    assert run_cli("decode", latin, latin).exit_code == 2


def test_decode_bad_file_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli("decode", empty)
    assert result.exit_code == 1 and result.output.strip() == f"copydesk: {empty}: file is empty"


def _two_inputs_and_a_blocked_output(tmp_path: Path, blocked: str) -> tuple[Path, Path]:
    """Folders in/ (a.txt, b.txt) and out/, with a folder at ``out/blocked``, where an output goes."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD)
    (folder / "b.txt").write_bytes(GOOD)
    out = tmp_path / "out"
    (out / blocked).mkdir(parents=True)
    return folder, out


def test_decode_output_that_cannot_be_written_is_one_line_and_the_rest_is_decoded(tmp_path: Path) -> None:
    folder, out = _two_inputs_and_a_blocked_output(tmp_path, "a.txt.txt")
    result = run_cli("decode", folder, "--out", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        f"copydesk: {folder / 'a.txt'}: cannot write the decoded text: {out / 'a.txt.txt'}: Is a directory"
        in result.output
    )
    assert (out / "b.txt.txt").read_bytes() == GOOD


def test_clean_and_explain() -> None:
    cleaned = run_cli("clean", ARTICLES / "harbour_gazette_en.txt", "--rules", RULES).output
    assert cleaned.startswith("KALMAR, March 3") and "Recent Stories" not in cleaned
    explained = run_cli("explain", ARTICLES / "harbour_gazette_en.txt", "--rules", RULES).output
    assert "title     Port authority approves night shipping trial on the northern canal" in explained
    assert "generic.en.section_markers[0]: (?i)^related" in explained
    line_19 = next(line for line in explained.splitlines() if line.strip().startswith("19 "))
    assert "boilerplate" in line_19 and "Related Topics" in line_19


def test_real_process_has_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", str(tmp_path), str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "\x1b[" not in proc.stdout  # no progress bar when stdout is not a terminal


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_among_the_inputs_fails_unread_and_never_hangs_the_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # nothing ever writes to it: reading it would wait for ever
    (folder / "good.txt").write_bytes(GOOD)
    command = [sys.executable, "-m", "copydesk", "check", str(folder), "--out", str(tmp_path / "out")]
    command += ["--rules", str(RULES)]
    proc = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    assert proc.returncode == 1
    assert "FAIL pipe.txt: input.not_a_file: not a regular file" in proc.stdout
    assert reports_in(tmp_path / "out")["good.txt"]["verdict"] != "fail"


def test_a_second_run_into_an_output_folder_inside_the_inputs_checks_the_same_files(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_bytes(GOOD)
    for _ in range(2):
        result = run_cli("check", tmp_path, "--out", tmp_path / "reports", "--rules", RULES, "--no-cache")
        assert "checked 1 file(s)" in result.output
    assert list(reports_in(tmp_path / "reports")) == ["story.txt"]


def test_a_name_that_is_not_utf8_is_reported_with_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"r\xe9sum\xe9.txt")).write_bytes(GOOD)
    except (OSError, UnicodeEncodeError):
        pytest.skip("this filesystem refuses names that are not valid UTF-8")
    result = run_cli("check", folder, "--out", tmp_path / "out", "--rules", RULES, "--junit", tmp_path / "junit.xml")
    assert result.exit_code == 0, result.output
    assert reports_in(tmp_path / "out")["r\\xe9sum\\xe9.txt"]["file"] == "r\\xe9sum\\xe9.txt"
    assert "r\\xe9sum\\xe9.txt" in (tmp_path / "junit.xml").read_text(encoding="utf-8")


def test_github_actions_gets_an_annotation_per_finding_with_the_files_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "good.txt").write_bytes(GOOD)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_cli("check", folder, "--out", tmp_path / "out", "--rules", RULES)
    assert f"::error file={folder / 'empty.txt'},title=copydesk input.empty::file is empty" in result.output


def test_declared_files_that_are_missing_are_warned_about_and_the_rest_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_bytes(GOOD)
    rows = "".join(f"gone{i:02d}.txt,\n" for i in range(12))
    (folder / "manifest.csv").write_text(f"path,source\nstory.txt,\n{rows}", encoding="utf-8")
    result = run_cli("check", folder, "--rules", RULES)
    assert result.exit_code == 0
    assert "checked 1 file(s)" in result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("copydesk: warning:")]
    assert warnings[0] == f"copydesk: warning: {folder / 'manifest.csv'}:3: declares 'gone00.txt', which does not exist"
    assert len(warnings) == 11 and warnings[-1] == "copydesk: warning: 2 more declared files do not exist"


def test_each_folder_brings_its_own_manifest(tmp_path: Path) -> None:
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "story.txt").write_bytes(GOOD)
        (folder / "manifest.csv").write_text(f"path,source,language\nstory.txt,src-{name},en\n")
    out = tmp_path / "out"
    run_cli("check", tmp_path / "a", tmp_path / "b", "--out", out, "--rules", RULES)
    reports = reports_in(out)
    assert set(reports) == {"story.txt", "story.txt~2"}  # the manifests are not inputs
    assert {r["source"]["id"] for r in reports.values()} == {"src-a", "src-b"}


def test_a_file_whose_outputs_cannot_be_written_fails_and_the_rest_is_checked(tmp_path: Path) -> None:
    folder, out = _two_inputs_and_a_blocked_output(tmp_path, "files/a.txt.report.json")
    result = run_cli("check", folder, "--out", out, "--rules", RULES)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "FAIL a.txt: outputs.write_failed: cannot write its outputs: " in result.output
    assert "a.txt.report.json: Is a directory" in result.output
    assert json.loads((out / "files" / "b.txt.report.json").read_text(encoding="utf-8"))["verdict"] != "fail"
    assert not [p for p in (out / "files").iterdir() if p.name.endswith(".tmp")]  # no temp file left behind


def test_run_outputs_that_cannot_be_written_are_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "records.parquet").mkdir(parents=True)
    result = run_cli("check", ARTICLES / "harbour_gazette_en.txt", "--out", out, "--rules", RULES)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "copydesk: error: cannot write the run's outputs: " in result.output
    assert "records.parquet: Is a directory" in result.output


def test_rules_show_names_every_rule_and_where_it_came_from(tmp_path: Path) -> None:
    (tmp_path / "builtin.yaml").write_text("disable: [boilerplate/ko]\n")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bugle.yaml").write_text("id: bugle\nfingerprints: ['^The Daily Bugle$']\n")
    result = run_cli("rules", "show", "--rules", tmp_path)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"rules: built-in + {tmp_path}"
    assert any(line.startswith("built-in") and "boilerplate/en.yaml" in line for line in lines)
    assert any(line.startswith(str(tmp_path)) and "bugle.yaml" in line for line in lines)
    assert "    bugle.fingerprints[0]  ^The Daily Bugle$" in lines
    assert not any("boilerplate/ko" in line for line in lines if not line.startswith("disabled"))
    assert "disabled: boilerplate/ko" in lines
    data = json.loads(run_cli("rules", "show", "--rules", tmp_path, "--format", "json").output)
    assert data["disabled"] == ["boilerplate/ko"] and {f["origin"] for f in data["files"]} == {
        "built-in",
        str(tmp_path),
    }


def test_a_run_without_project_rules_says_so_in_one_line(tmp_path: Path) -> None:
    shutil.copy(ARTICLES / "harbour_gazette_en.txt", tmp_path / "page.txt")
    os.chdir(tmp_path)
    try:
        result = run_cli("check", "page.txt")
    finally:
        os.chdir(Path(__file__).parent)
    assert "rules: built-in only" in result.output.splitlines()


def test_quiet_and_verbose(tmp_path: Path) -> None:
    page, chrome = ARTICLES / "harbour_gazette_en.txt", ARTICLES / "all_chrome_en.txt"
    normal = run_cli("check", page, chrome, "--rules", RULES).output.splitlines()
    quiet = run_cli("check", page, chrome, "--rules", RULES, "-q").output.splitlines()
    verbose = run_cli("check", page, chrome, "--rules", RULES, "-v").output.splitlines()
    assert any(line.startswith("FAIL all_chrome_en.txt") for line in normal)
    assert quiet[-1].startswith("checked 2 file(s)") and not any("all_chrome_en.txt" in line for line in quiet)
    assert "PASS harbour_gazette_en.txt" in verbose or any("harbour_gazette_en.txt" in line for line in verbose)
    assert run_cli("check", page, chrome, "--rules", RULES, "-qq").output == ""


def test_help_lists_the_exit_codes() -> None:
    for args in ((), ("check",)):
        text = run_cli(*args, "--help").output
        assert "Exit status: 0" in text and "130" in text and "2 could not run" in text


def test_clean_decode_and_explain_read_stdin() -> None:
    data = (ARTICLES / "harbour_gazette_en.txt").read_bytes()
    runner = CliRunner()
    from_file = runner.invoke(main, ["clean", str(ARTICLES / "harbour_gazette_en.txt"), "--rules", str(RULES)])
    from_stdin = runner.invoke(main, ["clean", "-", "--rules", str(RULES)], input=data)
    assert from_stdin.exit_code == 0 and from_stdin.output == from_file.output
    french = "Le café de la gare a rouvert ses portes après les travaux d'été, à la grande joie des élèves.\n" * 3
    decoded = runner.invoke(main, ["decode", "-", "--language", "fr"], input=french.encode("cp1252"))
    assert decoded.exit_code == 0 and decoded.output == french
    assert runner.invoke(main, ["explain", "-"], input=data).output.startswith("file      -")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process state from /proc")
def test_ctrl_c_exits_130_with_one_line_and_no_traceback() -> None:
    import signal
    import time

    process = subprocess.Popen(
        [sys.executable, "-m", "copydesk", "check", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        sleeping = 0
        deadline = time.monotonic() + 60
        while sleeping < 5 and time.monotonic() < deadline:  # blocked on stdin: past every import
            state = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            sleeping = sleeping + 1 if state == "S" else 0
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert err.decode().strip() == "copydesk: interrupted"


def test_decode_of_a_folder_converts_every_file_not_only_txt(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.xml").write_bytes(GOOD)
    (tmp_path / "in" / "b.txt").write_bytes(GOOD)
    result = run_cli("decode", tmp_path / "in", "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.xml.txt", "b.txt.txt"]


def test_a_file_name_cannot_forge_a_workflow_command_or_reach_the_terminal(tmp_path: Path) -> None:
    """A newline in a name used to start a line of its own in the CI log (``::stop-commands::``
    switched every later annotation off), and an ESC reached the terminal."""
    name = "x\n::stop-commands::tok\x1b[31m.txt"
    (tmp_path / name).write_text("Home | News | Sport\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "check", str(tmp_path), "--rules", str(RULES)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "GITHUB_ACTIONS": "true"},
        timeout=120,
    )
    lines = (done.stdout + done.stderr).splitlines()
    assert done.returncode == 1
    assert not any(line.startswith("::") and not line.startswith("::error ") for line in lines)
    assert "\x1b" not in done.stdout + done.stderr
    assert any("x\\x0a::stop-commands::tok\\x1b[31m.txt" in line for line in lines)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the drop this test makes
def test_an_interrupt_python_drops_inside_a_finaliser_still_ends_the_run_as_interrupted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C while a ``__del__`` runs: Python prints "Exception ignored" and goes on; the
    run must not then report success."""
    import signal

    import copydesk.cli.decode as decode_command

    class Finalised:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(1000):  # the handler runs here, inside the finaliser
                pass

    real = decode_command.decode_path

    def decode_path(*args: Any, **kwargs: Any) -> Any:
        Finalised()  # made and finalised at once
        return real(*args, **kwargs)

    monkeypatch.setattr(decode_command, "decode_path", decode_path)
    result = CliRunner().invoke(main, ["decode", str(ARTICLES / "harbour_gazette_en.txt")])
    assert result.exit_code == 130
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored after the run


def test_a_run_started_with_ctrl_c_ignored_keeps_ignoring_it() -> None:
    import signal

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        result = CliRunner().invoke(main, ["decode", str(ARTICLES / "harbour_gazette_en.txt")])
        assert result.exit_code == 0
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
