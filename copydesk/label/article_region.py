"""The article region: the first substantial run of prose, found by a maximum-sum segment.

Each undecided line scores by its shape (:mod:`line_features`): prose adds its length,
chrome subtracts, and a generic marker ("Related Topics", "Share this:", "N Comments")
subtracts as much as a paragraph. Runs of positive sum are the candidates: short real
paragraphs inside a run survive because the prose around them outweighs them, and prose
that stands alone among menus (a teaser, a long headline) does not. Pages print the
article before their comments, related lists and footers, so the earliest run that is
substantial and a fair share of the best wins. Markers are not walls: sites print
"Share this:" above articles and "More from" inside them. Linear in the number of lines.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from copydesk.label.labelling import Labelling
from copydesk.label.line_features import CHROME_BASE
from copydesk.model import Kind, Label
from copydesk.text.shape import looks_like_headline

MIN_ARTICLE_WEIGHT = 150.0
EARLY_SHARE = 0.3  # an earlier run wins when it has at least this share of the best run's score
OUTSIDE = "article.outside_region"
LISTED = "article.listed_under_heading"
MIN_LISTED = 2  # one headline-shaped line after a heading may be the article's own subheading
DECIDED_CHROME = -CHROME_BASE
MARKER = -300.0  # a generic marker ("Share this:", "Related stories") weighs like a paragraph of chrome


@dataclass(frozen=True, slots=True)
class Region:
    start: int  # index of the first line of the article
    end: int  # index of the last line, inclusive
    score: float
    runs: tuple[tuple[int, int, float], ...] = ()  # every candidate run's (start, end, score)


def _line_scores(labelling: Labelling, scores: Sequence[float]) -> list[float]:
    """Undecided lines by their shape; lines rules removed count as chrome, markers as strong chrome."""
    lines = labelling.lines
    strong = labelling.markers | labelling.ends
    out = []
    for index, label in enumerate(labelling.labels):
        if label is None:  # undecided: never a blank line (those start decided)
            out.append(scores[index])
        elif not lines[index].stripped:
            out.append(0.0)
        elif index in strong:
            out.append(MARKER)
        else:
            out.append(DECIDED_CHROME if not label.kept else 0.0)
    return out


def runs(values: Sequence[float], start: int, end: int) -> list[Region]:
    """The best segment of each run between Kadane's resets, in page order.

    A run ends where its running sum falls to zero: what follows cannot be joined to it
    with profit. Within a run the best prefix is the candidate, so a short dip (an ad,
    a caption) inside an article does not split it.
    """
    found: list[Region] = []
    run_start, run_sum, best_end, best_sum = start, 0.0, -1, 0.0
    for index in range(start, end):
        if run_sum <= 0.0:
            if best_end >= 0:
                found.append(_trimmed(values, run_start, best_end, best_sum))
            run_start, run_sum, best_end, best_sum = index, 0.0, -1, 0.0
        run_sum += values[index]
        if run_sum > best_sum:
            best_end, best_sum = index, run_sum
    if best_end >= 0:
        found.append(_trimmed(values, run_start, best_end, best_sum))
    return found


def _trimmed(values: Sequence[float], start: int, end: int, total: float) -> Region:
    """Drop the blank and zero-score lines a run may open with."""
    while start < end and values[start] <= 0.0:
        start += 1
    return Region(start, end, total)


def choose(candidates: Sequence[Region]) -> Region | None:
    """The earliest candidate that is substantial and a fair share of the best one."""
    if not candidates:
        return None
    best = max(candidate.score for candidate in candidates)
    floor = max(MIN_ARTICLE_WEIGHT, EARLY_SHARE * best)
    return next((c for c in candidates if c.score >= floor), None)


def find_region(labelling: Labelling, scores: Sequence[float]) -> Region | None:
    """The article: the earliest substantial run of prose, or the best small one.

    A short page is still an article; with no positive run at all there is none.
    """
    candidates = runs(_line_scores(labelling, scores), 0, len(labelling.lines))
    region = choose(candidates) or max(candidates, key=lambda region: region.score, default=None)
    if region is None:
        return None
    region = replace(region, runs=tuple((c.start, c.end, c.score) for c in candidates))
    return with_introduced_block(labelling, ended(labelling, region))


def ended(labelling: Labelling, region: Region) -> Region:
    """Cut the article at the first generic tail marker after its start."""
    stop = min((index for index in labelling.ends if region.start < index <= region.end), default=None)
    if stop is None:
        return region
    end = stop - 1
    while end > region.start and labelling.lines[end].is_blank:
        end -= 1
    return replace(region, end=end)


def with_introduced_block(labelling: Labelling, region: Region) -> Region:
    """Extend the article over a block its last words introduce ("Tour dates:", "Ingredients:").

    The introducing line ends with a colon and sits at the end of the article or right
    after it; the block is the run of lines up to the next blank line, none of them
    already chrome. A colon line after the article that introduces nothing ("Share
    this:" above buttons already removed) is not part of it.
    """
    lines = labelling.lines
    index = region.end + 1
    while index < len(lines) and lines[index].is_blank:
        index += 1
    if index < len(lines) and labelling.undecided(index) and lines[index].stripped.endswith(":"):
        end = index
    elif lines[region.end].stripped.endswith(":"):
        end = region.end
    else:
        return region
    block_end = end
    while block_end + 1 < len(lines) and not lines[block_end + 1].is_blank and labelling.undecided(block_end + 1):
        block_end += 1
    return replace(region, end=block_end) if block_end > end else region


def mark_listed(labelling: Labelling, region: Region | None) -> None:
    """The list under a chrome heading inside the article ("More from UK", then headlines): chrome.

    Inside an article a section marker is followed either by the article again (a paragraph,
    or a subheading and its paragraph) or by the section's own list: headlines, one to a
    line. Two or more headline-shaped lines in a row are that list, up to the first line that
    is not a headline; region scoring alone keeps them, each being a line of several words.
    """
    if region is None:
        return
    label = Label(Kind.BOILERPLATE, LISTED)
    for marker in sorted(labelling.markers):
        listed = []
        for index in range(marker + 1, region.end + 1):
            line = labelling.lines[index]
            if line.is_blank:
                continue
            if index < region.start or not labelling.undecided(index) or not looks_like_headline(line.stripped):
                break
            listed.append(index)
        if len(listed) >= MIN_LISTED:
            for index in listed:
                labelling.decide(index, label)


def mark_outside(labelling: Labelling, region: Region | None) -> None:
    """Everything undecided outside the article region is chrome; with no region, all of it."""
    label = Label(Kind.BOILERPLATE, OUTSIDE)
    labels = labelling.labels
    count = len(labels)
    outside = range(count) if region is None else itertools.chain(range(region.start), range(region.end + 1, count))
    for index in outside:
        if labels[index] is None:  # blank lines start decided: only content lines are undecided
            labels[index] = label
