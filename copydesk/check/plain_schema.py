"""The records schema's common declarations, decided in plain Python instead of pandera.

pandas and pandera take most of a second to import, which a pre-commit hook checking one
file pays on every call. A records schema mostly declares per-column facts (not null,
unique, one of these values, within these bounds, matching this pattern) and copydesk's
two frame checks; those are a line each over the records' own values. :func:`plan_of`
reads the schema's YAML (pandera's format, already parsed) into a :class:`Plan` when
every declaration in it is one of these, with the column's own type, so that pandera
would decide it the same way (the tests hold the two equal on random tables); anything
else (another check, a check option, a dtype that needs converting, a key this module
does not know) returns ``None`` and the schema runs in pandera as before.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from copydesk.check.records import COLUMNS, is_missing, is_number, parse_instant
from copydesk.check.schema_checks import missing_required

Holds = Callable[[Any], bool]

# dtypes a column can declare that its values already have: pandera's check of them (after
# coercion, when coerce is on) can only pass, and no value changes.
SAME_TYPE = {
    "str": ({"string"}, {"str", "string"}),  # (without coercion, with coercion)
    "int": ({"Int64"}, {"Int64"}),
    "float": ({"Float64"}, {"Float64", "float", "float64"}),
    "bool": ({"boolean"}, {"boolean"}),
}
COLUMN_KEYS = frozenset(
    {"dtype", "nullable", "unique", "coerce", "required", "regex", "checks", "title", "description"}
)
SCHEMA_KEYS = frozenset(
    {"schema_type", "version", "columns", "checks", "index", "dtype", "coerce", "strict", "name", "ordered"}
    | {"unique", "report_duplicates", "unique_column_names", "add_missing_columns", "drop_invalid_rows"}
    | {"title", "description", "metadata"}
)
SCHEMA_DEFAULTS: dict[str, Any] = {
    "schema_type": "dataframe",
    "index": None,
    "dtype": None,
    "strict": False,
    "ordered": False,
    "unique": None,
    "report_duplicates": "all",
    "unique_column_names": False,
    "add_missing_columns": False,
    "drop_invalid_rows": False,
}


class Failure(NamedTuple):
    """One failing row (or, ``row`` None, the whole table): the check, its column, the value."""

    row: int | None
    check: str
    column: str | None
    value: Any = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    column: str
    nullable: bool
    unique: bool
    checks: tuple[tuple[str, Holds], ...]  # (pandera's name for the check, whether a value passes)


@dataclass(frozen=True, slots=True)
class Plan:
    columns: tuple[ColumnPlan, ...]
    not_after: tuple[str, str] | None  # (column, limit)
    required: Mapping[str, Sequence[str]] | None  # source id -> columns it must fill

    def per_record(self) -> Plan:
        """What one record decides alone (everything but uniqueness): a worker checks it
        as it writes the file's report, so a flagged file is not analysed a second time."""
        return Plan(tuple(replace(column, unique=False) for column in self.columns), self.not_after, self.required)

    def across_records(self) -> Plan:
        """What needs the other records: uniqueness alone."""
        return Plan(tuple(ColumnPlan(c.column, True, True, ()) for c in self.columns if c.unique), None, None)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _values(kind: str) -> Callable[[Any], bool]:
    """Arguments a check on a column of ``kind`` compares its values with, as pandas would."""
    return (lambda value: isinstance(value, str)) if kind == "str" else is_number


def _compare(name: str, kind: str, args: Mapping[str, Any]) -> Holds | None:
    value_ok = _values(kind)
    if name in ("equal_to", "not_equal_to"):
        if kind not in ("str", "int", "float") or not value_ok(args.get("value")):
            return None
        value = args["value"]
        return (lambda v: v == value) if name == "equal_to" else (lambda v: v != value)
    if kind not in ("int", "float"):
        return None
    bound = args.get("max_value" if name.startswith("less") else "min_value")
    if not is_number(bound):
        return None
    tests: dict[str, Holds] = {
        "greater_than": lambda v: v > bound,
        "greater_than_or_equal_to": lambda v: v >= bound,
        "less_than": lambda v: v < bound,
        "less_than_or_equal_to": lambda v: v <= bound,
    }
    return tests[name]


