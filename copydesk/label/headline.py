"""Which line is the headline: a linear score over the lines just above the article.

The structure step's rule of thumb (:func:`copydesk.label.structure.find_title`) takes
the nearest headline-shaped line above the article, and above many articles the nearest
such line is chrome: "Share this story", "Log in", a photo credit. The headline
differs from them in what the page itself shows: its words come back in the article, sites
print it twice, a byline follows it, it is longer than the labels around it, it stands
alone between blank lines where menus and link lists come in runs. Sites
also show the headline inside another line (a breadcrumb's last step, "Headline | Site"),
put its stamp under it, and never put it under the byline: what stands there is the
standfirst, the candidate a scorer most often takes for it. These
features and the rule of thumb's own pick are weighed by a logistic regression trained
with the line model (:mod:`copydesk.label.training`) and shipped in its file; without one
the rule of thumb decides alone.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from copydesk.label.labelling import Labelling
from copydesk.label.structure import headline_not_byline, is_byline, names_a_time, without_cut
from copydesk.rules import compiled
from copydesk.rules.model_file import HeadlineWeights
from copydesk.rules.patterns import RulePattern
from copydesk.text.memo import LineMemo, MemoFamily
from copydesk.text.shape import UNSPACED, looks_like_headline, word_count

# Non-blank lines above the article's first that may hold its headline. None inside the
# article but the rule of thumb's own pick: a headline the first cleaning left in the
# article would be taken on a second, and cleaning would not be idempotent.
ABOVE = 40
ARTICLE_CHARS = 2000  # the article's opening, where its headline's words come back

FEATURES = (
    "offset",
    "inside",
    "log_words",
    "log_chars",
    "headline_shaped",
    "not_byline",
    "sentence_end",
    "overlap",
    "overlap_words",
    "overlap_gap",
    "length_gap",
    "repeated",
    "hinted",
    "above_byline",
    "capitalised",
    "digit",
    "separator",
    "isolated",
    "rule_of_thumb",
    "quoted_elsewhere",
    "overlap_rank",
    "dated_below",
    "byline_above",
)
QUOTED_CHARS = 12  # a shorter text inside a longer line is a label's word, not a headline quoted
DATED_BELOW = 2  # non-blank lines under a candidate where its stamp may stand
BYLINE_ABOVE = 3  # non-blank lines over a candidate where a byline would make it the standfirst
RANKS = 10  # candidates ranked past this many are all "far down"

# The standard library's word class: several times faster than the same in ``regex`` over
# an article's first lines, and the candidates and the article are split alike.
_WORD = re.compile(r"\w+")
_END = compiled.compile(r"[.!?。！？؟][\"”’»)\]]*$")
_SEPARATOR = compiled.compile(r" [|–—-] |::| » ")
_NOT_LETTERS = compiled.compile(r"[^\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class Candidates:
    """The lines that may be the headline, and each one's features (rows of :data:`FEATURES`)."""

    indices: list[int]
    rows: list[list[float]]


def candidates(
    labelling: Labelling,
    region: tuple[int, int],
    byline_patterns: tuple[RulePattern, ...],
    stops: frozenset[str],
    rule_of_thumb: int | None,
) -> Candidates:
    """Headline-shaped lines no rule decided (or only hinted at) just above the region, and
    the rule of thumb's pick wherever it is; each with its features."""
    filled = [i for i, line in enumerate(labelling.lines) if not line.is_blank]
    split = bisect_left(filled, region[0])
    window = set(range(max(0, split - ABOVE), split))
    if rule_of_thumb is not None:
        window.add(bisect_left(filled, rule_of_thumb))  # inside the region when it ends in "!" or "?"
    picked: list[tuple[int, str]] = []
    for n in sorted(window):
        i, label = filled[n], labelling.labels[filled[n]]
        text = without_cut(labelling, i)
        open_line = label is None or i in labelling.hints
        if i == rule_of_thumb or (open_line and looks_like_headline(text)):
            picked.append((n, text))
    pairs = any(UNSPACED.search(text) for _, text in picked)
    article = _article_words(labelling, filled[split:], region[1], {filled[n] for n, _ in picked}, pairs)
    seen = Counter(labelling.lines[i].stripped for i in filled)
    folded = [labelling.lines[i].stripped.casefold() for i in filled]
    page = _Page(
        labelling,
        filled,
        split,
        byline_patterns,
        stops,
        rule_of_thumb,
        seen,
        article,
        "\n".join(folded),
        Counter(folded),
    )
    rows = [_row(page, n, text) for n, text in picked]
    _gaps(rows)
    return Candidates([filled[n] for n, _ in picked], rows)


