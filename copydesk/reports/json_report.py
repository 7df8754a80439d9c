"""The per-file report (``schema_version`` 1), as the contract in ``design.md`` lists it.

A field no step could fill is null: a report never claims what copydesk has not checked.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from copydesk.model import Analysis

SCHEMA_VERSION = 1


def _encoding(analysis: Analysis) -> dict[str, Any]:
    decoded = analysis.outcome.decoded
    if decoded is None:
        return {"codec": None, "confidence": 0.0, "bom": False, "repairs": [], "replacement_chars": 0}
    return {
        "codec": decoded.codec,
        "confidence": decoded.confidence,
        "bom": decoded.bom,
        "repairs": [repair.as_dict() for repair in decoded.repairs],
        "replacement_chars": decoded.replacement_chars,
    }


def build_report(analysis: Analysis, provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "file": analysis.name,
        "sha256": analysis.outcome.sha256,
        "bytes": analysis.outcome.size,
        "verdict": analysis.verdict,
        "encoding": _encoding(analysis),
        "language": analysis.language,
        "source": analysis.source.as_dict(),
        "article": analysis.article.as_dict(),
        "boilerplate": {
            "removed": analysis.removed_runs(),
            "ratio": analysis.boilerplate_ratio,
            "model": analysis.line_model,
        },
        "findings": [finding.as_dict() for finding in analysis.findings],
        "provenance": provenance,
    }


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


@cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema every report validates against; shipped inside the package."""
    text = resources.files("copydesk.schemas").joinpath("report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_report(report: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when a report breaks the contract."""
    import jsonschema

    jsonschema.validate(report, report_schema())
