from pathlib import Path

import pytest

from copydesk.rules.errors import RuleFileError
from copydesk.rules.ruleset import load_attribution, load_date_cues, load_profile, load_rules
from tests.conftest import FIXTURES, RULES


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "sources" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_project_rules_load() -> None:
    rules = load_rules(RULES)
    assert {"urdupoint", "tass", "blogger-repost", "arabic-outlet"} <= set(rules.profiles)
    assert {g.language for g in rules.generic} >= {"any", "en", "ar"}
    assert len(rules.digest) == 64


def test_bad_regex_names_file_and_line() -> None:
    with pytest.raises(RuleFileError) as caught:
        load_rules(FIXTURES / "rules_broken")
    assert caught.value.line == 8
    assert str(caught.value).startswith(str(FIXTURES / "rules_broken" / "sources" / "bad.yaml") + ":8:")
    assert "boilerplate.lines[1]" in str(caught.value)


def test_unknown_key_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "id: x\nhost: x.example\nboilerplat:\n  lines: []\n")
    with pytest.raises(RuleFileError) as caught:
        load_profile(path)
    assert caught.value.line == 3 and "unknown key" in caught.value.reason


def test_a_date_form_must_name_year_month_and_day(tmp_path: Path) -> None:
    good = r"(?P<year>\d{4})/(?P<month>\d\d)/(?P<day>\d\d)"
    path = write(tmp_path, "xx.yaml", f"language: xx\nforms:\n  - '{good}'\n  - '(?P<year>\\d{{4}})-(\\d\\d)'\n")
    with pytest.raises(RuleFileError) as caught:
        load_date_cues(path)
    assert caught.value.line == 4 and "month, day" in caught.value.reason
    path.write_text(f"language: xx\nforms: ['{good}']\n", encoding="utf-8")
    assert [form.rule_id for form in load_date_cues(path).forms] == ["dates.xx.forms[0]"]


def test_month_names_are_twelve_lists(tmp_path: Path) -> None:
    path = write(tmp_path, "xx.yaml", "language: xx\nmonths:\n  - [una]\n  - [dua]\n")
    with pytest.raises(RuleFileError) as caught:
        load_date_cues(path)
    assert caught.value.line == 2 and "twelve lists" in caught.value.reason
    twelve = "".join(f"  - [m{n}, 'second  name {n}']\n" for n in range(1, 12)) + "  - [7]\n"
    path.write_text(f"language: xx\nmonths:\n{twelve}", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_date_cues(path)
    assert caught.value.line == 14 and "month names" in caught.value.reason
    path.write_text(f"language: xx\nmonths:\n{twelve.replace('[7]', '[m12]')}", encoding="utf-8")
    months = load_date_cues(path).months
    assert len(months) == 12 and months[0] == ("m1", "second name 1")  # white space inside a name is one space


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "id: x\nboilerplate:\n  lines: ['^a$'\n  tail_markers: []\n")
    with pytest.raises(RuleFileError) as caught:
        load_profile(path)
    assert caught.value.line is not None and "invalid YAML" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("publisher: X\n", "id is required"),
        ("id: Bad Id\n", "id is required"),
        ("id: x\nrequire: [weather]\n", "cannot require"),
        ("id: x\nseverity: {missing_title: fatal}\n", "severity must be"),
        ("id: x\nfingerprints: 'not a list'\n", "must be a list"),
    ],
)
def test_invalid_profiles(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(RuleFileError) as caught:
        load_profile(write(tmp_path, "x.yaml", text))
    assert needle in caught.value.reason


def test_duplicate_profile_ids(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: same\n")
    write(tmp_path, "b.yaml", "id: same\n")
    with pytest.raises(RuleFileError, match="already declared"):
        load_rules(tmp_path)


def test_digest_changes_with_any_rule(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: a\n")
    before = load_rules(tmp_path).digest
    write(tmp_path, "a.yaml", "id: a\nhost: a.example\n")
    assert load_rules(tmp_path).digest != before


def test_missing_rules_directory(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="does not exist"):
        load_rules(tmp_path / "nope")


def test_attribution_words_load_case_folded_and_must_be_words(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text("language: xx\nverbs: [says]\npronouns: [He]\nspeaker_nouns: [Board, campaign]\n")
    words = load_attribution(path)
    assert words.pronouns == {"he"} and words.speaker_nouns == {"board", "campaign"}
    path.write_text("language: xx\nverbs: [says]\nspeaker_nouns: [board, 3]\n")
    with pytest.raises(RuleFileError, match=r"xx\.yaml:3: speaker_nouns: must be a list of words"):
        load_attribution(path)
