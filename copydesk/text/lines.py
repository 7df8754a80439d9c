"""The line model: decoded text as lines with character offsets.

Every later step addresses text by these lines, and the report's line numbers and the
reversible cleaning both depend on the split being exact: ``\\r\\n``, ``\\r`` and ``\\n``
each end a line, and the terminator is kept beside the line, never inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from itertools import accumulate
from operator import add

from copydesk.model import Line

_TERMINATOR = re.compile(r"\r\n|\r|\n")


def iter_chunks(text: str) -> Iterator[tuple[str, str]]:
    """Yield ``(line, terminator)`` pairs; the last line may have an empty terminator."""
    if "\r" not in text:  # the common case, split in C
        parts = text.split("\n")
        for part in parts[:-1]:
            yield part, "\n"
        if parts[-1]:
            yield parts[-1], ""
        return
    start = 0
    for match in _TERMINATOR.finditer(text):
        yield text[start : match.start()], match.group()
        start = match.end()
    if start < len(text):
        yield text[start:], ""


def split_lines(text: str) -> list[Line]:
    if "\r" not in text:
        return _split_newlines(text)
    lines: list[Line] = []
    offset = 0
    for number, (body, ending) in enumerate(iter_chunks(text), start=1):
        end = offset + len(body)
        lines.append(Line(number, offset, end, body, ending, body.strip()))
        offset = end + len(ending)
    return lines


_MAKE_LINE = partial(tuple.__new__, Line)  # what Line._make does, called from C: no Python frame per line


def _split_newlines(text: str) -> list[Line]:
    """:func:`split_lines` for text with ``\\n`` endings only (nearly every page), built
    column by column in C: a page's lines were a fifth of the boilerplate step's own time."""
    bodies = text.split("\n")
    endings = ["\n"] * (len(bodies) - 1)
    if bodies[-1]:
        endings.append("")
    else:
        bodies.pop()
    if not bodies:
        return []
    lengths = list(map(len, bodies))
    starts = list(accumulate(map((1).__add__, lengths[:-1]), initial=0))  # each terminator is one character
    ends = map(add, starts, lengths)
    columns = zip(range(1, len(bodies) + 1), starts, ends, bodies, endings, map(str.strip, bodies), strict=True)
    return list(map(_MAKE_LINE, columns))


def line_at(text: str, offset: int) -> int:
    """The 1-based line holding character ``offset`` (``-1``: the end of the text)."""
    head = text if offset < 0 else text[:offset]
    return sum(1 for _ in _TERMINATOR.finditer(head)) + 1
