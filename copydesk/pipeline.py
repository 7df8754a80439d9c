"""The per-file steps, in order, from bytes to an analysed article.

``analyse`` is pure with respect to its inputs: it reads one file, never writes, and
returns everything the report writers, ``clean`` and ``explain`` need. The executor
(:mod:`copydesk.run.executor`) decides where files come from and where results go.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from copydesk.check import required
from copydesk.decode.input import DEFAULT_MAX_BYTES, DecodeOutcome, decode_data, decode_path
from copydesk.extract import dateline, language, source
from copydesk.extract.attribution import step as attribution
from copydesk.extract.dates import step as dates
from copydesk.label import article_region, boilerplate, corpus, headline, line_features, line_model, structure
from copydesk.label.cleaning import clean, render_article
from copydesk.label.labelling import Labelling
from copydesk.model import Analysis, Finding, Kind, Label, Line
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.model_file import HeadlineWeights
from copydesk.rules.patterns import RulePattern
from copydesk.rules.ruleset import RuleSet, SourceProfile
from copydesk.text.lines import split_lines
from copydesk.text.stopwords import stopwords

# Every line costs a few hundred bytes of records whatever its length: a file of a million
# one-character lines would need gigabytes where its bytes are a few megabytes. No article
# comes near this; a file past it is refused like one over --max-bytes.
MAX_LINES = 50_000


class _Clock:
    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.timings[step] = self.timings.get(step, 0.0) + (now - self.last)
        self.last = now


def label_lines(
    lines: list[Line],
    rules: RuleSet,
    profile: SourceProfile | None,
    lang: str | None,
    repeated: frozenset[int] = frozenset(),
) -> tuple[Labelling, str | None, str | None]:
    """Declared profile first, then lines the source repeats across files, generic patterns,
    the page structure, and last the line model for every line still undecided."""
    labelling, region, title, author = label_by_rules(lines, rules, profile, lang, repeated)
    line_model.decide(labelling, region, vocabulary(rules, profile, lang), rules.line_model)
    return labelling, title, author


def vocabulary(rules: RuleSet, profile: SourceProfile | None, lang: str | None) -> line_model.Vocabulary:
    """The words the line model reads a page's lines against."""
    return line_model.Vocabulary(stopwords(lang, rules.directory), rules.bundle(profile, lang).dates.month_names)


def explain_model(analysis: Analysis, rules: RuleSet) -> dict[int, line_model.Why]:
    """What the line model said of each line it decided in this analysis (for ``explain``)."""
    if rules.line_model is None or not analysis.lines:
        return {}
    labelling, region, _, _ = label_by_rules(analysis.lines, rules, analysis.profile, analysis.language)
    words = vocabulary(rules, analysis.profile, analysis.language)
    return line_model.explain(labelling, region, words, rules.line_model)


def label_by_rules(
    lines: list[Line],
    rules: RuleSet,
    profile: SourceProfile | None,
    lang: str | None,
    repeated: frozenset[int] = frozenset(),
    headlines_seen: list[headline.Candidates] | None = None,
    scorer: HeadlineWeights | None = None,
) -> tuple[Labelling, article_region.Region | None, str | None, str | None]:
    """Every decision before the line model's: rules, repeats, copies, the prose region's
    guess and the page structure around it (headline, byline, standfirst).

    ``headlines_seen`` gathers the headline's candidates as the scorer saw them, and
    ``scorer`` stands in for the model's headline scorer (training).
    """
    labelling = Labelling.start(lines)
    page = rules.bundle(profile, lang)
    labelling.rule_candidates = boilerplate.rule_candidates(labelling, page.any_boilerplate)
    if profile is not None:
        boilerplate.apply_rules(labelling, profile.boilerplate, cut=True)
    if repeated:
        mark_repeated_across_files(labelling, repeated)
    for rule_set in page.generic:
        boilerplate.apply_rules(labelling, rule_set, cut=False)
    structure.mark_copies(labelling)
    stops = stopwords(lang, rules.directory)
    scored = line_features.scores(stops)
    scores = [
        scored[line.stripped] if label is None else 0.0 for line, label in zip(lines, labelling.labels, strict=True)
    ]
    region = article_region.find_region(labelling, scores)
    weights = scorer
    if weights is None and rules.line_model is not None:
        weights = rules.line_model.headline
    choose_title = None
    if region is not None and (weights is not None or headlines_seen is not None):
        choose_title = _headline_chooser(labelling, region, page.bylines, stops, weights, headlines_seen)
    title, author = structure.label_structure(
        labelling, page.bylines, region.start if region else None, page.name_stops, choose_title
    )
    article_region.mark_listed(labelling, region)
    return labelling, region, title, author


