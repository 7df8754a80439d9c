"""The line model: which undecided lines are the article, learnt from labelled pages.

After the rules (a declared profile, lines a source repeats, generic patterns) and the
page structure have decided what they can, every line still undecided is scored by a
trained model over features that carry across sites, languages and converters: a line's
length and shape, sentence ends, stop-word share in the page's language, list, time-stamp
and menu shapes, where it stands, what the rules and the prose-region heuristic said of it,
and the same of its neighbours (chrome comes in runs). Probabilities are smoothed over
neighbouring lines, and a line below the threshold is ``model.boilerplate``. A page the
model would empty keeps the heuristic's region: an article is never emptied by a guess.

The model is plain data (``copydesk/rules/builtin/line_model.json``: feature names, trees,
smoothing, threshold; :mod:`copydesk.rules.model_file` reads it) and
:mod:`copydesk.label.training` rebuilds it. It is on by default; ``disable: [line_model]``
in a project's ``builtin.yaml`` leaves the decision to the prose region alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from copydesk.label import article_region
from copydesk.label.labelling import Labelling
from copydesk.label.line_features import LineFeatures, features, score
from copydesk.model import Kind, Label
from copydesk.rules.model_file import LineModel
from copydesk.text.memo import MemoFamily

if TYPE_CHECKING:  # numpy is imported when a page is scored, not when the CLI starts
    import numpy as np

RULE = "model.boilerplate"
STRUCTURE = frozenset({Kind.TITLE, Kind.BYLINE, Kind.DATELINE, Kind.DUPLICATE})
_URL = re.compile(r"https?://|www\.|@\w+\.\w|\.(?:com|org|net)\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s[|»›•·/]\s|\s[|»›]")

# Text-only features of one line, then the same read around it.
BASE = (
    "log_chars",
    "log_words",
    "stop_density",
    "no_stoplist",
    "sentence_end",
    "inner_sentence_end",
    "truncated",
    "list_item",
    "title_case",
    "timestamp",
    "prose_score",
    "colon_end",
    "digits",
    "url",
    "separators",
    "copyright",
    "dated",
    "in_region",
    "rule_chrome",
    "structure",
    "marker",
    "end_marker",
    "repeated",
    "position",
    "block_lines",
    "blank_before",
    "blank_after",
    "to_region_start",
    "to_region_end",
    "relative_length",
    "block_prose",
    "block_chars",
    "page_lines",
    "region_share",
    "above_title",
    "after_byline",
    "after_end",
)
CONTEXT = (
    "log_chars",
    "stop_density",
    "sentence_end",
    "prose_score",
    "in_region",
    "rule_chrome",
    "title_case",
    "list_item",
    "timestamp",
    "structure",
    "separators",
    "url",
)
WINDOWS = (1, 3, 8, 20)


@cache
def feature_names() -> tuple[str, ...]:
    names = list(BASE)
    for name in CONTEXT:
        names += [f"{name}@prev", f"{name}@next"]
        names += [f"{name}@mean{w}" for w in WINDOWS]
    names += ["prose_before", "prose_after", "to_prose_before", "to_prose_after"]
    return tuple(names)


class Vocabulary(NamedTuple):
    """What a line's words are read against: the page language's stop-words and month names."""

    stopwords: frozenset[str]
    months: frozenset[str] = frozenset()


_WORD = re.compile(r"\w+")


def _names_a_date(stripped: str, digits: int, months: frozenset[str]) -> bool:
    """A short line with a number and a month name ("Publicado el 5 de marzo de 2024",
    "Updated Oct. 19, 2019 10:02"): a stamp in any language the lexicon knows."""
    return digits > 0 and len(stripped) <= 80 and any(w in months for w in _WORD.findall(stripped.casefold()))


def _text_features(words: Vocabulary, stripped: str) -> tuple[float, ...]:
    f: LineFeatures = features(stripped, words.stopwords)
    digits = sum(ch.isdigit() for ch in stripped)
    return (
        math.log1p(f.chars),
        math.log1p(f.words),
        f.stop_density if f.stop_density is not None else 0.0,
        1.0 if f.stop_density is None else 0.0,
        float(f.sentence_end),
        float(f.inner_sentence_end),
        float(f.truncated),
        float(f.list_item),
        f.title_case,
        float(f.timestamp),
        max(-3.0, min(3.0, score(f) / 100.0)),
        float(stripped.endswith(":")),
        digits / max(1, len(stripped)),
        float(bool(_URL.search(stripped))),
        float(len(_SEPARATORS.findall(stripped))),
        float("©" in stripped or "(c)" in stripped.lower()),
        float(_names_a_date(stripped, digits, words.months)),
    )


_TEXT: MemoFamily[Vocabulary, str, tuple[float, ...]] = MemoFamily(_text_features)


def page_features(
    labelling: Labelling, region: article_region.Region | None, words: Vocabulary
) -> tuple[list[int], np.ndarray[Any, Any]]:
    """The non-blank lines' indices and one feature row each (in :func:`feature_names` order),
    computed a column at a time for the whole page."""
    import numpy as np

    lines, labels = labelling.lines, labelling.labels
    content = [i for i, line in enumerate(lines) if not line.is_blank]
    n = len(content)
    if not n:
        return content, np.zeros((0, len(feature_names())))
    text = _TEXT.of(words)
    base = np.array([text[lines[i].stripped] for i in content], dtype=np.float64)
    at = np.array(content)
    keys = labelling.normalised_all(content)
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    start, end = (region.start, region.end) if region is not None else (len(lines), -1)
    inside = (at >= start) & (at <= end)
    blank = np.array([line.is_blank for line in lines] + [True], dtype=bool)
    block_id, block_rows = _blocks(blank, at)
    block_size = np.bincount(block_id)[block_id]
    prose_sum = np.bincount(block_id, weights=base[:, 10])
    chars_sum = np.bincount(block_id, weights=np.expm1(base[:, 0]))
    kinds = [label.kind if label is not None else None for label in (labels[i] for i in content)]
    columns = [
        base,
        inside[:, None],
        np.array([k is Kind.BOILERPLATE for k in kinds])[:, None],
        np.array([k in STRUCTURE for k in kinds])[:, None],
        np.array([i in labelling.markers for i in content])[:, None],
        np.array([i in labelling.ends for i in content])[:, None],
        np.array([counts[key] > 1 for key in keys])[:, None],
        (np.arange(n) / max(1, n - 1))[:, None],
        np.log1p(block_size)[:, None],
        blank[np.maximum(at - 1, 0)][:, None] & (at > 0)[:, None],
        blank[at + 1][:, None] & (at + 1 < len(lines))[:, None],
        _signed_log(at - start)[:, None],
        _signed_log(end - at)[:, None],
        (base[:, 0] - np.sort(base[:, 0])[n // 2])[:, None],
        (prose_sum[block_id] / block_rows[block_id])[:, None],
        np.log1p(chars_sum[block_id])[:, None],
        np.full((n, 1), np.log1p(n)),
        np.full((n, 1), inside.sum() / n),
        *_around_structure(kinds, at, start, labelling.ends),
    ]
    rows = np.hstack([np.asarray(c, dtype=np.float64) for c in columns])
    return content, np.hstack([rows, _context(rows)])


def _around_structure(
    kinds: list[Kind | None], at: np.ndarray[Any, Any], start: int, ends: set[int]
) -> list[np.ndarray[Any, Any]]:
    """Where a line stands to what the page structure found: above the headline (a site's
    name and menus sit there), the line under a byline (its stamp), after a
    marker that ends articles ("Leave a comment") below the region's start (comments)."""
    import numpy as np

    n = len(kinds)
    rows = np.arange(n)
    titles = [r for r, kind in enumerate(kinds) if kind is Kind.TITLE]
    bylines = [r for r, kind in enumerate(kinds) if kind is Kind.BYLINE]
    above_title = rows < titles[0] if titles else np.zeros(n, dtype=bool)
    after_byline = np.zeros(n, dtype=bool)
    for b in bylines:
        after_byline[b + 1 : b + 2] = True
    first_end = min((e for e in ends if e > start), default=None)
    after_end = at > first_end if first_end is not None else np.zeros(n, dtype=bool)
    return [above_title[:, None], after_byline[:, None], np.asarray(after_end)[:, None]]


