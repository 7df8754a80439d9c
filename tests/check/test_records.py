import datetime as dt
import io
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.check import records as records_module
from copydesk.check.records import COLUMNS, parquet_bytes, parquet_pieces, parse_instant
from copydesk.run.executor import RunConfig, check_one
from copydesk.run.inputs import InputFile
from tests.conftest import ARTICLES, PROPERTY_EXAMPLES, RULES


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


def test_records_parquet_round_trips_with_its_types_and_pandas_reads_it(tmp_path: Path) -> None:
    records = [_row(name)["record"] for name in ("harbour_gazette_en.txt", "sahil_ar.txt", "all_chrome_en.txt")]
    table = pq.read_table(io.BytesIO(parquet_bytes(records)))
    assert table.column_names == list(COLUMNS)
    assert table.num_rows == 3
    assert table.schema.field("published_utc").type == pa.timestamp("us", tz="UTC")
    assert table.schema.field("agencies").type == pa.list_(pa.string())
    assert table.column("language").to_pylist()[1] == "ar"
    (tmp_path / "records.parquet").write_bytes(parquet_bytes(records))
    frame = pd.read_parquet(tmp_path / "records.parquet")  # the engine copydesk installs
    assert list(frame.columns) == list(COLUMNS) and frame["file"].tolist()[0] == "harbour_gazette_en.txt"


def _streamed(records: list[dict[str, object]], piece: int = 1 << 20) -> pa.Table:
    return pq.read_table(io.BytesIO(b"".join(parquet_pieces(records, piece))))


def test_records_parquet_is_streamed_in_row_groups_with_every_row_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records_module, "ROW_GROUP", 3)  # 7 records: three row groups
    names = ["harbour_gazette_en.txt", "sahil_ar.txt", "all_chrome_en.txt"]
    records = [dict(_row(names[number % 3])["record"], file=f"f{number}") for number in range(7)]
    data = b"".join(parquet_pieces(records, piece=64))
    assert pq.ParquetFile(io.BytesIO(data)).metadata.num_row_groups == 3
    table = pq.read_table(io.BytesIO(data))
    assert table.column("file").to_pylist() == [f"f{number}" for number in range(7)]
    assert table.schema.field("published_utc").type == pa.timestamp("us", tz="UTC")


def test_streamed_pieces_are_no_larger_than_asked() -> None:
    pieces = list(parquet_pieces([_row("harbour_gazette_en.txt")["record"]], piece=100))
    assert len(pieces) > 1 and all(len(piece) <= 100 for piece in pieces)


def test_an_empty_streamed_batch_keeps_its_columns() -> None:
    assert _streamed([]).column_names == list(COLUMNS)


def test_without_a_temp_folder_the_table_is_built_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("read-only file system")

    monkeypatch.setattr(records_module.tempfile, "TemporaryDirectory", refuse)
    records = [_row("harbour_gazette_en.txt")["record"]]
    assert b"".join(parquet_pieces(records)) == parquet_bytes(records)


def test_an_instant_past_the_last_utc_moment_is_no_instant() -> None:
    assert parse_instant("9999-12-31T23:59:59-14:00") is None  # used to raise OverflowError
    assert parse_instant("9999-12-31T10:00:00+00:00") is not None


_VALUES = {
    "str": st.none() | st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
    "int": st.none() | st.integers(-(2**63), 2**63 - 1),
    "float": st.none() | st.floats(allow_nan=False, allow_infinity=False),
    "bool": st.none() | st.booleans(),
    "datetime": st.none()
    | st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)).map(
        lambda moment: moment.replace(tzinfo=dt.UTC)
    ),
    "list": st.lists(st.text(max_size=5), max_size=3),
}
_RECORDS = st.lists(st.fixed_dictionaries({name: _VALUES[kind] for name, kind in COLUMNS.items()}), max_size=5)


@settings(max_examples=PROPERTY_EXAMPLES, deadline=None)
@given(_RECORDS)
def test_the_table_read_from_json_lines_is_the_table_of_the_values(records: list[dict[str, object]]) -> None:
    built = pa.Table.from_pylist(records, schema=records_module.arrow_schema())
    for group in records_module._row_groups(records, 8192):
        assert group.equals(built)


def test_a_float_json_cannot_hold_is_written_from_the_values() -> None:
    record = dict(_row("harbour_gazette_en.txt")["record"], encoding_confidence=float("nan"))
    table = pq.read_table(io.BytesIO(parquet_bytes([record])))
    assert math.isnan(table.column("encoding_confidence").to_pylist()[0])


def test_writing_the_records_leaves_pandas_unimported() -> None:
    # A one-file run from a hook writes records.parquet too; pandas would cost it a fifth of a second.
    script = (
        "import sys, datetime as dt\n"
        "from copydesk.check.records import COLUMNS, parquet_bytes\n"
        "record = dict.fromkeys(COLUMNS)\n"
        "record.update(file='a.txt', bytes=3, agencies=['TASS'], fetched_at=dt.datetime(2021, 1, 1, tzinfo=dt.UTC))\n"
        "assert parquet_bytes([record])\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
