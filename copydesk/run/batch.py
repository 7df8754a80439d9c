"""Batch steps: what can only be checked once every file's record is known.

They run after the per-file steps, over the records table: the declared records schema
(pandera), the batch expectations (great-expectations), then the batch outputs
(``records.parquet``, ``index.html``). A schema failure is a finding on the file it
concerns: that file is checked again with it, so its report, page and verdict agree.
When copydesk decides the schema itself, the workers already checked each record's own
declarations; only uniqueness is left here, and only the files it flags are checked again.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.check.records import parquet_pieces
from copydesk.io import write_atomic
from copydesk.model import Finding
from copydesk.reports.junit import junit_xml
from copydesk.run.executor import (
    Mapper,
    RunConfig,
    RunResult,
    check_one,
    checks_records,
    emit,
    engine_map,
    summary_entries,
    summary_json,
)

if TYPE_CHECKING:
    from copydesk.check.expectations import Suite
    from copydesk.check.schema import RecordsSchema


def records(result: RunResult, names: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """The records, in name order, read one at a time; ``names`` gathers the files' names as they go."""
    for row in result.files:
        if names is not None:
            names.append(row["name"])
        yield row["record"]


def recheck(
    result: RunResult,
    config: RunConfig,
    findings: dict[str, list[Finding]],
    stale: frozenset[str] = frozenset(),
    mapper: Mapper | None = None,
    jobs: int = 1,
) -> None:
    """Check the named files again with their batch findings (``stale``: with none), replacing their rows.

    With ``jobs`` workers when there are enough files to keep them busy: a batch check that
    flags a twentieth of a large run would otherwise re-check those files on one core.
    """
    wanted = {name for name, found in findings.items() if found} | stale
    if not wanted:
        return
    inputs = result.inputs_named(wanted)
    calls = [
        (item, config, repeated, tuple(findings.get(name) or ())) for name, (item, repeated) in sorted(inputs.items())
    ]
    workers = jobs if len(calls) >= RECHECK_PER_WORKER * jobs else 1
    for row in engine_map(mapper, workers)(check_one, calls, len(calls)):
        result.add(row)


# Files a worker must have to re-check before a pool is worth starting: a new worker's
# first file (its lazy imports, its caches filled) costs what 15 to 30 files after it do.
RECHECK_PER_WORKER = 16


def apply_schema(
    result: RunResult, config: RunConfig, schema: RecordsSchema, mapper: Mapper | None = None, jobs: int = 1
) -> None:
    from copydesk.check.schema import validate_records

    started = time.perf_counter()
    names: list[str] = []
    across_only = config.schema == schema.path and checks_records(config)  # the workers checked each record
    by_row, table_failures = validate_records(schema, records(result, names), across_only)
    found = {names[position]: findings for position, findings in by_row.items()}
    result.batch_flagged |= set(found)
    # A reused file whose last report carried batch findings that no longer hold is written again.
    recheck(result, config, found, frozenset(result.had_batch - set(found)), mapper, jobs)
    result.batch_failures += [{"rule": "schema", "message": message} for message in table_failures]
    result.elapsed += time.perf_counter() - started


def apply_expectations(result: RunResult, suite: Suite, out: Path | None) -> None:
    """Run the suite over the records; ``out``: the output folder when GX's Data Docs go under it."""
    from copydesk.check.expectations import failures, run_suite

    started = time.perf_counter()
    try:
        result.expectations = run_suite(suite, records(result), out / "gx" if out is not None else None)
    except Exception as exc:  # a suite GX accepted but cannot run over these records
        message = f"{suite.path}: the suite could not run: {type(exc).__name__}: {exc}".splitlines()[0]
        result.batch_failures.append({"rule": "expectations", "message": message})
        return
    result.batch_failures += [{"rule": "expectations", "message": line} for line in failures(result.expectations)]
    result.elapsed += time.perf_counter() - started


def junit_of(result: RunResult, summary: dict[str, Any]) -> Iterator[str]:
    """The run's JUnit XML, in pieces as the rows are read."""
    counts = summary["counts"]
    return junit_xml(result.files, result.elapsed, counts["files"], counts["failed_gate"], result.batch_failures)


STALE_NOTE = (
    "A later run into this folder started on {started} and has not finished: the per-file reports"
    " may be newer than this summary. It is replaced when a run completes."
)
_BODY = re.compile(rb"<body[^>]*>", re.IGNORECASE)


def mark_stale(out: Path, started: str) -> None:
    """Before a run writes any file's outputs into a folder that holds an earlier run's
    summary and index, say in both that they no longer describe the folder: a run stopped
    halfway leaves newer reports beside them. The run's own summary and index, written last,
    replace them."""
    summary, index = out / "summary.json", out / "index.html"
    note = STALE_NOTE.format(started=started)
    if summary.is_file():
        try:
            data = json.loads(summary.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and "stale" not in data:
            write_atomic(summary, json.dumps({"stale": note, **data}, ensure_ascii=False, indent=1) + "\n")
    if index.is_file():
        page = index.read_bytes()
        found = _BODY.search(page)
        if found and b'class="stale"' not in page:
            banner = f'<p class="stale"><strong>Stale:</strong> {escape(note)}</p>'.encode()
            write_atomic(index, page[: found.end()] + banner + page[found.end() :])


def write_batch_outputs(result: RunResult, summary: dict[str, Any], config: RunConfig) -> None:
    """records.parquet, index.html, summary.json and junit.xml, beside the per-file outputs.

    Each is written as it is read from the row store: a run of any size holds one row at a
    time, and the parquet file one row group at a time.
    """
    from copydesk.reports.html import index_page

    run = {"tool": summary["tool"], "rules": summary["rules"], "started": result.started.isoformat()}
    emit(config, "records.parquet", parquet_pieces(records(result), run=run))
    emit(config, "index.html", index_page(summary, result.files, pages=config.html))
    emit(config, "summary.json", itertools.chain(summary_json(summary, summary_entries(result)), ["\n"]))
    emit(config, "junit.xml", junit_of(result, summary))
