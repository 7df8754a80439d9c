"""The article record: one flat row per file, the table batch checks and users query.

A per-file report is nested and complete; the record is its flat summary with one
column per fact a schema or an expectation can speak about. Built in the worker from
the report (plain Python, no table library), so a run holds a few hundred bytes per
file; the table itself (Arrow for ``records.parquet``, pandas for the batch checks) is built
only when a batch step needs it.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import math
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

# Column name -> type name; the order is the table's.
COLUMNS: dict[str, str] = {
    "file": "str",
    "sha256": "str",
    "bytes": "int",
    "verdict": "str",
    "source": "str",
    "publisher": "str",
    "host": "str",
    "matched_by": "str",
    "url": "str",
    "license": "str",
    "language": "str",
    "codec": "str",
    "encoding_confidence": "float",
    "repairs": "int",
    "replacement_chars": "int",
    "title": "str",
    "author": "str",
    "published": "str",
    "published_precision": "str",
    "published_utc": "datetime",
    "fetched_at": "datetime",
    "dateline": "str",
    "dateline_place": "str",
    "dateline_agency": "str",
    "agencies": "list",
    "republished": "bool",
    "quotes": "int",
    "quotes_attributed": "int",
    "lines": "int",
    "removed_lines": "int",
    "boilerplate_ratio": "float",
    "body_chars": "int",
    "errors": "int",
    "warnings": "int",
}


def is_missing(value: Any) -> bool:
    """A record value that says nothing: None, or a float that is not a number (pandas' NA)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def is_number(value: Any) -> bool:
    """A number as a table compares it: an int or a float, not a bool (a Python int), not NaN."""
    return isinstance(value, int | float) and not isinstance(value, bool) and not is_missing(value)


def parse_instant(value: str | None) -> dt.datetime | None:
    """The earliest UTC instant an ISO value can mean: a date is its first second, in UTC.

    ``published`` is as precise as its evidence ("2021-07", "2021-07-09", or a time with an
    offset); comparing the earliest instant with ``fetched_at`` flags only what is after the
    fetch whatever the missing part was. A time without an offset is read as UTC.
    """
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 4:
            parsed = dt.datetime(int(text), 1, 1)
        elif len(text) == 7:
            parsed = dt.datetime(int(text[:4]), int(text[5:7]), 1)
        else:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    try:
        return parsed.astimezone(dt.UTC)
    except OverflowError:  # 9999-12-31T23:59-14:00 is past the last representable moment in UTC
        return None


def _count(findings: Sequence[dict[str, Any]], severity: str) -> int:
    return sum(1 for finding in findings if finding["severity"] == severity)


def record_of(report: dict[str, Any], lines: int, body_chars: int) -> dict[str, Any]:
    """The flat record of one per-file report."""
    article = report["article"]
    source = report["source"]
    declared = source.get("declared") or {}
    dateline = article.get("dateline") or {}
    quotes = article.get("quotes") or []
    removed = report["boilerplate"]["removed"]
    findings = report["findings"]
    return {
        "file": report["file"],
        "sha256": report["sha256"],
        "bytes": report["bytes"],
        "verdict": report["verdict"],
        "source": source["id"],
        "publisher": source["publisher"],
        "host": source["host"],
        "matched_by": source["matched_by"],
        "url": declared.get("url"),
        "license": declared.get("license"),
        "language": report["language"],
        "codec": report["encoding"]["codec"],
        "encoding_confidence": report["encoding"]["confidence"],
        "repairs": len(report["encoding"]["repairs"]),
        "replacement_chars": report["encoding"]["replacement_chars"],
        "title": article["title"],
        "author": article["author"],
        "published": article["published"],
        "published_precision": article["published_precision"],
        "published_utc": parse_instant(article["published"]),
        "fetched_at": parse_instant(declared.get("fetched_at")),
        "dateline": dateline.get("text"),
        "dateline_place": dateline.get("place"),
        "dateline_agency": dateline.get("agency"),
        "agencies": list(article.get("agencies") or []),
        "republished": any(f["rule"] == "attribution.republished" for f in findings),
        "quotes": len(quotes),
        "quotes_attributed": sum(1 for quote in quotes if quote.get("speaker")),
        "lines": lines,
        "removed_lines": sum(run["end_line"] - run["start_line"] + 1 for run in removed),
        "boilerplate_ratio": report["boilerplate"]["ratio"],
        "body_chars": body_chars,
        "errors": _count(findings, "error"),
        "warnings": _count(findings, "warning"),
    }


def arrow_schema() -> Any:
    import pyarrow as pa

    types: dict[str, Any] = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "datetime": pa.timestamp("us", tz="UTC"),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS.items()])


