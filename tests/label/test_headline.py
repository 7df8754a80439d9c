"""The headline scorer: which lines it weighs, what it reads of them, whom it picks, how it is trained."""

import json
from pathlib import Path

import pytest

from copydesk.label import headline
from copydesk.label.headline_training import TitledPage, cross_validated, fit, held_out
from copydesk.pipeline import label_by_rules, label_lines
from copydesk.rules.errors import RuleFileError
from copydesk.rules.model_file import HeadlineWeights
from copydesk.rules.model_file import load as load_model
from copydesk.rules.ruleset import BoilerplateRules, GenericPatterns, RuleSet, load_rules
from copydesk.text.lines import split_lines
from tests.label.test_structure import BYLINES

RULES = RuleSet(None, {}, (GenericPatterns("generic.t", "any", BoilerplateRules(), BYLINES),), "")
PARA = "The regional council approved the new harbour plan on Tuesday after two years of public debate."
PARA2 = "Fishermen said they would watch the works closely, and the first contracts are due in the spring."
HEADLINE = "Council approves the harbour plan"
CHROME = "Sign in to read more stories"
PAGE = f"The Daily Lantern\n{HEADLINE}\nShare on social media\n{CHROME}\n{PARA}\n{PARA2}\n"


def seen_on(text: str) -> tuple[list[str], headline.Candidates]:
    lines = split_lines(text)
    seen: list[headline.Candidates] = []
    label_by_rules(lines, RULES, None, "en", headlines_seen=seen)
    return [line.stripped for line in lines], seen[0]


def column(found: headline.Candidates, name: str) -> list[float]:
    return [row[headline.FEATURES.index(name)] for row in found.rows]


def weights(**named: float) -> HeadlineWeights:
    return HeadlineWeights(headline.FEATURES, tuple(named.get(name, 0.0) for name in headline.FEATURES), 0.0)


def test_candidates_are_headline_shaped_lines_near_the_article_never_its_paragraphs() -> None:
    texts, found = seen_on(PAGE)
    chosen = [texts[i] for i in found.indices]
    assert chosen == ["The Daily Lantern", HEADLINE, "Share on social media", CHROME]
    assert all(len(row) == len(headline.FEATURES) for row in found.rows)


@pytest.mark.parametrize(("menu", "reached"), [(headline.ABOVE - 1, True), (headline.ABOVE, False)])
def test_the_candidates_reach_a_headline_over_a_long_menu_up_to_the_window(menu: int, reached: bool) -> None:
    """A site's menu or a list of other stories often stands between the headline and the article."""
    items = "\n".join(f"Section number {i}" for i in range(menu))
    texts, found = seen_on(f"{HEADLINE}\n{items}\n{PARA}\n{PARA2}\n")
    assert (HEADLINE in [texts[i] for i in found.indices]) is reached


def test_the_rule_of_thumb_takes_the_nearest_headline_long_line_and_is_marked() -> None:
    _, found = seen_on(PAGE)
    assert column(found, "rule_of_thumb") == [0.0, 0.0, 0.0, 1.0]  # the chrome nearest the article


def test_overlap_is_the_share_of_a_lines_words_the_article_repeats() -> None:
    _, found = seen_on(PAGE)
    overlap = column(found, "overlap")
    assert overlap[1] == pytest.approx(2 / 3)  # harbour and plan of approves, harbour, plan (council: a stop-word)
    assert overlap[0] == overlap[3] == 0.0
    assert max(column(found, "overlap_gap")) == 0.0 and column(found, "overlap_gap")[3] == -overlap[1]


