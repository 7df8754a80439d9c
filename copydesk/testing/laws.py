"""Laws a rule folder must obey, as functions users call in their own property tests.

Each law takes a generated example and a :class:`~copydesk.rules.ruleset.RuleSet` and
raises :class:`LawBroken` (an ``AssertionError``) saying what went wrong; with
hypothesis, the failing example is shrunk to the smallest page that still breaks it::

    @given(pages("en"))
    def test_my_rules_keep_the_article(page):
        never_removes_body(page, my_rules)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from copydesk.decode.input import DecodeOutcome, decode_data
from copydesk.extract.dateline import find_dateline
from copydesk.label.cleaning import rebuild
from copydesk.model import Analysis
from copydesk.pipeline import analyse_data
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.patterns import RulePattern, pattern_set
from copydesk.rules.ruleset import RuleSet
from copydesk.testing.strategies import Dateline, Page


class LawBroken(AssertionError):
    """A law does not hold for an example; the message says which part."""


def check_text(
    text: str, rules: RuleSet, language: str | None = None, source: str | None = None, name: str = "page.txt"
) -> Analysis:
    """The whole per-file pipeline on a text, as UTF-8, with the language (and source profile) declared."""
    entry = ManifestEntry(path=Path(name), language=language, source=source)
    return analyse_data(text.encode("utf-8"), name, rules, entry)


def _clean(page: Page, rules: RuleSet, source: str | None) -> Analysis:
    analysis = check_text(page.text, rules, page.language, source)
    if analysis.outcome.decoded is None:
        raise LawBroken(f"the page did not decode: {[f.message for f in analysis.findings]}")
    return analysis


def _squash(text: str) -> str:
    return " ".join(text.split())


def never_removes_body(page: Page, rules: RuleSet, source: str | None = None) -> None:
    """Every paragraph of the article is in the clean text, whole."""
    clean = _squash(_clean(page, rules, source).article_text)
    for paragraph in page.paragraphs:
        if _squash(paragraph) not in clean:
            raise LawBroken(f"body paragraph removed or cut: {paragraph!r}")


def preserves_order(page: Page, rules: RuleSet, source: str | None = None) -> None:
    """The article's paragraphs come out in the order they went in."""
    clean = _squash(_clean(page, rules, source).article_text)
    positions = [clean.find(_squash(p)) for p in page.paragraphs]
    kept = [p for p in positions if p >= 0]
    if kept != sorted(kept):
        raise LawBroken(f"paragraphs reordered: positions {positions}")


def covering_rule(line: str, rules: RuleSet, language: str | None, source: str | None = None) -> RulePattern | None:
    """The rule (the source profile's, then generic ones) that matches a stripped line, if any."""
    profile = rules.profiles.get(source) if source is not None else None
    patterns = rules.bundle(profile, language).whole_lines  # assembled once per (source, language)
    found = pattern_set(patterns).first_match(line.strip(), lambda _: None)
    return found[0] if found else None


def removes_covered_chrome(page: Page, rules: RuleSet, source: str | None = None) -> None:
    """A chrome line that one of the rules matches never stays in the clean text.

    Head and tail markers cut only once article text is on their other side, so a
    marker line itself is held to the same standard as a line rule: it is removed.
    """
    analysis = _clean(page, rules, source)
    kept = {line.text.strip() for line, label in zip(analysis.lines, analysis.labels, strict=True) if label.kept}
    for block in page.chrome:
        for line in block.lines:
            rule = covering_rule(line, rules, page.language, source)
            if rule is not None and line.strip() in kept:
                raise LawBroken(f"{block.name} line {line!r} is covered by {rule.rule_id} but was kept")


def idempotent(page: Page, rules: RuleSet, source: str | None = None) -> None:
    """Cleaning the clean text again changes nothing."""
    once = _clean(page, rules, source).article_text
    twice = check_text(once, rules, page.language, source).article_text
    if twice != once:
        raise LawBroken(f"a second cleaning changed the text:\n--- once\n{once}\n--- twice\n{twice}")


def reversible(page: Page, rules: RuleSet, source: str | None = None) -> None:
    """The clean text and the removed spans rebuild the decoded text exactly."""
    analysis = _clean(page, rules, source)
    assert analysis.cleaning is not None and analysis.outcome.decoded is not None
    rebuilt = rebuild(analysis.cleaning.kept, analysis.cleaning.removed)
    if rebuilt != analysis.outcome.decoded.text:
        raise LawBroken("removed spans and clean text do not rebuild the input")


CLEANER_LAWS = (never_removes_body, preserves_order, removes_covered_chrome, idempotent, reversible)


def round_trips(text: str, codec: str, data: bytes, language: str | None = None) -> None:
    """The encoding step gives back exactly the text that was encoded."""
    outcome = decode_data(data, DecodeOutcome(path=Path("page.txt")), language)
    if outcome.decoded is None:
        raise LawBroken(f"{codec} bytes were not decoded: {[f.message for f in outcome.findings]}")
    if outcome.decoded.text != text:
        first = next((i for i, (a, b) in enumerate(zip(outcome.decoded.text, text, strict=False)) if a != b), None)
        where = f"first difference at character {first}" if first is not None else "lengths differ"
        raise LawBroken(f"{codec} text came back as {outcome.decoded.codec}, changed ({where})")


def repairs_mojibake(text: str, data: bytes, language: str | None = None) -> None:
    """UTF-8 read as a legacy code page and saved again comes back as the original text."""
    outcome = decode_data(data, DecodeOutcome(path=Path("page.txt")), language)
    if outcome.decoded is None or outcome.decoded.text != text:
        raise LawBroken("mojibake was not repaired to the original text")


def dateline_parses(dateline: Dateline, rules: RuleSet, body: str = "The talks ended on Monday.") -> None:
    """A dateline of a style the rules claim is found, with its place and agency."""
    patterns: Iterable[RulePattern] = (p for group in rules.datelines for p in group.patterns)
    text = f"{dateline.text} {body}\n"
    analysis = check_text(text, rules)
    found = find_dateline(tuple(patterns), analysis.lines, analysis.labels)
    if found is None:
        raise LawBroken(f"dateline not found: {dateline.text!r}")
    got = found[0]
    if got["place"] != dateline.place or got["agency"] != dateline.agency:
        raise LawBroken(
            f"dateline {dateline.text!r} parsed as place={got['place']!r} agency={got['agency']!r}, "
            f"expected place={dateline.place!r} agency={dateline.agency!r}"
        )


def claims_dateline(rules: RuleSet, sample: str) -> bool:
    """Whether some dateline rule matches a sample of a style: then the rules must parse them all."""
    patterns = tuple(p for group in rules.datelines for p in group.patterns)
    return bool(patterns) and pattern_set(patterns).first_match(sample, lambda _: None) is not None
