"""The agencies a story credits: in its dateline, "according to", "carried by", or a copyright line.

A mention is not a credit: "told Reuters in an interview" quotes Reuters, it does not make
the story Reuters copy. Names are reported canonically ("Associated Press" is AP).
"""

from __future__ import annotations

from collections.abc import Iterable

from copydesk.rules.patterns import pattern_set
from copydesk.rules.ruleset import Agencies


def canonical(name: str, agencies: Agencies) -> str | None:
    for canonical_name, patterns in agencies.names:
        if pattern_set(patterns).first_match(name, lambda _: None) is not None:
            return canonical_name
    return None


def credited(texts: Iterable[str], dateline_agency: str | None, agencies: Agencies) -> list[str]:
    """Agencies credited in ``texts`` (the article's opening and closing lines), in order found."""
    found: list[str] = []
    if dateline_agency:
        name = canonical(dateline_agency, agencies)
        if name:
            found.append(name)
    for text in texts:
        for pattern in agencies.credits:
            for match in pattern.compiled.finditer(text):
                name = canonical(match.group("agency"), agencies)
                if name and name not in found:
                    found.append(name)
    return found
