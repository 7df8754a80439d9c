"""Batch expectations: a great-expectations suite, in GX's own JSON, over the records table.

Expectations speak about the batch as a whole ("no two files share a sha256", "95% have
a published date"), which per-file rules cannot; a failed expectation fails the gate.
Users write the suite in GX's format, which they know. Which engine decides it is this
module's choice: the common types copydesk evaluates itself, with GX's semantics
(:mod:`copydesk.check.expectation_types`), so a run that needs nothing more never
imports GX; a suite with any other expectation, or a run that asks for GX's Data Docs,
runs in GX (:mod:`copydesk.check.gx_engine`). The summary names the engine.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copydesk.check import expectation_types
from copydesk.check.records import COLUMNS
from copydesk.rules.errors import RuleFileError

SUITE_NAME = "expectations.json"
ENGINE = "copydesk"


@dataclass(frozen=True, slots=True)
class Suite:
    path: Path
    data: dict[str, Any]
    native: bool = False  # every expectation is one copydesk evaluates itself


def load_suite(path: Path, data_docs: bool = False) -> Suite:
    """Read the suite's JSON and check it (exit 2 on a problem): GX checks what only GX knows.

    ``data_docs``: the run asks for GX's Data Docs, so GX must be installed even for a
    suite copydesk could decide alone.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, f"cannot read the expectation suite: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise RuleFileError(path, exc.lineno, f"not JSON: {exc.msg}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
        raise RuleFileError(path, None, "an expectation suite is an object with an 'expectations' list")
    for number, expectation in enumerate(data["expectations"], 1):
        if not isinstance(expectation, dict) or not isinstance(expectation.get("type"), str):
            raise RuleFileError(path, None, f"expectation {number} has no 'type'")
        kwargs = expectation.get("kwargs") or {}
        if not isinstance(kwargs, dict):
            raise RuleFileError(path, None, f"expectation {number} ({expectation['type']}): 'kwargs' is not an object")
        column = kwargs.get("column")
        if column is not None and (not isinstance(column, str) or column not in COLUMNS):
            raise RuleFileError(
                path, None, f"expectation {number} ({expectation['type']}): no record column {column!r}"
            )
    data.setdefault("name", path.stem)
    native = all(expectation_types.evaluable(expectation) for expectation in data["expectations"])
    suite = Suite(path, data, native)
    if not native or data_docs:
        from copydesk.check import gx_engine

        if importlib.util.find_spec("great_expectations") is None:
            raise RuleFileError(path, None, gx_engine.INSTALL_HINT)
        if not native:
            gx_engine.check_suite(suite)
    return suite


def run_suite(suite: Suite, records: Iterable[dict[str, Any]], docs: Path | None) -> dict[str, Any]:
    """Validate the records against the suite; the result as plain JSON (GX's Data Docs under ``docs``)."""
    if suite.native and docs is None:
        return _run_natively(suite, records)
    from copydesk.check import gx_engine

    return gx_engine.run_suite(suite, records, docs)


def _run_natively(suite: Suite, records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    expectations = suite.data["expectations"]
    wanted = {str(e["kwargs"]["column"]) for e in expectations if "column" in (e.get("kwargs") or {})}
    columns: dict[str, list[Any]] = {name: [] for name in wanted}
    rows = 0
    for record in records:
        rows += 1
        for name, values in columns.items():
            values.append(record.get(name))
    results = []
    for expectation in expectations:
        outcome = expectation_types.evaluate(expectation, columns, rows)
        results.append(
            {
                "type": expectation["type"],
                "kwargs": dict(expectation.get("kwargs") or {}),
                "success": outcome.success,
                "unexpected_count": outcome.unexpected_count,
                "observed_value": outcome.observed_value,
            }
        )
    failed = sum(1 for item in results if not item["success"])
    return {
        "suite": str(suite.path),
        "engine": ENGINE,
        "success": failed == 0,
        "evaluated": len(results),
        "failed": failed,
        "expectations": results,
        "data_docs": None,
    }


def failures(summary: dict[str, Any]) -> list[str]:
    """One line per failed expectation, for the console and the batch findings."""
    lines = []
    for item in summary["expectations"]:
        if item["success"]:
            continue
        column = item["kwargs"].get("column")
        where = f" on {column}" if column else ""
        count = f" ({item['unexpected_count']} unexpected)" if item["unexpected_count"] else ""
        lines.append(f"expectation {item['type']}{where} failed{count}")
    return lines
