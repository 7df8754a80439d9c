"""The line model: its features, its file, its trees evaluated without scikit-learn, and its guard rails."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from copydesk.label import line_model
from copydesk.label.labelling import Labelling
from copydesk.label.training import fit_final, page_of, shingles
from copydesk.model import Kind, Label
from copydesk.pipeline import label_by_rules, vocabulary
from copydesk.rules.errors import RuleFileError
from copydesk.rules.model_file import Cutoffs, load, smoothed
from copydesk.rules.ruleset import load_rules
from copydesk.text.lines import split_lines
from copydesk.text.stopwords import stopwords
from tests.conftest import ARTICLES

PROSE = "The council approved the harbour plan on Monday after a long debate about its cost."


def _page(text: str) -> tuple[Labelling, object]:
    lines = split_lines(text)
    labelling, region, _, _ = label_by_rules(lines, load_rules(None, line_model=False), None, "en")
    return labelling, region


def test_every_content_line_gets_one_row_of_every_feature() -> None:
    labelling, region = _page((ARTICLES / "harbour_gazette_en.txt").read_text(encoding="utf-8"))
    content, rows = line_model.page_features(labelling, region, line_model.Vocabulary(stopwords("en")))  # type: ignore[arg-type]
    assert content == [i for i, line in enumerate(labelling.lines) if not line.is_blank]
    assert rows.shape == (len(content), len(line_model.feature_names()))
    names = line_model.feature_names()
    prose = [row[names.index("sentence_end")] for row in rows]
    assert max(prose) == 1.0 and min(prose) == 0.0


WRAPPED = """\
A provider may offer version rollback functionality to its users,
in which case it should keep the earlier versions of each document
for as long as the user asks it to.

    if (request.ok) { return render(body); }
    headers.append("X-Token", token);
