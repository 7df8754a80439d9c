"""``copydesk check``: options and the project's configuration become a plan; the runner does the rest."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from copydesk.check.expectations import SUITE_NAME
from copydesk.check.schema import SCHEMA_NAME
from copydesk.cli.common import (
    EXIT_CODES,
    declared_file,
    default_manifests,
    default_rules,
    die,
    manifest_option,
    project,
    rules_line,
    rules_option,
    say,
)
from copydesk.io import DEFAULT_MAX_BYTES, is_url, os_problem
from copydesk.rules.errors import RuleFileError
from copydesk.run.executor import RunConfig, RunResult, summary_entries, summary_json
from copydesk.run.runner import CannotRun, CheckPlan, execute, no_progress
from copydesk.run.selection import DEFAULT_INCLUDE, Selection

MAX_MISSING_SHOWN = 10


@click.command(epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=str)
@click.option("--out", type=str, default=None, help="Write reports under this folder (a path or an fsspec URL).")
@rules_option
@manifest_option
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "never"]), default=None, help="What fails the gate [error]."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--junit", type=click.Path(path_type=Path), default=None, help="Also write JUnit XML here.")
@click.option(
    "--prov", type=click.Path(path_type=Path), default=None, help="Also write one PROV-JSON bundle for the run."
)
@click.option(
    "--schema",
    type=click.Path(path_type=Path),
    default=None,
    help=f"Records schema in pandera's YAML. Default: RULES/{SCHEMA_NAME} when it exists.",
)
@click.option(
    "--expectations",
    type=click.Path(path_type=Path),
    default=None,
    help=f"great-expectations suite (JSON) run over the records. Default: RULES/{SUITE_NAME} when it exists.",
)
@click.option(
    "--suite/--no-suite",
    default=None,
    help="Run the declared expectation suite [on]; --no-suite says so and leaves it out.",
)
@click.option(
    "--data-docs/--no-data-docs",
    default=None,
    help="Run the suite in great-expectations and write its Data Docs to OUT/gx/ [off].",
)
@click.option("--include", multiple=True, help="Glob of the files a folder's walk checks (repeatable) [*.txt].")
@click.option("--exclude", multiple=True, help="Glob of files or folders a walk leaves out (repeatable).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [1].")
@click.option(
    "--corpus/--no-corpus",
    default=True,
    show_default=True,
    help="Treat lines repeated across half a source's files (4 files at least) as chrome.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help=f"Larger files fail unread, which bounds memory per worker [{DEFAULT_MAX_BYTES}].",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="With --out, skip files unchanged since the last run there (same bytes, rules, version, manifest entry).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the per-file steps run: this machine's processes, or a Dask cluster (copydesk[dask]).",
)
@click.option("--scheduler", default=None, help="Dask scheduler address; without it a local cluster of -j workers.")
@click.option(
    "--pages/--no-pages",
    default=True,
    show_default=True,
    help="Write each file's HTML page (files/NAME.html); without, the index links to the JSON reports.",
)
@click.option("-q", "--quiet", count=True, help="Only the result line (-qq: nothing but errors).")
@click.option("-v", "--verbose", count=True, help="Also passing files and info findings.")
def check(
    paths: tuple[str, ...],
    out: str | None,
    rules: Path | None,
    manifest: Path | None,
    fail_on: str | None,
    fmt: str,
    junit: Path | None,
    prov: Path | None,
    schema: Path | None,
    expectations: Path | None,
    suite: bool | None,
    data_docs: bool | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jobs: int | None,
    corpus: bool,
    max_bytes: int | None,
    cache: bool,
    engine: str,
    scheduler: str | None,
    pages: bool,
    quiet: int,
    verbose: int,
) -> None:
    """Check scraped news files and write per-file and batch reports.

    PATHS are files, folders, globs, fsspec URLs (s3://bucket/crawl, memory://...), or '-'
    for a JSONL stream on stdin. A folder's walk checks *.txt files (--include widens it)
    and leaves out what .gitignore ignores inside a git work tree; a file named directly
    is always checked.
    """
    settings = project()
    rules = default_rules(rules, settings)
    fail_on = fail_on or settings.fail_on or "error"
    max_bytes = max_bytes or settings.max_bytes or DEFAULT_MAX_BYTES
    out = out if out is not None else settings.out
    verbosity = verbose - quiet
    if "-" in paths:
        if len(paths) > 1 or out is not None or junit is not None or prov is not None:
            die("'-' reads a JSONL stream from stdin: give it alone, without --out, --junit or --prov")
        _check_stream(rules, fail_on, max_bytes)
    local_out = Path(out) if out is not None and not is_url(out) else None
    manifests = default_manifests(manifest, tuple(Path(p) for p in paths if not is_url(p)))
    config = RunConfig(
        rules,
        manifests,
        local_out,
        fail_on,
        max_bytes,
        corpus,
        prov is not None,
        pages,
        out if out is not None and is_url(out) else None,
        declared_file(schema, rules, SCHEMA_NAME),
    )
    skip = {(local_out / name).resolve() for name in ("", "files", "gx")} if local_out else set()
    if rules is not None:
        skip.add(rules.resolve())
    suite_path = declared_file(expectations, rules, SUITE_NAME)
    if suite_path is not None and not (suite if suite is not None else settings.suite is not False):
        say(f"copydesk: expectation suite {suite_path} not run (--no-suite or suite = false)", err=True)
        suite_path = None
    plan = CheckPlan(
        paths=paths,
        config=config,
        selection=Selection(include or settings.include or DEFAULT_INCLUDE, exclude or settings.exclude),
        skip=frozenset(skip),
        jobs=jobs or settings.jobs or 1,
        cache=cache,
        engine=engine,
        scheduler=scheduler,
        suite=suite_path,
        data_docs=_data_docs(data_docs, settings.data_docs, out, suite_path),
        junit=junit,
        prov=prov,
    )
    show_bar = fmt == "text" and sys.stdout.isatty() and verbosity >= 0
    try:
        result = execute(plan, _progress if show_bar else no_progress, _warn_missing)
    except CannotRun as exc:
        die(str(exc))
    _report(result, fmt, verbosity)
    sys.exit(1 if result.gate_failed and fail_on != "never" else 0)


def _data_docs(asked: bool | None, configured: bool | None, out: str | None, suite: Path | None) -> bool:
    """Whether GX writes Data Docs: asked on the command line, else by the configuration; they need a local --out."""
    wanted = asked if asked is not None else bool(configured)
    if wanted and (out is None or is_url(out)):
        die("--data-docs writes OUT/gx/: give --out a local folder")
    if wanted and suite is None:
        say("copydesk: no expectation suite runs, so there are no Data Docs to write", err=True)
        return False
    return wanted


def _report(result: RunResult, fmt: str, verbosity: int) -> None:
    """The result on stdout: the summary as JSON, or the findings and the count line."""
    if fmt == "json":
        sys.stdout.writelines(summary_json(result.summary, summary_entries(result), indent=None))
        sys.stdout.write("\n")
        sys.stdout.flush()
    elif verbosity > -2:
        _print_text(result.files, result.summary, verbosity)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        _print_annotations(result, err=fmt == "json")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), result)


def _append_step_summary(path: Path, result: RunResult) -> None:
    """The run on the job's summary page: GitHub reads the Markdown appended to this file."""
    from copydesk.reports.annotations import step_summary

    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(step_summary(result.summary, result.files))
    except OSError as exc:
        say(f"copydesk: warning: cannot write the step summary {path}: {os_problem(exc)}", err=True)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[dict[str, Any]], None]]:
    """A progress bar on a terminal (never in a pipe or a CI log)."""
    if total <= 1:
        with no_progress(total) as advance:
            yield advance
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("checking", total=total)
        yield lambda _row: bar.advance(task)


