"""The line model: decoded text as lines with character offsets.

Every later step addresses text by these lines, and the report's line numbers and the
reversible cleaning both depend on the split being exact: ``\\r\\n``, ``\\r`` and ``\\n``
each end a line, and the terminator is kept beside the line, never inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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
    lines: list[Line] = []
    offset = 0
    for number, (body, ending) in enumerate(iter_chunks(text), start=1):
        end = offset + len(body)
        lines.append(Line(number, offset, end, body, ending, body.strip()))
        offset = end + len(ending)
    return lines


def line_at(text: str, offset: int) -> int:
    """The 1-based line holding character ``offset`` (``-1``: the end of the text)."""
    head = text if offset < 0 else text[:offset]
    return sum(1 for _ in _TERMINATOR.finditer(head)) + 1
