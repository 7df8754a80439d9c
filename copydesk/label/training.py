"""Training the line model: ``nox -s train`` (or ``python -m copydesk.label.training FOLDER``).

Reads labelled pages in the layout of the boilerplate benchmark: one folder per pool, each
with ``manifest.jsonl`` (``id``, ``site``; ``language`` optional), ``gold/<id>.txt`` (the
article body) and one folder of scraper text per rendition (``<rendition>/<id>.txt``).
Each line of a page is labelled by the gold: body when most of its 4-word shingles (or, for
a line of one to three words, its words in order) are in the gold. The rules and the page
structure run first, exactly as in a check; the model learns the lines they leave open.

Figures are 5-fold cross-validation grouped by site over every pool (a site's pages are
never on both sides of a fold), scored with the benchmark's metric (word 4-shingles; F1
of the mean precision and the mean recall). The smoothing and the threshold are chosen on
those cross-validated predictions only; the final model is then fitted on every page and
written as JSON (no pickle): gradient-boosted trees as flat node arrays, evaluated at
run time with numpy alone. scikit-learn is needed here only (``copydesk[train]``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copydesk.decode.input import DecodeOutcome, decode_data
from copydesk.extract.language import choose_language
from copydesk.io import write_atomic
from copydesk.label import headline, headline_training, line_model
from copydesk.label.headline_training import Scorers, TitledPage
from copydesk.label.labelling import Labelling
from copydesk.label.structure import headline_text
from copydesk.pipeline import label_by_rules, vocabulary
from copydesk.rules.errors import RuleFileError
from copydesk.rules.layers import BUILTIN_DIR
from copydesk.rules.manifest import json_lines
from copydesk.rules.model_file import Cutoffs, HeadlineWeights, smoothed
from copydesk.rules.ruleset import RuleSet, load_rules
from copydesk.text.controls import escaped
from copydesk.text.lines import split_lines

RENDITIONS = ("inscriptis", "lxml")
WORD = re.compile(r"\w+")
SEED = 13
TREES = 100  # boosting rounds
DEPTH = 6  # levels a tree: the run time walks every tree a level at a time
LEAVES = 31  # leaves a tree
HUMAN_POOLS = ("dev", "train")  # pools whose gold people wrote or curated; the others are a tool's (silver)
HUMAN_WEIGHT = 2.0  # a human-gold page's weight in training against a silver one's
FOLDS = 5
# The contract's exit statuses, as the check's (a step imports nothing of the CLI): could not run, interrupted.
EXIT_USAGE, EXIT_INTERRUPTED = 2, 130


def shingles(words: Sequence[str]) -> Counter[tuple[str, ...]]:
    if not words:
        return Counter()
    if len(words) < 4:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


@dataclass
class Page:
    pool: str
    rendition: str
    page_id: str
    site: str
    gold: Counter[tuple[str, ...]]
    lines: list[str]  # the text of each non-blank line, in order
    open_rows: list[int]  # positions (in ``lines``) the model decides
    rows: list[list[float]]  # features of those lines
    truth: list[int]  # 1 for a body line, of those lines
    fixed_kept: list[bool]  # lines the rules keep whatever the model says (none today: all open or decided)
    heuristic_kept: list[bool]  # what the prose region alone keeps (the rules as they stood)
    in_region: list[bool] = field(default_factory=list)  # the line is inside the prose region
    has_region: bool = False  # the prose region found a run of prose: without one the page has no article
    rule_hits: list[tuple[str, int]] = field(default_factory=list)  # (generic rule, 1 if it removed a body line)
    title: tuple[str | None, str | None] = (None, None)  # (the page's, as the gold gives it; ours)
    byline: tuple[str | None, str | None] = (None, None)
    headline: TitledPage | None = None  # the headline's candidates, on a page whose gold names its title
    _arrays: Any = field(default=None, repr=False, compare=False)

    def arrays(self) -> tuple[Any, Any]:
        """The open lines' features and whether each is inside the prose region, as numpy
        arrays (made once: the thresholds are searched over every page many times)."""
        if self._arrays is None:
            import numpy as np

            rows = np.array(self.rows, dtype=np.float64).reshape(len(self.rows), len(line_model.feature_names()))
            self._arrays = (rows, np.array([self.in_region[j] for j in self.open_rows], dtype=bool))
        found: tuple[Any, Any] = self._arrays
        return found


def _gold_index(gold_text: str) -> tuple[set[tuple[str, ...]], str]:
    words = WORD.findall(gold_text)
    return set(shingles(words)), " " + " ".join(words) + " "


def _is_body(text: str, gold_set: set[tuple[str, ...]], gold_joined: str) -> int:
    words = WORD.findall(text)
    if not words:
        return 0
    if len(words) < 4:
        return int(f" {' '.join(words)} " in gold_joined)
    found = shingles(words)
    hit = sum(count for shingle, count in found.items() if shingle in gold_set)
    return int(hit >= 0.5 * sum(found.values()))


def read_pages(root: Path, rules: RuleSet, scorers: Scorers | None = None) -> Iterator[Page]:
    """Every rendition of every labelled page of the pools under ``root``. A manifest, gold
    or page file that cannot be read is a :class:`RuleFileError` naming it (and the
    manifest's line): a user's own folder gets the check's one-line errors, not a traceback.

    ``scorers``: the headline scorer to choose each site's headlines with (else the
    structure step's rule of thumb chooses)."""
    for pool in sorted(p for p in root.iterdir() if (p / "manifest.jsonl").is_file()):
        for entry in manifest_entries(pool / "manifest.jsonl"):
            gold_path = pool / "gold" / f"{entry['id']}.txt"
            if not gold_path.is_file():
                continue
            entry, gold_text = headline_from_gold(entry, _utf8(gold_path))
            for rendition in RENDITIONS:
                path = pool / rendition / f"{entry['id']}.txt"
                if path.is_file():
                    scorer = scorers.get(site_of(entry)) if scorers else None
                    yield page_of(pool.name, rendition, entry, _read(path), gold_text, rules, scorer)


TEXT_FIELDS = ("site", "title", "byline", "language")  # optional; a string when given
FLAG_FIELDS = ("headline_in_gold",)  # optional; true or false when given


def manifest_entries(path: Path) -> Iterator[dict[str, Any]]:
    """A pool's manifest, an entry a line: an object whose ``id`` names files in the pool
    (a plain file name: no folder, so no entry reads outside its pool)."""
    for number, entry in json_lines(path, _utf8(path)):
        if not _file_name(entry.get("id")):
            raise RuleFileError(path, number, '"id" must be a file name without a folder')
        for key in TEXT_FIELDS:
            if entry.get(key) is not None and not isinstance(entry[key], str):
                raise RuleFileError(path, number, f'"{key}" must be a string')
        for key in FLAG_FIELDS:
            if entry.get(key) is not None and not isinstance(entry[key], bool):
                raise RuleFileError(path, number, f'"{key}" must be true or false')
        yield entry


def headline_from_gold(entry: dict[str, Any], gold_text: str) -> tuple[dict[str, Any], str]:
    """The entry and the article body, for a gold that opens with the page's headline.

    Extractors that write the headline above the body (trafilatura does on many pages)
    give gold the check's output never holds: the check takes the headline out as the
    title. An entry marked ``headline_in_gold`` has its gold's first line read as the
    page's title (unless the entry names one) and the rest as the body, so the line model
    learns the convention of human gold and the headline scorer learns from those pages too.
    """
    if not entry.get("headline_in_gold"):
        return entry, gold_text
    first, _, rest = gold_text.lstrip().partition("\n")
    if not first:  # an empty gold: nothing to take
        return entry, gold_text
    return (entry if entry.get("title") else entry | {"title": first.strip()}), rest


def site_of(entry: dict[str, Any]) -> str:
    """The site a page is grouped by in the folds; a page that names none is its own."""
    site: str = entry.get("site") or entry["id"]
    return site


def _file_name(value: object) -> bool:
    return isinstance(value, str) and value not in ("", ".", "..") and "\0" not in value and Path(value).name == value


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise RuleFileError(path, None, f"cannot be read ({error.strerror or error})") from None


def _utf8(path: Path) -> str:
    try:
        return _read(path).decode("utf-8")
    except UnicodeDecodeError:
        raise RuleFileError(path, None, "not UTF-8 text") from None


def page_of(
    pool: str,
    rendition: str,
    entry: dict[str, Any],
    data: bytes,
    gold_text: str,
    rules: RuleSet,
    scorer: HeadlineWeights | None = None,
) -> Page:
    """One page as the check sees it when the model is asked: decoded, labelled by the rules."""
    outcome = decode_data(data, DecodeOutcome(path=Path(entry["id"])))
    decoded = outcome.decoded
    gold_set, gold_joined = _gold_index(gold_text)
    gold = shingles(WORD.findall(gold_text))
    if decoded is None:
        return Page(pool, rendition, entry["id"], site_of(entry), gold, [], [], [], [], [], [])
    lines = split_lines(decoded.text)
    language, _ = choose_language(text=decoded.text, guessed=decoded.language)
    seen: list[headline.Candidates] = []
    labelling, region, title, author = label_by_rules(lines, rules, None, language, headlines_seen=seen, scorer=scorer)
    content, rows = line_model.page_features(labelling, region, vocabulary(rules, None, language))
    labels = labelling.labels
    open_rows = [j for j, i in enumerate(content) if line_model.is_open(labelling, i)]
    texts = [lines[i].stripped for i in content]
    in_region = [region is not None and region.start <= i <= region.end for i in content]
    heuristic = [inside and labels[i] is None for i, inside in zip(content, in_region, strict=True)]
    return Page(
        pool=pool,
        rendition=rendition,
        page_id=entry["id"],
        site=site_of(entry),
        gold=gold,
        lines=texts,
        open_rows=open_rows,
        rows=[[float(v) for v in rows[j]] for j in open_rows],
        truth=[_is_body(texts[j], gold_set, gold_joined) for j in open_rows],
        fixed_kept=[False] * len(texts),
        heuristic_kept=heuristic,
        in_region=in_region,
        has_region=region is not None,
        rule_hits=[
            (label.rule, _is_body(lines[i].stripped, gold_set, gold_joined))
            for i in content
            if (label := labels[i]) is not None and label.rule is not None and label.rule.startswith("generic.")
        ],
        title=(entry.get("title"), title),
        byline=(entry.get("byline"), author),
        headline=_titled(entry, labelling, seen, title),
    )


def _titled(
    entry: dict[str, Any], labelling: Labelling, seen: list[headline.Candidates], title: str | None
) -> TitledPage | None:
    gold = entry.get("title")
    if not gold:
        return None
    found = seen[0] if seen else headline.Candidates([], [])
    truth = [_same(gold, headline_text(labelling, i)) for i in found.indices]
    site = site_of(entry)
    return TitledPage(site, found.rows, truth, bool(title) and _same(gold, title or ""))


def page_scores(page: Page, kept: Sequence[bool]) -> tuple[float | None, float]:
    """(precision or None for an empty output, recall) of one page's kept lines."""
    words = [w for text, keep in zip(page.lines, kept, strict=True) if keep for w in WORD.findall(text)]
    out = shingles(words)
    if not out:
        return None, 0.0
    tp = sum((out & page.gold).values())
    return tp / sum(out.values()), tp / max(1, sum(page.gold.values()))


def f1_of(pairs: Sequence[tuple[float | None, float]]) -> tuple[float, float, float, int]:
    """The benchmark's figure: F1 of mean precision (pages with output) and mean recall (all pages)."""
    precisions = [p for p, _ in pairs if p is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(r for _, r in pairs) / len(pairs) if pairs else 0.0
    empty = sum(1 for p_, _ in pairs if p_ is None)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r, empty


def kept_lines(page: Page, own: Sequence[float], chances: Sequence[float], cutoffs: Cutoffs) -> list[bool]:
    """What the check keeps of a page (:func:`copydesk.label.line_model.decide`, whose
    :func:`~copydesk.label.line_model.keeps` decides the open lines): ``own`` the model's
    probabilities, ``chances`` the same smoothed."""
    import numpy as np

    if not page.has_region:
        return list(page.heuristic_kept)  # nothing: no run of prose, no article
    kept = list(page.fixed_kept)
    rows, in_region = page.arrays()
    if page.open_rows:
        decided = line_model.keeps(np.asarray(own), np.asarray(chances), rows, in_region, cutoffs)
        for j, keep in zip(page.open_rows, decided.tolist(), strict=True):
            kept[j] = keep
    if not any(kept):  # the model never empties a page: the heuristic's region stays
        return list(page.heuristic_kept)
    return kept


def _smooth_all(raw: dict[int, list[float]], kernel: Sequence[float]) -> dict[int, Any]:
    return {k: smoothed(v, kernel) for k, v in raw.items()}


def _estimator() -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=TREES,
        max_depth=DEPTH,
        max_leaf_nodes=LEAVES,
        learning_rate=0.15,
        early_stopping=False,
        random_state=SEED,
    )


def _matrix(pages: Sequence[Page], indices: Sequence[int]) -> tuple[Any, Any, Any]:
    """The rows, their labels and their weights (scaled to a mean of 1): a page's lines
    weigh ``1 / sqrt(lines)`` each, so a page's say grows with its length but slower, and
    a human-gold page's twice a silver one's. The lines of one page are not independent
    draws: weighed alike, one forum page of a thousand comment lines outvotes thirty short
    news pages; weighed as pages (``1 / lines``), a long article's many paragraphs say no
    more than a stub's one. Silver gold is a tool's output, mistakes included."""
    import numpy as np

    x = np.array([row for k in indices for row in pages[k].rows], dtype=float)
    y = np.array([t for k in indices for t in pages[k].truth], dtype=int)
    w = np.repeat([_weight(pages[k]) for k in indices], [len(pages[k].rows) for k in indices]).astype(float)
    return x, y, w / w.mean() if w.size else w


def _weight(page: Page) -> float:
    root: float = max(1, len(page.rows)) ** 0.5
    return (HUMAN_WEIGHT if page.pool in HUMAN_POOLS else 1.0) / root


def _fitted(pages: Sequence[Page], indices: Sequence[int]) -> Any:
    x, y, w = _matrix(pages, indices)
    return _estimator().fit(x, y, sample_weight=w)


def cross_validate(pages: list[Page], folds: int = FOLDS) -> dict[int, list[float]]:
    """Each page's line probabilities from a model that never saw its site."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    sites = sorted({page.site for page in pages})
    site_group = {site: n for n, site in enumerate(sites)}
    groups = np.array([site_group[page.site] for page in pages])
    raw: dict[int, list[float]] = {}
    for train_idx, test_idx in GroupKFold(n_splits=folds).split(np.zeros(len(pages)), groups=groups):
        fitted = _fitted(pages, train_idx)
        for k in test_idx:
            rows = pages[k].rows
            raw[int(k)] = [float(p) for p in fitted.predict_proba(np.array(rows, dtype=float))[:, 1]] if rows else []
    return raw


def figures(
    pages: Sequence[Page], raw: dict[int, list[float]], chances: dict[int, Any], cutoffs: Cutoffs
) -> dict[str, tuple[float, ...]]:
    """The benchmark's figures per pool and rendition, from held-out probabilities (``raw``,
    and ``chances`` smoothed)."""
    return _table(pages, lambda k, page: kept_lines(page, raw[k], chances[k], cutoffs))


def _table(pages: Sequence[Page], kept_of: Callable[[int, Page], Sequence[bool]]) -> dict[str, tuple[float, ...]]:
    """The benchmark's figures per group (human gold or the pool, each rendition; each pool
    and rendition; all) of what ``kept_of(k, page)`` keeps of each page."""
    table: dict[str, list[tuple[float | None, float]]] = {}
    for k, page in enumerate(pages):
        pair = page_scores(page, kept_of(k, page))
        human = "human" if page.pool in HUMAN_POOLS else page.pool
        for key in {f"{human}/{page.rendition}", f"{page.pool}/{page.rendition}", "all"}:
            table.setdefault(key, []).append(pair)
    return {key: f1_of(pairs) for key, pairs in sorted(table.items())}


def worst_pages(
    pages: Sequence[Page], raw: dict[int, list[float]], chances: dict[int, Any], cutoffs: Cutoffs, count: int = 10
) -> list[tuple[Page, float | None, float]]:
    """The pages the held-out model does worst on (by the page's F1), with P (None: emptied) and R."""

    def page_f1(pair: tuple[float | None, float]) -> float:
        p, r = pair
        return 0.0 if p is None or p + r == 0 else 2 * p * r / (p + r)

    scored = [(page, *page_scores(page, kept_lines(page, raw[k], chances[k], cutoffs))) for k, page in enumerate(pages)]
    return sorted(scored, key=lambda item: page_f1((item[1], item[2])))[:count]


def heuristic_figures(pages: Sequence[Page]) -> dict[str, tuple[float, ...]]:
    return _table(pages, lambda _, page: page.heuristic_kept)


def ceilings(pages: Sequence[Page]) -> tuple[dict[str, tuple[float, ...]], dict[str, tuple[float, ...]]]:
    """What a perfect model would score, each open line's gold label as its probability:
    through the guard rails a check applies to a model's answer (:func:`kept_lines`: a
    sentence inside the prose region stays, only sentences above it, no page emptied, ...),
    and keeping exactly the open lines that are article text. Below the first, the model
    falls short; between the two is what the rails cost, which no model can win back."""
    truth = {k: [float(t) for t in page.truth] for k, page in enumerate(pages)}
    railed = figures(pages, truth, truth, Cutoffs(0.5, 0.5, 0.5, 0.5))

    def exact(k: int, page: Page) -> list[bool]:
        kept = [False] * len(page.lines)
        for j, body in zip(page.open_rows, page.truth, strict=True):
            kept[j] = bool(body)
        return kept

    return railed, _table(pages, exact)


DECIDING_PRECISION = 0.98  # a generic rule below it becomes a hint (issue 23, item 5)
KERNELS: tuple[tuple[float, ...], ...] = ((1.0,), (0.25, 0.5, 0.25), (0.15, 0.2, 0.3, 0.2, 0.15))
THRESHOLDS = tuple(round(0.2 + 0.025 * i, 3) for i in range(21))


OUTSIDE_STEPS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)  # how much more a line outside the region may need
HINTED = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)  # the own probability a line a hint names may need
ENDED_STEPS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)  # how much more than outside a line after the end marker may need
# After the marker that ended the article the pools hold few comment threads, and the
# figure barely moves with the bar there; pages from other sites keep their threads on
# half the pages that have one. So the highest bar that scores within this of the best:
# the spread of the figure between fits that differ only in scikit-learn's draw of the
# lines it places its bins by, under which two bars cannot be told apart.
ENDED_TOLERANCE = 0.001


