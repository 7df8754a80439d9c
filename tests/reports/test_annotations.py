from pathlib import Path

import pytest

from copydesk.reports.annotations import annotation, batch_annotations, file_annotations
from tests.conftest import ARTICLES, RULES, run_cli


def test_an_annotation_names_file_line_and_rule() -> None:
    assert annotation("error", "news/a.txt", 3, "copydesk dates.after_fetch", "after the fetch") == (
        "::error file=news/a.txt,line=3,title=copydesk dates.after_fetch::after the fetch"
    )


def test_scraped_text_cannot_forge_a_second_command() -> None:
    line = annotation("warning", "a,b:c.txt", None, "t", "100% sure\n::error::forged")
    assert line == "::warning file=a%2Cb%3Ac.txt,title=t::100%25 sure%0A::error::forged"
    assert "\n" not in line


def test_only_errors_and_warnings_are_annotated() -> None:
    rows = [
        {
            "name": "a.txt",
            "findings": [
                {"rule": "x", "severity": "error", "message": "m", "line": 2},
                {"rule": "y", "severity": "info", "message": "m", "line": None},
                {"rule": "z", "severity": "warning", "message": "m", "line": None},
            ],
        }
    ]
    found = list(file_annotations(rows, {"a.txt": Path("corpus/a.txt")}.get))
    assert found == [
        "::error file=corpus/a.txt,line=2,title=copydesk x::m",
        "::warning file=corpus/a.txt,title=copydesk z::m",
    ]
    assert list(batch_annotations([{"rule": "expectations", "message": "m"}])) == [
        "::error title=copydesk expectations::m"
    ]


def test_the_cli_annotates_only_on_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    page = ARTICLES / "all_chrome_en.txt"
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert "::error" not in run_cli("check", page, "--rules", RULES).output
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    output = run_cli("check", page, "--rules", RULES).output
    assert f"::error file={page.as_posix()},title=copydesk boilerplate.no_article::" in output


def test_annotations_stop_at_what_github_shows_and_say_how_many_more() -> None:
    from copydesk.reports.annotations import MAX_PER_LEVEL

    finding = {"severity": "error", "rule": "r", "message": "m", "line": None}
    rows = [{"name": f"{i}.txt", "findings": [finding]} for i in range(MAX_PER_LEVEL + 3)]
    commands = list(file_annotations(rows, lambda name: None))
    assert len(commands) == MAX_PER_LEVEL + 1
    assert commands[-1].startswith("::notice ") and "3 more error(s)" in commands[-1]


def test_an_escape_in_a_message_is_made_visible() -> None:
    assert "\x1b" not in annotation("error", "a.txt", None, "t", "red \x1b[31m text")


def test_the_step_summary_lists_failed_files_as_plain_table_cells() -> None:
    from copydesk.reports.annotations import step_summary

    data = {
        "counts": {"files": 2, "pass": 1, "warn": 0, "fail": 1, "failed_gate": 1},
        "fail_on": "error",
        "batch": {"failures": [{"rule": "schema", "message": "bad <b>"}]},
    }
    finding = {"severity": "error", "rule": "input.empty", "message": "file is empty", "line": None}
    rows = [
        {"name": "ok.txt", "failed": False, "verdict": "pass", "findings": []},
        {"name": "a|<b>\n.txt", "failed": True, "verdict": "fail", "findings": [finding]},
    ]
    text = step_summary(data, rows)
    assert "| a&#124;&lt;b&gt;\\x0a.txt | input.empty: file is empty |" in text
    assert "ok.txt" not in text and "- batch schema: bad &lt;b&gt;" in text
