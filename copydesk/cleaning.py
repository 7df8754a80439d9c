"""Reversible cleaning: kept text plus removed spans rebuild the decoded text exactly.

Removal is recorded, never performed in place: each removed span carries its offsets
in the decoded text and the rule that removed it, so any clean text can be audited and
undone. The rendered article (paragraphs separated by one blank line) is a view of the
kept lines; reversibility is a property of :class:`Cleaning` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from copydesk.model import Kind, Label, Line


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``[start, end)`` of the decoded text, removed by ``rule``."""

    start: int
    end: int
    text: str
    rule: str
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class Cleaning:
    kept: str
    removed: tuple[Span, ...]

    def rebuild(self) -> str:
        return rebuild(self.kept, self.removed)


def rebuild(kept: str, removed: Sequence[Span]) -> str:
    """Re-insert removed spans into the kept text by their original offsets."""
    parts: list[str] = []
    position = 0  # in the decoded text
    cursor = 0  # in the kept text
    for span in sorted(removed, key=lambda s: s.start):
        take = span.start - position
        parts.append(kept[cursor : cursor + take])
        cursor += take
        parts.append(span.text)
        position = span.end
    parts.append(kept[cursor:])
    return "".join(parts)


def rule_name(label: Label) -> str:
    """The rule that removed a line, or its kind when no named rule decided it."""
    return label.rule or label.kind.value


def clean(text: str, lines: Sequence[Line], labels: Sequence[Label], cuts: dict[int, tuple[int, str]]) -> Cleaning:
    """Split the text into kept characters and removed spans.

    A removed line goes whole, terminator included; an in-line cut removes the end of a
    kept line (from ``cuts[index] = (offset_in_line, rule)``) but keeps its terminator.
    Adjacent removed lines with the same rule merge into one span, whose text is sliced
    once when the run ends (joining line by line would copy a long run over and over).
    """
    kept: list[str] = []
    removed: list[Span] = []
    run: list[Any] | None = None  # the open run of removed lines: [start, end, rule, first, last]

    def close() -> None:
        if run is not None:
            removed.append(Span(run[0], run[1], text[run[0] : run[1]], run[2], run[3], run[4]))

    for index, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if not label.kept:
            rule = rule_name(label)
            if run is not None and run[2] == rule and run[1] == line.start:
                run[1] = line.end + len(line.ending)
                run[4] = line.number
            else:
                close()
                run = [line.start, line.end + len(line.ending), rule, line.number, line.number]
            continue
        close()
        run = None
        cut = cuts.get(index)
        if cut is None:
            kept.append(text[line.start : line.end + len(line.ending)])
            continue
        offset, rule = cut
        kept.append(line.text[:offset])
        removed.append(Span(line.start + offset, line.end, line.text[offset:], rule, line.number, line.number))
        kept.append(line.ending)
    close()
    return Cleaning("".join(kept), tuple(removed))


def render_article(lines: Sequence[Line], labels: Sequence[Label], cuts: dict[int, tuple[int, str]]) -> str:
    """The clean article: each kept non-blank line a paragraph, one blank line between."""
    paragraphs = []
    for index, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if label.kind is not Kind.BODY:
            continue
        body = line.text[: cuts[index][0]] if index in cuts else line.text
        body = body.strip()
        if body:
            paragraphs.append(body)
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""