def selection_score(table: dict[str, tuple[float, ...]]) -> float:
    """What the smoothing and the cutoffs are chosen by: the mean F1 of the groups the goals
    name (human gold and silver, each rendition), so the 1,500 silver renditions do not
    outvote the 300 with human gold; ``all`` when the pages have neither (a user's own)."""
    groups = [value[0] for key, value in table.items() if key.split("/")[0] in ("human", "silver")]
    return sum(groups) / len(groups) if groups else table["all"][0]


def highest_within(scores: dict[float, float], floor: float) -> float:
    """The highest setting whose score reaches ``floor``: where the figure is flat, the strictest."""
    return max(setting for setting, found in scores.items() if found >= floor)


def _choose(pages: list[Page], raw: dict[int, list[float]]) -> tuple[tuple[float, ...], Cutoffs, float]:
    """The smoothing and the cutoffs that score best (:func:`selection_score`) on the
    held-out predictions: the kernel and one threshold first, then the margin outside the
    region, then the bar for hinted lines, then the one after the article's end marker
    (the highest within :data:`ENDED_TOLERANCE` of the best)."""

    def score(chances: dict[int, Any], cutoffs: Cutoffs) -> float:
        return selection_score(figures(pages, raw, chances, cutoffs))

    best: tuple[tuple[float, ...], Cutoffs, float] = ((1.0,), Cutoffs(0.5, 0.5), -1.0)
    for kernel in KERNELS:
        chances = _smooth_all(raw, kernel)
        for threshold in THRESHOLDS:
            if (found := score(chances, Cutoffs(threshold, threshold))) > best[2]:
                best = (kernel, Cutoffs(threshold, threshold), found)
    kernel = best[0]
    chances = _smooth_all(raw, kernel)
    for threshold in THRESHOLDS:
        for step in OUTSIDE_STEPS[1:]:
            cutoffs = Cutoffs(threshold, round(threshold + step, 3))
            if (found := score(chances, cutoffs)) > best[2]:
                best = (kernel, cutoffs, found)
    inside, outside = best[1].inside, best[1].outside
    for hinted in HINTED[1:]:
        if (found := score(chances, Cutoffs(inside, outside, hinted))) > best[2]:
            best = (kernel, Cutoffs(inside, outside, hinted), found)
    hinted = best[1].hinted
    ended = {0.0: best[2]}  # step 0.0 is the bar the stages above had: their best score
    for step in ENDED_STEPS[1:]:
        ended[step] = score(chances, Cutoffs(inside, outside, hinted, round(outside + step, 3)))
    step = highest_within(ended, max(ended.values()) - ENDED_TOLERANCE)
    if step > 0.0:
        best = (kernel, Cutoffs(inside, outside, hinted, round(outside + step, 3)), ended[step])
    return best


