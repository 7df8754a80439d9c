"""Datelines by a profile's declared pattern: the wire credit that opens the story.

Only the declared pattern is used here; the named groups ``place`` and ``agency`` fill
``article.dateline``. The dates issue extends this with generic wire styles.
"""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.model import Label, Line
from copydesk.rules.patterns import PatternTimeout, RulePattern

SEARCH_LINES = 12


def find_dateline(
    pattern: RulePattern, lines: Sequence[Line], labels: Sequence[Label]
) -> tuple[dict[str, str | None], int] | None:
    """The first kept line, among the first few, that the pattern matches; and its 1-based number."""
    looked = 0
    for line, label in zip(lines, labels, strict=True):
        if line.is_blank or not label.kept:
            continue
        looked += 1
        if looked > SEARCH_LINES:
            break
        try:
            match = pattern.search(line.stripped)
        except PatternTimeout:
            return None
        if match:
            groups = match.groupdict()
            return {
                "text": match.group(0).strip(),
                "place": (groups.get("place") or "").strip() or None,
                "agency": (groups.get("agency") or "").strip() or None,
            }, line.number
    return None
