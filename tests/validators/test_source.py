from pathlib import Path

from copydesk.lines import split_lines
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.ruleset import RuleSet
from copydesk.validators.source import identify

WIRE = "MOSCOW, March 3. /TASS/. The talks will continue next week, the ministry said.\n"


def test_fingerprint_near_the_top(project_rules: RuleSet) -> None:
    source, profile, _ = identify(project_rules, split_lines("Headline here\n" + WIRE), None)
    assert source.matched_by == "fingerprint" and profile is not None and profile.id == "tass"
    assert source.publisher == "TASS" and source.host == "tass.com"


def test_more_fingerprints_win(project_rules: RuleSet) -> None:
    text = "Talks to go on - Lavrov More:\n" + WIRE + "\nPopular posts from this blog\nOther post\n"
    _, profile, _ = identify(project_rules, split_lines(text), None)
    assert profile is not None and profile.id == "blogger-repost"


def test_fingerprint_in_the_middle_of_a_long_page_is_ignored(project_rules: RuleSet) -> None:
    filler = "A line of ordinary article text goes here.\n" * 20
    _, profile, _ = identify(project_rules, split_lines(filler + WIRE + filler), None)
    assert profile is None


def test_manifest_declaration_wins_and_host_is_checked(project_rules: RuleSet) -> None:
    entry = ManifestEntry(path=Path("x"), url="https://news.other.example/a", source="tass")
    source, profile, findings = identify(project_rules, split_lines("Popular posts from this blog\n"), entry)
    assert source.matched_by == "manifest" and profile is not None and profile.id == "tass"
    assert [f.rule for f in findings] == ["source.host_mismatch"]


def test_unknown_declared_source(project_rules: RuleSet) -> None:
    entry = ManifestEntry(path=Path("x"), url="https://www.example.org/a", source="nobody")
    source, profile, findings = identify(project_rules, split_lines(WIRE), entry)
    assert profile is None and source.id == "nobody" and source.host == "www.example.org"
    assert [f.rule for f in findings] == ["source.unknown_profile"]
