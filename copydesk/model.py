"""The records that flow through the pipeline.

Steps communicate only through these types: a step reads what earlier steps put on a
:class:`Document` and adds labels, fields or findings. Nothing here touches raw bytes on disk.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation about a file; ``line`` is 1-based or None for the whole file."""

    rule: str
    severity: Severity
    message: str
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "line": self.line}


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
