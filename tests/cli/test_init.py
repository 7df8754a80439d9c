"""copydesk init: a starter that passes its own gate and never overwrites a file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

from copydesk.rules.ruleset import load_rules
from tests.conftest import run_cli


def test_init_writes_a_project_whose_gate_runs(tmp_path: Path) -> None:
    result = run_cli("init", tmp_path)
    assert result.exit_code == 0, result.output
    for name in (
        "copydesk.toml",
        "corpus/manifest.csv",
        "rules/sources/example.yaml",
        ".github/workflows/copydesk.yml",
    ):
        assert (tmp_path / name).is_file(), name
    workflow = yaml.safe_load((tmp_path / ".github/workflows/copydesk.yml").read_text())
    steps = workflow["jobs"]["gate"]["steps"]
    assert any("copydesk check" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in steps)
    assert "example-news" in load_rules(tmp_path / "rules").profiles
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        checked = run_cli("check", "corpus", "--format", "json")
    finally:
        os.chdir(before)
    summary = json.loads(checked.output)
    assert checked.exit_code == 0 and summary["counts"]["files"] == 1 and summary["counts"]["pass"] == 1
    report = json.loads((tmp_path / "reports/files/example.txt.report.json").read_text())
    assert report["source"]["id"] == "example-news" and report["article"]["quotes"][0]["speaker"] == "Ahmed Khan"


def test_init_keeps_existing_files(tmp_path: Path) -> None:
    (tmp_path / "copydesk.toml").write_text("# mine\n")
    result = run_cli("init", tmp_path)
    assert "kept  " in result.output and (tmp_path / "copydesk.toml").read_text() == "# mine\n"
