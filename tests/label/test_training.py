"""Training: its figures (what the model scored, what a perfect model could have) and the folders it refuses."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from copydesk.cli import common
from copydesk.label import headline, line_model
from copydesk.label.training import (
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    Page,
    _matrix,
    ceilings,
    headline_from_gold,
    heuristic_figures,
    main,
    manifest_entries,
    page_of,
    site_of,
    structure_figures,
)
from copydesk.rules.model_file import HeadlineWeights, load
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


def test_a_byline_is_found_whatever_the_golds_layout() -> None:
    """The gold's byline keeps its page's line breaks and double spaces ("By Ana  Ruiz, MA" and
    a newline); the name the check gives is found in it all the same, and another name is not."""
    pages = [_page(k, aside=False) for k in range(3)]
    pages[0].byline = ("By Ana  Ruiz, MA\n        ", "Ana Ruiz")
    pages[1].byline = ("Ana Ruiz", "By ANA RUIZ")
    pages[2].byline = ("By Ana  Ruiz", "Ana Rivera")
    assert structure_figures(pages).endswith("bylines found on 2/3 (67%)")


def test_a_title_is_exact_whatever_the_style_of_its_quotes() -> None:
    """A gold title is often the HTML <title>, typed with straight quotes; the text prints
    the same headline with curly ones or guillemets. Other words are still another title."""
    pages = [_page(k, aside=False) for k in range(4)]
    pages[0].title = ("'Star Wars' Cuts Might Get Released", "‘Star Wars’ Cuts Might Get Released")
    pages[1].title = ('Le maire dit "non"', "Le maire dit «non»")
    pages[2].title = ("“Burned Her Alive”", '"Burned Her Alive"')
    pages[3].title = ("'Star Wars' Cuts Might Get Released", "‘Star Trek’ Cuts Might Get Released")
    assert structure_figures(pages).startswith("titles exact on 3/4 pages")


def _pool(root: Path, manifest: str, sites: int = 0) -> Path:
    """A pool in the benchmark's layout: the manifest given, then ``sites`` pages of BODY
    under chrome, each from its own site."""
    pool = root / "pool"
    for folder in ("gold", "inscriptis"):
        (pool / folder).mkdir(parents=True, exist_ok=True)
    lines = [manifest] if manifest else []
    for n in range(sites):
        lines.append(json.dumps({"id": f"p{n}", "site": f"s{n}"}))
        (pool / "gold" / f"p{n}.txt").write_text("\n\n".join(BODY) + "\n", encoding="utf-8")
        page = ["Home", "World", *BODY, f"© 2024 Example News {n}"]
        (pool / "inscriptis" / f"p{n}.txt").write_text("\n\n".join(page) + "\n", encoding="utf-8")
    (pool / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pool


@pytest.mark.parametrize(
    ("manifest", "said"),
    [
        ("not json", "manifest.jsonl:1: invalid JSON"),
        ('["p0"]', "manifest.jsonl:1: each line must be a JSON object"),
        ('{"id": "../outside"}', 'manifest.jsonl:1: "id" must be a file name without a folder'),
        ('{"id": 7}', 'manifest.jsonl:1: "id" must be a file name without a folder'),
        ('{"id": "p9", "title": ["a"]}', 'manifest.jsonl:1: "title" must be a string'),
        ('{"id": "p9", "headline_in_gold": "yes"}', 'manifest.jsonl:1: "headline_in_gold" must be true or false'),
    ],
)
def test_a_broken_manifest_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], manifest: str, said: str
) -> None:
    _pool(tmp_path, manifest, sites=5)
    assert main([str(tmp_path), "--no-write"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1 and "Traceback" not in err


def test_gold_that_is_not_utf8_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pool = _pool(tmp_path, "", sites=5)
    (pool / "gold" / "p3.txt").write_bytes(b"\xff\xfe caf\xe9")
    assert main([str(tmp_path), "--no-write"]) == EXIT_USAGE
    assert "gold/p3.txt: not UTF-8 text" in capsys.readouterr().err


def test_a_page_that_names_no_site_is_its_own(tmp_path: Path) -> None:
    pool = _pool(tmp_path, '{"id": "p0", "site": null}\n{"id": "p1"}\n{"id": "p2", "site": "s2"}')
    assert [site_of(entry) for entry in manifest_entries(pool / "manifest.jsonl")] == ["p0", "p1", "s2"]


def test_training_exits_as_the_check_does() -> None:
    assert (EXIT_USAGE, EXIT_INTERRUPTED) == (common.EXIT_USAGE, common.EXIT_INTERRUPTED)


def test_too_few_sites_to_cross_validate_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _pool(tmp_path, "", sites=2)
    assert main([str(tmp_path), "--no-write"]) == EXIT_USAGE
    assert "labelled pages from 2 site(s); cross-validation needs 5" in capsys.readouterr().err


def test_the_model_is_written_whole_or_not_at_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sklearn")
    _pool(tmp_path / "pages", "", sites=6)
    (tmp_path / "blocked").write_text("a file where a folder should be", encoding="utf-8")
    assert main([str(tmp_path / "pages"), "--out", str(tmp_path / "blocked" / "line_model.json")]) == EXIT_USAGE
    assert "blocked/line_model.json: cannot write the model" in capsys.readouterr().err
    out = tmp_path / "models" / "line_model.json"
    assert main([str(tmp_path / "pages"), "--out", str(out)]) == 0
    assert load(out).names == line_model.feature_names()
    assert [p.name for p in out.parent.iterdir()] == ["line_model.json"]  # no temporary file left


def test_a_gold_that_opens_with_the_headline_gives_the_title_and_the_body_apart() -> None:
    """Extractors write the headline above the body; the check never keeps it in the article."""
    gold = "Council approves harbour plan\n\nThe council approved it.\n"
    entry, body = headline_from_gold({"id": "p0", "headline_in_gold": True}, gold)
    assert entry["title"] == "Council approves harbour plan"
    assert "harbour" not in body and "The council approved it." in body
    named, body = headline_from_gold({"id": "p0", "headline_in_gold": True, "title": "Harbour | Example News"}, gold)
    assert named["title"] == "Harbour | Example News" and "harbour" not in body  # the entry's own title stands
    unmarked = {"id": "p0", "headline_in_gold": False}
    assert headline_from_gold(unmarked, gold) == (unmarked, gold)
    assert headline_from_gold({"id": "p0"}, gold)[1] == gold


def test_training_pages_take_the_headline_the_scorer_given_would() -> None:
    """Pages are read again with each site's held-out scorer, so the structure the line model
    learns from is the one the shipped scorer gives: here the rule of thumb takes the nearest
    headline-shaped chrome, a scorer that weighs the words the article repeats the headline."""
    lines = ["Home", "Council approves harbour plan", "Winter Markets Guide And Listings", *BODY, "© 2024 Example News"]
    text = ("\n\n".join(lines) + "\n").encode()
    entry = {"id": "p0", "site": "s0", "title": "Council approves harbour plan"}
    rules = load_rules(None, line_model=False)
    by_thumb = page_of("train", "inscriptis", entry, text, "\n\n".join(BODY) + "\n", rules)
    assert by_thumb.title[1] == "Winter Markets Guide And Listings"
    weights = [10.0 if name == "overlap" else 0.0 for name in headline.FEATURES]
    scorer = HeadlineWeights(headline.FEATURES, tuple(weights), 0.0)
    by_scorer = page_of("train", "inscriptis", entry, text, "\n\n".join(BODY) + "\n", rules, scorer)
    assert by_scorer.title[1] == "Council approves harbour plan"
    assert by_scorer.headline is not None and by_thumb.headline is not None
    assert by_scorer.headline.rows == by_thumb.headline.rows  # the candidates do not depend on who chooses


def test_a_pages_lines_weigh_less_the_longer_the_page_and_human_gold_weighs_twice_silver() -> None:
    short, long = _page(0, aside=False), _page(1, aside=True)
    long = replace(long, rows=long.rows * 4, truth=long.truth * 4)  # four times the lines
    silver = replace(short, pool="silver")
    x, y, weights = _matrix([short, long, silver], [0, 1, 2])
    n, m = len(short.rows), len(long.rows)
    assert len(x) == len(y) == len(weights) == 2 * n + m
    assert weights.mean() == pytest.approx(1.0)
    # each line 1 / sqrt(lines), so a page weighs sqrt(lines); a silver page half a human one
    assert weights[0] / weights[n] == pytest.approx((m / n) ** 0.5)
    assert weights[0] / weights[n + m] == pytest.approx(2.0)
