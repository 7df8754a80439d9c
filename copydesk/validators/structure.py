"""Page structure: headline, byline, standfirst and repeated lines.

Scraped pages put the headline first among the article's lines, the byline within a few
lines of it, and often repeat the headline or print a standfirst that the first
paragraph repeats word for word. These lines are not body text: the headline goes to
``article.title``, the byline's name to ``article.author``, and the repeats are marked
``duplicate``. Every check here looks at a bounded window of lines, so the step stays
linear in the page length.
"""

from __future__ import annotations

import regex

from copydesk.labelling import Labelling
from copydesk.model import Kind, Label
from copydesk.rules.patterns import PatternTimeout, RulePattern

TITLE_WINDOW = 10  # content lines searched for the headline
BODY_LOOKAHEAD = 4  # a headline is followed by body text within this many content lines
BYLINE_WINDOW = 4
STANDFIRST_WINDOW = 6
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250
MAX_BYLINE_WORDS = 16
MIN_REPEAT_WORDS = 3

_SENTENCE_END = regex.compile(r"[.。۔…:;,]\s*[\"'”’»)]*\s*$")
_WORD = regex.compile(r"\w+")
_PUNCT_EDGES = regex.compile(r"^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$")
_SPACES = regex.compile(r"\s+")
_AUTHOR_STOP = regex.compile(r"[\d|•·—–(\[/]|\s-\s|,|\bago\b|\bUpdated\b|\bPublished\b|\bon\b", regex.I)
_NAME = regex.compile(r"^[\p{L}][\p{L}\p{M}.'’-]*(?:\s+[\p{L}][\p{L}\p{M}.'’-]*){0,5}$")

TITLE = "structure.title"
BYLINE = "structure.byline"
STANDFIRST = "structure.standfirst"
REPEAT = "structure.repeated_line"


def normalise(text: str) -> str:
    return _SPACES.sub(" ", _PUNCT_EDGES.sub("", text)).casefold()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_body_like(text: str) -> bool:
    """A sentence-shaped line: enough words and a sentence end, or simply many words."""
    words = word_count(text)
    return words >= 15 or (words >= 8 and bool(regex.search(r"[.!?؟۔。\"”»]\s*$", text)))


def looks_like_headline(text: str) -> bool:
    words = word_count(text)
    return 2 <= words <= MAX_TITLE_WORDS and len(text) <= MAX_TITLE_CHARS and not _SENTENCE_END.search(text)


def find_title(labelling: Labelling, byline_patterns: tuple[RulePattern, ...] = ()) -> int | None:
    """The first headline-shaped line that body text follows closely; never a byline."""
    content = labelling.content_indices()[: TITLE_WINDOW + BODY_LOOKAHEAD]
    for position, index in enumerate(content[:TITLE_WINDOW]):
        text = labelling.lines[index].stripped
        cut = labelling.cuts.get(index)
        if cut is not None:
            text = labelling.lines[index].text[: cut[0]].strip()
        if not looks_like_headline(text) or _matches(byline_patterns, text):
            continue
        following = content[position + 1 : position + 1 + BODY_LOOKAHEAD]
        if any(is_body_like(labelling.lines[i].stripped) for i in following):
            return index
    return None


def _matches(patterns: tuple[RulePattern, ...], text: str) -> regex.Match[str] | None:
    for pattern in patterns:
        try:
            match = pattern.search(text)
        except PatternTimeout:
            continue
        if match:
            return match  # type: ignore[no-any-return]
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
        line = labelling.lines[title_index]
        cut = labelling.cuts.get(title_index)
        title = (line.text[: cut[0]] if cut else line.text).strip()
        labelling.decide(title_index, Label(Kind.TITLE, TITLE))
    author = None
    byline_index = find_byline(labelling, title_index, byline_patterns)
    if byline_index is not None:
        text = labelling.lines[byline_index].stripped
        cue = _matches(byline_patterns, text)
        author = author_from_byline(text, cue)
        labelling.decide(byline_index, Label(Kind.BYLINE, BYLINE))
    mark_repeats(labelling, title)
    return title, author
