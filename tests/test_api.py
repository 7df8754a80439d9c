"""copydesk.check_text and copydesk.load_rules: the CLI's report, from Python."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import copydesk
from copydesk.reports.json_report import validate_report
from copydesk.rules.errors import RuleFileError
from tests.conftest import ARTICLES, RULES, reports_in, run_cli


def test_check_text_returns_the_report_the_cli_writes(tmp_path: Path) -> None:
    page = ARTICLES / "harbour_gazette_en.txt"
    run_cli("check", page, "--out", tmp_path, "--rules", RULES, "--no-corpus")
    written = reports_in(tmp_path)["harbour_gazette_en.txt"]
    report = copydesk.check_text(page.read_bytes(), name="harbour_gazette_en.txt", rules=copydesk.load_rules(RULES))
    produced = report.to_dict()
    validate_report(produced)
    for key in ("verdict", "encoding", "language", "source", "article", "boilerplate", "findings", "sha256"):
        assert produced[key] == written[key], key
    assert report.verdict == written["verdict"] and report.article.title == written["article"]["title"]
    assert report.clean_text == (tmp_path / "files" / "harbour_gazette_en.txt.clean.txt").read_text(encoding="utf-8")


def test_text_and_bytes_give_the_same_answer_and_built_in_rules_need_no_folder() -> None:
    text = (ARTICLES / "vesti_ru.txt").read_text(encoding="utf-8")
    as_text, as_bytes = copydesk.check_text(text), copydesk.check_text(text.encode("utf-8"))
    assert as_text.to_dict()["article"] == as_bytes.to_dict()["article"]
    assert as_text.language == "ru" and as_text.name == "<text>"


def test_source_names_a_profile_and_an_unknown_one_is_an_error() -> None:
    rules = copydesk.load_rules(RULES)
    report = copydesk.check_text("MOSCOW, July 9. /TASS/. The talks went on.\n", source="tass", rules=rules)
    assert report.source == "tass"
    with pytest.raises(ValueError, match="not a profile"):
        copydesk.check_text("text", source="nope", rules=rules)


def test_a_broken_rules_folder_raises_the_rule_file_error(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "x.yaml").write_text("id: [\n")
    with pytest.raises(RuleFileError, match=r"x\.yaml"):
        copydesk.load_rules(tmp_path)


def test_the_public_names_and_a_cheap_import() -> None:
    assert set(copydesk.__all__) >= {"check_text", "load_rules", "Report", "RuleSet"}
    code = "import copydesk, sys; print(json.dumps(sorted(m for m in sys.modules if m.startswith('copydesk'))))"
    done = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == ["copydesk"]  # nothing else until a name is used