"""


def _named(text: str) -> dict[str, list[float]]:
    labelling, region = _page(text)
    _, rows = line_model.page_features(labelling, region, line_model.Vocabulary(stopwords("en")))  # type: ignore[arg-type]
    return {name: rows[:, n].tolist() for n, name in enumerate(line_model.feature_names())}


def test_a_line_knows_the_prose_run_it_stands_in_beside_the_region() -> None:
    """An article split by a table leaves a second run of prose below the region: its
    lines read how strong that run is against the best one."""
    table = "\n".join(f"| {n} | {n * 3} | {n * 7} |" for n in range(1, 13))
    later = "The second half of the report looks at the ferry fares and what the operator plans for them."
    named = _named(f"Home\n\n{PROSE}\n\n{PROSE} It met again.\n\n{table}\n\n{later}\n\n{later} Again.\n")
    assert named["run_share"][0] == 0.0 and named["strong_run"][0] == 0.0  # "Home": in no run
    first, second = named["run_share"][1], named["run_share"][-1]
    assert first == 1.0 or second == 1.0
    assert 0.5 < min(first, second) < 1.0 and named["strong_run"][-1] == named["strong_run"][1] == 1.0


def test_a_wrapped_line_continues_the_sentence_above_it() -> None:
    rows = _named(WRAPPED)
    assert rows["starts_lower"][:3] == [0.0, 1.0, 1.0]
    assert rows["continues"][:3] == [0.0, 1.0, 1.0]  # the line above ends no sentence
    assert rows["page_lower"][0] == pytest.approx(4 / 5)  # every line of a page carries the page's share


def test_code_is_dense_in_brackets_and_operators_and_ends_as_code_does() -> None:
    rows = _named(WRAPPED)
    prose, code = 0, 3
    assert rows["code"][code] > 0.15 > rows["code"][prose]
    assert rows["code_end"][code:] == [1.0, 1.0] and rows["code_end"][prose] == 1.0  # "its users," ends in a comma
    assert rows["punctuation"][code] > rows["punctuation"][prose]


@pytest.mark.parametrize(
    ("line", "lower", "capitals"),
    [
        ("ÉCOLE NORMALE SUPÉRIEURE", 0.0, 1.0),
        ("über die Brücke gehen", 1.0, 1 / 18),
        ("«ça suffit», dit-elle.", 1.0, 0.0),
        ("2024 — 12 notes", 1.0, 0.0),  # the first letter, not the first character
        ("— 2024 —", 0.0, 0.0),  # no letter at all
    ],
)
def test_shape_reads_letters_in_any_script(line: str, lower: float, capitals: float) -> None:
    starts_lower, punctuation, code, _, share = line_model._shape(line)
    assert (starts_lower, share) == (lower, pytest.approx(capitals))
    assert 0.0 <= code <= punctuation <= 1.0  # every code character is punctuation


def test_ascii_and_other_lines_count_punctuation_alike() -> None:
    ascii_line, wide_line = 'x = f(a_b); // "q"', 'x = f(a_b); // "q" é'
    narrow, wide = line_model._shape(ascii_line), line_model._shape(wide_line)
    assert narrow[1] * len(ascii_line) == wide[1] * len(wide_line)
    assert narrow[2] * len(ascii_line) == wide[2] * len(wide_line)


@pytest.mark.parametrize(
    ("line", "digits"),
    [
        ("Updated 12:45, 3 March 2024", 9),
        ("١٢ مارس ٢٠٢٤", 6),  # Arabic-Indic digits are digits too
        ("Ｅｄｉｔｉｏｎ ２０２４ · x²", 5),  # full-width digits and a superscript, as str.isdigit has them
        ("Keine Zahl hier.", 0),
    ],
)
def test_digits_are_counted_in_every_script(line: str, digits: int) -> None:
    assert line_model._digits(line) == digits == sum(map(str.isdigit, line))


@pytest.mark.parametrize(
    ("line", "url"),
    [
        ("Read more at https://example.net/a", True),
        ("WWW.EXAMPLE.ORG", True),
        ("Write to desk@news.example", True),
        ("Visit Example.Com today", True),
        ("The council met at 10.30 and voted: no comment.", False),
        ("A .common mistake", False),  # ".com" only as a whole word
    ],
)
def test_a_url_is_found_in_any_case(line: str, url: bool) -> None:
    assert line_model._has_url(line, line.lower()) is url


def test_smoothing_is_a_weighted_mean_of_neighbours() -> None:
    assert smoothed([0.0, 1.0, 0.0], (0.25, 0.5, 0.25)).tolist() == pytest.approx([1 / 3, 0.5, 1 / 3])
    assert smoothed([0.2, 0.8], (1.0,)).tolist() == [0.2, 0.8]
    assert smoothed([0.6], (0.25, 0.5, 0.25)).tolist() == [0.6]  # a page of one line
    kernel = (0.15, 0.2, 0.3, 0.2, 0.15)
    values = [0.9, 0.1, 0.8, 0.3, 0.7, 0.2]
    by_hand = []
    for j in range(len(values)):
        near = [(w, values[j + k - 2]) for k, w in enumerate(kernel) if 0 <= j + k - 2 < len(values)]
        by_hand.append(sum(w * v for w, v in near) / sum(w for w, _ in near))
    assert smoothed(values, kernel).tolist() == pytest.approx(by_hand)


def _labelled_pages(tmp_path: Path) -> list[object]:
    rules = load_rules(None, line_model=False)
    pages = []
    for number in range(6):
        chrome = ["Home", "World", "Sport", "Subscribe to our newsletter", "© 2024 Example News"]
        body = [f"{PROSE} Paragraph {number} {k} carries the story further." for k in range(4)]
        text = "\n\n".join(chrome[:3] + body + chrome[3:]) + "\n"
        gold = "\n\n".join(body) + "\n"
        pages.append(
            page_of("dev", "inscriptis", {"id": f"p{number}", "site": f"s{number}"}, text.encode(), gold, rules)
        )
    return pages


def test_a_trained_model_round_trips_through_json_and_agrees_with_scikit_learn(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    pages = _labelled_pages(tmp_path)
    exported = fit_final(pages) | {"threshold": 0.5, "smoothing": [1.0], "version": "t"}  # type: ignore[arg-type]
    path = tmp_path / "line_model.json"
    path.write_text(json.dumps(exported))
    model = load(path)
    rows = [row for page in pages for row in page.rows]  # type: ignore[attr-defined]
    from copydesk.label.training import _fitted

    reference = _fitted(pages, range(len(pages)))  # type: ignore[arg-type]
    expected = reference.predict_proba(np.array(rows))[:, 1]
    assert np.allclose(model.probabilities(rows), expected, atol=1e-6)
    truth = [t for page in pages for t in page.truth]  # type: ignore[attr-defined]
    assert sum(truth) == 24 and [p >= 0.5 for p in model.probabilities(rows)] == [bool(t) for t in truth]
    contributions = model.contributions(rows[0])
    assert contributions and all(name in line_model.feature_names() for name in contributions)


def test_a_broken_model_file_is_a_rules_error(tmp_path: Path) -> None:
    path = tmp_path / "line_model.json"
    path.write_text('{"names": ["a"], "trees": {}}')
    with pytest.raises(RuleFileError, match="not a line model"):
        load(path)


def test_the_model_never_empties_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules(None, line_model=True)
    assert rules.line_model is not None
    monkeypatch.setattr(type(rules.line_model), "own", lambda self, rows: np.zeros(len(rows)))
    labelling, region = _page("Home\n\n" + "\n\n".join([PROSE] * 4) + "\n")
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)  # type: ignore[arg-type]
    kept = [i for i, label in enumerate(labelling.labels) if label is None]
    assert kept, "the heuristic's region stays when the model would drop every line"


def test_a_page_without_prose_has_no_article_whatever_the_model_says(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules(None, line_model=True)
    assert rules.line_model is not None
    monkeypatch.setattr(type(rules.line_model), "own", lambda self, rows: np.ones(len(rows)))
    labelling, region = _page("Start | Shop | Help | Jobs\n\nSign in\n\nNewsletter\n")
    assert region is None
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)
    content = [label for line, label in zip(labelling.lines, labelling.labels, strict=True) if not line.is_blank]
    assert content and all(label is not None and not label.kept for label in content)


def test_above_the_headline_and_outside_the_region_the_rules_verdict_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept there, the site's name would head the clean text, and a second cleaning would
    take it for the headline and drop it: cleaning would not be idempotent."""
    rules = load_rules(None, line_model=True)
    monkeypatch.setattr(type(rules.line_model), "own", lambda self, rows: np.ones(len(rows)))
    headline = "Harbour board approves the new ferry pier"
    labelling, region = _page(f"The Daily Courier\n\n{headline}\n\n" + "\n\n".join([PROSE] * 4) + "\n")
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)  # type: ignore[arg-type]
    kept = [line.stripped for line, label in zip(labelling.lines, labelling.labels, strict=True) if label is None]
    assert "The Daily Courier" not in kept and PROSE in kept


