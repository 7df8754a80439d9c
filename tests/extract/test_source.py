from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from copydesk.extract.source import fingerprint_score, identify
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.ruleset import RuleSet, SourceProfile, load_rules
from copydesk.text.lines import split_lines
from tests.conftest import RULES

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


EDGE_PIECES = [
    "UrduPoint Network is the largest",
    "(UrduPoint News / Sputnik)",
    "/TASS/.",
    "MOSCOW",
    "Popular posts from this blog",
    "More:",
    "تم أضافة تعليقك سوف يظهر بعد المراجعة",
    "© 2024-2025, UrduPoint Network",
    "\t",
]


@cache
def repository_profiles() -> tuple[SourceProfile, ...]:
    return tuple(load_rules(RULES).profiles.values())


@given(st.lists(st.lists(st.sampled_from(EDGE_PIECES), max_size=4).map(" ".join), max_size=8))
def test_the_page_search_scores_as_the_line_by_line_one(edges: list[str]) -> None:
    for profile in repository_profiles():
        assert fingerprint_score(profile, edges, "\n".join(edges)) == fingerprint_score(profile, edges)
