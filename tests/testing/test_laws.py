"""The kit on the project's own rules, the counterexamples it found (kept as regressions), and
the kit catching rules that are wrong."""

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings

from copydesk.rules.ruleset import RuleSet, load_rules
from copydesk.testing import (
    CLEANER_LAWS,
    Block,
    Dateline,
    LawBroken,
    Page,
    dateline_parses,
    datelines,
    encoded_pages,
    idempotent,
    never_removes_body,
    pages,
    removes_covered_chrome,
    repairs_mojibake,
    round_trips,
)
from tests.conftest import FIXTURES, PROPERTY_EXAMPLES, RULES, run_cli

QUICK = settings(max_examples=PROPERTY_EXAMPLES, deadline=None)
GREEDY = FIXTURES / "rules_greedy"


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules(RULES)


@pytest.mark.parametrize("law", CLEANER_LAWS, ids=lambda law: law.__name__)
@pytest.mark.parametrize("language", ["en", "ar", "de", "fr", "ru"])
def test_the_project_rules_obey_the_cleaner_laws(
    rules: RuleSet, language: str, law: Callable[[Page, RuleSet], None]
) -> None:
    @QUICK
    @given(pages(language))
    def holds(page: Page) -> None:
        law(page, rules)

    holds()


@pytest.mark.parametrize("source", ["tass", "urdupoint", "blogger-repost"])
def test_source_profiles_keep_generated_articles(rules: RuleSet, source: str) -> None:
    @QUICK
    @given(pages("en"))
    def holds(page: Page) -> None:
        never_removes_body(page, rules, source)

    holds()


@pytest.mark.parametrize("language", ["en", "ar", "de", "ru"])
def test_the_encoding_step_round_trips_generated_pages(language: str) -> None:
    @QUICK
    @given(encoded_pages(pages(language)))
    def holds(item: tuple[Page, str, bytes]) -> None:
        round_trips(item[0].text, item[1], item[2], language)

    holds()


@pytest.mark.parametrize("style", ["tass", "sputnik", "reuters", "reuters_short", "ap", "afp", "xinhua", "wam"])
def test_every_wire_style_parses(rules: RuleSet, style: str) -> None:
    @QUICK
    @given(datelines(style))
    def holds(dateline: Dateline) -> None:
        dateline_parses(dateline, rules)

    holds()


# -- counterexamples the kit found, kept ------------------------------------------------------

SHARE_WIDGET_PAGE = Page(
    "fr",
    (
        Block("chrome", ("The Daily Courier",), "site_name"),
        Block("chrome", ("Home", "World", "Business", "Politics"), "menu"),
        Block("title", ("Adgj a adgj a adgj a",)),
        Block("body", ("LONDON, January 1, 2000 (AFP) - Adgj a adgj a adgj a adgj a. Adgj a adgj a adgj ainsi.",)),
        Block("body", ('"Adgj a adgj a adgj a hloru a," Adgj Ûêçz.',)),
        Block("body", ('"Adgj a adgj a adgj a adgj afin," Adgj Ûêçz.',)),
        Block("chrome", ("Share this:", "Share on Facebook"), "share"),
        Block("chrome", ("© 2000 The Daily Courier. All rights reserved.",), "copyright"),
    ),
)


def test_regression_share_buttons_after_an_article_in_another_language(rules: RuleSet) -> None:
    """Found by idempotent[fr]: "Share this:" was read as introducing the buttons below it,
    kept in the first pass and dropped in the second. Brand-name buttons are chrome in any
    language, and a colon line introducing nothing is not part of the article."""
    idempotent(SHARE_WIDGET_PAGE, rules)
    never_removes_body(SHARE_WIDGET_PAGE, rules)
    clean = idempotent.__globals__["check_text"](SHARE_WIDGET_PAGE.text, rules, "fr").article_text
    assert "Share" not in clean


def test_regression_a_german_page_with_few_accents_is_cp1252() -> None:
    """Found by round_trips[de]: five non-ASCII bytes were read as ISO-8859-3 (Maltese);
    the declared language now picks among its own code pages when the detectors do not."""
    text = 'Adgj ab adgj ab adgj aber.\n\n"Adgj ab adgj ab hknru ab," Adgj Üzvs.\n\n© 2000 The Daily Courier.\n'
    round_trips(text, "cp1252", text.encode("cp1252"), "de")


