"""Which date is the publication date: the one the page prints as its stamp.

Pages carry many dates: the stamp under the headline, dates of events in the body,
dates of related stories, comments and copyright years in the footer, "updated"
stamps. The stamp sits between the headline and the article's first lines, often after
"Published" or "Veröffentlicht am", often with a time; event dates sit inside the
article, the others after it. Each candidate is scored on where it stands relative to
the article the boilerplate step found and on the words just before it; the highest
wins, the one nearest the article's start on a tie.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.extract.dates.candidates import Candidate
from copydesk.model import Kind, Label, Line
from copydesk.rules import compiled
from copydesk.rules.patterns import PatternSet

CUE_WINDOW = 40  # characters before the date in which cue words count


@dataclass(frozen=True, slots=True)
class Page:
    """Where the article is: its first and last lines and the headline's line, by index."""

    lines: Sequence[Line]
    labels: Sequence[Label]
    start: int  # first article line (0 when the page has none)
    end: int  # last article line
    title: int | None


@dataclass(frozen=True, slots=True)
class Cues:
    published: PatternSet
    updated: PatternSet
    ignore: PatternSet


DATELINE_REACH = 80  # a dateline date sits this close to the start of the article's first line
HEADER_REACH = 30  # lines above the article still close enough to be its header
# Lines above the headline where sites print its stamp ("May 2, 2021 / 9:15 AM" over the headline).
TITLE_REACH = 4
STAMP_REST = 30  # characters besides the date that a stamp line may hold
STAMP_ENDS = frozenset(".:|–—-/")  # what parts a stamp from the paragraph it opens


def zone_score(page: Page, candidate: Candidate) -> float:
    line = candidate.line
    label = page.labels[line] if line < len(page.labels) else None
    if label is not None and label.kind in (Kind.BYLINE, Kind.DATELINE):
        return 5.0
    if page.title is not None and (page.title < line < page.start or _stamp_as_headline(page, candidate)):
        return 4.0
    if page.start - 6 <= line < page.start or (
        page.title is not None and page.title - TITLE_REACH <= line < page.title
    ):
        return 3.0
    if page.start <= line <= page.start + 1 and candidate.start < DATELINE_REACH:
        return 2.5
    if line < page.start:
        # Far above the article sits the masthead, whose date is often the day of the visit.
        return 1.0 if page.start - line <= HEADER_REACH else 0.5
    if line <= page.end:
        return 0.0
    return -1.0


def _stamp_as_headline(page: Page, candidate: Candidate) -> bool:
    """The date is most of the headline's line ("Posted on 21 July 2019 by Ana"): the
    headline step took the stamp line for the headline, and the date is the article's
    stamp. A date inside a longer headline (a teaser's link) is not."""
    return candidate.line == page.title and shape_score(page.lines[candidate.line].text, candidate) >= 2.0


def shape_score(text: str, candidate: Candidate) -> float:
    """A line that is mostly the date is a stamp; a date inside a long sentence is an event,
    but one that opens the paragraph and is closed off from it ("31. Oktober 2023. Woher
    kommt …") is the paragraph's stamp, as a dateline is."""
    length = candidate.end - candidate.start
    rest = len(text.strip()) - length
    if rest <= STAMP_REST or length >= 0.4 * len(text.strip()):
        return 2.0
    if _opens_with(text, candidate):
        return 1.0
    if len(text.split()) >= 20:
        return -2.0
    return 0.0


def _opens_with(text: str, candidate: Candidate) -> bool:
    """The date is the line's first words, or follows only a place as a dateline's does
    ("Karlsruhe, (12.11.2021). Traditionell …"), and punctuation parts it from what follows."""
    head = text[: candidate.start]
    if head.strip() and not _PLACE.match(head):
        return False
    after = text[candidate.end : candidate.end + 4].lstrip(")]")
    return after[:1] in STAMP_ENDS or (after[:1] == " " and after[1:2] in STAMP_ENDS)


# A dateline's place: a few capitalised words, short particles between them ("Frankfurt am
# Main", "Rio de Janeiro"), then a comma and perhaps the parenthesis the date stands in.
_PLACE = compiled.compile(
    r"\s*\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|\p{Ll}{1,3})){0,3},\s*[(\[]?\s*$"
)


def _cue(cues: PatternSet, before: str) -> bool:
    return cues.first_match(before, lambda _: None) is not None


def score(candidate: Candidate, page: Page, cues: Cues) -> float:
    text = page.lines[candidate.line].text
    before = text[max(0, candidate.start - CUE_WINDOW) : candidate.start]
    total = zone_score(page, candidate) + shape_score(text, candidate)
    if _cue(cues.ignore, before):
        return -10.0
    if _cue(cues.updated, before):
        total -= 3.0
    elif _cue(cues.published, before):
        total += 2.0
    if candidate.hour is not None:
        total += 1.0
    return total


LISTED_AFTER = 3  # stamps after the article, from this many on, are a list's: comments, related stories
LISTED_PENALTY = 1.5


def _listed_after(candidates: Sequence[Candidate], page: Page) -> frozenset[int]:
    """Stamp lines after the article when there are several: a comment thread's or a list of
    related stories' dates, each a stamp in shape, none the article's."""
    lines = {c.line for c in candidates if c.line > page.end and shape_score(page.lines[c.line].text, c) >= 2.0}
    return frozenset(lines) if len(lines) >= LISTED_AFTER else frozenset()


def best(candidates: Sequence[Candidate], page: Page, cues: Cues) -> Candidate | None:
    """The highest-scoring candidate; on a tie, the one nearest the article's start, or,
    between the headline and the article, the one nearest the headline: the stamp sits
    under it, and a date lower down there is a teaser's whose paragraph was kept while a
    short article's own was not."""
    listed = _listed_after(candidates, page)

    def total(candidate: Candidate) -> float:
        return score(candidate, page, cues) - (LISTED_PENALTY if candidate.line in listed else 0.0)

    def distance(candidate: Candidate) -> int:
        if page.title is not None and page.title <= candidate.line < page.start:
            return candidate.line - page.title
        return abs(candidate.line - page.start)

    ranked = sorted(candidates, key=lambda c: (-total(c), distance(c), c.start))
    return ranked[0] if ranked and score(ranked[0], page, cues) > -10.0 else None
