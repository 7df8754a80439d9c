"""The common expectation types, evaluated over the records without great-expectations.

Importing GX and setting up its context takes seconds, which a pre-commit hook checking
one file pays on every call. The types a records table mostly needs (unique, in a set,
between bounds, not null, matching a pattern, value lengths, the row count) are a few
lines each; here they are evaluated with GX's own semantics: nulls are skipped, except
by ``expect_column_values_to_not_be_null``; ``mostly`` is the share of the non-null rows
that must hold; a column with no value holds vacuously. The tests hold these results equal
to GX's on random tables.

Each type is one entry of :data:`TYPES`: the arguments it takes, the record columns it
covers, and its test. An expectation that steps outside the table (another type, another
argument, a column of another kind, a bound GX would have to interpret) is not evaluated
here: :func:`evaluable` says no and the suite runs in GX.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from copydesk.check.records import COLUMNS, is_missing, is_number

SCALAR = frozenset({"str", "int", "float", "bool"})
NUMBER = frozenset({"int", "float"})
ANY = frozenset(COLUMNS.values())
# Keys of an expectation's entry that do not change what it checks.
INERT_KEYS = frozenset({"type", "kwargs", "meta", "id", "notes", "description"})


@dataclass(frozen=True, slots=True)
class Outcome:
    success: bool
    unexpected_count: int | None = None
    observed_value: Any = None


Test = Callable[[Sequence[Any], Mapping[str, Any]], Outcome]


@dataclass(frozen=True, slots=True)
class ExpectationType:
    """What one expectation type takes, which columns it covers, and how it is decided."""

    required: frozenset[str]
    optional: frozenset[str]
    kinds: frozenset[str]  # record column types (COLUMNS) it is evaluated on; empty: a table expectation
    test: Test
    arguments_valid: Callable[[Mapping[str, Any], str], bool] = lambda _kwargs, _kind: True


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _mostly(kwargs: Mapping[str, Any]) -> float:
    return float(kwargs.get("mostly", 1.0))


def _map(values: Sequence[Any], kwargs: Mapping[str, Any], unexpected: Callable[[Any], bool]) -> Outcome:
    """A column map expectation: each non-null value holds or not; ``mostly`` of them must."""
    present = [value for value in values if not is_missing(value)]
    failed = sum(1 for value in present if unexpected(value))
    return Outcome(_holds(len(present), failed, kwargs), failed)


def _holds(rows: int, failed: int, kwargs: Mapping[str, Any]) -> bool:
    """``mostly`` of the rows hold; no rows hold vacuously."""
    return not rows or (rows - failed) / rows >= _mostly(kwargs)


def _within(value: float, kwargs: Mapping[str, Any]) -> bool:
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    if low is not None and (value <= low if kwargs.get("strict_min") else value < low):
        return False
    return not (high is not None and (value >= high if kwargs.get("strict_max") else value > high))


def unique(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    counts = Counter(value for value in values if not is_missing(value))
    return _map(values, kwargs, lambda value: counts[value] > 1)


def in_set(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    allowed = set(kwargs["value_set"])
    return _map(values, kwargs, lambda value: value not in allowed)


def not_in_set(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    forbidden = set(kwargs["value_set"])
    return _map(values, kwargs, lambda value: value in forbidden)


def between(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    return _map(values, kwargs, lambda value: not _within(value, kwargs))


def match_regex(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    pattern = re.compile(kwargs["regex"])
    return _map(values, kwargs, lambda value: pattern.search(value) is None)


def not_match_regex(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    pattern = re.compile(kwargs["regex"])
    return _map(values, kwargs, lambda value: pattern.search(value) is not None)


def lengths_between(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    return _map(values, kwargs, lambda value: not _within(len(value), kwargs))


def not_null(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    """Unlike the other map types, the share is of all rows: the nulls are what it counts."""
    failed = sum(1 for value in values if is_missing(value))
    return Outcome(_holds(len(values), failed, kwargs), failed)


def row_count_between(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    return Outcome(_within(len(values), kwargs), None, len(values))


def row_count_equal(values: Sequence[Any], kwargs: Mapping[str, Any]) -> Outcome:
    return Outcome(len(values) == kwargs["value"], None, len(values))


def _set_matches(kwargs: Mapping[str, Any], kind: str) -> bool:
    """A non-empty list of values of the column's own kind (GX compares them as pandas does)."""
    values = kwargs["value_set"]
    if not isinstance(values, list) or not values:
        return False
    if kind == "str":
        return all(isinstance(value, str) for value in values)
    return kind == "int" and all(_is_whole(value) for value in values)


