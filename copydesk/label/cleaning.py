"""Reversible cleaning: kept text plus removed spans rebuild the decoded text exactly.

Removal is recorded, never performed in place: each removed span carries its offsets
in the decoded text and the rule that removed it, so any clean text can be audited and
undone. The rendered article (paragraphs separated by one blank line) is a view of the
kept lines; reversibility is a property of :class:`Cleaning` itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from copydesk.model import KEPT_KINDS, Kind, Label, Line


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
    Lines are contiguous in the text, so a run of kept lines is kept as one slice, and
    adjacent removed lines with the same rule are one span, sliced once.
    """
    kept: list[str] = []
    removed: list[Span] = []
    count = len(lines)
    i = 0
    while i < count:
        label = labels[i]
        if label.kind in KEPT_KINDS:
            j = i
            while j < count and labels[j].kind in KEPT_KINDS and j not in cuts:
                j += 1
            if j > i:
                last = lines[j - 1]
                kept.append(text[lines[i].start : last.end + len(last.ending)])
            else:  # a kept line with its end cut off
                line = lines[i]
                offset, rule = cuts[i]
                kept.append(line.text[:offset])
                removed.append(Span(line.start + offset, line.end, line.text[offset:], rule, line.number, line.number))
                kept.append(line.ending)
                j = i + 1
            i = j
            continue
        rule = rule_name(label)
        first = lines[i]
        end = first.end + len(first.ending)
        j = i + 1
        while j < count and labels[j].kind not in KEPT_KINDS and rule_name(labels[j]) == rule and lines[j].start == end:
            end = lines[j].end + len(lines[j].ending)
            j += 1
        removed.append(Span(first.start, end, text[first.start : end], rule, first.number, lines[j - 1].number))
        i = j
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