def _headline_chooser(
    labelling: Labelling,
    region: article_region.Region,
    bylines: tuple[RulePattern, ...],
    stops: frozenset[str],
    weights: HeadlineWeights | None,
    seen: list[headline.Candidates] | None,
) -> Callable[[int | None], int | None]:
    """What the structure step asks for the headline: the scorer's pick among the candidates
    (gathered into ``seen`` when given), else the rule of thumb's."""

    def choose(rule_of_thumb: int | None) -> int | None:
        found = headline.candidates(labelling, (region.start, region.end), bylines, stops, rule_of_thumb)
        if seen is not None:
            seen.append(found)
        chosen = headline.choose(found, weights) if weights is not None else None
        return chosen if chosen is not None else rule_of_thumb

    return choose


def declared_language(rules: RuleSet, entry: ManifestEntry | None) -> str | None:
    """The language declared before decoding: the manifest's, else its source profile's."""
    if entry is None:
        return None
    profile = rules.profiles.get(entry.source) if entry.source else None
    return entry.language or (profile.language if profile else None)


def mark_repeated_across_files(labelling: Labelling, repeated: frozenset[int]) -> None:
    label = Label(Kind.BOILERPLATE, corpus.RULE)
    content = labelling.content_indices()
    for index, text in zip(content, labelling.normalised_all(content), strict=True):
        if corpus.normalised_key(text) in repeated:
            labelling.decide(index, label)


def fetched_at(entry: ManifestEntry | None) -> dt.datetime | None:
    """The manifest's fetch time: the only reference relative dates and windows may use."""
    if entry is None or entry.fetched_at is None:
        return None
    return dt.datetime.fromisoformat(entry.fetched_at.replace("Z", "+00:00"))


def analyse(
    path: Path,
    name: str,
    rules: RuleSet,
    entry: ManifestEntry | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    repeated: frozenset[int] = frozenset(),
    url: str | None = None,
) -> Analysis:
    clock = _Clock({})
    outcome = decode_path(path, declared_language(rules, entry), max_bytes, url)
    clock.lap("encoding")
    return analyse_decoded(outcome, name, rules, entry, repeated, clock)


