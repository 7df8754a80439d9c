import datetime as dt
import io
from pathlib import Path

import polars as pl

from copydesk.discover import InputFile
from copydesk.executor import RunConfig, check_one
from copydesk.records import COLUMNS, parquet_bytes, parse_instant, polars_frame
from tests.conftest import ARTICLES, RULES


def test_instants_are_the_earliest_utc_moment_a_value_can_mean() -> None:
    assert parse_instant("2021-05-24T23:06:00+05:00") == dt.datetime(2021, 5, 24, 18, 6, tzinfo=dt.UTC)
    assert parse_instant("2021-07-09") == dt.datetime(2021, 7, 9, tzinfo=dt.UTC)
    assert parse_instant("2021-07") == dt.datetime(2021, 7, 1, tzinfo=dt.UTC)
    assert parse_instant("2021") == dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    assert parse_instant("2021-07-09T10:00:00Z") == dt.datetime(2021, 7, 9, 10, tzinfo=dt.UTC)
    assert parse_instant("yesterday") is None
    assert parse_instant(None) is None


def _row(name: str) -> dict[str, object]:
    item = InputFile(ARTICLES / name, name)
    return check_one(item, RunConfig(RULES, (), None))


def test_a_record_has_every_column_and_counts_what_the_report_holds() -> None:
    row = _row("harbour_gazette_en.txt")
    record = row["record"]
    assert isinstance(record, dict)
    assert list(record) == list(COLUMNS)
    assert record["file"] == "harbour_gazette_en.txt" and record["language"] == "en"
    assert record["lines"] > record["removed_lines"] > 0
    assert 0 < record["boilerplate_ratio"] < 1
    assert record["body_chars"] > 200


def test_records_parquet_round_trips_with_its_types(tmp_path: Path) -> None:
    records = [_row(name)["record"] for name in ("harbour_gazette_en.txt", "sahil_ar.txt", "all_chrome_en.txt")]
    frame = pl.read_parquet(io.BytesIO(parquet_bytes(records)))  # type: ignore[arg-type]
    assert frame.columns == list(COLUMNS)
    assert frame.height == 3
    assert frame.schema["published_utc"] == pl.Datetime("us", "UTC")
    assert frame.schema["agencies"] == pl.List(pl.String)
    assert frame["language"].to_list()[1] == "ar"


def test_an_empty_batch_keeps_its_columns() -> None:
    assert polars_frame([]).columns == list(COLUMNS)
