"""Page structure: headline, byline, standfirst and repeated lines.

Scraped pages put the headline first among the article's lines, the byline within a few
lines of it, and often repeat the headline or print a standfirst that the first
paragraph repeats word for word. These lines are not body text: the headline goes to
``article.title``, the byline's name to ``article.author``, and the repeats are marked
``duplicate``. Every check here looks at a bounded window of lines, so the step stays
linear in the page length.
"""

from __future__ import annotations

from collections import Counter

import regex

from copydesk.labelling import Labelling
from copydesk.model import Kind, Label
from copydesk.rules.patterns import PatternTimeout, RulePattern
from copydesk.validators.shape import is_body_like, looks_like_headline, normalise, word_count

TITLE_WINDOW = 10  # content lines searched for the headline
BODY_LOOKAHEAD = 4  # a headline is followed by body text within this many content lines
BYLINE_WINDOW = 4
STANDFIRST_WINDOW = 6
MAX_BYLINE_WORDS = 16
MIN_REPEAT_WORDS = 3
MIN_HEADLINE_WORDS = 4

_AUTHOR_STOP = regex.compile(r"[\d|•·—–(\[/]|\s-\s|,|\bago\b|\bUpdated\b|\bPublished\b|\bon\b", regex.I)
_NAME = regex.compile(r"^[\p{L}][\p{L}\p{M}.'’-]*(?:\s+[\p{L}][\p{L}\p{M}.'’-]*){0,5}$")

TITLE = "structure.title"
ABOVE_TITLE = "structure.above_title"
BYLINE = "structure.byline"
STANDFIRST = "structure.standfirst"
REPEAT = "structure.repeated_line"


def find_title(labelling: Labelling, byline_patterns: tuple[RulePattern, ...] = ()) -> int | None:
    """The headline among the first content lines; never a byline.

    Candidates are headline-shaped lines that body text follows closely. Site names
    share that shape, so the page's own evidence decides between candidates: the line
    the page repeats, else the line right above the byline, else the first candidate of
    headline length, else the first candidate.
    """
    content = labelling.content_indices()
    window = content[: TITLE_WINDOW + BODY_LOOKAHEAD]
    candidates: list[tuple[int, str]] = []
    for position, index in enumerate(window[:TITLE_WINDOW]):
        text = _without_cut(labelling, index)
        if not looks_like_headline(text) or _matches(byline_patterns, text):
            continue
        following = window[position + 1 : position + 1 + BODY_LOOKAHEAD]
        if any(is_body_like(labelling.lines[i].stripped) for i in following):
            candidates.append((position, text))
    if not candidates:
        return None
    seen = Counter(normalise(labelling.lines[i].stripped) for i in content[: TITLE_WINDOW * 3])
    repeated = [c for c in candidates if seen[normalise(c[1])] > 1]
    above_byline = [
        c
        for c in candidates
        if c[0] + 1 < len(window) and _matches(byline_patterns, labelling.lines[window[c[0] + 1]].stripped)
    ]
    long_enough = [c for c in candidates if word_count(c[1]) >= MIN_HEADLINE_WORDS]
    chosen = (repeated or above_byline or long_enough or candidates)[0]
    return window[chosen[0]]


def _without_cut(labelling: Labelling, index: int) -> str:
    cut = labelling.cuts.get(index)
    line = labelling.lines[index]
    return (line.text[: cut[0]] if cut else line.text).strip()


def mark_above_title(labelling: Labelling, title_index: int) -> None:
    """Above the headline a page prints only its masthead: site name, menus, breadcrumbs.

    Short lines there are chrome; a sentence-shaped line means the guess of headline is
    doubtful, so nothing is removed then.
    """
    above = [i for i in range(title_index) if labelling.undecided(i)]
    if any(is_body_like(labelling.lines[i].stripped) for i in above):
        return
    for index in above:
        labelling.decide(index, Label(Kind.BOILERPLATE, ABOVE_TITLE))


def _matches(patterns: tuple[RulePattern, ...], text: str) -> regex.Match[str] | None:
    for pattern in patterns:
        try:
            match = pattern.search(text)
        except PatternTimeout:
            continue
        if match:
            return match
    return None


def author_from_byline(text: str, cue: regex.Match[str] | None) -> str | None:
    """The name a byline gives: what follows a leading cue, up to the first date or separator."""
    rest = text[cue.end() :] if cue is not None and cue.start() == 0 else text
    stop = _AUTHOR_STOP.search(rest)
    name = (rest[: stop.start()] if stop else rest).strip(" \t-–—:,")
    return name if name and _NAME.match(name) else None


def find_byline(labelling: Labelling, after: int | None, patterns: tuple[RulePattern, ...]) -> int | None:
    if not patterns:
        return None
    content = labelling.content_indices()
    start = content.index(after) + 1 if after is not None and after in content else 0
    for index in content[start : start + BYLINE_WINDOW]:
        text = labelling.lines[index].stripped
        if word_count(text) <= MAX_BYLINE_WORDS and _matches(patterns, text):
            return index
    return None


def mark_repeats(labelling: Labelling, title: str | None) -> None:
    """Exact repeats of the headline or of an earlier line, and standfirsts the next lines contain."""
    seen: set[str] = {normalise(title)} if title else set()
    content = labelling.content_indices()
    for position, index in enumerate(content):
        text = normalise(labelling.lines[index].stripped)
        if word_count(text) < MIN_REPEAT_WORDS:
            continue
        if text in seen:
            labelling.decide(index, Label(Kind.DUPLICATE, REPEAT))
            continue
        seen.add(text)
        if position < STANDFIRST_WINDOW:
            for later in content[position + 1 : position + 1 + STANDFIRST_WINDOW]:
                other = normalise(labelling.lines[later].stripped)
                if len(other) > len(text) and text in other:
                    labelling.decide(index, Label(Kind.DUPLICATE, STANDFIRST))
                    break


def label_structure(labelling: Labelling, byline_patterns: tuple[RulePattern, ...]) -> tuple[str | None, str | None]:
    """Label headline, byline and repeats; return ``(title, author)`` as the page gives them."""
    title_index = find_title(labelling, byline_patterns)
    title = None
    if title_index is not None:
        title = _without_cut(labelling, title_index)
        labelling.decide(title_index, Label(Kind.TITLE, TITLE))
        mark_above_title(labelling, title_index)
    author = None
    byline_index = find_byline(labelling, title_index, byline_patterns)
    if byline_index is not None:
        text = labelling.lines[byline_index].stripped
        cue = _matches(byline_patterns, text)
        author = author_from_byline(text, cue)
        labelling.decide(byline_index, Label(Kind.BYLINE, BYLINE))
    mark_repeats(labelling, title)
    return title, author
