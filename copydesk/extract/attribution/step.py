"""The attribution step: ``article.quotes`` with speakers, ``article.agencies``, and their findings.

Quotations are read from the article's kept lines, so a quote in a menu or a related-story
list is not reported. A quotation with no speaker near it is ``attribution.unattributed_quote``
(severity from the profile); a quotation mark that never closes is
``attribution.unbalanced_quotes``; a story an agency is credited with, served by another
host, is ``attribution.republished``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from copydesk.extract.attribution import agencies as agency_credits
from copydesk.extract.attribution.quotes import find_quotes
from copydesk.extract.attribution.speakers import attribute
from copydesk.model import Finding, Kind, Label, Line
from copydesk.rules.ruleset import RuleSet

CREDIT_LINES = 3  # agencies are credited in the first and last lines of an article


@dataclass(slots=True)
class AttributionResult:
    quotes: list[dict[str, Any]] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def extract(
    text: str,
    lines: Sequence[Line],
    labels: Sequence[Label],
    language: str | None,
    rules: RuleSet,
    dateline_agency: str | None = None,
    publisher: str | None = None,
    host: str | None = None,
) -> AttributionResult:
    result = AttributionResult()
    kept = [label.kept for label in labels]
    # Quotations in the headline count too: it is the article's, though not its body.
    scan = find_quotes(
        text, lines, [keep or label.kind is Kind.TITLE for keep, label in zip(kept, labels, strict=True)]
    )
    words = [w for w in rules.attribution if w.applies_to(language) or w.language == "en"]
    verbs = tuple(dict.fromkeys(v for w in words for v in w.verbs))
    pronouns = frozenset(p for w in words for p in w.pronouns)
    nouns = frozenset(n for w in words for n in w.speaker_nouns)
    paragraphs = [(lines[q.first_line].start, lines[q.last_line].end) for q in scan.quotes]
    for quote, said in zip(scan.quotes, attribute(text, scan.quotes, paragraphs, verbs, pronouns, nouns), strict=True):
        entry: dict[str, Any] = {"text": quote.text, "speaker": said.speaker, "start": quote.start, "end": quote.end}
        if said.said_as:
            entry["said_as"] = said.said_as
        result.quotes.append(entry)
        if said.speaker is None:
            result.findings.append(
                Finding(
                    "attribution.unattributed_quote",
                    "warning",
                    f"no speaker for {_short(quote.text)!r}",
                    lines[quote.first_line].number,
                )
            )
    for index in scan.unbalanced:
        result.findings.append(
            Finding("attribution.unbalanced_quotes", "info", "a quotation mark is never closed", lines[index].number)
        )
    result.agencies = agency_credits.credited(_credit_lines(lines, kept), dateline_agency, rules.agencies)
    server = publisher or host
    if server and result.agencies and all(agency.casefold() not in server.casefold() for agency in result.agencies):
        message = f"{server} serves a story credited to {', '.join(result.agencies)}"
        result.findings.append(Finding("attribution.republished", "info", message))
    return result


def _credit_lines(lines: Sequence[Line], kept: Sequence[bool]) -> list[str]:
    """The article's first and last lines, and the lines just after it, where copyright credits
    stand even though the boilerplate step removed them."""
    body = [i for i, keep in enumerate(kept) if keep and not lines[i].is_blank]
    if not body:
        return []
    after = [i for i in range(body[-1] + 1, len(lines)) if not lines[i].is_blank][:CREDIT_LINES]
    chosen = dict.fromkeys(body[:CREDIT_LINES] + body[-CREDIT_LINES:] + after)
    return [lines[i].text for i in chosen]


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."