def test_lines_the_model_drops_are_labelled_by_it(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules(None, line_model=True)
    labelling, region = _page("Home\n\n" + "\n\n".join([PROSE] * 4) + "\n")
    content, _ = line_model.page_features(labelling, region, line_model.Vocabulary(stopwords("en")))  # type: ignore[arg-type]
    opened = [i for i in content if line_model.is_open(labelling, i)]
    chances = [0.9 if labelling.lines[i].stripped == PROSE else 0.1 for i in opened]
    monkeypatch.setattr(type(rules.line_model), "own", lambda self, rows: np.array(chances))
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)  # type: ignore[arg-type]
    chrome = Label(Kind.BOILERPLATE, line_model.RULE)
    dropped = [labelling.lines[i].stripped for i, label in enumerate(labelling.labels) if label == chrome]
    assert dropped == ["Home"]


def test_only_the_open_lines_are_scored_and_smoothed_among_themselves(monkeypatch: pytest.MonkeyPatch) -> None:
    """As training scores them: a line a rule decided ("Skip to content") is no neighbour
    whose probability the cutoffs were chosen for, so it lends its neighbours nothing."""
    rules = load_rules(None, line_model=True)
    assert rules.line_model is not None
    chrome = line_model.feature_names().index("rule_chrome")
    scored: list[int] = []

    def own(self: object, rows: np.ndarray) -> np.ndarray:
        scored.append(len(rows))
        return np.where(rows[:, chrome] > 0, 1.0, 0.2)

    monkeypatch.setattr(type(rules.line_model), "own", own)
    second = "The ferry will run twice a day from spring, the operator said on Tuesday."
    labelling, region = _page(f"Home\n\n{PROSE}\n\nSkip to content\n\n{second}\n")
    why = line_model.explain(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)
    assert [labelling.lines[i].stripped for i in why] == ["Home", PROSE, second]
    assert scored == [3] and all(found.chance == pytest.approx(0.2) for found in why.values())


