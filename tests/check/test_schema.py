import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from copydesk.check.records import COLUMNS
from copydesk.check.schema import load_records_schema, validate_records
from copydesk.rules.errors import RuleFileError
from tests.conftest import ARTICLES, FIXTURES, RULES, reports_in, run_cli

BATCH = FIXTURES / "batch"


def record(**values: Any) -> dict[str, Any]:
    base: dict[str, Any] = dict.fromkeys(COLUMNS)
    base.update(file="a.txt", sha256="0" * 64, verdict="pass", language="en", title="A title", agencies=[])
    base.update(lines=10, removed_lines=2, bytes=100, quotes=0, quotes_attributed=0, errors=0, warnings=0)
    base.update(repairs=0, replacement_chars=0, body_chars=80, boilerplate_ratio=0.2, republished=False)
    base.update(values)
    return base


def test_the_project_schema_loads_and_needs_no_pandera() -> None:
    schema = load_records_schema(RULES / "records.schema.yaml")
    assert schema.plan is not None and schema.schema is None
    assert "language" in [column.column for column in schema.plan.columns]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("unknown_column.schema.yaml", "headline are not record columns"),
        ("unknown_check.schema.yaml", "not a valid pandera schema"),
        ("not_yaml.schema.yaml", "invalid YAML"),
        ("missing.schema.yaml", "cannot read"),
    ],
)
def test_a_broken_schema_is_a_rules_error_naming_the_file(name: str, reason: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        load_records_schema(BATCH / name)
    assert name in str(caught.value) and reason in str(caught.value)


def test_each_failing_row_is_a_finding_naming_column_and_check() -> None:
    schema = load_records_schema(BATCH / "strict.schema.yaml")
    fetched = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    rows = [
        record(file="ok.txt"),
        record(file="fr.txt", language="fr"),
        record(file="untitled.txt", title=None),
        record(file="future.txt", published_utc=dt.datetime(2024, 3, 2, tzinfo=dt.UTC), fetched_at=fetched),
        record(file="past.txt", published_utc=dt.datetime(2024, 2, 2, tzinfo=dt.UTC), fetched_at=fetched),
    ]
    by_row, table = validate_records(schema, rows)
    assert table == []
    assert sorted(by_row) == [1, 2, 3]
    assert [f.rule for f in by_row[1]] == ["schema.language.isin"]
    assert "'fr'" in by_row[1][0].message
    assert [f.rule for f in by_row[2]] == ["schema.title.not_nullable"]
    assert [f.rule for f in by_row[3]] == ["schema.published_utc.not_after"]
    assert "2024-03-02T00:00:00+00:00 is after 2024-03-01T00:00:00+00:00" in by_row[3][0].message
    assert all(f.severity == "error" for found in by_row.values() for f in found)


def test_required_per_source_names_the_missing_fields() -> None:
    schema = load_records_schema(RULES / "records.schema.yaml")
    rows = [
        record(file="t.txt", source="tass", published="2021-07-09", dateline_agency="TASS"),
        record(file="u.txt", source="tass", title=None, published=None, dateline_agency="TASS"),
        record(file="o.txt", source="other", title=None),
    ]
    by_row, _ = validate_records(schema, rows)
    assert list(by_row) == [1]
    assert by_row[1][0].rule == "schema.required_per_source"
    assert "missing published, title" in by_row[1][0].message


def test_a_clean_batch_has_no_findings() -> None:
    schema = load_records_schema(RULES / "records.schema.yaml")
    assert validate_records(schema, [record(), record(file="b.txt", sha256="1" * 64)]) == ({}, [])


def test_cli_puts_schema_findings_in_the_file_report_and_fails_the_gate(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("harbour_gazette_en.txt", "courrier_fr.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    out = tmp_path / "out"
    result = run_cli("check", folder, "--rules", RULES, "--schema", BATCH / "strict.schema.yaml", "--out", out)
    assert result.exit_code == 1
    assert "courrier_fr.txt: schema.language.isin" in result.output
    reports = reports_in(out)
    french = reports["courrier_fr.txt"]
    assert french["verdict"] == "fail"
    assert [f["rule"] for f in french["findings"] if f["rule"].startswith("schema.")] == ["schema.language.isin"]
    assert not [f for f in reports["harbour_gazette_en.txt"]["findings"] if f["rule"].startswith("schema.")]
    assert "schema.language.isin" in (out / "files" / "courrier_fr.txt.html").read_text(encoding="utf-8")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"]["fail"] == 1 and summary["findings_by_rule"]["schema.language.isin"] == 1


def test_a_file_its_own_record_flags_is_analysed_once_and_uniqueness_still_checks_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers decide each record's own declarations; only a duplicate waits for the batch."""
    from copydesk.run import executor

    analysed: list[str] = []
    analyse = executor.analyse

    def counted(path: Path, name: str, *args: Any) -> Any:
        analysed.append(name)
        return analyse(path, name, *args)

    monkeypatch.setattr(executor, "analyse", counted)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("harbour_gazette_en.txt", "courrier_fr.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    schema = tmp_path / "both.schema.yaml"
    schema.write_text(
        "columns:\n  language: {dtype: str, nullable: true, checks: {isin: [en]}}\n"
        "  sha256: {dtype: str, nullable: true, unique: true}\ncoerce: true\n",
        encoding="utf-8",
    )

    def check() -> dict[str, list[str]]:
        out = tmp_path / f"out{len(list(tmp_path.iterdir()))}"
        result = run_cli("check", folder, "--schema", schema, "--out", out, "-j", "1", "--no-corpus")
        assert result.exit_code == 1, result.output
        return {
            name: [f["rule"] for f in report["findings"] if f["rule"].startswith("schema.")]
            for name, report in reports_in(out).items()
        }

    assert check() == {"courrier_fr.txt": ["schema.language.isin"], "harbour_gazette_en.txt": []}
    assert sorted(analysed) == ["courrier_fr.txt", "harbour_gazette_en.txt"]  # the flagged file once
    analysed.clear()
    shutil.copy(ARTICLES / "courrier_fr.txt", folder / "courrier_fr_again.txt")
    both = ["schema.language.isin", "schema.sha256.field_uniqueness"]
    assert check() == {"courrier_fr.txt": both, "courrier_fr_again.txt": both, "harbour_gazette_en.txt": []}
    assert sorted(analysed) == ["courrier_fr.txt"] * 2 + ["courrier_fr_again.txt"] * 2 + ["harbour_gazette_en.txt"]


@pytest.mark.parametrize("name", ["unknown_column.schema.yaml", "not_yaml.schema.yaml"])
def test_cli_broken_schema_is_exit_2_with_one_line(tmp_path: Path, name: str) -> None:
    result = run_cli("check", ARTICLES / "harbour_gazette_en.txt", "--schema", BATCH / name, "--out", tmp_path)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and name in result.output
    assert not (tmp_path / "files").exists()  # nothing checked


def test_files_the_schema_flags_are_checked_again_alike_by_one_worker_or_two(tmp_path: Path) -> None:
    """Enough flagged files that two workers re-check them: the same reports as one."""
    from copydesk.run.batch import RECHECK_PER_WORKER

    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(2 * RECHECK_PER_WORKER + 1):  # the same bytes: every sha256 repeats
        shutil.copy(ARTICLES / "harbour_gazette_en.txt", folder / f"copy{number:02d}.txt")
    schema = BATCH / "unique_sha.schema.yaml"
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = run_cli("check", folder, "--schema", schema, "--out", out, "-j", jobs, "--no-corpus")
        assert result.exit_code == 1, result.output
        outs.append({name: {**report, "provenance": None} for name, report in reports_in(out).items()})
    assert outs[0] == outs[1]  # but for provenance's times
    assert all(
        [f["rule"] for f in report["findings"]].count("schema.sha256.field_uniqueness") == 1
        for report in outs[1].values()
    )