def _warn_missing(lines: list[str]) -> None:
    """Declared files that are not there, on stderr: a warning, never a reason to stop."""
    for line in lines[:MAX_MISSING_SHOWN]:
        say(f"copydesk: warning: {line}", err=True)
    if len(lines) > MAX_MISSING_SHOWN:
        say(f"copydesk: warning: {len(lines) - MAX_MISSING_SHOWN} more declared files do not exist", err=True)


def _print_text(rows: Iterable[dict[str, Any]], data: dict[str, Any], verbosity: int = 0) -> None:
    """Findings (warnings and errors; info too with -v), passing files with -v, and the count line.

    With -q only the batch failures and the count line are printed.
    """
    for row in rows if verbosity >= 0 else ():
        if row["verdict"] == "pass" and verbosity > 0 and not row["findings"]:
            say(f"PASS {row['name']}")
        for finding in row["findings"]:
            if finding["severity"] == "info" and verbosity <= 0:
                continue
            where = f":{finding['line']}" if finding["line"] else ""
            say(f"{row['verdict'].upper():4} {row['name']}{where}: {finding['rule']}: {finding['message']}")
    for failure in data["batch"]["failures"]:
        say(f"FAIL batch: {failure['rule']}: {failure['message']}")
    counts = data["counts"]
    if verbosity >= 0:
        say(rules_line(Path(data["rules"]["directory"]) if data["rules"]["directory"] else None))
    if counts["skipped"]:
        say(f"skipped {counts['skipped']} file(s) unchanged since the last run (--no-cache checks all)")
    say(
        f"checked {counts['files']} file(s): {counts['pass']} pass, {counts['warn']} warn, {counts['fail']} fail"
        f" — {counts['failed_gate']} failed the gate (--fail-on {data['fail_on']})"
        f" in {data['timings']['wall_seconds']:.2f}s"
    )


def _check_stream(rules_dir: Path | None, fail_on: str, max_bytes: int) -> NoReturn:
    """JSONL records on stdin, one JSON report per line on stdout; exit status as for files."""

    from copydesk.rules.ruleset import load_rules
    from copydesk.run.stream import check_stream, read_records

    try:
        ruleset = load_rules(rules_dir)
    except RuleFileError as exc:
        die(str(exc))
    result = check_stream(
        read_records(sys.stdin.buffer, max_bytes), ruleset, fail_on, sys.stdout, sys.stderr, max_bytes
    )
    sys.exit(1 if result.failed and fail_on != "never" else 0)


def _print_annotations(result: Any, err: bool) -> None:
    """Workflow commands in the log; on stderr with ``--format json``, which keeps stdout for the summary."""
    from copydesk.reports.annotations import batch_annotations, file_annotations

    for command in file_annotations(result.files, result.path_of):
        click.echo(command, err=err)
    for command in batch_annotations(result.batch_failures):
        click.echo(command, err=err)
