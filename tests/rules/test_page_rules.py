from pathlib import Path

from copydesk.rules.page_rules import DateRules
from copydesk.rules.ruleset import RuleSet, load_rules


def write(folder: Path, relative: str, text: str) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def small_rules(tmp_path: Path) -> RuleSet:
    write(
        tmp_path,
        "sources/example.yaml",
        "id: example\nhost: example.org\nbylines: ['^Written by ']\ndateline: '^(?P<place>[A-Z]+) -'\n"
        "boilerplate:\n  lines: ['^Example menu$']\n",
    )
    write(tmp_path, "boilerplate/xx.yaml", "language: xx\nlines: ['^Xx chrome$']\nbylines: ['^Par ']\n")
    return load_rules(tmp_path)


def test_a_bundle_is_built_once_per_source_and_language(tmp_path: Path) -> None:
    rules = small_rules(tmp_path)
    profile = rules.profiles["example"]
    first = rules.bundle(profile, "xx")
    assert rules.bundle(profile, "xx") is first
    assert rules.bundle(None, "xx") is not first and rules.bundle(profile, "en") is not first


def test_the_profile_comes_first_then_the_language_files(tmp_path: Path) -> None:
    rules = small_rules(tmp_path)
    profile = rules.profiles["example"]
    page = rules.bundle(profile, "xx")
    assert page.boilerplate[0] is profile.boilerplate
    assert page.bylines[0].source == "^Written by " and "^Par " in {p.source for p in page.bylines}
    assert page.datelines[0].source == "^(?P<place>[A-Z]+) -"
    assert "^Example menu$" in {p.source for p in page.any_boilerplate}
    assert "^Xx chrome$" in {p.source for p in page.any_boilerplate}
    other = rules.bundle(None, "yy")  # a language no file is for: built-ins of ``any`` alone
    assert "^Xx chrome$" not in {p.source for p in other.any_boilerplate}
    assert "^Written by " not in {p.source for p in other.bylines}


def test_a_rule_list_of_the_bundle_keeps_its_pattern_set(tmp_path: Path) -> None:
    page = small_rules(tmp_path).bundle(None, "xx")
    assert page.any_boilerplate.matcher is page.any_boilerplate.matcher


FORM = "(?P<day>\\d+)\\.(?P<month>\\d+)\\.(?P<year>\\d{4}) zz"


def test_date_rules_take_english_cue_words_for_every_language_and_forms_for_their_own(tmp_path: Path) -> None:
    write(tmp_path, "dates/more_en.yaml", "language: en\npublished: ['Posted on']\n")
    write(tmp_path, "dates/zz.yaml", f"language: zz\npublished: ['Julkaistu']\nforms: ['{FORM}']\n")
    cues = load_rules(tmp_path).date_cues
    zz, xx = DateRules.of(cues, "zz"), DateRules.of(cues, "xx")
    assert {"Posted on", "Julkaistu"} <= {p.source for p in zz.published}
    assert "Posted on" in {p.source for p in xx.published} and "Julkaistu" not in {p.source for p in xx.published}
    assert FORM in {p.source for p in zz.forms} and FORM not in {p.source for p in xx.forms}
