"""copydesk's own evaluation of the common expectation types against great-expectations'."""

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.check import expectation_types, gx_engine
from copydesk.check.expectation_types import evaluable
from copydesk.check.expectations import Suite, load_suite, run_suite
from copydesk.rules.errors import RuleFileError
from tests.check.test_schema import record
from tests.check.values import ANY_VALUE, maybe

pytest.importorskip("great_expectations")

STR_COLUMNS = {"sha256": ["a", "b", "c"], "language": ["en", "ar", "fr", ""], "title": ["A", "Ab", "a b.", ""]}
INT_COLUMNS = ("replacement_chars", "quotes")
FLOAT_COLUMNS = ("boilerplate_ratio",)
OTHER_COLUMNS = ("republished", "published_utc", "agencies")
MOSTLY = st.sampled_from([None, 0.0, 0.4, 0.5, 0.8, 1.0])


ROW = st.fixed_dictionaries(
    {
        **{name: maybe(st.sampled_from(values)) for name, values in STR_COLUMNS.items()},
        **{name: maybe(st.integers(0, 12)) for name in INT_COLUMNS},
        "boilerplate_ratio": maybe(st.sampled_from([0.0, 0.25, 0.5, 0.95, 1.0])),
        "republished": maybe(st.booleans()),
        "published_utc": maybe(st.just("2024-01-02T03:04:00+00:00")),
        "agencies": maybe(st.just(["AP"])),
    }
)


def _with_mostly(kwargs: dict[str, Any], mostly: float | None) -> dict[str, Any]:
    return kwargs if mostly is None else {**kwargs, "mostly": mostly}


@st.composite
def bounds(draw: st.DrawFn, values: st.SearchStrategy[Any], strict: bool = True) -> dict[str, Any]:
    low, high = draw(maybe(values)), draw(maybe(values))
    if low is None and high is None:
        low = draw(values)
    if low is not None and high is not None and low > high:
        low, high = high, low
    kwargs: dict[str, Any] = {"min_value": low, "max_value": high}
    kwargs = {key: value for key, value in kwargs.items() if value is not None}
    if strict:
        for flag in ("strict_min", "strict_max"):
            if draw(st.booleans()):
                kwargs[flag] = draw(st.booleans())
    return kwargs


@st.composite
def expectations(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(sorted(expectation_types.TYPES)))
    mostly = draw(MOSTLY)
    string = st.sampled_from(sorted(STR_COLUMNS))
    kwargs: dict[str, Any]
    if kind == "expect_column_values_to_be_unique":
        column = draw(st.sampled_from([*STR_COLUMNS, *INT_COLUMNS, *FLOAT_COLUMNS, "republished"]))
        kwargs = _with_mostly({"column": column}, mostly)
    elif kind in ("expect_column_values_to_be_in_set", "expect_column_values_to_not_be_in_set"):
        if draw(st.booleans()):
            column = draw(string)
            value_set = draw(st.lists(st.sampled_from(STR_COLUMNS[column]), min_size=1, max_size=3))
        else:
            column = draw(st.sampled_from(INT_COLUMNS))
            value_set = draw(st.lists(st.integers(0, 12), min_size=1, max_size=3))
        kwargs = _with_mostly({"column": column, "value_set": value_set}, mostly)
    elif kind == "expect_column_values_to_be_between":
        column = draw(st.sampled_from([*INT_COLUMNS, *FLOAT_COLUMNS]))
        numbers = st.one_of(st.integers(0, 12), st.sampled_from([0.0, 0.25, 0.5, 0.95, 1.0]))
        kwargs = _with_mostly({"column": column, **draw(bounds(numbers))}, mostly)
    elif kind in ("expect_column_values_to_match_regex", "expect_column_values_to_not_match_regex"):
        regex = draw(st.sampled_from(["^a", "b$", "^$", r"\.", "[A-Z]", "a|e"]))
        kwargs = _with_mostly({"column": draw(string), "regex": regex}, mostly)
    elif kind == "expect_column_value_lengths_to_be_between":
        kwargs = _with_mostly({"column": draw(string), **draw(bounds(st.integers(0, 4)))}, mostly)
    elif kind == "expect_column_values_to_not_be_null":
        column = draw(st.sampled_from([*STR_COLUMNS, *INT_COLUMNS, *FLOAT_COLUMNS, *OTHER_COLUMNS]))
        kwargs = _with_mostly({"column": column}, mostly)
    elif kind == "expect_table_row_count_to_be_between":
        kwargs = draw(bounds(st.integers(0, 7)))
    else:
        kwargs = {"value": draw(st.integers(0, 7))}
    return {"type": kind, "kwargs": kwargs}


DEFAULTS = {"mostly": 1.0, "strict_min": False, "strict_max": False}


