"""The records schema: the batch's article records against a pandera schema the user declares.

The schema is pandera's own YAML (``rules/records.schema.yaml``), so users write what they
already know. Each failing row becomes a finding on that row's file naming the column and
the check; a failure that belongs to no row (a column of the wrong type) is a batch
finding. A schema made only of the common declarations is decided in plain Python
(:mod:`copydesk.check.plain_schema`, pandera's semantics); any other runs in pandera,
and only then are pandera and pandas imported.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copydesk.check.plain_schema import Failure, Plan, failures, plan_of
from copydesk.check.records import COLUMNS, is_missing, pandas_frame
from copydesk.model import Finding
from copydesk.rules.errors import RuleFileError
from copydesk.rules.yamlfile import load_yaml

SCHEMA_NAME = "records.schema.yaml"
RULE = "schema"
INSTALL_HINT = "a records schema needs pandera and pandas: pip install 'copydesk[schema]'"


@dataclass(frozen=True, slots=True)
class RecordsSchema:
    path: Path
    schema: Any = None  # pandera.DataFrameSchema, when pandera decides it
    plan: Plan | None = None  # when copydesk decides it


def load_records_schema(path: Path) -> RecordsSchema:
    """Read and check the schema file; any problem is a rules error (exit 2) naming the file."""
    plan = plain_plan(path)
    if plan is not None:
        return RecordsSchema(path, plan=plan)
    return RecordsSchema(path, schema=_pandera_schema(path))


def plain_plan(path: Path) -> Plan | None:
    """The schema as copydesk decides it, or ``None`` when pandera must: read without
    importing pandera, so a worker can check each record's own declarations."""
    data = load_yaml(path).data  # the size and alias limits of every rule file, and YAML errors with their line
    columns = data.get("columns") if isinstance(data, dict) else None
    if isinstance(columns, dict):
        _refuse_unknown(path, columns)
    return plan_of(data)


def _pandera_schema(path: Path) -> Any:
    if importlib.util.find_spec("pandera") is None or importlib.util.find_spec("pandas") is None:
        raise RuleFileError(path, None, INSTALL_HINT)
    from copydesk.check import schema_checks

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, f"cannot read the records schema: {exc}") from exc
    schema_checks.register()
    from pandera.io import pandas_io

    try:
        schema = pandas_io.from_yaml(text)  # type: ignore[no-untyped-call]
    except Exception as exc:  # pandera raises many kinds for a malformed file
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RuleFileError(path, None, f"not a valid pandera schema: {reason}") from exc
    _refuse_unknown(path, schema.columns)  # pandera's list form of columns names them only here
    return schema


def _refuse_unknown(path: Path, names: Iterable[Any]) -> None:
    unknown = sorted(str(name) for name in names if name not in COLUMNS)
    if unknown:
        known = ", ".join(COLUMNS)
        raise RuleFileError(path, None, f"column(s) {', '.join(unknown)} are not record columns (known: {known})")


def _check_name(check: Any) -> str:
    return str(check).split("(", 1)[0] if check is not None else "check"


def _row_message(check: str, column: str | None, case: Any, detail: str | None) -> str:
    where = f"column {column}" if column else "record"
    if detail:
        return f"records schema: {where} fails {check}: {detail}"
    return f"records schema: {where} fails {check} (value: {case!r})"


def validate_records(
    records_schema: RecordsSchema, records: Iterable[dict[str, Any]], across_only: bool = False
) -> tuple[dict[int, list[Finding]], list[str]]:
    """Findings by row position (in the order ``records`` gave them), and the failures that belong to no row.

    ``across_only``: each record's own declarations were checked with it
    (:func:`record_findings`); only those that need the other records are left.
    """
    if records_schema.plan is not None:
        plan = records_schema.plan.across_records() if across_only else records_schema.plan
        found = failures(plan, records)
    else:
        found = _pandera_failures(records_schema.schema, records)
    return _findings(found)


def record_findings(plan: Plan, record: dict[str, Any]) -> list[Finding]:
    """One record against the declarations it decides alone, as that file's findings."""
    return _findings(failures(plan.per_record(), [record]))[0].get(0, [])


def _findings(found: Iterable[Failure]) -> tuple[dict[int, list[Finding]], list[str]]:
    by_row: dict[int, list[Finding]] = {}
    batch: set[str] = set()
    seen: set[tuple[int, str, str | None]] = set()
    for failure in found:
        if failure.row is None:
            batch.add(f"records schema: {failure.column or 'table'} fails {failure.check}: {failure.value}")
            continue
        key = (failure.row, failure.check, failure.column)
        if key in seen:
            continue
        seen.add(key)
        rule = f"{RULE}.{failure.column}.{failure.check}" if failure.column else f"{RULE}.{failure.check}"
        message = _row_message(failure.check, failure.column, failure.value, failure.detail)
        by_row.setdefault(failure.row, []).append(Finding(rule, "error", message))
    for findings in by_row.values():
        findings.sort(key=lambda finding: (finding.rule, finding.message))
    return by_row, sorted(batch)


def _pandera_failures(schema: Any, records: Iterable[dict[str, Any]]) -> list[Failure]:
    """pandera's failure cases, as :class:`Failure`s: values as plain Python, frame checks explained."""
    import pandera.errors

    from copydesk.check.schema_checks import missing_in_frame

    frame = pandas_frame(records)
    try:
        schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return []
    found = []
    missing: dict[int, list[str]] | None = None  # the required fields each row leaves empty, read once
    for case in cases.to_dict("records"):
        check = _check_name(case.get("check"))
        index = case.get("index")
        column = case.get("column") if case.get("schema_context") == "Column" else None
        if index is None or index != index:  # NaN: the failure is the column's, not a row's
            found.append(Failure(None, check, case.get("column"), case.get("failure_case")))
            continue
        row = int(index)
        detail = None
        if column is None:
            statistics = _statistics(schema, check)
            column = statistics.get("column")
            if check == "required_per_source":
                if missing is None:
                    missing = missing_in_frame(frame, statistics.get("required", {}))
                detail = "missing " + ", ".join(sorted(missing.get(row, [])))
            elif check == "not_after" and column:
                values = frame.iloc[row]
                detail = f"{record_value(values, column)} is after {record_value(values, statistics['limit'])}"
        # The value as the record holds it: pandera's table of failure cases shares one type
        # across columns (an integer shows as 0.0 beside a missing value).
        value = frame[column].iloc[row] if column in frame.columns and detail is None else case.get("failure_case")
        found.append(Failure(row, check, column, _plain(value), detail))
    return found


def _plain(value: Any) -> Any:
    """A value as the record held it: numpy and pandas scalars as Python's, missing (NA, NaN, NaT) as None."""
    import pandas as pd

    if value is pd.NA or value is pd.NaT or is_missing(value):
        return None
    item = getattr(value, "item", None)
    plain = item() if callable(item) else value
    return None if is_missing(plain) else plain


def record_value(record: Mapping[str, Any], column: str) -> str:
    """A record's value as a message shows it: instants in ISO form. ``record``: a dict or a table row."""
    value = record.get(column)
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat()) if isoformat is not None else str(value)


def _statistics(schema: Any, name: str) -> dict[str, Any]:
    for check in schema.checks:
        if getattr(check, "name", None) == name:
            return dict(getattr(check, "statistics", None) or {})
    return {}