def test_only_the_rule_of_thumbs_pick_is_weighed_inside_the_article_and_not_by_its_own_words() -> None:
    # A headline a first cleaning left in the article must not be taken on a second one.
    texts, found = seen_on(f"The Daily Lantern\n{PARA}\nHarbour works begin in spring\n{PARA2}\n")
    assert [texts[i] for i in found.indices] == ["The Daily Lantern"]  # not the subheading inside
    release = "Harbour works begin in spring!"
    long_para = f"{PARA} {PARA2} The mayor thanked the crews."
    texts, found = seen_on(f"The Daily Lantern\n{release}\n\n{long_para}\n")
    inside = [j for j, i in enumerate(found.indices) if texts[i] == release]
    assert inside and column(found, "inside")[inside[0]] == 1.0 and column(found, "rule_of_thumb")[inside[0]] == 1.0
    assert column(found, "overlap")[inside[0]] == pytest.approx(2 / 3)  # harbour, spring; never "begin", its own


def test_a_line_standing_alone_between_blank_lines_is_marked_isolated() -> None:
    page = f"The Daily Lantern\nHome\n\n{HEADLINE}\n\nShare on social media\n{CHROME}\n{PARA}\n{PARA2}\n"
    texts, found = seen_on(page)
    isolated = dict(zip([texts[i] for i in found.indices], column(found, "isolated"), strict=True))
    assert isolated[HEADLINE] == 1.0
    assert isolated["The Daily Lantern"] == isolated["Share on social media"] == isolated[CHROME] == 0.0
    _, found = seen_on(PAGE)  # no blank lines: nothing stands alone
    assert set(column(found, "isolated")) == {0.0}


def by_text(texts: list[str], found: headline.Candidates, name: str) -> dict[str, float]:
    return dict(zip([texts[i] for i in found.indices], column(found, name), strict=True))


def test_a_headline_shown_inside_a_longer_line_is_marked_quoted_elsewhere() -> None:
    """A breadcrumb's last step or a "Headline | Site" line quotes the headline; a line the
    page repeats whole is "repeated", not quoted, and a short label inside a line is neither."""
    crumb = f"Home » News » {HEADLINE}"
    texts, found = seen_on(
        f"The Daily Lantern | News\n{crumb}\n{HEADLINE}\nShare on social media\n{CHROME}\n{PARA}\n{PARA2}\n"
    )
    quoted = by_text(texts, found, "quoted_elsewhere")
    assert quoted[HEADLINE] == 1.0
    assert quoted["The Daily Lantern | News"] == quoted[crumb] == quoted[CHROME] == 0.0
    texts, found = seen_on(f"{HEADLINE}\nNews\n{HEADLINE.upper()}\n{CHROME}\n{PARA}\n{PARA2}\n")
    assert by_text(texts, found, "quoted_elsewhere")[CHROME] == 0.0
    assert set(column(found, "quoted_elsewhere")) == {0.0}  # the same line again, in capitals: whole, not inside
    texts, found = seen_on(f"Top stories\nMore top stories from the city\n{HEADLINE}\n{PARA}\n{PARA2}\n")
    assert by_text(texts, found, "quoted_elsewhere") == {
        "Top stories": 0.0,  # shorter than QUOTED_CHARS: a label's words
        "More top stories from the city": 0.0,
        HEADLINE: 0.0,
    }


def test_overlap_rank_counts_the_candidates_whose_words_the_article_repeats_more() -> None:
    texts, found = seen_on(PAGE)
    rank = by_text(texts, found, "overlap_rank")
    assert rank[HEADLINE] == 0.0
    assert (
        rank["The Daily Lantern"] == rank["Share on social media"] == rank[CHROME] == 1 / headline.RANKS
    )  # ties share


def test_a_stamp_just_under_a_candidate_and_a_byline_just_over_it_are_marked() -> None:
    """The headline's stamp stands under it; under a byline stands the standfirst, not the headline."""
    standfirst = "Work on the quays starts next spring"
    page = f"The Daily Lantern\n{HEADLINE}\n5 March 2024, 10:32\nBy Jane Doe\n{standfirst}\n{CHROME}\n{PARA}\n{PARA2}\n"
    texts, found = seen_on(page)
    dated, bylined = by_text(texts, found, "dated_below"), by_text(texts, found, "byline_above")
    assert dated["The Daily Lantern"] == dated[HEADLINE] == 1.0  # within two lines
    assert dated[standfirst] == dated[CHROME] == 0.0
    assert bylined[standfirst] == bylined[CHROME] == 1.0  # within three lines
    assert bylined["The Daily Lantern"] == bylined[HEADLINE] == 0.0
    texts, found = seen_on(f"{HEADLINE}\nShare on social media\nSign in\nUpdated Tuesday at 10:32\n{PARA}\n{PARA2}\n")
    assert by_text(texts, found, "dated_below")[HEADLINE] == 0.0  # three lines down: too far


