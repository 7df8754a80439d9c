"""Training's figures: what the model scored, and what a perfect model could have."""

from __future__ import annotations

from copydesk.label.training import Page, ceilings, heuristic_figures, page_of
from copydesk.rules.ruleset import load_rules

BODY = [f"The council approved the harbour plan on Monday after a debate about its cost, part {k}." for k in range(4)]
ASIDE = "Readers who want the weekly letter from the editors can ask for it at the front desk of the paper."


def _page(number: int, aside: bool) -> Page:
    """A page whose gold is BODY; with ``aside``, a sentence that is not article text sits
    between its paragraphs, where the guard rails never drop a sentence."""
    lines = ["Home", "World", *BODY[:2], *([ASIDE] if aside else []), *BODY[2:], "© 2024 Example News"]
    text = "\n\n".join(lines) + "\n"
    entry = {"id": f"p{number}", "site": f"s{number}"}
    return page_of(
        "dev", "inscriptis", entry, text.encode(), "\n\n".join(BODY) + "\n", load_rules(None, line_model=False)
    )


def test_the_exact_ceiling_keeps_the_article_and_the_railed_one_pays_for_the_rails() -> None:
    pages = [_page(0, aside=True), _page(1, aside=False)]
    railed, exact = ceilings(pages)
    assert exact["dev/inscriptis"][:3] == (1.0, 1.0, 1.0)
    f1, precision, _, empty = railed["dev/inscriptis"]
    assert empty == 0
    assert precision < 1.0  # the aside is a sentence inside the region: kept whatever the model says
    assert f1 < 1.0
    alone = ceilings([pages[1]])[0]["dev/inscriptis"]
    assert alone[:3] == (1.0, 1.0, 1.0)  # without the aside the rails cost nothing


def test_figures_are_grouped_by_gold_and_pool() -> None:
    table = heuristic_figures([_page(0, aside=False)])
    assert set(table) == {"all", "dev/inscriptis", "human/inscriptis"}
    assert table["all"] == table["dev/inscriptis"] == table["human/inscriptis"]