def test_the_model_is_on_by_default_and_a_project_turns_it_off(tmp_path: Path) -> None:
    on = load_rules(None)
    assert on.line_model is not None and any(f.kind == "model" for f in on.files)
    (tmp_path / "builtin.yaml").write_text("disable: [line_model]\n")
    off = load_rules(tmp_path)
    assert off.line_model is None
    assert on.digest != off.digest  # a report checked with the model is checked again without it
    (tmp_path / "builtin.yaml").write_text("enable: [line_model]\n")  # from when it was opt-in: still read
    assert load_rules(tmp_path).line_model is not None
    (tmp_path / "builtin.yaml").write_text("enable: [something_else]\n")
    with pytest.raises(RuleFileError, match="optional built-ins"):
        load_rules(tmp_path)


def _row(**values: float) -> list[float]:
    names = line_model.feature_names()
    row = [0.0] * len(names)
    for name, value in values.items():
        row[names.index(name)] = value
    return row


CUTOFFS = Cutoffs(inside=0.4, outside=0.5, hinted=0.6, ended=0.8)


def _keeps(own: float, row: list[float], in_region: bool, smoothed: float | None = None) -> bool:
    chances = np.array([own if smoothed is None else smoothed])
    found = line_model.keeps(np.array([own]), chances, np.array([row]), np.array([in_region]), CUTOFFS)
    return bool(found[0])


def test_the_sentence_that_opens_the_region_is_never_dropped_on_a_guess() -> None:
    sentence = _row(sentence_end=1.0, prose_score=0.5)
    assert _keeps(0.01, sentence, True)
    assert not _keeps(0.01, _row(prose_score=0.5), True)  # no sentence end: the model decides
    assert not _keeps(0.01, _row(sentence_end=1.0, prose_score=-0.3), True)  # a chrome shape
    assert not _keeps(0.01, _row(sentence_end=1.0, prose_score=0.5, truncated=1.0), True)
    assert not _keeps(0.01, sentence, False)  # outside the region: no such promise


def test_outside_the_region_the_model_needs_more_and_above_it_only_sentences_stay() -> None:
    below = _row(to_region_start=2.0)
    assert _keeps(0.45, below, True) and not _keeps(0.45, below, False)
    assert _keeps(0.55, below, False)
    above = _row(to_region_start=-1.0)
    assert not _keeps(0.99, above, False)  # a bare name over the article
    assert _keeps(0.99, _row(to_region_start=-1.0, sentence_end=1.0), False)  # a standfirst
    assert not _keeps(0.99, _row(to_region_start=-1.0, sentence_end=1.0, above_title=1.0), False)


def test_after_the_marker_that_ended_the_article_the_model_needs_more_still() -> None:
    comment = _row(after_end=1.0, sentence_end=1.0, prose_score=0.5, to_region_start=3.0)
    assert not _keeps(0.7, comment, False)  # a thread of sentences under "Leave a comment"
    assert _keeps(0.9, comment, False)
    assert _keeps(0.45, comment, True)  # inside the region the marker says nothing