def test_the_scorer_takes_the_best_line_and_ties_go_to_the_one_nearest_the_article() -> None:
    texts, found = seen_on(PAGE)
    assert texts[headline.choose(found, weights(overlap=1.0)) or 0] == HEADLINE
    assert texts[headline.choose(found, weights()) or 0] == CHROME  # all tied
    assert headline.choose(headline.Candidates([], []), weights(overlap=1.0)) is None


def test_the_shipped_scorer_prefers_the_line_the_article_repeats_to_chrome_nearer_it() -> None:
    shipped = load_rules(None)
    assert shipped.line_model is not None and shipped.line_model.headline is not None
    _, title, _ = label_lines(split_lines(PAGE), shipped, None, "en")
    assert title == HEADLINE
    _, title, _ = label_lines(split_lines(PAGE), load_rules(None, line_model=False), None, "en")
    assert title == CHROME  # the rule of thumb alone


def test_a_model_file_whose_headline_weights_do_not_match_their_names_is_a_rules_error(tmp_path: Path) -> None:
    from copydesk.rules.layers import BUILTIN_DIR

    data = json.loads((BUILTIN_DIR / "line_model.json").read_text(encoding="utf-8"))
    data["headline"] = {"names": ["offset", "inside"], "weights": [1.0], "bias": 0.0}
    path = tmp_path / "line_model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"line_model\.json"):
        load_model(path)


def _page(site: str, title_at: int) -> TitledPage:
    """Three candidates; the title is the one whose words the article repeats."""
    rows = []
    for j in range(3):
        row = [0.0] * len(headline.FEATURES)
        row[headline.FEATURES.index("overlap")] = 1.0 if j == title_at else 0.1 * j
        row[headline.FEATURES.index("rule_of_thumb")] = 1.0 if j == 2 else 0.0
        rows.append(row)
    return TitledPage(site, rows, [j == title_at for j in range(3)], title_at == 2)


def test_training_learns_what_tells_the_title_apart_and_cross_validates_by_site() -> None:
    pages = [_page(f"site{n}", n % 3) for n in range(30)]
    assert cross_validated(pages) == 30
    trained = fit(pages)
    assert trained is not None and trained["names"] == list(headline.FEATURES)
    assert trained["weights"][headline.FEATURES.index("overlap")] > 0


def _odd_page() -> TitledPage:
    """A site whose title the article does not repeat, printed twice on its page."""
    rows = [[0.0] * len(headline.FEATURES) for _ in range(3)]
    rows[0][headline.FEATURES.index("repeated")] = 1.0
    rows[1][headline.FEATURES.index("overlap")] = 1.0
    return TitledPage("odd", rows, [True, False, False], False)


def test_each_site_is_scored_by_a_scorer_that_never_saw_it() -> None:
    """Nine sites' titles are the lines the article repeats; the odd site's habit is learnt
    from that site alone: every site but it is found by its held-out scorer, and the scorer
    fitted on every site finds it too (so only holding its pages out loses it)."""
    pages = [_page(f"site{n}", n % 3) for n in range(9)] + [_odd_page()] * 9
    scorers = held_out(pages)
    assert set(scorers) == {page.site for page in pages}
    assert all(weights is not None and weights.names == headline.FEATURES for weights in scorers.values())
    assert cross_validated(pages) == 9
    trained = fit(pages)
    assert trained is not None
    weights = HeadlineWeights(headline.FEATURES, tuple(trained["weights"]), trained["bias"])
    assert headline.choose(headline.Candidates([0, 1, 2], _odd_page().rows), weights) == 0