def fit_final(pages: list[Page]) -> dict[str, Any]:
    """The model fitted on every page, as plain data: each tree's nodes laid end to end."""
    fitted = _fitted(pages, range(len(pages)))
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depth = 0
    for (predictor,) in fitted._predictors:
        nodes = predictor.nodes
        base = len(feature)
        roots.append(base)
        means = _inner_means(nodes)
        for n, node in enumerate(nodes):
            leaf = bool(node["is_leaf"])
            feature.append(0 if leaf else int(node["feature_idx"]))
            threshold.append(0.0 if leaf else float(node["num_threshold"]))
            left.append(base + n if leaf else base + int(node["left"]))
            right.append(base + n if leaf else base + int(node["right"]))
            value.append(float(means[n]))
            depth = max(depth, int(node["depth"]))
    return {
        "names": list(line_model.feature_names()),
        "baseline": float(fitted._baseline_prediction.ravel()[0]),
        "trees": {
            "roots": roots,
            "depth": depth,
            "feature": feature,
            "threshold": threshold,
            "left": left,
            "right": right,
            "value": [round(v, 7) for v in value],
        },
    }


def _inner_means(nodes: Any) -> list[float]:
    """A leaf's value, and for an inner node the count-weighted mean of its leaves'."""
    means = [0.0] * len(nodes)

    def walk(n: int) -> tuple[float, int]:
        node = nodes[n]
        if node["is_leaf"]:
            means[n] = float(node["value"])
            return means[n] * int(node["count"]), int(node["count"])
        a_sum, a_count = walk(int(node["left"]))
        b_sum, b_count = walk(int(node["right"]))
        total = max(1, a_count + b_count)
        means[n] = (a_sum + b_sum) / total
        return a_sum + b_sum, a_count + b_count

    walk(0)
    return means


