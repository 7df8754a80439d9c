import hashlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import ARTICLES, FIXTURES, RULES, run_cli

PAGES = ("harbour_gazette_en.txt", "no_chrome_en.txt", "short_quotes_en.txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in PAGES:
        shutil.copy(ARTICLES / name, folder / name)
    return folder


def check(folder: Path, out: Path, *args: str | Path) -> dict[str, object]:
    result = run_cli("check", folder, "--rules", RULES, "--out", out, "--no-corpus", *args)
    assert result.exit_code in (0, 1), result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    summary["output"] = result.output
    return summary


def skipped(summary: dict[str, object]) -> int:
    return summary["counts"]["skipped"]  # type: ignore[index,no-any-return]


def test_a_rerun_skips_what_is_unchanged_and_says_so(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = check(corpus, out)
    report = out / "files" / "harbour_gazette_en.txt.report.json"
    written = report.stat().st_mtime_ns
    second = check(corpus, out)
    assert skipped(first) == 0 and skipped(second) == 3
    assert "skipped 3 file(s) unchanged since the last run" in str(second["output"])
    assert report.stat().st_mtime_ns == written  # not rewritten
    assert second["counts"]["pass"] == first["counts"]["pass"]  # type: ignore[index]
    assert second["files"] == first["files"]
    assert second["timings"]["step_seconds"] == {}  # type: ignore[index]  # nothing was checked
    with sqlite3.connect(out / "ledger.sqlite") as db:
        rows = db.execute(
            "select name, sha256, rules_digest, tool_version, verdict from files order by name"
        ).fetchall()
    assert [row[0] for row in rows] == sorted(PAGES) and all(len(row[1]) == 64 for row in rows)


def test_changed_bytes_rules_or_manifest_are_checked_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    check(corpus, out)
    page = corpus / "no_chrome_en.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence for the record.\n", encoding="utf-8")
    assert skipped(check(corpus, out)) == 2
    (corpus / "manifest.csv").write_text("path,fetched_at\nno_chrome_en.txt,2024-01-01T00:00:00Z\n", encoding="utf-8")
    assert skipped(check(corpus, out)) == 2
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    with open(rules / "sources" / "tass.yaml", "a", encoding="utf-8") as handle:
        handle.write("# a changed rule file changes the digest\n")
    result = run_cli("check", corpus, "--rules", rules, "--out", out, "--no-corpus")
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["counts"]["skipped"] == 0, result.output


def test_no_cache_checks_everything_and_a_missing_report_is_rewritten(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    check(corpus, out)
    assert skipped(check(corpus, out, "--no-cache")) == 0
    (out / "files" / "short_quotes_en.txt.report.json").unlink()
    assert skipped(check(corpus, out)) == 2
    assert (out / "files" / "short_quotes_en.txt.report.json").is_file()


def test_a_reused_file_loses_batch_findings_that_no_longer_hold(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    schema = FIXTURES / "batch" / "unique_sha.schema.yaml"
    shutil.copy(corpus / "no_chrome_en.txt", corpus / "copy.txt")
    check(corpus, out, "--schema", schema)
    report = out / "files" / "no_chrome_en.txt.report.json"
    assert "schema.sha256.field_uniqueness" in report.read_text(encoding="utf-8")
    (corpus / "copy.txt").write_text("A different page now.\n\nWith its own words in it.\n", encoding="utf-8")
    second = check(corpus, out, "--schema", schema)
    assert skipped(second) == 3  # the three unchanged pages were reused ...
    assert "schema." not in report.read_text(encoding="utf-8")  # ... and the stale finding was cleared


def test_with_the_corpus_pass_the_survey_digest_keys_the_ledger(corpus: Path, tmp_path: Path) -> None:
    shutil.copy(ARTICLES / "sahil_ar.txt", corpus / "sahil_ar.txt")  # four files: the survey runs
    out = tmp_path / "out"
    run_cli("check", corpus, "--rules", RULES, "--out", out)
    second = run_cli("check", corpus, "--rules", RULES, "--out", out)
    assert "skipped 4 file(s) unchanged since the last run" in second.output
    with sqlite3.connect(out / "ledger.sqlite") as db:
        stored = dict(db.execute("select name, sha256 from files").fetchall())
    assert stored == {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in corpus.iterdir()}
    page = corpus / "no_chrome_en.txt"
    page.write_bytes(page.read_bytes() + b"\nA late correction to the record.\n")
    third = run_cli("check", corpus, "--rules", RULES, "--out", out)
    assert "skipped 3 file(s) unchanged since the last run" in third.output


def test_without_pages_the_index_links_reports_and_a_later_run_writes_the_pages(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    check(corpus, out, "--no-pages")
    assert not list((out / "files").glob("*.html"))
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(files/[^"]+)"', index)
    assert sorted(links) == sorted(f"files/{name}.report.json" for name in PAGES)
    assert all((out / link).is_file() for link in links)
    again = check(corpus, out)  # the ledger would skip them all, but their pages are missing
    assert skipped(again) == 0
    assert sorted(p.name for p in (out / "files").glob("*.html")) == sorted(f"{name}.html" for name in PAGES)
    assert 'href="files/harbour_gazette_en.txt.html"' in (out / "index.html").read_text(encoding="utf-8")
    assert skipped(check(corpus, out)) == len(PAGES)


def test_a_ledger_that_cannot_be_written_is_a_warning_and_the_reports_are_still_written(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk or a folder made read-only used to end the run with a sqlite3 traceback."""
    from copydesk.run import ledger

    def full(self: ledger.Ledger, *args: object) -> None:
        self._failed(sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(ledger.Ledger, "store", full)
    out = tmp_path / "out"
    result = run_cli("check", corpus, "--rules", RULES, "--out", out, "--no-corpus")
    assert result.exit_code == 0, result.output
    assert "database or disk is full: results are not recorded" in result.output
    assert (out / "summary.json").is_file() and (out / "junit.xml").is_file()


def test_a_damaged_ledger_is_set_aside_and_the_run_starts_afresh(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    check(corpus, out)
    (out / "ledger.sqlite").write_bytes(b"not a database at all" * 100)
    again = check(corpus, out)
    assert skipped(again) == 0 and (out / "ledger.sqlite.damaged").is_file()
    assert skipped(check(corpus, out)) == len(PAGES)  # and the fresh ledger works


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_holds_it(corpus: Path, tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with (out / ".copydesk.lock").open("ab") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run_cli("check", corpus, "--rules", RULES, "--out", out)
    assert result.exit_code == 2 and "another copydesk run is writing to this folder" in result.output


def test_rows_are_committed_as_the_run_goes(tmp_path: Path) -> None:
    """A killed run loses only the files in flight: another connection sees each row at once."""
    from copydesk.run.ledger import Ledger

    book = Ledger(tmp_path)
    book.store("a.txt", "k", {"verdict": "pass", "record": {"sha256": "0" * 64}}, "digest")
    reader = sqlite3.connect(tmp_path / "ledger.sqlite")
    seen = reader.execute("select count(*) from files").fetchone()[0]
    reader.close()
    book.close()
    assert seen == 1
    assert not (tmp_path / "ledger.sqlite-wal").exists()  # the log is folded back on close


def test_a_failing_write_turns_the_ledger_off_instead_of_raising(tmp_path: Path) -> None:
    from copydesk.run.ledger import Ledger

    book = Ledger(tmp_path)
    assert book._db is not None
    book._db.close()  # every statement now fails as a full or read-only disk would make it fail
    book.store("a.txt", "k", {"verdict": "pass"}, "digest")
    assert book.problem is not None and "not recorded" in book.problem
    assert book.lookup("a.txt", "k") is None
    book.mark_batch(["a.txt"])
    book.close()


def test_the_key_changes_with_a_deciding_library(monkeypatch: pytest.MonkeyPatch) -> None:
    from copydesk.run import ledger

    before = ledger.file_key("0" * 64, "digest", None, frozenset(), 100)
    installed = ledger.libraries()
    monkeypatch.setattr(ledger, "libraries", lambda: {**installed, "dateparser": "0.0.1"})
    assert ledger.file_key("0" * 64, "digest", None, frozenset(), 100) != before
    assert {"python", "chardet", "dateparser", "ftfy"} <= set(installed)


def test_a_folder_a_run_has_not_finished_says_its_summary_and_index_are_stale(corpus: Path, tmp_path: Path) -> None:
    """An interrupted rerun used to leave the old summary and index beside newer reports, unmarked."""
    from copydesk.run.batch import mark_stale

    out = tmp_path / "out"
    check(corpus, out)
    mark_stale(out, "2026-12-06T12:00:00+00:00")  # what a run does before it writes any report
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert "has not finished" in summary["stale"] and summary["counts"]["files"] == len(PAGES)
    assert 'class="stale"' in (out / "index.html").read_text(encoding="utf-8")
    check(corpus, out)  # a run that completes replaces both
    assert "stale" not in json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert 'class="stale"' not in (out / "index.html").read_text(encoding="utf-8")


def test_a_file_rewritten_between_its_digest_and_its_check_is_checked_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its result came from other bytes than its key names; it used to be reused by the next run."""
    from copydesk.run import executor

    out = tmp_path / "out"
    monkeypatch.setattr(executor, "_regular_file_digest", lambda path: "0" * 64)  # the bytes changed after
    check(corpus, out)
    monkeypatch.undo()
    assert skipped(check(corpus, out)) == 0
    assert skipped(check(corpus, out)) == len(PAGES)


def test_a_changed_schema_checks_the_files_again(corpus: Path, tmp_path: Path) -> None:
    """The workers decide each record's own declarations, so a file's result depends on the schema."""
    shutil.copy(ARTICLES / "courrier_fr.txt", corpus / "courrier_fr.txt")
    out = tmp_path / "out"
    schema = tmp_path / "languages.schema.yaml"
    report = out / "files" / "courrier_fr.txt.report.json"
    schema.write_text("columns:\n  language: {dtype: str, nullable: true, checks: {isin: [en]}}\ncoerce: true\n")
    check(corpus, out, "--schema", schema)
    assert "schema.language.isin" in report.read_text(encoding="utf-8")
    assert skipped(check(corpus, out, "--schema", schema)) == 4
    schema.write_text("columns:\n  language: {dtype: str, nullable: true, checks: {isin: [en, fr]}}\ncoerce: true\n")
    assert skipped(check(corpus, out, "--schema", schema)) == 0
    assert "schema." not in report.read_text(encoding="utf-8")
