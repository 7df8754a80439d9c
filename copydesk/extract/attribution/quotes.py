"""Direct quotations: spans between paired quotation marks, across paragraphs when needed.

Pairs: “…”, „…“ (German), «…», ‹…›, and straight "…" which open and close in turn. In
news English a quotation that runs over several paragraphs opens each of them and closes
only the last, so an unclosed quotation continues when the next paragraph opens with a
quotation mark. An opening mark that never closes is reported, not guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.model import Line

# Each opening mark with the marks that may close it: scraped text often mixes straight
# and typographic quotes ("…” or “…").
_CLOSERS = {'"': '"”', "“": '”"', "„": '“”"', "«": "»", "‹": "›"}
_OPENERS = {mark: closers for mark, closers in _CLOSERS.items() if mark != '"'}
_ANY_OPENER = re.compile("[" + re.escape("".join(_CLOSERS)) + "]")
MIN_WORDS = 3  # shorter quoted spans are names, titles or scare quotes


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # offset of the first character inside the marks, in the decoded text
    end: int  # offset just past the last character inside the marks
    text: str
    first_line: int  # indices into the lines
    last_line: int


@dataclass(slots=True)
class QuoteScan:
    quotes: list[Quote]
    unbalanced: list[int]  # indices of lines with a quotation mark that never closed


def _spans(line: str) -> tuple[list[tuple[int, int]], int | None]:
    """Closed spans ``(open, close)`` in one line, and the offset of a quote left open at its end."""
    spans: list[tuple[int, int]] = []
    i = 0
    while True:
        opening = _ANY_OPENER.search(line, i)  # jump to the next mark: most of a line has none
        if opening is None:
            return spans, None
        i = opening.start()
        closers = _CLOSERS[line[i]]
        found = [at for at in (line.find(mark, i + 1) for mark in closers) if at != -1]
        if not found:
            return spans, i
        close = min(found)
        spans.append((i, close))
        i = close + 1


def find_quotes(text: str, lines: Sequence[Line], kept: Sequence[bool]) -> QuoteScan:
    """Quotations in the kept lines, with offsets into ``text``."""
    quotes: list[Quote] = []
    unbalanced: list[int] = []
    open_at: tuple[int, int] | None = None  # (offset, line index) of a quotation still running
    for index, line in enumerate(lines):
        if not kept[index] or line.is_blank:
            continue
        body = line.text
        spans, left_open = _spans(body)
        if open_at is not None:
            starts_quoted = body.lstrip()[:1] in ('"', *_OPENERS)
            if starts_quoted and spans and spans[0][0] == len(body) - len(body.lstrip()):
                # The paragraph reopens the running quotation and closes it here.
                first = spans.pop(0)
                _add(quotes, text, open_at[0], line.start + first[1], open_at[1], index)
                open_at = None
            elif starts_quoted and not spans and left_open is not None:
                continue  # a middle paragraph of the running quotation
            else:
                unbalanced.append(open_at[1])
                open_at = None
        for start, close in spans:
            _add(quotes, text, line.start + start + 1, line.start + close, index, index)
        if left_open is not None:
            open_at = (line.start + left_open + 1, index)
    if open_at is not None:
        unbalanced.append(open_at[1])
    return QuoteScan(quotes, unbalanced)


def _add(quotes: list[Quote], text: str, start: int, end: int, first: int, last: int) -> None:
    inner = text[start:end]
    if len(inner.split()) >= MIN_WORDS:
        quotes.append(Quote(start, end, inner, first, last))