def _decide(rows: list[list[float]], own: list[float], in_region: list[bool]) -> list[bool]:
    chances = np.array(own)
    found = line_model.keeps(chances, chances, np.array(rows), np.array(in_region), CUTOFFS)
    return [bool(keep) for keep in found]


def test_a_doubted_sentence_among_article_text_stays_and_a_comment_among_chrome_goes() -> None:
    prose, label = _row(sentence_end=1.0, prose_score=0.5), _row(prose_score=-0.5)
    assert _decide([prose, prose, prose], [0.9, 0.1, 0.9], [True] * 3) == [True, True, True]  # a doubted quote
    assert _decide([prose, prose, prose], [0.9, 0.1, 0.1], [True] * 3) == [True, True, True]  # two, closing it
    thread = [prose, label, prose, label, label]  # the article; a name, the comment, "Reply", a name
    assert _decide(thread, [0.9, 0.05, 0.2, 0.05, 0.05], [True] * 5) == [True, False, False, False, False]
    assert _decide(thread, [0.9, 0.05, 0.2, 0.05, 0.05], [False] + [True] * 4)[2]  # nothing kept above it


def test_a_lone_paragraph_under_the_headline_outlives_the_teasers_below_it() -> None:
    """A one-paragraph notice, then "Related articles" and teasers the model likes better:
    the notice is the article, and the page's date and byline are read from it."""
    prose, label = _row(sentence_end=1.0, prose_score=0.5), _row(prose_score=-0.5)
    rows = [label, prose, label, label, prose, label]
    assert _decide(rows, [0.05, 0.2, 0.05, 0.05, 0.7, 0.05], [True] * 6) == [False, True, False, False, True, False]
    assert not _decide(rows, [0.05, 0.2, 0.05, 0.05, 0.7, 0.05], [False] * 6)[1]  # outside the region: no rail


def test_the_rail_holds_a_run_with_kept_text_and_the_first_prose_of_the_region() -> None:
    sentence = np.array([False, False, True, True, False, True])
    ended = np.zeros(6, dtype=bool)
    kept = np.arange(6) == 1  # the line above the run of two
    assert line_model._railed(sentence, kept, ended).tolist() == [False, False, True, True, False, False]
    kept = np.arange(6) == 4  # the line between: both runs touch it
    assert line_model._railed(sentence, kept, ended).tolist() == [False, False, True, True, False, True]
    kept = np.arange(6) == 0  # far above: nothing holds them
    assert not line_model._railed(sentence, kept, ended).any()
    nothing = np.zeros(6, dtype=bool)  # nothing kept anywhere: the region's prose is all there is
    assert line_model._railed(sentence, nothing, ended).tolist() == sentence.tolist()


def test_a_run_of_sentences_is_held_by_a_kept_line_in_it_or_beside_it() -> None:
    sentence = np.array([True, True, False, True, True, True])
    ended = np.zeros(6, dtype=bool)
    between = np.array([False, False, True, False, False, False])
    assert line_model._in_kept_run(sentence, between, ended).tolist() == sentence.tolist()
    last = np.arange(6) == 5
    assert line_model._in_kept_run(sentence, last, ended).tolist() == [False, False, False, True, True, True]
    # The end marker before line 4 breaks the run: the comments under it are not held by the article's last line.
    after = np.arange(6) >= 4
    kept = np.arange(6) == 3
    assert line_model._in_kept_run(sentence, kept, after).tolist() == [False, False, False, True, False, False]
    assert not line_model._in_kept_run(np.zeros(0, dtype=bool), np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)).any()


