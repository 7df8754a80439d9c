"""Which source a file comes from: declared in the manifest, or recognised by fingerprint.

A declaration wins. Without one, a profile's fingerprints are searched in the top and
bottom lines of the page, where site chrome and wire credits sit; the profile with the
most distinct fingerprints found is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from copydesk.model import Finding, Line, Source
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.patterns import PatternTimeout, pattern_set
from copydesk.rules.ruleset import RuleSet, SourceProfile

EDGE_LINES = 15


def _edge_text(lines: Sequence[Line]) -> list[str]:
    content = [line.stripped for line in lines if not line.is_blank]
    if len(content) <= 2 * EDGE_LINES:
        return content
    return content[:EDGE_LINES] + content[-EDGE_LINES:]


def fingerprint_score(profile: SourceProfile, edges: list[str], page: str | None = None) -> int:
    """How many of the profile's fingerprints some edge line holds.

    ``page``: the edge lines joined by newlines. One search of it rules a fingerprint out
    for every line at once (exact: see ``PatternSet.live_on``); most pages hold none of a
    profile's fingerprints, so most lines are never searched one by one.
    """
    score = 0
    live = pattern_set(profile.fingerprints).live_on(page) if page is not None else profile.fingerprints
    for pattern in live:
        try:
            if any(pattern.search(text) for text in edges):
                score += 1
        except PatternTimeout:
            continue
    return score


def match_by_fingerprint(rules: RuleSet, lines: Sequence[Line]) -> SourceProfile | None:
    edges = _edge_text(lines)
    page = "\n".join(edges)
    best: tuple[int, str] | None = None
    for profile in rules.profiles.values():
        score = fingerprint_score(profile, edges, page)
        if score and (best is None or score > best[0] or (score == best[0] and profile.id < best[1])):
            best = (score, profile.id)
    return rules.profiles[best[1]] if best else None


def identify(
    rules: RuleSet, lines: Sequence[Line], entry: ManifestEntry | None
) -> tuple[Source, SourceProfile | None, list[Finding]]:
    findings: list[Finding] = []
    url_host = urlsplit(entry.url).hostname if entry is not None and entry.url else None
    if entry is not None and entry.source:
        profile = rules.profiles.get(entry.source)
        if profile is None:
            findings.append(
                Finding(
                    "source.unknown_profile",
                    "warning",
                    f"manifest source {entry.source!r} has no profile in rules",
                )
            )
        host = url_host
        source = Source(
            id=entry.source,
            publisher=profile.publisher if profile else None,
            host=(profile.host if profile and profile.host else host),
            matched_by="manifest",
            declared={**entry.declared(), **({"profile": profile.declared()} if profile else {})},
        )
        if profile and profile.host and host and not (host == profile.host or host.endswith("." + profile.host)):
            findings.append(
                Finding(
                    "source.host_mismatch",
                    "warning",
                    f"url host {host} is not the profile's host {profile.host}",
                )
            )
        return source, profile, findings
    profile = match_by_fingerprint(rules, lines)
    if profile is None:
        declared = entry.declared() if entry else None
        return Source(host=url_host, matched_by="none", declared=declared), None, findings
    source = Source(
        id=profile.id,
        publisher=profile.publisher,
        host=profile.host or url_host,
        matched_by="fingerprint",
        declared={**(entry.declared() if entry else {}), "profile": profile.declared()},
    )
    return source, profile, findings
