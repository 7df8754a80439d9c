"""Datelines: the wire credit that opens a story ("MOSCOW, July 9. /TASS/.").

Patterns come from the source profile first, then from ``rules/datelines/``; each is
tried on the first kept lines, and the named groups ``place`` and ``agency`` fill
``article.dateline``.
"""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.model import Label, Line
from copydesk.rules.patterns import RulePattern, pattern_set

SEARCH_LINES = 12


def find_dateline(
    patterns: tuple[RulePattern, ...], lines: Sequence[Line], labels: Sequence[Label]
) -> tuple[dict[str, str | None], int] | None:
    """The first kept line, among the first few, that a pattern matches; and its 1-based number."""
    if not patterns:
        return None
    candidates = pattern_set(patterns)
    looked = 0
    for line, label in zip(lines, labels, strict=True):
        if line.is_blank or not label.kept:
            continue
        looked += 1
        if looked > SEARCH_LINES:
            break
        hit = candidates.first_match(line.stripped, lambda _: None)
        if hit is not None:
            match = hit[1]
            groups = match.groupdict()
            return {
                "text": match.group(0).strip(),
                "place": (groups.get("place") or "").strip() or None,
                "agency": (groups.get("agency") or "").strip() or None,
            }, line.number
    return None
