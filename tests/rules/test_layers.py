"""Built-in rules always load; a project's folder adds, replaces by name and switches off."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.rules.errors import RuleFileError
from copydesk.rules.layers import BUILTIN_DIR, names_rule, rule_files
from copydesk.rules.ruleset import describe, load_rules


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _ids(rules_set: object) -> set[str]:
    found: set[str] = set()
    for generic in rules_set.generic:  # type: ignore[attr-defined]
        found.update(p.rule_id for p in generic.boilerplate.lines + generic.boilerplate.tail_markers)
    return found


def test_built_in_rules_load_with_no_folder_at_all() -> None:
    rules = load_rules(None)
    assert rules.builtin_only and rules.directory is None
    kinds = {file.kind for file in rules.files}
    assert kinds == {"boilerplate", "dates", "datelines", "attribution", "model"}  # the line model is on by default
    assert all(file.builtin and file.path.is_relative_to(BUILTIN_DIR) for file in rules.files)
    assert rules.attribution and rules.datelines and rules.agencies.names and rules.date_cues and rules.line_model


def test_a_project_file_adds_to_the_built_in_rules(tmp_path: Path) -> None:
    _write(tmp_path / "boilerplate" / "house.yaml", "language: en\nlines: ['^Subscribe to the Bugle$']\n")
    rules = load_rules(tmp_path)
    assert "generic.house.lines[0]" in _ids(rules)
    assert "generic.en.lines[0]" in _ids(rules)  # the built-in English file is still there
    assert [f.origin for f in rules.files if f.name == "boilerplate/house"] == [str(tmp_path)]


def test_a_project_file_of_a_built_in_name_replaces_it(tmp_path: Path) -> None:
    _write(tmp_path / "boilerplate" / "en.yaml", "language: en\nlines: ['^Only this$']\n")
    rules = load_rules(tmp_path)
    english = [g for g in rules.generic if g.name == "generic.en"]
    assert len(english) == 1 and [p.source for p in english[0].boilerplate.lines] == ["^Only this$"]
    assert not [f for f in rules.files if f.name == "boilerplate/en" and f.builtin]


def test_disable_switches_off_a_file_a_section_or_one_rule(tmp_path: Path) -> None:
    _write(
        tmp_path / "builtin.yaml",
        "disable:\n  - boilerplate/ko\n  - generic.en.tail_markers\n  - generic.any.lines[0]\n",
    )
    rules = load_rules(tmp_path)
    assert "boilerplate/ko" not in {f.name for f in rules.files}
    english = next(g for g in rules.generic if g.name == "generic.en")
    assert english.boilerplate.tail_markers == () and english.boilerplate.lines
    assert "generic.any.lines[0]" not in _ids(rules) and "generic.any.lines[1]" in _ids(rules)
    assert rules.disabled == ("boilerplate/ko", "generic.en.tail_markers", "generic.any.lines[0]")
    assert rules.digest != load_rules(None).digest


def test_a_disable_name_that_matches_nothing_is_an_error_with_its_line(tmp_path: Path) -> None:
    _write(tmp_path / "builtin.yaml", "disable:\n  - generic.en.lines[0]\n  - generic.en.linez\n")
    with pytest.raises(RuleFileError) as caught:
        load_rules(tmp_path)
    assert caught.value.line == 3 and "generic.en.linez" in str(caught.value)


def test_builtin_yaml_takes_only_a_list_of_names(tmp_path: Path) -> None:
    _write(tmp_path / "builtin.yaml", "switch: [x]\n")
    with pytest.raises(RuleFileError, match=r"the keys are 'disable'"):
        load_rules(tmp_path)


def test_a_name_covers_an_id_only_at_a_part_boundary() -> None:
    assert names_rule("generic.en", "generic.en.lines[3]")
    assert names_rule("generic.en.lines", "generic.en.lines[3]")
    assert names_rule("generic.en.lines[3]", "generic.en.lines[3]")
    assert not names_rule("generic.e", "generic.en.lines[3]")
    assert not names_rule("generic.en.lines[3]", "generic.en.lines[30]")


def test_a_project_agencies_file_extends_the_built_in_table(tmp_path: Path) -> None:
    _write(
        tmp_path / "attribution" / "agencies-local.yaml",
        "language: any\nagencies:\n  Bugle Wire: ['\\bBugle Wire\\b']\n",
    )
    rules = load_rules(tmp_path)
    names = [name for name, _ in rules.agencies.names]
    assert "Bugle Wire" in names and "TASS" in names


def test_files_come_kind_by_kind_in_name_order(tmp_path: Path) -> None:
    _write(tmp_path / "sources" / "b.yaml", "id: b\n")
    _write(tmp_path / "sources" / "a.yaml", "id: a\n")
    files = rule_files(tmp_path)
    assert [f.name for f in files[:2]] == ["sources/a", "sources/b"]
    assert [f.kind for f in files] == sorted(
        (f.kind for f in files), key=["sources", "boilerplate", "dates", "datelines", "attribution"].index
    )


def test_describe_lists_every_rule_of_a_file_and_leaves_out_what_is_disabled() -> None:
    english = next(f for f in load_rules(None).files if f.name == "boilerplate/en")
    listed = dict(describe(english))
    assert "generic.en.lines[0]" in listed
    assert "generic.en.lines[0]" not in dict(describe(english, ("generic.en.lines[0]",)))
    words = next(f for f in load_rules(None).files if f.name == "attribution/en")
    assert "verbs" in describe(words)[0][1]