def _signed_log(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    import numpy as np

    result: np.ndarray[Any, Any] = np.sign(values) * np.log1p(np.abs(values))
    return result


def _blocks(blank: np.ndarray[Any, Any], at: np.ndarray[Any, Any]) -> tuple[Any, Any]:
    """Each content line's blank-delimited block (numbered from 0) and each block's line count."""
    import numpy as np

    starts = np.cumsum(blank[:-1])  # blank lines seen up to each line: equal within a block
    block = starts[at]
    _, block_id = np.unique(block, return_inverse=True)
    return block_id, np.bincount(block_id)


_COLUMNS = {name: position for position, name in enumerate(BASE)}


def _context(rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The CONTEXT features of each row's neighbours and window means, then the share of the
    page's prose before and after it and how far the nearest prose line is each way."""
    import numpy as np

    n = rows.shape[0]
    picked = rows[:, [_COLUMNS[name] for name in CONTEXT]]
    zero = np.zeros((1, picked.shape[1]))
    prefix = np.vstack([zero, np.cumsum(picked, axis=0)])
    index = np.arange(n)
    parts = []
    for column in range(picked.shape[1]):
        values = picked[:, column]
        parts.append(np.concatenate([[0.0], values[:-1]]))
        parts.append(np.concatenate([values[1:], [0.0]]))
        for w in WINDOWS:
            lo, hi = np.maximum(0, index - w), np.minimum(n, index + w + 1)
            parts.append((prefix[hi, column] - prefix[lo, column]) / (hi - lo))
    prose = np.maximum(0.0, rows[:, _COLUMNS["prose_score"]]) * rows[:, _COLUMNS["log_chars"]]
    total = prose.sum() or 1.0
    before = np.concatenate([[0.0], np.cumsum(prose)[:-1]])
    parts.append(before / total)
    parts.append((total - before - prose) / total)
    parts.append(_distance_back(prose > 0))
    parts.append(_distance_back((prose > 0)[::-1])[::-1])
    return np.column_stack(parts)


def _distance_back(is_prose: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """log1p of how many rows back the nearest earlier prose row is (5.0 with none)."""
    import numpy as np

    n = is_prose.size
    index = np.arange(n)
    marks = np.where(is_prose, index, -1)
    last = np.maximum.accumulate(np.concatenate([[-1], marks[:-1]]))
    result: np.ndarray[Any, Any] = np.where(last >= 0, np.log1p(index - last), 5.0)
    return result


def decide(
    labelling: Labelling,
    region: article_region.Region | None,
    words: Vocabulary,
    model: LineModel | None,
) -> None:
    """Label every undecided line: kept as body, or ``model.boilerplate``. Without a model,
    the prose-region heuristic decides (everything outside its region is chrome). A page
    with no run of prose at all has no article whatever the model says: a page of menus,
    stamps and buttons fails the gate instead of keeping the line the model likes best.
    Above the headline and outside the region (a site's name, its menus) the rules' verdict
    stands too: kept there, a line would become the headline of the clean text, and
    cleaning that text again would take it away."""
    if model is None or region is None:
        article_region.mark_outside(labelling, region)
        return
    if model.names != feature_names():
        raise ValueError(f"the line model ({model.version}) reads other features than this copydesk computes")
    content, rows = page_features(labelling, region, words)
    if not content:
        return
    chances = model.probabilities(rows)
    labels = labelling.labels
    open_lines = [(i, p) for i, p in zip(content, chances, strict=True) if labels[i] is None]
    title = next((i for i, label in enumerate(labels) if label is not None and label.kind is Kind.TITLE), -1)
    dropped = [
        i
        for i, p in open_lines
        if (not (inside := region.start <= i <= region.end) and i < title) or p < model.cutoff_for(inside)
    ]
    if len(dropped) == len(open_lines):
        article_region.mark_outside(labelling, region)  # never empty a page on a guess: the region stays
        return
    label = Label(Kind.BOILERPLATE, RULE)
    for i in dropped:
        labels[i] = label


@dataclass(frozen=True, slots=True)
class Why:
    """What the model said of one line: its smoothed probability of being article text and the
    three features that moved its log-odds most (signed)."""

    chance: float
    pushed: tuple[tuple[str, float], ...]

    def __str__(self) -> str:
        pushes = ", ".join(f"{name} {value:+.2f}" for name, value in self.pushed)
        return f"model {self.chance:.2f} ({pushes})"


def explain(
    labelling: Labelling, region: article_region.Region | None, words: Vocabulary, model: LineModel
) -> dict[int, Why]:
    """For every line the model decides, why (``copydesk explain``; slow, one page)."""
    content, rows = page_features(labelling, region, words)
    chances = model.probabilities(rows)
    found = {}
    for i, row, chance in zip(content, rows, chances, strict=True):
        if labelling.labels[i] is None:
            moved = sorted(model.contributions(row).items(), key=lambda item: -abs(item[1]))[:3]
            found[i] = Why(chance, tuple(moved))
    return found