def _bounds(kwargs: Mapping[str, Any], valid: Callable[[Any], bool]) -> bool:
    """Bounds GX reads as plain numbers: at least one given, in order, strictness flags booleans."""
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    if low is None and high is None:
        return False
    if any(bound is not None and not valid(bound) for bound in (low, high)):
        return False
    if low is not None and high is not None and low > high:
        return False
    return all(isinstance(kwargs.get(flag, False), bool) for flag in ("strict_min", "strict_max"))


def _compiles(kwargs: Mapping[str, Any], _kind: str) -> bool:
    try:
        re.compile(kwargs["regex"])
    except (re.error, TypeError):
        return False
    return True


def _count(kwargs: Mapping[str, Any], _kind: str) -> bool:
    return _is_whole(kwargs["value"]) and kwargs["value"] >= 0


_COLUMN = frozenset({"column"})
_MAP = frozenset({"mostly"})
_BOUNDS = frozenset({"min_value", "max_value", "strict_min", "strict_max"})

TYPES: dict[str, ExpectationType] = {
    "expect_column_values_to_be_unique": ExpectationType(_COLUMN, _MAP, SCALAR, unique),
    "expect_column_values_to_be_in_set": ExpectationType(
        _COLUMN | {"value_set"}, _MAP, frozenset({"str", "int"}), in_set, _set_matches
    ),
    "expect_column_values_to_not_be_in_set": ExpectationType(
        _COLUMN | {"value_set"}, _MAP, frozenset({"str", "int"}), not_in_set, _set_matches
    ),
    "expect_column_values_to_be_between": ExpectationType(
        _COLUMN, _MAP | _BOUNDS, NUMBER, between, lambda kwargs, _kind: _bounds(kwargs, is_number)
    ),
    "expect_column_values_to_match_regex": ExpectationType(
        _COLUMN | {"regex"}, _MAP, frozenset({"str"}), match_regex, _compiles
    ),
    "expect_column_values_to_not_match_regex": ExpectationType(
        _COLUMN | {"regex"}, _MAP, frozenset({"str"}), not_match_regex, _compiles
    ),
    "expect_column_value_lengths_to_be_between": ExpectationType(
        _COLUMN, _MAP | _BOUNDS, frozenset({"str"}), lengths_between, lambda kwargs, _kind: _bounds(kwargs, _is_whole)
    ),
    "expect_column_values_to_not_be_null": ExpectationType(_COLUMN, _MAP, ANY, not_null),
    "expect_table_row_count_to_be_between": ExpectationType(
        frozenset(), _BOUNDS, frozenset(), row_count_between, lambda kwargs, _kind: _bounds(kwargs, _is_whole)
    ),
    "expect_table_row_count_to_equal": ExpectationType(
        frozenset({"value"}), frozenset(), frozenset(), row_count_equal, _count
    ),
}


def evaluable(expectation: Mapping[str, Any]) -> bool:
    """Whether this expectation is one :data:`TYPES` decides exactly as GX would."""
    name = expectation.get("type")
    kind = TYPES.get(name) if isinstance(name, str) else None
    kwargs = expectation.get("kwargs") or {}
    if kind is None or not isinstance(kwargs, dict) or set(expectation) - INERT_KEYS:
        return False
    if not kind.required <= set(kwargs) or set(kwargs) - kind.required - kind.optional:
        return False
    mostly = kwargs.get("mostly", 1.0)
    if not is_number(mostly) or not 0 <= mostly <= 1:
        return False
    column = kwargs.get("column")
    column_kind = COLUMNS.get(column, "") if isinstance(column, str) and "column" in kind.required else ""
    if kind.kinds and column_kind not in kind.kinds:
        return False
    return kind.arguments_valid(kwargs, column_kind)


def evaluate(expectation: Mapping[str, Any], columns: Mapping[str, Sequence[Any]], rows: int) -> Outcome:
    """The outcome of one :func:`evaluable` expectation over the records' columns."""
    kwargs = expectation.get("kwargs") or {}
    column = kwargs.get("column")
    values = columns[column] if column is not None else [None] * rows
    return TYPES[expectation["type"]].test(values, kwargs)