def _in_range(kind: str, args: Mapping[str, Any]) -> Holds | None:
    low: Any = args.get("min_value")
    high: Any = args.get("max_value")
    include_low, include_high = args.get("include_min", True), args.get("include_max", True)
    if kind not in ("int", "float") or not (is_number(low) and is_number(high)) or low > high:
        return None
    if not (isinstance(include_low, bool) and isinstance(include_high, bool)):
        return None
    if low == high and not (include_low and include_high):  # an empty interval: pandera refuses it
        return None
    return lambda v: (low <= v if include_low else low < v) and (v <= high if include_high else v < high)


def _membership(name: str, kind: str, args: Mapping[str, Any]) -> Holds | None:
    values = args.get("allowed_values" if name == "isin" else "forbidden_values")
    if kind not in ("str", "int") or not isinstance(values, list) or not values:
        return None
    same = str if kind == "str" else int
    if not all(isinstance(value, same) and not isinstance(value, bool) for value in values):
        return None
    chosen = frozenset(values)
    return (lambda v: v in chosen) if name == "isin" else (lambda v: v not in chosen)


def _text(name: str, kind: str, args: Mapping[str, Any]) -> Holds | None:
    if kind != "str":
        return None
    if name in ("str_matches", "str_contains"):
        pattern = args.get("pattern")
        if not isinstance(pattern, str):
            return None
        try:
            compiled = re.compile(pattern)
        except re.error:
            return None
        return (
            (lambda v: compiled.match(v) is not None)
            if name == "str_matches"
            else (lambda v: compiled.search(v) is not None)
        )
    string = args.get("string")
    if not isinstance(string, str):
        return None
    return (lambda v: v.startswith(string)) if name == "str_startswith" else (lambda v: v.endswith(string))


def _length(kind: str, args: Mapping[str, Any]) -> Holds | None:
    low, high, exact = args.get("min_value"), args.get("max_value"), args.get("exact_value")
    if kind != "str" or any(n is not None and not _is_count(n) for n in (low, high, exact)):
        return None
    if exact is not None:
        return lambda v: len(v) == exact
    if low is None and high is None:
        return None
    return lambda v: (low is None or len(v) >= low) and (high is None or len(v) <= high)


# pandera's built-in check -> the name of the argument its unary YAML form gives.
UNARY = {
    "equal_to": "value",
    "not_equal_to": "value",
    "greater_than": "min_value",
    "greater_than_or_equal_to": "min_value",
    "less_than": "max_value",
    "less_than_or_equal_to": "max_value",
    "isin": "allowed_values",
    "notin": "forbidden_values",
    "str_matches": "pattern",
    "str_contains": "pattern",
    "str_startswith": "string",
    "str_endswith": "string",
}
ARGUMENTS = {name: frozenset({arg}) for name, arg in UNARY.items()} | {
    "in_range": frozenset({"min_value", "max_value", "include_min", "include_max"}),
    "str_length": frozenset({"min_value", "max_value", "exact_value"}),
}


def _check(name: str, stats: Any, kind: str) -> Holds | None:
    """The test of one declared check on a column of ``kind``, or ``None`` if pandera must decide it."""
    if name not in ARGUMENTS:
        return None
    if isinstance(stats, dict) and set(stats) == {"value"}:
        stats = stats["value"]
    if isinstance(stats, dict):
        if not set(stats) <= ARGUMENTS[name]:
            return None
        args = stats
    elif name in UNARY:
        args = {UNARY[name]: stats}
    else:
        return None
    if name == "in_range":
        return _in_range(kind, args)
    if name == "str_length":
        return _length(kind, args)
    if name in ("isin", "notin"):
        return _membership(name, kind, args)
    if name.startswith("str_"):
        return _text(name, kind, args)
    return _compare(name, kind, args)


