"""The Python API: check one text from a pipeline (Airflow, Dagster, Spark) without files.

``check_text`` runs exactly the steps ``copydesk check`` runs on a file and returns a
:class:`Report`, whose ``to_dict()`` is the object the CLI writes as
``files/NAME.report.json`` (valid against the shipped JSON Schema). Batch steps (lines a
source repeats across files, the records schema, the expectation suite) need a batch
and are the CLI's; a pipeline that wants them runs ``copydesk check`` on a folder.

Loading rules compiles every pattern: load them once with :func:`load_rules` and pass
the :class:`RuleSet` to each call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copydesk.model import Article, Finding
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.ruleset import RuleSet
from copydesk.rules.ruleset import load_rules as _load_rules

__all__ = ["Report", "RuleSet", "check_text", "load_rules"]

DEFAULT_NAME = "<text>"
_BUILTIN: list[RuleSet] = []  # the built-in rules, loaded by the first call that needs them


def load_rules(path: str | Path | None = None) -> RuleSet:
    """The built-in rules plus a project's rules folder (``None``: the built-in rules alone).

    Raises :class:`copydesk.rules.errors.RuleFileError` naming the file, line and reason
    when a rule file is broken.
    """
    return _load_rules(path)


@dataclass(frozen=True)
class Report:
    """What copydesk found in one text."""

    name: str
    verdict: str  # pass, warn or fail
    clean_text: str  # the article body, paragraphs separated by one blank line
    findings: tuple[Finding, ...]
    article: Article
    language: str | None
    source: str | None  # the source profile's id, when one matched
    _report: dict[str, Any] = field(repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The per-file report, as ``copydesk check`` writes it (``schema_version`` 1)."""
        return self._report


def _ruleset(rules: RuleSet | str | Path | None) -> RuleSet:
    if isinstance(rules, RuleSet):
        return rules
    if rules is not None:
        return _load_rules(rules)
    if not _BUILTIN:
        _BUILTIN.append(_load_rules(None))
    return _BUILTIN[0]


def check_text(
    text: str | bytes,
    *,
    name: str | None = None,
    source: str | None = None,
    rules: RuleSet | str | Path | None = None,
) -> Report:
    """Check one scraped text (``str``, or ``bytes`` in any encoding) and return its report.

    ``source`` names a source profile of ``rules`` (as a manifest's ``source`` column
    does); ``name`` is the file name the report carries.
    """
    from copydesk.pipeline import analyse_data
    from copydesk.reports.json_report import build_report
    from copydesk.run.executor import provenance_of

    ruleset = _ruleset(rules)
    if source is not None and source not in ruleset.profiles:
        raise ValueError(f"source {source!r} is not a profile of the rules ({', '.join(ruleset.profiles) or 'none'})")
    label = name or DEFAULT_NAME
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    entry = ManifestEntry(path=Path(label), source=source) if source is not None else None
    analysis = analyse_data(data, label, ruleset, entry)
    report = build_report(analysis, provenance_of(analysis, ruleset.digest))
    return Report(
        name=label,
        verdict=analysis.verdict,
        clean_text=analysis.article_text,
        findings=tuple(analysis.findings),
        article=analysis.article,
        language=analysis.language,
        source=analysis.source.id,
        _report=report,
    )