def test_labels_that_would_close_the_clean_text_from_below_the_region_go() -> None:
    """ "Recent Stories" and its first teaser, kept under the article, would end the clean
    text; cleaning it again would drop them. A sentence among them keeps them all."""
    prose = _row(sentence_end=1.0, prose_score=0.5)
    heading, teaser = _row(to_region_end=-1.0), _row(to_region_end=-2.0)
    assert _decide([prose, heading, teaser], [0.9, 0.7, 0.6], [True, False, False]) == [True, False, False]
    closing = _row(to_region_end=-3.0, sentence_end=1.0)
    kept = _decide([prose, heading, teaser, closing], [0.9, 0.7, 0.6, 0.7], [True, False, False, False])
    assert kept == [True, True, True, True]
    assert _decide([heading, prose], [0.7, 0.9], [False, True]) == [True, True]  # not where the text ends: stays
    notice = _row(to_region_end=-1.0, sentence_end=1.0, hinted=1.0)  # "© 2024 The Courier. All rights reserved."
    assert _decide([prose, notice], [0.9, 0.8], [True, False]) == [True, False]


def test_a_hinted_line_needs_the_models_own_word_not_its_neighbours() -> None:
    button = _row(hinted=1.0)
    assert not _keeps(0.3, button, True, smoothed=0.65)  # prose on both sides lifts it: not enough
    assert _keeps(0.7, button, True, smoothed=0.7)
    sentence = _row(hinted=1.0, sentence_end=1.0, prose_score=0.5)
    assert not _keeps(0.3, sentence, True, smoothed=0.3)  # a rule names it: no sentence guard


HINTS = """language: en
lines:
  - '^Home$'
hints:
  - '^Seen here: '
"""


def _hinted_page(tmp_path: Path, model: bool) -> tuple[Labelling, object, object]:
    (tmp_path / "boilerplate").mkdir(exist_ok=True)
    (tmp_path / "boilerplate" / "house.yaml").write_text(HINTS)
    rules = load_rules(tmp_path, line_model=model)
    text = "Home\n\n" + "\n\n".join([PROSE, "Seen here: the new pier at dawn", PROSE, PROSE]) + "\n"
    labelling, region, _, _ = label_by_rules(split_lines(text), rules, None, "en")
    return labelling, region, rules


def test_without_the_model_a_hint_removes_its_line_as_a_line_rule_does(tmp_path: Path) -> None:
    labelling, region, _ = _hinted_page(tmp_path, model=False)
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), None)  # type: ignore[arg-type]
    hinted = next(i for i, line in enumerate(labelling.lines) if line.stripped.startswith("Seen here"))
    assert labelling.hints == {hinted: "generic.house.hints[0]"}
    assert labelling.labels[hinted] == Label(Kind.BOILERPLATE, "generic.house.hints[0]")


@pytest.mark.parametrize(("chance", "kept"), [(0.9, True), (0.1, False)])
def test_with_the_model_a_hint_is_a_feature_and_the_model_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chance: float, kept: bool
) -> None:
    labelling, region, rules = _hinted_page(tmp_path, model=True)
    hinted = next(i for i, line in enumerate(labelling.lines) if line.stripped.startswith("Seen here"))
    words = line_model.Vocabulary(stopwords("en"))
    content, rows = line_model.page_features(labelling, region, words)  # type: ignore[arg-type]
    names = line_model.feature_names()
    row = rows[content.index(hinted)]
    assert row[names.index("hinted")] == 1.0 and row[names.index("rule_chrome")] == 0.0
    assert line_model.is_open(labelling, hinted)
    chances = [chance if i == hinted else 0.9 for i in content if line_model.is_open(labelling, i)]
    monkeypatch.setattr(type(rules.line_model), "own", lambda self, rows: np.array(chances))  # type: ignore[attr-defined]
    monkeypatch.setattr(type(rules.line_model), "cutoffs", property(lambda self: CUTOFFS), raising=False)  # type: ignore[attr-defined]
    line_model.decide(labelling, region, words, rules.line_model)  # type: ignore[arg-type,attr-defined]
    home = labelling.labels[0]
    assert home == Label(Kind.BOILERPLATE, "generic.house.lines[0]")  # a rule that decides is never re-decided
    if kept:
        assert labelling.labels[hinted] is None
    else:
        assert labelling.labels[hinted] == Label(Kind.BOILERPLATE, "generic.house.hints[0]")