@dataclass(frozen=True, slots=True)
class _Article:
    """The region's text as the candidates' words are looked up in it: its words, and its
    letters run together for the character pairs of scripts written without spaces."""

    words: frozenset[str]
    letters: str

    def shared(self, tokens: frozenset[str]) -> int:
        # A pair of characters is a token of a script without spaces (words have three or more).
        return sum(1 for t in tokens if (t in self.letters if len(t) == 2 else t in self.words))


@dataclass(slots=True)
class _Page:
    """What every candidate's row is read against."""

    labelling: Labelling
    filled: list[int]  # the non-blank lines
    split: int  # the position in ``filled`` of the region's first line
    byline_patterns: tuple[RulePattern, ...]
    stops: frozenset[str]
    rule_of_thumb: int | None
    seen: Counter[str]  # how often each line's text is on the page
    article: _Article
    folded: str  # the page's non-blank lines, case-folded, a line each
    folded_seen: Counter[str]  # how often each case-folded line is on the page
    # Per non-blank line near the candidates: whether it is a byline, whether it names a
    # time. Each candidate reads its neighbours', so each line is asked once for the page.
    bylined: dict[int, bool] = field(default_factory=dict)
    stamped: dict[int, bool] = field(default_factory=dict)

    def quoted(self, n: int, text: str) -> bool:
        """Whether the candidate's text stands inside another, longer line of the page: a
        breadcrumb's last step, "Headline | Site", a share prompt quoting it."""
        wanted = text.casefold()
        if len(wanted) < QUOTED_CHARS:
            return False
        # Its own line holds it too when a cut shortened the candidate.
        own = int(self.labelling.lines[self.filled[n]].stripped.casefold() != wanted)
        return self.folded.count(wanted) - self.folded_seen[wanted] - own > 0

    def dated_below(self, n: int) -> bool:
        """A date or a time within ``DATED_BELOW`` non-blank lines under the ``n``-th: a
        headline's stamp stands there."""
        return any(self._stamped(k) for k in range(n + 1, min(len(self.filled), n + 1 + DATED_BELOW)))

    def byline_above(self, n: int) -> bool:
        """A byline within ``BYLINE_ABOVE`` non-blank lines over the ``n``-th: under a byline stands
        the standfirst or the article, not the headline."""
        return any(self._bylined(k) for k in range(max(0, n - BYLINE_ABOVE), n))

    def _stamped(self, k: int) -> bool:
        if (found := self.stamped.get(k)) is None:
            found = self.stamped[k] = _STAMPED[self.labelling.lines[self.filled[k]].stripped]
        return found

    def _bylined(self, k: int) -> bool:
        if (found := self.bylined.get(k)) is None:
            found = self.bylined[k] = is_byline(self.byline_patterns, self.labelling.lines[self.filled[k]].stripped)
        return found


def _article_words(
    labelling: Labelling, from_start: list[int], end: int, candidates: set[int], pairs: bool
) -> _Article:
    """The words of the region's opening undecided lines other than the candidates (a line inside
    the region would otherwise find all its own words in the article), read in one pass
    over their joined text; its letters too when a candidate is read by character pairs."""
    texts, size = [], 0
    for i in from_start:  # the non-blank lines from the region's first
        if i > end or size >= ARTICLE_CHARS:
            break
        if labelling.labels[i] is None and i not in candidates:
            texts.append(labelling.lines[i].stripped)
            size += len(texts[-1])
    joined = "\n".join(texts)[:ARTICLE_CHARS].casefold()
    letters = _NOT_LETTERS.sub("", joined) if pairs else ""
    return _Article(frozenset(_WORD.findall(joined)), letters)


