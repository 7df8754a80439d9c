"""The records schema: the batch's article records against a pandera schema the user declares.

The schema is pandera's own YAML (``rules/records.schema.yaml``), read with pandera's
reader, so users write what they already know. Each failing row becomes a finding on
that row's file naming the column and the check; a failure that belongs to no row (a
column of the wrong type) is a batch finding. pandera and pandas are imported only
when a schema is declared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copydesk.check.records import COLUMNS, pandas_frame
from copydesk.model import Finding
from copydesk.rules.errors import RuleFileError
from copydesk.rules.yamlfile import load_yaml

SCHEMA_NAME = "records.schema.yaml"
RULE = "schema"
INSTALL_HINT = "a records schema needs pandera and pandas: pip install 'copydesk[schema]'"


@dataclass(frozen=True, slots=True)
class RecordsSchema:
    path: Path
    schema: Any  # pandera.DataFrameSchema


def load_records_schema(path: Path) -> RecordsSchema:
    """Read and check the schema file; any problem is a rules error (exit 2) naming the file."""
    import importlib.util

    if importlib.util.find_spec("pandera") is None or importlib.util.find_spec("pandas") is None:
        raise RuleFileError(path, None, INSTALL_HINT)
    from copydesk.check import schema_checks

    load_yaml(path)  # the size and alias limits of every rule file, and YAML errors with their line
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
    unknown = sorted(set(schema.columns) - set(COLUMNS))
    if unknown:
        known = ", ".join(COLUMNS)
        raise RuleFileError(path, None, f"column(s) {', '.join(unknown)} are not record columns (known: {known})")
    return RecordsSchema(path, schema)


def _check_name(check: Any) -> str:
    return str(check).split("(", 1)[0] if check is not None else "check"


def _row_message(check: str, column: str | None, case: Any, detail: str | None) -> str:
    where = f"column {column}" if column else "record"
    if detail:
        return f"records schema: {where} fails {check}: {detail}"
    return f"records schema: {where} fails {check} (value: {case!r})"


def validate_records(
    records_schema: RecordsSchema, records: Iterable[dict[str, Any]]
) -> tuple[dict[int, list[Finding]], list[str]]:
    """Findings by row position (in the order ``records`` gave them), and the failures that belong to no row."""
    import pandera.errors

    from copydesk.check.schema_checks import missing_required

    frame = pandas_frame(records)
    try:
        records_schema.schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return {}, []
    by_row: dict[int, list[Finding]] = {}
    batch: list[str] = []
    seen: set[tuple[int, str, str | None]] = set()
    for case in cases.to_dict("records"):
        check = _check_name(case.get("check"))
        index = case.get("index")
        column = case.get("column") if case.get("schema_context") == "Column" else None
        if index is None or index != index:  # NaN: the failure is the column's, not a row's
            batch.append(f"records schema: {case.get('column') or 'table'} fails {check}: {case.get('failure_case')}")
            continue
        row = int(index)
        detail = None
        if column is None:
            statistics = _statistics(records_schema.schema, check)
            column = statistics.get("column")
            if check == "required_per_source":
                missing = missing_required(frame.iloc[[row]].reset_index(drop=True), statistics.get("required", {}))
                detail = "missing " + ", ".join(sorted(missing.get(0, [])))
            elif check == "not_after" and column:
                values = frame.iloc[row]
                detail = f"{record_value(values, column)} is after {record_value(values, statistics['limit'])}"
        if (row, check, column) in seen:
            continue
        seen.add((row, check, column))
        rule = f"{RULE}.{column}.{check}" if column else f"{RULE}.{check}"
        by_row.setdefault(row, []).append(
            Finding(rule, "error", _row_message(check, column, case.get("failure_case"), detail))
        )
    return by_row, sorted(set(batch))


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
