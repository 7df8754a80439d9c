import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from copydesk.check import gx_engine
from copydesk.check.expectations import failures, load_suite, run_suite
from copydesk.rules.errors import RuleFileError
from tests.check.test_schema import record
from tests.conftest import ARTICLES, FIXTURES, RULES, run_cli

BATCH = FIXTURES / "batch"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("unknown_column.expectations.json", "no record column 'headline'"),
        ("not_json.expectations.json", "not JSON"),
        ("unknown_type.expectations.json", "expect_column_values_to_be_shiny not found"),
        ("kwargs_not_object.expectations.json", "'kwargs' is not an object"),
    ],
)
def test_a_broken_suite_is_a_rules_error(name: str, reason: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        load_suite(BATCH / name)
    assert name in str(caught.value) and reason in str(caught.value)


def test_cli_broken_suite_is_exit_2_with_one_line(tmp_path: Path) -> None:
    suite = BATCH / "unknown_type.expectations.json"
    result = run_cli("check", ARTICLES / "harbour_gazette_en.txt", "--expectations", suite, "--out", tmp_path)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "unknown_type.expectations.json" in result.output
    assert not (tmp_path / "files").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_suite_found_during_the_first_pass_still_writes_nothing(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for page in sorted(ARTICLES.glob("*_en.txt"))[:4]:  # four files: the corpus pass runs
        shutil.copy(page, folder / page.name)
    suite = BATCH / "unknown_type.expectations.json"
    out = tmp_path / "out"
    result = run_cli("check", folder, "--expectations", suite, "--out", out, "-j", jobs)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "unknown_type.expectations.json" in result.output
    assert not out.exists()  # neither reports nor the ledger


def test_data_docs_accept_a_relative_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", ARTICLES / "harbour_gazette_en.txt", "--rules", RULES, "--out", "rel", "--data-docs")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "rel" / "gx" / "index.html").is_file()
    index = (tmp_path / "rel" / "index.html").read_text(encoding="utf-8")
    assert 'Decided by great-expectations: <a href="gx/index.html">' in index


def test_the_suite_runs_in_an_ephemeral_context_and_writes_data_docs(tmp_path: Path) -> None:
    suite = load_suite(BATCH / "corpus.expectations.json")
    rows = [
        record(file="a.txt", sha256="a" * 64, published="2024-01-02"),
        record(file="b.txt", sha256="a" * 64, published=None, language="fr"),
    ]
    result = run_suite(suite, rows, tmp_path / "gx")
    assert result["success"] is False and result["evaluated"] == 3 and result["failed"] == 3
    assert failures(result) == [
        "expectation expect_column_values_to_be_unique on sha256 failed (2 unexpected)",
        "expectation expect_column_values_to_not_be_null on published failed (1 unexpected)",
        "expectation expect_column_values_to_be_in_set on language failed (1 unexpected)",
    ]
    assert (tmp_path / "gx" / "index.html").is_file()
    json.dumps(result)  # plain JSON, for summary.json
    assert not list(Path.cwd().glob("gx/uncommitted"))  # ephemeral: no project folder left behind


def test_a_suite_that_holds_passes(tmp_path: Path) -> None:
    suite = load_suite(RULES / "expectations.json")
    result = run_suite(suite, [record(), record(file="b.txt", sha256="b" * 64)], None)
    assert result["success"] is True and failures(result) == [] and result["data_docs"] is None


def test_no_socket_is_opened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """GX's usage analytics are off: a run connects nowhere (a connection attempt fails the test)."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("copydesk tests: no network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]
    suite = load_suite(BATCH / "corpus.expectations.json")
    run_suite(suite, [record()], tmp_path / "gx")
    assert attempts == []
    assert os.environ["GX_ANALYTICS_ENABLED"] == "False"


def test_a_failed_expectation_fails_the_gate_and_lands_in_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ARTICLES / "harbour_gazette_en.txt", folder / "one.txt")
    shutil.copy(ARTICLES / "harbour_gazette_en.txt", folder / "copy.txt")  # same sha256
    out = tmp_path / "out"
    result = run_cli("check", folder, "--rules", RULES, "--out", out)
    assert result.exit_code == 1
    assert "FAIL batch: expectations: expectation expect_column_values_to_be_unique on sha256 failed" in result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["batch"]["expectations"]["success"] is False
    assert summary["batch"]["expectations"]["engine"] == "copydesk"  # the project's suite needs no GX
    assert summary["counts"]["fail"] == 0  # the files themselves pass; the batch does not
    junit = (out / "junit.xml").read_text(encoding="utf-8")
    assert 'tests="3" failures="1"' in junit and 'name="batch"' in junit  # agrees with the exit status
    assert not (out / "gx").exists()  # Data Docs only when asked for
    assert "Decided by copydesk." in (out / "index.html").read_text(encoding="utf-8")
    assert run_cli("check", folder, "--rules", RULES, "--fail-on", "never").exit_code == 0


@pytest.mark.parametrize(
    ("suite", "options", "needs_gx"),
    [
        (RULES / "expectations.json", (), False),
        (RULES / "expectations.json", ("--data-docs",), True),
        (BATCH / "mean.expectations.json", (), True),  # a type copydesk does not evaluate itself
    ],
)
def test_without_the_extra_gx_is_asked_for_only_when_needed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, suite: Path, options: tuple[str, ...], needs_gx: bool
) -> None:
    real = importlib.util.find_spec

    def hidden(name: str, *args: Any) -> Any:
        return None if name == "great_expectations" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", hidden)
    result = run_cli("check", ARTICLES / "harbour_gazette_en.txt", "--expectations", suite, "--out", tmp_path, *options)
    if needs_gx:
        assert result.exit_code == 2
        assert gx_engine.INSTALL_HINT in result.output and suite.name in result.output
        assert result.output.count("\n") == 1
    else:
        assert result.exit_code == 0, result.output


def test_the_projects_schema_and_suite_import_no_engine(tmp_path: Path) -> None:
    """The point of deciding the common declarations: a one-file run pays none of the engines' imports."""
    code = (
        "import sys; from copydesk.cli import main; sys.argv = ['copydesk', 'check', sys.argv[1],"
        " '--rules', sys.argv[2], '--out', sys.argv[3]]\n"
        "try: main()\nexcept SystemExit as exit: print(exit.code,"
        " [name for name in ('great_expectations', 'pandera', 'pandas') if name in sys.modules])"
    )
    args = [ARTICLES / "harbour_gazette_en.txt", RULES, tmp_path]
    done = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 []", done.stdout + done.stderr
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["batch"]["expectations"]["engine"] == "copydesk"


def test_a_suite_with_another_type_runs_in_gx(tmp_path: Path) -> None:
    suite = load_suite(BATCH / "mean.expectations.json")
    assert not suite.native
    result = run_suite(suite, [record(quotes=2), record(file="b.txt", quotes=4)], None)
    assert result["engine"] == "great_expectations" and result["success"] is True
    assert result["expectations"][0]["observed_value"] == 3.0


def test_data_docs_without_a_suite_say_there_are_none(tmp_path: Path) -> None:
    result = run_cli("check", ARTICLES / "harbour_gazette_en.txt", "--out", tmp_path, "--data-docs", "--no-suite")
    assert result.exit_code == 0 and "no Data Docs to write" in result.output
    assert not (tmp_path / "gx").exists()


def test_data_docs_need_a_local_output_folder() -> None:
    result = run_cli("check", ARTICLES / "harbour_gazette_en.txt", "--rules", RULES, "--data-docs")
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "--out" in result.output


def test_a_hostile_value_in_the_records_cannot_run_script_in_the_data_docs(tmp_path: Path) -> None:
    """A manifest language (or license, or a scraped title) is rendered raw by GX's Data Docs;
    every page gets a policy that forbids scripts, inline handlers included."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ARTICLES / "harbour_gazette_en.txt", folder / "one.txt")
    payload = "<img src=x onerror=alert(1)>"
    (folder / "manifest.jsonl").write_text(json.dumps({"path": "one.txt", "language": payload}) + "\n")
    out = tmp_path / "out"
    result = run_cli("check", folder, "--rules", RULES, "--out", out, "--data-docs")
    assert result.exit_code == 1  # the language is not in the suite's set
    pages = list((out / "gx").rglob("*.html"))
    assert any(payload in page.read_text(encoding="utf-8") for page in pages)  # GX writes it raw
    for page in pages:
        text = page.read_text(encoding="utf-8")
        policy = text.find(f'content="{gx_engine.DOCS_POLICY}"')
        assert 0 <= policy < text.lower().find("</head>"), page
        assert "script-src" not in gx_engine.DOCS_POLICY and "default-src 'none'" in gx_engine.DOCS_POLICY