# A gold title is often the page's HTML <title>, typed with straight quotes, where the
# text rendition prints the headline with the site's curly ones or guillemets.
_QUOTES = str.maketrans(dict.fromkeys("‘’‚‛", "'") | dict.fromkeys("“”„‟«»", '"'))


def _folded(text: str) -> str:
    """Text as the figures compare it: the gold's line breaks and double spaces are layout,
    and so is the style of its quotation marks."""
    return " ".join(text.translate(_QUOTES).split()).casefold()


def _same(a: str, b: str) -> bool:
    return _folded(a) == _folded(b)


def _names_same(gold: str, found: str) -> bool:
    """A byline found: the name the check gives is in the gold's byline ("By Ana Ruiz, MA"), or the other way round."""
    return _folded(found) in _folded(gold) or _folded(gold) in _folded(found)


def structure_figures(pages: Sequence[Page]) -> str:
    """Titles exact and bylines found, on the pages whose gold gives one, as the pages
    were read (by :func:`main`, each site's headline chosen by a scorer that never saw it)."""
    titled = [p for p in pages if p.title[0]]
    exact = sum(1 for p in titled if p.title[1] and _same(p.title[0] or "", p.title[1]))
    bylined = [p for p in pages if p.byline[0]]
    found = sum(1 for p in bylined if p.byline[1] and _names_same(p.byline[0] or "", p.byline[1]))
    return (
        f"titles exact on {exact}/{len(titled)} pages that have one ({exact / max(1, len(titled)):.0%}); "
        f"bylines found on {found}/{len(bylined)} ({found / max(1, len(bylined)):.0%})"
    )