def analyse_data(
    data: bytes,
    name: str,
    rules: RuleSet,
    entry: ManifestEntry | None = None,
    repeated: frozenset[int] = frozenset(),
) -> Analysis:
    """``analyse`` for bytes already in memory (a stream, a test): the same steps, no file read."""
    clock = _Clock({})
    outcome = DecodeOutcome(path=Path(name), sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    decode_data(data, outcome, declared_language(rules, entry))
    clock.lap("encoding")
    return analyse_decoded(outcome, name, rules, entry, repeated, clock)


@dataclass(slots=True)
class _Given:
    """What every step after decoding may read besides the analysis it fills."""

    rules: RuleSet
    entry: ManifestEntry | None
    repeated: frozenset[int]
    dateline_line: int | None = None  # the 0-based line of the dateline, for the dates step


def _identify_source(result: Analysis, given: _Given) -> None:
    result.source, result.profile, found = source.identify(given.rules, result.lines, given.entry)
    result.findings.extend(found)


def _choose_language(result: Analysis, given: _Given) -> None:
    decoded = result.outcome.decoded
    assert decoded is not None
    result.language, _ = language.choose_language(
        given.entry.language if given.entry else None,
        result.profile.language if result.profile else None,
        text=decoded.text,
        guessed=decoded.language,
        rules_dir=given.rules.directory,
    )


def _label_and_clean(result: Analysis, given: _Given) -> None:
    decoded = result.outcome.decoded
    assert decoded is not None
    rules = given.rules
    labelling, title, author = label_lines(result.lines, rules, result.profile, result.language, given.repeated)
    if rules.line_model is not None:
        result.line_model = rules.line_model.identity()
    result.labels = labelling.finish()
    result.cuts = labelling.cuts
    result.findings.extend(labelling.findings)
    result.cleaning = clean(decoded.text, result.lines, result.labels, result.cuts)
    result.article_text = render_article(result.lines, result.labels, result.cuts)
    result.article.title, result.article.author = title, author
    if not result.article_text.strip():
        result.findings.append(
            Finding("boilerplate.no_article", "error", "no article text left after removing boilerplate")
        )


def _find_dateline(result: Analysis, given: _Given) -> None:
    patterns = given.rules.bundle(result.profile, result.language).datelines
    found = dateline.find_dateline(patterns, result.lines, result.labels)
    if found is not None:
        result.article.dateline, number = found
        given.dateline_line = number - 1


def _find_dates(result: Analysis, given: _Given) -> None:
    profile = result.profile
    when = dates.extract(
        result.lines,
        result.labels,
        given.rules.bundle(profile, result.language).dates,
        timezone=profile.timezone if profile else None,
        fetched=fetched_at(given.entry),
        active_years=profile.active_years if profile else None,
        date_order=profile.date_order if profile else None,
        dateline_line=given.dateline_line,
        host=result.source.host,
    )
    result.article.published, result.article.published_precision = when.published, when.precision
    result.article.published_candidates = when.candidates
    result.article.published_evidence = when.evidence
    result.findings.extend(when.findings)


def _attribute(result: Analysis, given: _Given) -> None:
    decoded = result.outcome.decoded
    assert decoded is not None
    said = attribution.extract(
        decoded.text,
        result.lines,
        result.labels,
        result.language,
        given.rules,
        dateline_agency=result.article.dateline["agency"] if result.article.dateline else None,
        publisher=result.source.publisher,
        host=result.source.host,
    )
    result.article.quotes, result.article.agencies = said.quotes, said.agencies
    result.findings.extend(said.findings)


def _required(result: Analysis) -> None:
    """A declared profile's required fields, and its severities applied to every finding."""
    if result.profile is not None:
        record = {**result.article.as_dict(), "language": result.language}
        result.findings.extend(required.missing_required(result.profile.require, record))
        result.findings = required.apply_severity(result.findings, result.profile.severity)


# The per-file steps after decoding, in order, each timed under its name.
STEPS: tuple[tuple[str, Callable[[Analysis, _Given], None]], ...] = (
    ("source", _identify_source),
    ("language", _choose_language),
    ("boilerplate", _label_and_clean),
    ("dateline", _find_dateline),
    ("dates", _find_dates),
    ("attribution", _attribute),
)


def analyse_decoded(
    outcome: DecodeOutcome,
    name: str,
    rules: RuleSet,
    entry: ManifestEntry | None = None,
    repeated: frozenset[int] = frozenset(),
    clock: _Clock | None = None,
) -> Analysis:
    """Every step after decoding. ``clock``: the one that timed the decoding; without
    one (a file the run's first pass decoded, :func:`survey`) decoding is timed as 0, so
    every file still lists every step."""
    if clock is None:
        clock = _Clock({})
        clock.lap("encoding")
    result = Analysis(path=outcome.path, name=name, outcome=outcome, timings=clock.timings)
    result.findings.extend(outcome.findings)
    if outcome.decoded is None:
        return result
    result.findings.extend(outcome.decoded.findings)
    count = outcome.decoded.text.count("\n") + 1
    if count > MAX_LINES:
        message = f"{count:,} lines, over the {MAX_LINES:,}-line limit; not checked further"
        result.findings.append(Finding("input.too_many_lines", "error", message))
        return result
    result.lines = split_lines(outcome.decoded.text)
    given = _Given(rules, entry, repeated)
    for step_name, step in STEPS:
        step(result, given)
        clock.lap(step_name)
    result.ended = dt.datetime.now(dt.UTC)
    _required(result)
    return result


def survey(
    path: Path,
    rules: RuleSet,
    entry: ManifestEntry | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    url: str | None = None,
) -> tuple[str, frozenset[int], DecodeOutcome]:
    """A file's corpus group and line keys for the cross-file pass, and the file as decoded
    (its sha256 that of the bytes just read); unreadable files give no keys.

    The check can start from the decoded file (:func:`analyse_decoded`) and the run ledger
    from its sha256: neither reads the file again.
    """
    outcome = decode_path(path, declared_language(rules, entry), max_bytes, url)
    if outcome.decoded is None:
        return corpus.group_of(entry.source if entry else None, path), frozenset(), outcome
    lines = split_lines(outcome.decoded.text)
    found, _, _ = source.identify(rules, lines, entry)
    return corpus.group_of(found.id, path), corpus.file_keys(lines), outcome


def crashed(path: Path, name: str, exc: Exception) -> Analysis:
    """The analysis of a file a step failed on: one error finding, nothing invented."""
    result = Analysis(path=path, name=name, outcome=DecodeOutcome(path=path))
    message = f"internal error in copydesk {type(exc).__name__}: {exc}".splitlines()[0]
    result.findings.append(Finding("internal.error", "error", message))
    return result