def _row(page: _Page, n: int, text: str) -> list[float]:
    """One candidate's features, in :data:`FEATURES` order (the gaps and the rank filled in by :func:`_gaps`)."""
    labelling, filled = page.labelling, page.filled
    i = filled[n]
    lines = labelling.lines
    isolated = (i == 0 or lines[i - 1].is_blank) and (i + 1 == len(lines) or lines[i + 1].is_blank)
    log_words, log_chars, shaped, ends, capitalised, digit, separator = _SHAPE[text]
    tokens = _TOKENS.of(page.stops)[text]
    shared = page.article.shared(tokens)
    following = filled[n + 1] if n + 1 < len(filled) else None
    return [
        (n - page.split) / ABOVE,
        float(n >= page.split),
        log_words,
        log_chars,
        shaped,
        float(headline_not_byline(labelling, i, page.byline_patterns)),
        ends,
        shared / len(tokens) if tokens else 0.0,
        math.log1p(shared),
        0.0,
        0.0,
        float(page.seen[lines[i].stripped] > 1),
        float(i in labelling.hints),
        float(following is not None and is_byline(page.byline_patterns, lines[following].stripped)),
        capitalised,
        digit,
        separator,
        float(isolated),
        float(i == page.rule_of_thumb),
        float(page.quoted(n, text)),
        0.0,
        float(page.dated_below(n)),
        float(page.byline_above(n)),
    ]


def _shape(text: str) -> tuple[float, ...]:
    """What a line's text alone says: the features that do not depend on its page."""
    words = text.split()
    return (
        math.log1p(word_count(text)),
        math.log1p(len(text)),
        float(looks_like_headline(text)),
        float(bool(_END.search(text))),
        sum(1 for w in words if w[:1].isupper()) / max(1, len(words)),
        float(any(ch.isdigit() for ch in text)),
        float(bool(_SEPARATOR.search(text))),
    )


# The lines above an article are a site's chrome, the same on each of its pages: each is read once.
_SHAPE: LineMemo[str, tuple[float, ...]] = LineMemo(_shape)
_STAMPED: LineMemo[str, bool] = LineMemo(names_a_time)


def _gaps(rows: list[list[float]]) -> None:
    """Each candidate against the best of the page: the headline is the one whose words the
    article repeats most, and the longest headline-shaped line among the labels above it;
    how many candidates the article repeats more."""
    if not rows:
        return
    overlap, length = FEATURES.index("overlap"), FEATURES.index("log_chars")
    shaped = FEATURES.index("headline_shaped")
    overlap_gap, length_gap, rank = (FEATURES.index(name) for name in ("overlap_gap", "length_gap", "overlap_rank"))
    overlaps = sorted(row[overlap] for row in rows)
    best_length = max(row[length] * row[shaped] for row in rows)
    for row in rows:
        row[overlap_gap] = row[overlap] - overlaps[-1]
        row[length_gap] = row[length] * row[shaped] - best_length
        row[rank] = min(RANKS, len(overlaps) - bisect_right(overlaps, row[overlap])) / RANKS  # the ones above it


def _tokens(stops: frozenset[str], text: str) -> frozenset[str]:
    """Words of three letters or more that are not stop-words; character pairs in scripts
    written without spaces."""
    folded = text.casefold()
    if UNSPACED.search(folded):
        letters = _NOT_LETTERS.sub("", folded)
        return frozenset(a + b for a, b in itertools.pairwise(letters))
    return frozenset(w for w in _WORD.findall(folded) if len(w) > 2 and w not in stops)


_TOKENS: MemoFamily[frozenset[str], str, frozenset[str]] = MemoFamily(_tokens)


def choose(found: Candidates, weights: HeadlineWeights) -> int | None:
    """The best-scoring candidate (ties: the one nearest the article); None without any."""
    best: tuple[float, int] | None = None
    for index, row in zip(found.indices, found.rows, strict=True):
        score = weighed(row, weights)
        if best is None or score >= best[0]:
            best = (score, index)
    return best[1] if best else None


def weighed(row: Sequence[float], weights: HeadlineWeights) -> float:
    return weights.bias + sum(w * x for w, x in zip(weights.weights, row, strict=True))