def test_regression_french_cp1252_full_of_accents_is_not_mac_roman() -> None:
    """Found by round_trips[fr]: chardet scored Mac Roman and three Latin code pages alike
    (and its cp1252 at the level it gives when nothing matched); Mac Roman, first, read
    "xàèôad" as "x‡ËÙad"."""
    text = (
        "The Daily Courier\n\nHome\nWorld\nBusiness\nPolitics\n\nÔadgj alors éùbeh but dgjnqtw ces\n\n"
        "Ùbehloru club xàèôad celle oruxà dit xàèô corps. Twzçêûcf chez vyâéùb a çêûcfim car ruxàèôad dit.\n\n"
        '"Çêûcfim chef hloru centre zçêûcfim août âéùbehlo créé," Adgj Ûêçz.\n\n'
        '"Xàèôad car éùbehlo base ùbeh appelé ruxà avec," Adgj Ûêçz.\n\n'
        "© 2000 The Daily Courier. All rights reserved.\n"
    )
    round_trips(text, "cp1252", text.encode("cp1252"), "fr")


def test_regression_russian_utf8_read_as_cp1251() -> None:
    """Found by repairs_mojibake[ru]: ftfy leaves Cyrillic mojibake ("Р°Рі") alone; and then
    (at 300 examples) the copyright sign of a Russian page, "В©"."""
    text = 'Агжй а агжй а агжй автор.\n\n"Агжй а агжй автора," Агжй Ёэъч.\n\n© 2000 The Daily Courier.\n'
    repairs_mojibake(text, text.encode("utf-8").decode("cp1251").encode("utf-8"), "ru")


# -- the kit catches wrong rules --------------------------------------------------------------


def test_a_greedy_line_rule_breaks_the_body_law() -> None:
    greedy = load_rules(GREEDY)
    page = Page(
        "en",
        (
            Block("chrome", ("Metro Herald",), "site_name"),
            Block("title", ("Budget vote delayed again",)),
            Block("body", ("The council approved the harbour budget after a long debate on Monday.",)),
            Block("body", ("Officials said the new bridge would open in the spring of next year.",)),
            Block("chrome", ("© 2024 Metro Herald",), "copyright"),
        ),
    )
    with pytest.raises(LawBroken, match="body paragraph removed"):
        never_removes_body(page, greedy)


def test_a_dateline_rule_that_misses_a_place_breaks_the_dateline_law() -> None:
    greedy = load_rules(GREEDY)
    dateline_parses(Dateline("MOSCOW, May 1. /TASS/.", "MOSCOW", "TASS", "tass"), greedy)
    with pytest.raises(LawBroken, match="dateline not found"):
        dateline_parses(Dateline("NEW YORK, May 1. /TASS/.", "NEW YORK", "TASS", "tass"), greedy)


def test_covered_chrome_that_stays_breaks_the_chrome_law(rules: RuleSet) -> None:
    """A page whose only text is a covered line is kept by nothing: the law holds; a rule set
    that covers a body line is caught by the body law instead. Here: the law names the rule."""
    page = Page("en", (Block("chrome", ("Recent Stories",), "recent_stories"),))
    removes_covered_chrome(page, rules)


def test_cli_prints_the_shrunk_counterexample_and_fails() -> None:
    result = run_cli("rules", "test", GREEDY, "--law", "dateline_parses", "--examples", "50", "--seed", "1")
    assert result.exit_code == 1
    assert "FAIL dateline_parses[tass]" in result.output
    assert "counterexample (shrunk): Dateline(text='" in result.output
    assert "0 passed, 1 failed" in result.output


def test_laws_run_side_by_side_report_as_they_do_one_after_another() -> None:
    """In worker processes the laws give the same outcomes, in the plan's order, and a
    broken one still comes back with its shrunk counterexample."""
    from copydesk.testing.runner import run_all

    rules = load_rules(RULES)
    asked = {"languages": ["en"], "examples": 5, "seed": 2, "only": ("never_removes_body", "idempotent", "reversible")}
    alone = [(run.name, run.ok, run.examples) for run in run_all(rules, **asked, jobs=1)]
    side = [(run.name, run.ok, run.examples) for run in run_all(rules, **asked, jobs=2)]
    assert side == alone and len(alone) >= 3
    result = run_cli("rules", "test", GREEDY, "--law", "dateline_parses", "--examples", "50", "--seed", "1", "-j", "2")
    assert result.exit_code == 1
    assert "counterexample (shrunk): Dateline(text='" in result.output


def test_cli_passes_on_the_project_rules() -> None:
    result = run_cli("rules", "test", RULES, "--examples", "5", "--language", "en", "--seed", "2")
    assert result.exit_code == 0, result.output
    assert "never_removes_body[en, source tass]" in result.output
    assert " 0 failed" in result.output


@pytest.mark.slow
def test_cli_shrinks_a_body_counterexample(tmp_path: Path) -> None:
    result = run_cli(
        "rules", "test", GREEDY, "--law", "never_removes_body", "--language", "en", "--examples", "30", "--seed", "1"
    )
    assert result.exit_code == 1
    assert "FAIL never_removes_body[en]" in result.output and "Page(language='en'" in result.output