def _column(name: Any, stats: Any, coerce: bool) -> ColumnPlan | None:
    kind = COLUMNS.get(name) if isinstance(name, str) else None
    if kind is None or not isinstance(stats, dict) or set(stats) - COLUMN_KEYS:
        return None
    if stats.get("regex", False) is not False or stats.get("required", True) is not True:
        return None
    nullable, unique = stats.get("nullable", False), stats.get("unique", False)
    if not (isinstance(nullable, bool) and isinstance(unique, bool)):
        return None
    if unique and kind not in SAME_TYPE:
        return None
    dtype = stats.get("dtype")
    if dtype is not None:
        column_coerce = stats.get("coerce", False)
        if kind not in SAME_TYPE or not isinstance(column_coerce, bool) or not isinstance(dtype, str):
            return None
        if dtype not in SAME_TYPE[kind][1 if coerce or column_coerce else 0]:
            return None
    declared = stats.get("checks") or {}
    if not isinstance(declared, dict):
        return None
    checks = []
    for check_name, check_stats in declared.items():
        holds = _check(check_name, check_stats, kind)
        if holds is None:
            return None
        checks.append((check_name, holds))
    return ColumnPlan(name, nullable, unique, tuple(checks))


def _frame_checks(declared: Any) -> tuple[tuple[str, str] | None, Mapping[str, Sequence[str]] | None] | None:
    if not declared:
        return None, None
    if not isinstance(declared, dict) or set(declared) - {"not_after", "required_per_source"}:
        return None
    not_after = declared.get("not_after")
    if not_after is not None:
        if not isinstance(not_after, dict) or set(not_after) != {"column", "limit"}:
            return None
        column, limit = not_after["column"], not_after["limit"]
        if not (isinstance(column, str) and isinstance(limit, str)):
            return None
        if COLUMNS.get(column) != "datetime" or COLUMNS.get(limit) != "datetime":
            return None
        not_after = (column, limit)
    required = declared.get("required_per_source")
    if required is not None:
        fields = required.get("required") if isinstance(required, dict) and set(required) == {"required"} else None
        if not isinstance(fields, dict) or not all(
            isinstance(source, str)
            and isinstance(names, list)
            and all(isinstance(n, str) and n in COLUMNS for n in names)
            for source, names in fields.items()
        ):
            return None
        required = fields
    return not_after, required


def plan_of(data: Any) -> Plan | None:
    """The schema as a :class:`Plan`, or ``None`` when any of it is for pandera to decide."""
    if not isinstance(data, dict) or set(data) - SCHEMA_KEYS:
        return None
    if any(data.get(key, default) != default for key, default in SCHEMA_DEFAULTS.items()):
        return None
    coerce = data.get("coerce", False)
    columns = data.get("columns") or {}
    if not isinstance(coerce, bool) or not isinstance(columns, dict):
        return None
    plans = [_column(name, stats, coerce) for name, stats in columns.items()]
    frame = _frame_checks(data.get("checks"))
    if frame is None or any(plan is None for plan in plans):
        return None
    return Plan(tuple(plan for plan in plans if plan is not None), *frame)


def _instant(value: Any) -> Any:
    return parse_instant(value) if isinstance(value, str) else value


def failures(plan: Plan, records: Iterable[Mapping[str, Any]]) -> list[Failure]:
    """Every failing row of every declared check (pandera's names for the checks)."""
    rows = list(records)
    found: list[Failure] = []
    for column in plan.columns:
        values = [record.get(column.column) for record in rows]
        present = [(row, value) for row, value in enumerate(values) if not is_missing(value)]
        if not column.nullable:
            found += [
                Failure(row, "not_nullable", column.column) for row, value in enumerate(values) if is_missing(value)
            ]
        if column.unique:
            counts = Counter(value for _row, value in present)
            found += [Failure(row, "field_uniqueness", column.column, v) for row, v in present if counts[v] > 1]
        for name, holds in column.checks:
            found += [Failure(row, name, column.column, value) for row, value in present if not holds(value)]
    if plan.not_after is not None:
        later, limit = plan.not_after
        for row, record in enumerate(rows):
            value, bound = _instant(record.get(later)), _instant(record.get(limit))
            if value is not None and bound is not None and value > bound:
                detail = f"{value.isoformat()} is after {bound.isoformat()}"
                found.append(Failure(row, "not_after", later, None, detail))
    if plan.required:
        sources = [record.get("source") for record in rows]
        missing = missing_required(sources, lambda name: [is_missing(r.get(name)) for r in rows], plan.required)
        for row, names in sorted(missing.items()):
            found.append(Failure(row, "required_per_source", None, None, "missing " + ", ".join(sorted(names))))
    return found
