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
from copydesk.pipeline import label_by_rules
from copydesk.rules.errors import RuleFileError
from copydesk.rules.model_file import load, smoothed
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


def test_smoothing_is_a_weighted_mean_of_neighbours() -> None:
    assert smoothed([0.0, 1.0, 0.0], (0.25, 0.5, 0.25)) == [pytest.approx(1 / 3), 0.5, pytest.approx(1 / 3)]
    assert smoothed([0.2, 0.8], (1.0,)) == [0.2, 0.8]


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
    from copydesk.label.training import _estimator, _matrix

    reference = _estimator().fit(*_matrix(pages, range(len(pages))))  # type: ignore[arg-type]
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
    monkeypatch.setattr(type(rules.line_model), "probabilities", lambda self, rows: [0.0] * len(rows))
    labelling, region = _page("Home\n\n" + "\n\n".join([PROSE] * 4) + "\n")
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)  # type: ignore[arg-type]
    kept = [i for i, label in enumerate(labelling.labels) if label is None]
    assert kept, "the heuristic's region stays when the model would drop every line"


def test_a_page_without_prose_has_no_article_whatever_the_model_says(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules(None, line_model=True)
    assert rules.line_model is not None
    monkeypatch.setattr(type(rules.line_model), "probabilities", lambda self, rows: [1.0] * len(rows))
    labelling, region = _page("Start | Shop | Help | Jobs\n\nSign in\n\nNewsletter\n")
    assert region is None
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)
    content = [label for line, label in zip(labelling.lines, labelling.labels, strict=True) if not line.is_blank]
    assert content and all(label is not None and not label.kept for label in content)


def test_above_the_headline_and_outside_the_region_the_rules_verdict_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept there, the site's name would head the clean text, and a second cleaning would
    take it for the headline and drop it: cleaning would not be idempotent."""
    rules = load_rules(None, line_model=True)
    monkeypatch.setattr(type(rules.line_model), "probabilities", lambda self, rows: [1.0] * len(rows))
    headline = "Harbour board approves the new ferry pier"
    labelling, region = _page(f"The Daily Courier\n\n{headline}\n\n" + "\n\n".join([PROSE] * 4) + "\n")
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)  # type: ignore[arg-type]
    kept = [line.stripped for line, label in zip(labelling.lines, labelling.labels, strict=True) if label is None]
    assert "The Daily Courier" not in kept and PROSE in kept


def test_lines_the_model_drops_are_labelled_by_it(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_rules(None, line_model=True)
    labelling, region = _page("Home\n\n" + "\n\n".join([PROSE] * 4) + "\n")
    content, _ = line_model.page_features(labelling, region, line_model.Vocabulary(stopwords("en")))  # type: ignore[arg-type]
    chances = [0.9 if labelling.lines[i].stripped == PROSE else 0.1 for i in content]
    monkeypatch.setattr(type(rules.line_model), "probabilities", lambda self, rows: chances)
    line_model.decide(labelling, region, line_model.Vocabulary(stopwords("en")), rules.line_model)  # type: ignore[arg-type]
    chrome = Label(Kind.BOILERPLATE, line_model.RULE)
    dropped = [labelling.lines[i].stripped for i, label in enumerate(labelling.labels) if label == chrome]
    assert dropped == ["Home"]


def test_the_model_is_off_by_default_and_a_project_turns_it_on(tmp_path: Path) -> None:
    assert load_rules(None).line_model is None
    (tmp_path / "builtin.yaml").write_text("enable: [line_model]\n")
    on = load_rules(tmp_path)
    assert on.line_model is not None and any(f.kind == "model" for f in on.files)
    assert on.digest != load_rules(None).digest  # a report checked with the model is checked again without it
    (tmp_path / "builtin.yaml").write_text("enable: [line_model]\ndisable: [line_model]\n")
    assert load_rules(tmp_path).line_model is None
    (tmp_path / "builtin.yaml").write_text("enable: [something_else]\n")
    with pytest.raises(RuleFileError, match="optional built-ins"):
        load_rules(tmp_path)


def test_explain_shows_the_models_probability_and_features(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    (tmp_path / "builtin.yaml").write_text("enable: [line_model]\n")
    result = run_cli("explain", ARTICLES / "harbour_gazette_en.txt", "--rules", tmp_path)
    assert result.exit_code == 0
    assert "model     hgb" in result.output
    assert any(" model 0." in line or " model 1." in line for line in result.output.splitlines())


def test_shingles_follow_the_benchmark() -> None:
    assert shingles(["a", "b", "c", "d", "e"]) == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles(["a", "b"]) == {("a", "b"): 1}
    assert not shingles([])