def _number(value: Any) -> Any:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _outcomes(summary: dict[str, Any]) -> list[str]:
    """What each expectation said, in a canonical order: its arguments without those left at
    their default, numbers as floats (GX echoes a bound 0 as 0.0), sorted by name."""
    said = []
    for item in summary["expectations"]:
        kwargs = sorted((key, _number(value)) for key, value in item["kwargs"].items() if DEFAULTS.get(key) != value)
        said.append(repr((item["type"], kwargs, item["success"], item["unexpected_count"], item["observed_value"])))
    return sorted(said)  # GX groups its results by what they compute


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(ROW, min_size=1, max_size=6), suite=st.lists(expectations(), min_size=1, max_size=5))
def test_copydesk_decides_each_type_as_great_expectations_does(
    rows: list[dict[str, Any]], suite: list[dict[str, Any]]
) -> None:
    assert all(evaluable(expectation) for expectation in suite)
    records = [record(file=f"{n}.txt", **row) for n, row in enumerate(rows)]
    declared = Suite(Path("suite.json"), {"name": "s", "expectations": suite}, native=True)
    ours = run_suite(declared, records, None)
    theirs = gx_engine.run_suite(declared, records, None)
    assert ours["engine"] == "copydesk" and theirs["engine"] == "great_expectations"
    assert _outcomes(ours) == _outcomes(theirs)
    assert (ours["success"], ours["evaluated"], ours["failed"]) == (
        theirs["success"],
        theirs["evaluated"],
        theirs["failed"],
    )


@pytest.mark.parametrize(
    "expectation",
    [
        {"type": "expect_column_mean_to_be_between", "kwargs": {"column": "quotes", "min_value": 1}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "sha256", "row_condition": "x"}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "sha256", "result_format": "COMPLETE"}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "agencies"}},  # lists
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "sha256", "mostly": 1.5}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "sha256", "mostly": True}},
        {"type": "expect_column_values_to_be_unique", "kwargs": {}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "title", "min_value": 1}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "quotes"}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "quotes", "min_value": 5, "max_value": 1}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "quotes", "min_value": "1"}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "quotes", "max_value": 1, "strict_max": 1}},
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "published_utc", "min_value": 0}},
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "language", "value_set": ["en", 1]}},
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "language", "value_set": []}},
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "quotes", "value_set": [True]}},
        {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "boilerplate_ratio", "value_set": [0.5]}},
        {"type": "expect_column_values_to_match_regex", "kwargs": {"column": "title", "regex": "("}},
        {"type": "expect_column_values_to_match_regex", "kwargs": {"column": "quotes", "regex": "1"}},
        {"type": "expect_column_value_lengths_to_be_between", "kwargs": {"column": "title", "min_value": 1.5}},
        {"type": "expect_table_row_count_to_equal", "kwargs": {"value": -1}},
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "title"}, "severity": "warning"},
        {"type": "expect_column_values_to_not_be_null", "kwargs": "title"},
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": ["title"]}},
        {"type": ["expect_column_values_to_not_be_null"], "kwargs": {"column": "title"}},
    ],
)
def test_what_the_table_does_not_cover_is_left_to_gx(expectation: dict[str, Any]) -> None:
    assert not evaluable(expectation)


def test_a_value_that_is_not_a_number_counts_as_missing() -> None:
    outcome = expectation_types.evaluate(
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "boilerplate_ratio"}},
        {"boilerplate_ratio": [0.5, float("nan"), None]},
        3,
    )
    assert (outcome.success, outcome.unexpected_count) == (False, 2)


KWARG = st.sampled_from(["column", "mostly", "value_set", "min_value", "max_value", "strict_min", "regex", "value"])
COLUMN = st.sampled_from(["title", "quotes", "boilerplate_ratio", "agencies"]) | ANY_VALUE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(expectation_types.TYPES)) | st.text(max_size=8),
    kwargs=st.dictionaries(KWARG, ANY_VALUE, max_size=4) | ANY_VALUE,
    column=COLUMN,
)
def test_any_expectation_is_decided_or_refused_in_one_line(
    kind: str, kwargs: Any, column: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A hand-edited suite is hostile input: loading it is a suite or a rules error, never a crash."""
    if isinstance(kwargs, dict):
        kwargs = {**kwargs, "column": column}
    path = tmp_path_factory.mktemp("suite") / "expectations.json"
    path.write_text(json.dumps({"expectations": [{"type": kind, "kwargs": kwargs}]}), encoding="utf-8")
    try:
        suite = load_suite(path)
    except RuleFileError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
        return
    if suite.native:
        assert run_suite(suite, [record(), record(file="b.txt")], None)["engine"] == "copydesk"