def rule_precision(pages: Sequence[Page]) -> list[tuple[str, int, float]]:
    """Each generic rule's fires over every page and the share of them that were chrome."""
    fires: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for page in pages:
        for rule, body in page.rule_hits:
            fires[rule] += 1
            wrong[rule] += body
    return sorted(((rule, n, 1 - wrong[rule] / n) for rule, n in fires.items()), key=lambda item: item[2])


def _rule_verdict(rule: str, precision: float) -> str:
    if ".hints[" in rule:
        return "  (hint: a feature)"
    if precision >= DECIDING_PRECISION:
        return ""
    if "_markers[" in rule:
        return f"  < {DECIDING_PRECISION}: a marker (it bounds the region; its own line decided)"
    return f"  < {DECIDING_PRECISION}: make it a hint"


def _print_figures(title: str, table: dict[str, tuple[float, ...]]) -> None:
    print(title)
    for key, (f1, p, r, empty) in table.items():
        print(f"  {key:24} F1={f1:.3f} P={p:.3f} R={r:.3f} empty={empty}")


def _fail(message: str) -> int:
    """The check's one-line error (control characters escaped) and its exit status for input it cannot use."""
    print(escaped(f"copydesk.label.training: error: {message}"), file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="copydesk.label.training", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="pools (dev/, train/, silver/...) in the layout the bench uses")
    parser.add_argument("--out", type=Path, default=BUILTIN_DIR / "line_model.json", help="where the model goes")
    parser.add_argument("--no-write", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"skipped: no labelled pages at {args.folder}")
        return 0
    rules = load_rules(None, line_model=False)
    try:
        pages = list(read_pages(args.folder, rules))
        if (sites := len({page.site for page in pages})) < FOLDS:
            return _fail(f"{args.folder}: labelled pages from {sites} site(s); cross-validation needs {FOLDS}")
        titled = [page.headline for page in pages if page.headline is not None]
        if scorers := headline_training.held_out(titled):
            pages = list(read_pages(args.folder, rules, scorers))  # headlines as unseen sites get them
    except RuleFileError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"{args.folder}: cannot be read ({error.strerror or error})")
    print(f"{len(pages)} page renditions, {sites} sites, {sum(len(p.rows) for p in pages)} lines the model decides")
    _print_figures("the rules and the prose region alone:", heuristic_figures(pages))
    print(structure_figures(pages))
    print(headline_training.figures(titled, scorers))  # the held-out scorers above, not fitted again
    print("generic rules: fires and precision (lines matched that are not article text), least precise first")
    print("(a rule that decides needs 0.98; a hint is a feature the model weighs):")
    for rule, n, precision in rule_precision(pages):
        print(f"  {rule:40} fires={n:6} precision={precision:.3f}{_rule_verdict(rule, precision)}")
    raw = cross_validate(pages)
    kernel, cutoffs, _ = _choose(pages, raw)
    cv = figures(pages, raw, _smooth_all(raw, kernel), cutoffs)
    chosen = f"smoothing {kernel}, {cutoffs}"
    _print_figures(f"line model, {FOLDS}-fold CV grouped by site ({chosen}):", cv)
    railed, exact = ceilings(pages)
    _print_figures("ceiling: each open line's gold as the model's answer, through the guard rails of keeps():", railed)
    _print_figures("ceiling without the guard rails (the open lines that are article text kept, no others):", exact)
    print("the ten worst pages, cross-validated (P of what was kept, R of the gold; P - when emptied):")
    for page, p, r in worst_pages(pages, raw, _smooth_all(raw, kernel), cutoffs):
        shown = "-" if p is None else f"{p:.2f}"
        print(f"  {page.pool}/{page.rendition}/{page.page_id} ({page.site}): P={shown} R={r:.2f}")
    if args.no_write:
        return 0
    model = fit_final(pages) | {
        "threshold": cutoffs.inside,
        "threshold_outside": cutoffs.outside,
        "threshold_hinted": cutoffs.hinted,
        "threshold_ended": cutoffs.ended,
        "smoothing": list(kernel),
        "version": f"hgb{TREES}d{DEPTH}-{len(line_model.feature_names())}f",
        "trained_on": sorted({p.pool for p in pages}),
        "cv_f1": {key: round(value[0], 4) for key, value in cv.items()},
    }
    scorer = headline_training.fit(titled)
    if scorer is not None:
        model["headline"] = scorer
    try:
        write_atomic(args.out, json.dumps(model, indent=1) + "\n")
    except OSError as error:
        return _fail(f"{args.out}: cannot write the model ({error.strerror or error})")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # as the check reports it; no model is written half
        print("copydesk.label.training: interrupted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
