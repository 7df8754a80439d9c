from pathlib import Path

import jsonschema
import pytest

from copydesk.pipeline import analyse
from copydesk.reports.json_report import build_report, validate_report
from copydesk.rules.ruleset import RuleSet
from tests.conftest import ARTICLES


def test_every_fixture_report_validates(project_rules: RuleSet, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [*sorted(ARTICLES.iterdir()), tmp_path / "empty.txt", tmp_path / "missing.txt"]
    for path in paths:
        validate_report(build_report(analyse(path, path.name, project_rules)))


def test_fields_not_yet_checked_are_null(project_rules: RuleSet) -> None:
    report = build_report(analyse(ARTICLES / "sahil_ar.txt", "sahil_ar.txt", project_rules))
    assert report["article"]["published"] is None  # the page gives no date and no fetched_at is declared
    assert [q["speaker"] for q in report["article"]["quotes"]] == ["رئيس البلدية"]
    assert report["provenance"] is None
    assert report["language"] == "ar"


def test_schema_rejects_a_broken_report(project_rules: RuleSet) -> None:
    report = build_report(analyse(ARTICLES / "no_chrome_en.txt", "x", project_rules))
    report["verdict"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        validate_report(report)