def _row_groups(records: Iterable[dict[str, Any]], size: int) -> Iterator[Any]:
    """The records as Arrow tables of ``size`` rows, with the fixed schema.

    Gathered column by column: a record's values, not the record, are held until its
    group is built (a dictionary per row costs twice the table's memory). The group is
    read by Arrow's JSON reader from its rows as JSON lines: Arrow building arrays from
    Python values imports pandas to ask whether they are pandas objects, a fifth of a
    second a one-file run from a pre-commit hook would pay for nothing. A group holding a
    float JSON cannot write (NaN, infinity) is built from the values instead.
    """
    import pyarrow as pa
    import pyarrow.json as pj

    schema = arrow_schema()
    parse = pj.ParseOptions(explicit_schema=schema)
    rows = iter(records)
    while True:
        columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
        for record in itertools.islice(rows, size):
            for name, values in columns.items():
                values.append(record.get(name))
        if not columns["file"]:
            return
        try:
            data = _json_lines(columns)
        except ValueError:
            yield pa.table(columns, schema=schema)
            continue
        read = pj.ReadOptions(use_threads=False, block_size=max(len(data), 1 << 16))
        yield pj.read_json(io.BytesIO(data), read_options=read, parse_options=parse)


def _json_lines(columns: dict[str, list[Any]]) -> bytes:
    """The gathered rows as JSON lines, instants in ISO form; ValueError on a float JSON has no form for."""
    names = list(columns)
    instants = [name for name, kind in COLUMNS.items() if kind == "datetime"]
    lines = []
    for values in zip(*columns.values(), strict=True):
        row = dict(zip(names, values, strict=True))
        for name in instants:
            if row[name] is not None:
                row[name] = row[name].isoformat()
        lines.append(json.dumps(row, ensure_ascii=False, allow_nan=False))
    return "\n".join(lines).encode("utf-8")


ROW_GROUP = 8192  # rows per row group of records.parquet: what the writer holds at a time


def _write_parquet(records: Iterable[dict[str, Any]], sink: Any, run: dict[str, Any] | None = None) -> None:
    """Write the records to ``sink`` (a path or a binary file) one row group at a time.

    pyarrow writes the file pandas, polars, DuckDB and Spark read; the run's identity
    (tool version, rules digest, line model, start) is key-value metadata in the footer,
    under ``copydesk.run``, so a table read alone still says what produced it.
    """
    import pyarrow.parquet as pq

    schema = arrow_schema()
    if run:
        schema = schema.with_metadata({RUN_KEY: json.dumps(run, sort_keys=True, default=str)})
    with pq.ParquetWriter(sink, schema) as writer:
        for group in _row_groups(records, ROW_GROUP):
            writer.write_table(group, row_group_size=ROW_GROUP)


RUN_KEY = "copydesk.run"


def parquet_pieces(
    records: Iterable[dict[str, Any]], piece: int = 1 << 20, run: dict[str, Any] | None = None
) -> Iterator[bytes]:
    """``records.parquet`` in pieces of ``piece`` bytes, holding one row group at a time.

    The file is written to a temp file first (a table of every record grows with the run,
    ~1.3 KB a row); without a writable temp folder it is built in memory, so the run still
    works.
    """
    try:
        folder = tempfile.TemporaryDirectory(prefix="copydesk-parquet-")
    except OSError:
        yield parquet_bytes(records, run)
        return
    with folder as name:
        joined = Path(name) / "records.parquet"
        _write_parquet(records, str(joined), run)
        with open(joined, "rb") as handle:
            yield from iter(lambda: handle.read(piece), b"")


def pandas_frame(records: Iterable[dict[str, Any]]) -> Any:
    """The records as a pandas DataFrame, the table pandera and great-expectations validate.

    Built column by column as the records are read (no pyarrow round trip), so a run holds
    the table, not every record as a dictionary as well; nullable integer and boolean
    columns keep their type when some files have no value.
    """
    import pandas as pd

    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for record in records:
        for name, values in columns.items():
            values.append(record.get(name))
    frame = pd.DataFrame(columns)
    for name, kind in COLUMNS.items():
        if kind == "int":
            frame[name] = frame[name].astype("Int64")
        elif kind == "float":
            frame[name] = frame[name].astype("Float64")
        elif kind == "bool":
            frame[name] = frame[name].astype("boolean")
        elif kind == "datetime":
            frame[name] = pd.to_datetime(frame[name], utc=True)
        elif kind == "str":
            frame[name] = frame[name].astype("string")
    return frame


def parquet_bytes(records: Iterable[dict[str, Any]], run: dict[str, Any] | None = None) -> bytes:
    """``records.parquet`` as bytes, so the caller can write it atomically."""
    buffer = io.BytesIO()
    _write_parquet(records, buffer, run)
    return buffer.getvalue()
