"""[tool.copydesk] and copydesk.toml: found walking up, checked, overridden by flags."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from copydesk.cli.config import find, parse
from copydesk.rules.errors import RuleFileError
from tests.conftest import ARTICLES, RULES, run_cli


@pytest.fixture
def inside(tmp_path: Path) -> Iterator[Path]:
    before = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(before)


def test_pyproject_table_is_found_from_a_subfolder_with_paths_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.copydesk]\nrules = "my-rules"\nfail-on = "warning"\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    config = find(tmp_path / "a" / "b")
    assert config.path == tmp_path.resolve() / "pyproject.toml"
    assert config.rules == tmp_path.resolve() / "my-rules" and config.fail_on == "warning"


def test_a_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "copydesk.toml").write_text('exclude = ["drafts/**"]\n')
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find(tmp_path / "inner").exclude == ("drafts/**",)


def test_copydesk_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.copydesk]\nmax-bytes = 5\n")
    (tmp_path / "copydesk.toml").write_text("max-bytes = 7\n")
    assert find(tmp_path).max_bytes == 7


def test_no_configuration_is_an_empty_one(tmp_path: Path) -> None:
    config = find(tmp_path)
    assert config.path is None and config.rules is None and config.include is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"fail_on": "sometimes"}, "fail-on: must be one of"),
        ({"max-bytes": 0}, "max-bytes: must be 1 or more"),
        ({"max-bytes": True}, "max-bytes: must be a whole number"),
        ({"include": [1]}, "include: must be a glob"),
        ({"suite": "yes"}, "suite: must be true or false"),
        ({"data_docs": 1}, "data-docs: must be true or false"),
        ({"rulez": "rules"}, "unknown key 'rulez'"),
    ],
)
def test_a_wrong_key_or_value_names_the_file(tmp_path: Path, table: dict[str, object], message: str) -> None:
    with pytest.raises(RuleFileError, match=message) as caught:
        parse(table, tmp_path / "copydesk.toml")
    assert str(caught.value).startswith(str(tmp_path / "copydesk.toml"))


def test_data_docs_from_the_configuration_and_off_by_flag(inside: Path) -> None:
    (inside / "copydesk.toml").write_text(f'data-docs = true\nrules = "{RULES}"\nout = "out"\n')
    shutil.copy(ARTICLES / "harbour_gazette_en.txt", inside / "a.txt")
    assert run_cli("check", "a.txt").exit_code == 0
    summary = json.loads((inside / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["batch"]["expectations"]["engine"] == "great_expectations"
    assert (inside / "out" / "gx" / "index.html").is_file()
    assert run_cli("check", "a.txt", "--no-data-docs", "--out", "out2").exit_code == 0
    summary = json.loads((inside / "out2" / "summary.json").read_text(encoding="utf-8"))
    assert summary["batch"]["expectations"]["engine"] == "copydesk" and not (inside / "out2" / "gx").exists()


def test_broken_toml_is_exit_2_in_one_line(inside: Path) -> None:
    (inside / "copydesk.toml").write_text("fail-on = \n")
    (inside / "a.txt").write_text("Some text.\n")
    result = run_cli("check", "a.txt")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "copydesk.toml: invalid TOML" in result.output


def test_the_configuration_applies_and_flags_override_it(inside: Path) -> None:
    (inside / "pyproject.toml").write_text('[tool.copydesk]\nfail-on = "never"\nout = "out"\n')
    page = ARTICLES / "all_chrome_en.txt"
    assert run_cli("check", page).exit_code == 0  # fail-on never, from the table
    assert (inside / "out" / "summary.json").is_file()
    assert run_cli("check", page, "--fail-on", "error").exit_code == 1
    summary = json.loads((inside / "out" / "summary.json").read_text())
    assert summary["fail_on"] == "error"


def test_the_configured_rules_folder_is_used(inside: Path) -> None:
    rules = inside / "conf" / "house-rules"
    (rules / "sources").mkdir(parents=True)
    (rules / "sources" / "bugle.yaml").write_text("id: bugle\nfingerprints: ['^The Daily Bugle$']\n")
    (inside / "conf" / "copydesk.toml").write_text('rules = "house-rules"\n')
    page = inside / "conf" / "page.txt"
    page.write_text("The Daily Bugle\n\n" + "A full sentence of the story goes on here, as stories do.\n" * 5)
    os.chdir(inside / "conf")
    result = run_cli("check", "page.txt", "--format", "json")
    assert json.loads(result.output)["rules"]["directory"] == str(rules.resolve())
