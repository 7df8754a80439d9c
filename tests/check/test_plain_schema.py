"""copydesk's own reading of the common schema declarations against pandera's."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.check.plain_schema import ARGUMENTS, Plan, plan_of
from copydesk.check.schema import RecordsSchema, load_records_schema, record_findings, validate_records
from copydesk.rules.errors import RuleFileError
from tests.check.test_schema import record
from tests.check.values import ANY_VALUE, maybe

pytest.importorskip("pandera")

STRINGS = {"sha256": ["a", "b", "ab"], "language": ["en", "ar", "fr", ""], "source": ["tass", "ap", "x"]}
INTS = ("replacement_chars", "quotes")
INSTANTS = [dt.datetime(2024, 1, day, tzinfo=dt.UTC) for day in (1, 2, 3)]


ROW = st.fixed_dictionaries(
    {
        **{name: maybe(st.sampled_from(values)) for name, values in STRINGS.items()},
        **{name: maybe(st.integers(0, 12)) for name in INTS},
        "boilerplate_ratio": maybe(st.sampled_from([0.0, 0.25, 0.5, 0.95, 1.0])),
        "title": maybe(st.sampled_from(["A", "Ab", "a b.", ""])),
        "republished": maybe(st.booleans()),
        "published_utc": maybe(st.sampled_from(INSTANTS)),
        "fetched_at": maybe(st.sampled_from(INSTANTS)),
    }
)
NUMBER = st.one_of(st.integers(0, 12), st.sampled_from([0.0, 0.25, 0.5, 0.95]))


@st.composite
def string_checks(draw: st.DrawFn, column: str) -> dict[str, Any]:
    values = STRINGS.get(column, ["A", "Ab", ""])
    options: dict[str, Any] = {
        "isin": st.lists(st.sampled_from(values), min_size=1, max_size=3),
        "notin": st.fixed_dictionaries({"forbidden_values": st.lists(st.sampled_from(values), min_size=1)}),
        "str_matches": st.sampled_from(["^a", "b", "^$", "[A-Z]"]),
        "str_contains": st.fixed_dictionaries({"pattern": st.sampled_from(["b", "^a", r"\."])}),
        "str_startswith": st.sampled_from(["a", "A", "t"]),
        "str_endswith": st.fixed_dictionaries({"value": st.sampled_from(["b", "s", ""])}),
        "str_length": st.fixed_dictionaries(
            {"min_value": st.integers(0, 2)}, optional={"max_value": st.integers(2, 4)}
        ),
        "equal_to": st.sampled_from(values),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(options)), max_size=3, unique=True))
    return {name: draw(options[name]) for name in chosen}


@st.composite
def number_checks(draw: st.DrawFn, column: str) -> dict[str, Any]:
    low = draw(NUMBER)
    high = draw(NUMBER.filter(lambda n: n > low)) if low < 12 else 13  # pandera refuses an empty interval
    options: dict[str, Any] = {
        "in_range": st.just({"min_value": low, "max_value": high})
        | st.fixed_dictionaries(
            {"min_value": st.just(low), "max_value": st.just(high), "include_min": st.booleans()},
            optional={"include_max": st.booleans()},
        ),
        "greater_than": NUMBER,
        "greater_than_or_equal_to": st.fixed_dictionaries({"min_value": NUMBER}),
        "less_than": NUMBER,
        "less_than_or_equal_to": NUMBER,
        "not_equal_to": NUMBER,
    }
    if column in INTS:
        options["isin"] = st.lists(st.integers(0, 12), min_size=1, max_size=3)
    chosen = draw(st.lists(st.sampled_from(sorted(options)), max_size=3, unique=True))
    return {name: draw(options[name]) for name in chosen}


# The first of each: the dtype the column has, which needs no coercion.
DTYPES = {
    **dict.fromkeys(STRINGS, ("string", "str")),
    "title": ("string", "str"),
    **dict.fromkeys(INTS, ("Int64",)),
    "boilerplate_ratio": ("Float64", "float", "float64"),
    "republished": ("boolean",),
}


@st.composite
def schemas(draw: st.DrawFn) -> dict[str, Any]:
    coerce = draw(st.booleans())
    columns = {}
    for name in draw(st.lists(st.sampled_from(sorted(DTYPES)), min_size=1, max_size=4, unique=True)):
        stats: dict[str, Any] = {"nullable": draw(st.booleans())}
        if draw(st.booleans()):
            stats["unique"] = True
        dtypes = DTYPES[name] if coerce else DTYPES[name][:1]
        if draw(st.booleans()):
            stats["dtype"] = draw(st.sampled_from(dtypes))
        checks = (
            draw(string_checks(name))
            if name in STRINGS or name == "title"
            else draw(number_checks(name))
            if name in (*INTS, "boilerplate_ratio")
            else {}
        )
        if checks:
            stats["checks"] = checks
        columns[name] = stats
    frame: dict[str, Any] = {}
    if draw(st.booleans()):
        frame["not_after"] = {"column": "published_utc", "limit": "fetched_at"}
    if draw(st.booleans()):
        frame["required_per_source"] = {"required": {"tass": ["language", "quotes"], "ap": ["title"]}}
    schema: dict[str, Any] = {"schema_type": "dataframe", "columns": columns, "coerce": coerce}
    if frame:
        schema["checks"] = frame
    return schema


def _pandera(schema: dict[str, Any]) -> Any:
    from pandera.io import pandas_io

    from copydesk.check import schema_checks

    schema_checks.register()
    return pandas_io.from_yaml(yaml.safe_dump(schema))


def tables(test: Callable[..., None]) -> Callable[..., None]:
    """A property over random schemas and tables of records."""
    wide = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    return wide(given(schema=schemas(), rows=st.lists(ROW, min_size=1, max_size=6))(test))


def plan_and_records(schema: dict[str, Any], rows: list[dict[str, Any]]) -> tuple[Plan, list[dict[str, Any]]]:
    plan = plan_of(schema)
    assert plan is not None
    return plan, [record(file=f"{n}.txt", **row) for n, row in enumerate(rows)]


@tables
def test_copydesk_reads_the_common_declarations_as_pandera_does(
    schema: dict[str, Any], rows: list[dict[str, Any]]
) -> None:
    plan, records = plan_and_records(schema, rows)
    ours = validate_records(RecordsSchema(Path("s.yaml"), plan=plan), records)
    theirs = validate_records(RecordsSchema(Path("s.yaml"), schema=_pandera(schema)), records)
    assert ours == theirs


@tables
def test_each_record_alone_and_then_uniqueness_find_what_the_whole_table_does(
    schema: dict[str, Any], rows: list[dict[str, Any]]
) -> None:
    """The split the workers rely on: nothing found twice, nothing lost."""
    plan, records = plan_and_records(schema, rows)
    whole = RecordsSchema(Path("s.yaml"), plan=plan)
    by_row, table = validate_records(whole, records, across_only=True)
    for position, one in enumerate(records):
        by_row.setdefault(position, []).extend(record_findings(plan, one))
    split = {row: sorted(found, key=lambda f: (f.rule, f.message)) for row, found in by_row.items() if found}
    assert (split, table) == validate_records(whole, records)
    assert all(not f.rule.endswith("field_uniqueness") for one in records for f in record_findings(plan, one))


@pytest.mark.parametrize(
    "schema",
    [
        {"columns": {"sha256": {"checks": {"str_matches": {"value": "^a", "options": {"ignore_na": False}}}}}},
        {"columns": {"sha256": {"checks": {"unique_values_eq": ["a"]}}}},
        {"columns": {"sha256": {"regex": True}}},
        {"columns": {"quotes": {"dtype": "int64"}}, "coerce": True},  # a missing value cannot be an int64
        {"columns": {"quotes": {"dtype": "float"}}},
        {"columns": {"published_utc": {"dtype": "datetime64[ns, UTC]"}}},
        {"columns": {"title": {"checks": {"in_range": {"min_value": "a", "max_value": "z"}}}}},
        {"columns": {"quotes": {"checks": {"in_range": {"min_value": 5, "max_value": 1}}}}},
        {"columns": {"quotes": {"checks": {"isin": [True]}}}},
        {"columns": {"quotes": {"checks": {"str_length": 3}}}},
        {"columns": {"title": {"checks": {"str_matches": "("}}}},
        {"columns": {"agencies": {"unique": True}}},
        {"columns": {"sha256": {"nullable": True}}, "strict": True},
        {"columns": {"sha256": {"nullable": True}}, "unique": ["sha256", "file"]},
        {"columns": {"sha256": {"nullable": True}}, "index": [{"dtype": "int64"}]},
        {
            "columns": {"sha256": {"nullable": True}},
            "checks": {"not_after": {"column": "title", "limit": "fetched_at"}},
        },
        {"columns": {"sha256": {"nullable": True}, "headline": {}}},
        {"columns": {"sha256": {"nullable": True}}, "future_key": 1},
    ],
)
def test_what_it_does_not_read_is_left_to_pandera(schema: dict[str, Any]) -> None:
    assert plan_of(schema) is None


CHECK_NAME = st.sampled_from(sorted(ARGUMENTS)) | st.sampled_from(["not_after", "required_per_source", "x"])
COLUMN_STATS = st.dictionaries(
    st.sampled_from(["dtype", "nullable", "unique", "coerce", "checks", "regex", "required"]),
    st.dictionaries(CHECK_NAME, ANY_VALUE, max_size=2) | ANY_VALUE,
    max_size=4,
)


FRAME_CHECKS = st.dictionaries(
    st.sampled_from(["not_after", "required_per_source"]),
    ANY_VALUE
    | st.fixed_dictionaries({"column": ANY_VALUE | st.just("published_utc"), "limit": ANY_VALUE})
    | st.fixed_dictionaries({"required": st.dictionaries(st.text(max_size=4), ANY_VALUE, max_size=2)}),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frame=FRAME_CHECKS, column=COLUMN_STATS)
def test_any_declaration_is_read_or_left_to_pandera(frame: Any, column: Any) -> None:
    """Whatever a declaration holds, reading it gives a plan or None (pandera decides), never an error."""
    plan_of({"columns": {"title": column}, "checks": frame})
    plan_of({"checks": frame})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    columns=st.dictionaries(st.sampled_from(["title", "quotes", "boilerplate_ratio", "agencies"]), COLUMN_STATS)
    | ANY_VALUE,
    frame=FRAME_CHECKS | ANY_VALUE,
    coerce=ANY_VALUE,
)
def test_any_schema_is_read_or_refused_in_one_line(
    columns: Any, frame: Any, coerce: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A hand-edited schema is hostile input: loading it is a schema or a rules error, never a crash."""
    path = tmp_path_factory.mktemp("schema") / "records.schema.yaml"
    path.write_text(yaml.safe_dump({"columns": columns, "checks": frame, "coerce": coerce}), encoding="utf-8")
    try:
        schema = load_records_schema(path)
    except RuleFileError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
        return
    if schema.plan is not None:
        validate_records(schema, [record(), record(file="b.txt", quotes=None, title=None)])
