"""``copydesk check -``: JSONL in, JSONL reports out, for use inside other pipelines.

Each input line is an object ``{"path", "text" | "bytes_b64", url, source, fetched_at,
language, license}``; each output line is that record's per-file report (the same JSON
as ``DIR/files/*.report.json``). Nothing is held: a record is checked and its report
written before the next line is read. A line that is not a valid record is reported on
stderr with its line number and becomes a failed report, and the stream goes on.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from copydesk.decode.input import DecodeOutcome
from copydesk.model import Analysis, Finding, fails
from copydesk.pipeline import analyse_data
from copydesk.reports.json_report import build_report
from copydesk.rules import compiled
from copydesk.rules.errors import RuleFileError
from copydesk.rules.manifest import COLUMNS, ManifestEntry, declared_values
from copydesk.rules.ruleset import RuleSet
from copydesk.run.executor import provenance_of
from copydesk.text.controls import escaped

STDIN = "<stdin>"
FIELDS = frozenset(COLUMNS) | {"text", "bytes_b64"}


class BadRecord(ValueError):
    """A stream line that cannot be checked; the message says why."""


@dataclass(frozen=True, slots=True)
class StreamResult:
    records: int = 0
    failed: int = 0


def parse_record(number: int, line: str) -> tuple[str, bytes, ManifestEntry]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"invalid JSON: {exc.msg}") from exc
    if not isinstance(row, dict):
        raise BadRecord("each line must be a JSON object")
    for key, value in row.items():
        _check_unicode("a field name", key)
        if key != "text":  # the text is encoded below, once
            _check_unicode(key, value)
    unknown = sorted(set(row) - FIELDS)
    if unknown:
        raise BadRecord(f"unknown field(s) {', '.join(unknown)}")
    path = row.get("path")
    if not isinstance(path, str) or not path.strip():
        raise BadRecord("path is required")
    if ("text" in row) == ("bytes_b64" in row):
        raise BadRecord("give exactly one of text and bytes_b64")
    if "text" in row:
        if not isinstance(row["text"], str):
            raise BadRecord("text must be a string")
        data = _encoded("text", row["text"])
    else:
        try:
            data = base64.b64decode(str(row["bytes_b64"]), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise BadRecord("bytes_b64 is not valid base64") from exc
    try:
        values: dict[str, Any] = declared_values(STDIN, number, row)  # url, source, fetched_at, …
    except RuleFileError as exc:
        raise BadRecord(exc.reason) from exc
    return path, data, ManifestEntry(path=Path(path), line=number, **values)


def _check_unicode(key: str, value: Any) -> None:
    if isinstance(value, str):
        _encoded(key, value)


def _encoded(key: str, value: str) -> bytes:
    """The value as UTF-8. JSON can spell a lone surrogate ("\\ud800"), which is no Unicode
    text: such a string can be neither checked nor written back out, so the record is refused."""
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as exc:
        where = f"{key} holds a lone surrogate at character {exc.start}"
        raise BadRecord(f"{where}: not Unicode text (send undecodable text as bytes_b64)") from exc


def _unchecked(name: str, finding: Finding, data: bytes | None = None) -> Analysis:
    """An analysis of a record that was not checked: only the finding that says why."""
    outcome = DecodeOutcome(path=Path(name))
    if data is not None:
        outcome.sha256, outcome.size = hashlib.sha256(data).hexdigest(), len(data)
    return Analysis(path=Path(name), name=name, outcome=outcome, findings=[finding])


@dataclass(frozen=True, slots=True)
class Oversized:
    """A stream line longer than any record under the size limit can be, read past unkept."""

    size: int


def read_records(stream: BinaryIO, max_bytes: int) -> Iterator[str | Oversized]:
    """The stream's lines, none held whole past what a record under ``max_bytes`` can take
    (its text as JSON escapes or base64, and the declared fields): a 100 MB line costs a
    chunk at a time, not 400 MB."""
    limit = 6 * max_bytes + (1 << 16)  # \uXXXX escapes can write a byte as six characters
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line.decode("utf-8", errors="replace")
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
            size += len(line)
        yield Oversized(size)


def check_stream(
    lines: Iterable[str | Oversized], rules: RuleSet, fail_on: str, out: TextIO, err: TextIO, max_bytes: int
) -> StreamResult:
    records = failed = 0
    for number, line in enumerate(lines, start=1):
        if not isinstance(line, Oversized) and not line.strip():
            continue
        records += 1
        try:
            if isinstance(line, Oversized):
                raise BadRecord(f"a line of {line.size:,} bytes, longer than any record under the size limit; not read")
            name, data, entry = parse_record(number, line)
        except BadRecord as exc:
            err.write(escaped(f"copydesk: {STDIN}:{number}: {exc}") + "\n")  # a field name is data
            bad = _unchecked(f"{STDIN}:{number}", Finding("stream.bad_record", "error", str(exc)))
            out.write(json.dumps(build_report(bad, None), ensure_ascii=False) + "\n")
            failed += 1
            continue
        if len(data) > max_bytes:
            message = f"record is {len(data):,} bytes, over the {max_bytes:,}-byte limit; not checked"
            analysis = _unchecked(name, Finding("input.too_large", "error", message), data)
        else:
            analysis = analyse_data(data, name, rules, entry)
            compiled.persist()  # after the first record, what it compiled is there for the next run
        report = build_report(analysis, provenance_of(analysis, rules.digest))
        out.write(json.dumps(report, ensure_ascii=False) + "\n")
        out.flush()
        if fails(analysis.findings, fail_on):
            failed += 1
    return StreamResult(records, failed)