def test_explain_shows_the_models_probability_and_features(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    (tmp_path / "builtin.yaml").write_text("enable: [line_model]\n")
    result = run_cli("explain", ARTICLES / "harbour_gazette_en.txt", "--rules", tmp_path)
    assert result.exit_code == 0
    assert "model     hgb" in result.output
    assert any(" model 0." in line or " model 1." in line for line in result.output.splitlines())


def test_explain_says_which_lines_the_rail_held_under_the_cutoff(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules(None, line_model=True)
    assert rules.line_model is not None
    monkeypatch.setattr(type(rules.line_model), "own", lambda self, rows: np.full(len(rows), 0.05))
    labelling, region = _page("Home\n\n" + "\n\n".join([PROSE] * 4) + "\n")
    why = line_model.explain(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)
    held = {labelling.lines[i].stripped: str(found) for i, found in why.items() if found.held}
    assert list(held) == [PROSE] and "held: a sentence of the article region" in held[PROSE]


def test_cutoffs_are_chosen_by_the_goals_groups_not_by_the_largest_pool() -> None:
    from copydesk.label.training import selection_score

    table = {
        "all": (0.9, 0, 0, 0),
        "human/inscriptis": (0.8, 0, 0, 0),
        "human/lxml": (0.6, 0, 0, 0),
        "silver/inscriptis": (1.0, 0, 0, 0),
        "silver/lxml": (1.0, 0, 0, 0),
        "dev/lxml": (0.0, 0, 0, 0),
    }
    assert selection_score(table) == pytest.approx(0.85)
    assert selection_score({"all": (0.7, 0, 0, 0), "mine/text": (0.7, 0, 0, 0)}) == 0.7  # a user's own pools


def test_after_the_end_marker_the_strictest_bar_the_figure_allows_is_chosen() -> None:
    from copydesk.label.training import ENDED_TOLERANCE, highest_within

    scores = {0.0: 0.8974, 0.2: 0.8974, 0.4: 0.8967, 0.5: 0.8960}
    assert highest_within(scores, 0.8974 - ENDED_TOLERANCE) == 0.4  # flat up to 0.4; 0.5 costs more
    assert highest_within(scores, 0.8974) == 0.2  # without a tolerance, the highest of the equal best


def test_shingles_follow_the_benchmark() -> None:
    assert shingles(["a", "b", "c", "d", "e"]) == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles(["a", "b"]) == {("a", "b"): 1}
    assert not shingles([])


THREAD = """\
Harbour plan approved

{prose}

{prose} The vote was close.

{prose} Work starts in spring.

Comments

Anna Berg says:
March 5, 2024 at 3:14 pm
I think the plan is a good one for the town and the people who live here.
Reply

Tom Hale says:
March 6, 2024 at 9:02 am
It will cost far more than they say, as the last one did.
Reply

Mira Sol says:
March 6, 2024 at 11:40 am
We waited ten years for this and it is finally happening.
Reply
"""


def test_a_comment_reads_the_buttons_stamps_and_names_around_it() -> None:
    """A commenter's sentence looks like the article's; the repeated "Reply", the dated
    headers and the names ending in a colon around it do not."""
    text = THREAD.format(prose=PROSE)
    lines = split_lines(text)
    rules = load_rules(None, line_model=False)
    labelling, region, _, _ = label_by_rules(lines, rules, None, "en")
    content, rows = line_model.page_features(labelling, region, vocabulary(rules, None, "en"))
    names = line_model.feature_names()
    row = {labelling.lines[i].stripped: rows[n] for n, i in enumerate(content)}
    article = row[f"{PROSE} The vote was close."]
    comment = row["We waited ten years for this and it is finally happening."]
    for name in ("repeated", "dated", "colon_end", "digits"):
        assert comment[names.index(f"{name}@mean3")] > article[names.index(f"{name}@mean3")], name
    assert comment[names.index("repeated@next")] == 1.0 and article[names.index("repeated@next")] == 0.0
    assert comment[names.index("dated@prev")] == 1.0 and article[names.index("dated@prev")] == 0.0
