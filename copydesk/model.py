"""The records that flow through the pipeline.

Steps communicate only through these types: a step reads what earlier steps put on a
:class:`Analysis` and adds labels, fields or findings. Nothing here touches raw bytes on disk.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:  # the records of the steps that fill an Analysis; none is needed to build one
    from copydesk.decode.input import DecodeOutcome
    from copydesk.label.cleaning import Cleaning
    from copydesk.rules.ruleset import SourceProfile

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
FAIL_ON: dict[str, int] = {"error": 2, "warning": 1, "never": 3}  # the least severity that fails the gate


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation about a file; ``line`` is 1-based or None for the whole file."""

    rule: str
    severity: Severity
    message: str
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "line": self.line}


def worst(findings: Iterable[Finding | Mapping[str, Any]]) -> Severity | None:
    """The most severe finding's severity (findings as objects or as their report dicts); None for none."""
    ranked = [finding["severity"] if isinstance(finding, Mapping) else finding.severity for finding in findings]
    return max(ranked, key=SEVERITY_RANK.__getitem__, default=None)


def verdict(findings: Iterable[Finding | Mapping[str, Any]]) -> str:
    """A file's verdict: fail with an error, warn with a warning, pass otherwise (info never counts)."""
    return {"error": "fail", "warning": "warn"}.get(worst(findings) or "info", "pass")


def fails(findings: Iterable[Finding | Mapping[str, Any]], fail_on: str) -> bool:
    """Whether the findings fail the gate at ``--fail-on`` (error, warning or never)."""
    found = worst(findings)
    return found is not None and SEVERITY_RANK[found] >= FAIL_ON[fail_on]


@dataclass(frozen=True, slots=True)
class Repair:
    """One change the decoder made to the text, kept so a reader can undo or audit it."""

    step: str
    detail: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"step": self.step, **self.detail}


@dataclass(slots=True)
class Decoded:
    """What the encoding step produced: the text every later offset refers to."""

    text: str
    codec: str | None
    confidence: float
    bom: bool
    language: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def replacement_chars(self) -> int:
        return self.text.count("\ufffd")


class Line(NamedTuple):
    """A line of the decoded text; ``start``/``end`` exclude the terminator ``ending``.

    A named tuple, not a dataclass: pages have hundreds of lines and this builds fastest.
    """

    number: int
    start: int
    end: int
    text: str
    ending: str
    stripped: str  # ``text`` without surrounding white space, kept because every rule reads it

    @property
    def is_blank(self) -> bool:
        return not self.stripped


class Kind(enum.StrEnum):
    """What a line is; only BODY and BLANK lines survive into the clean text."""

    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    BODY = "body"
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    BLANK = "blank"


KEPT_KINDS = frozenset({Kind.BODY, Kind.BLANK})


@dataclass(frozen=True, slots=True)
class Label:
    """A line's kind and the rule that decided it (``None`` only for the default body label)."""

    kind: Kind
    rule: str | None = None

    @property
    def kept(self) -> bool:
        return self.kind in KEPT_KINDS

    def __str__(self) -> str:
        if self.kind is Kind.BOILERPLATE:
            return f"boilerplate:{self.rule}"
        return self.kind.value


@dataclass(slots=True)
class Source:
    """Where a file came from, and how copydesk knows."""

    id: str | None = None
    publisher: str | None = None
    host: str | None = None
    matched_by: Literal["manifest", "fingerprint", "none"] = "none"
    declared: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "publisher": self.publisher,
            "host": self.host,
            "matched_by": self.matched_by,
            "declared": self.declared,
        }


@dataclass(slots=True)
class Article:
    """The article record; fields stay None until a step that can prove them fills them."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_candidates: list[str] | None = None
    published_evidence: dict[str, Any] | None = None
    dateline: dict[str, str | None] | None = None
    agencies: list[str] | None = None
    quotes: list[dict[str, Any]] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "published_precision": self.published_precision,
            "published_candidates": self.published_candidates,
            "published_evidence": self.published_evidence,
            "dateline": self.dateline,
            "agencies": self.agencies,
            "quotes": self.quotes,
        }


@dataclass(slots=True)
class Analysis:
    path: Path
    name: str
    outcome: DecodeOutcome
    lines: list[Line] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    cuts: dict[int, tuple[int, str]] = field(default_factory=dict)
    cleaning: Cleaning | None = None
    article_text: str = ""
    source: Source = field(default_factory=Source)
    profile: SourceProfile | None = None
    language: str | None = None
    article: Article = field(default_factory=Article)
    findings: list[Finding] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    started: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    ended: dt.datetime | None = None
    line_model: dict[str, str] | None = None  # the trained model that decided the open lines: version, digest

    @property
    def verdict(self) -> str:
        return verdict(self.findings)

    def removed_runs(self) -> list[dict[str, object]]:
        """Removed lines as the report lists them: 1-based inclusive runs with their rule."""
        if self.cleaning is None:
            return []
        return [
            {"start_line": span.first_line, "end_line": span.last_line, "rule": span.rule}
            for span in self.cleaning.removed
            if span.text.strip()
        ]

    @property
    def boilerplate_ratio(self) -> float | None:
        """Share of the text's non-space characters the cleaning removed."""
        if self.cleaning is None:
            return None
        total = _visible(self.outcome.decoded.text) if self.outcome.decoded else 0
        if total == 0:
            return None
        # Kept text and removed spans partition the text, and a count of characters that
        # are not white space adds up over any partition: one count of the kept text does.
        removed = total - _visible(self.cleaning.kept)
        return round(removed / total, 4)


def _visible(text: str) -> int:
    """Characters that are not white space."""
    return sum(map(len, text.split()))
