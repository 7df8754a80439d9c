"""The ``copydesk`` command: check, decode, clean, explain, learn, diff, rules, init.

Exit status is the contract: 0 every file passed the gate, 1 at least one failed,
2 a usage, rules or manifest error (nothing checked). Problems with input files are
findings on those files, printed as one line each, never tracebacks.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any, NoReturn

import click

from copydesk import __version__
from copydesk.check.expectations import SUITE_NAME
from copydesk.check.schema import SCHEMA_NAME
from copydesk.cli.config import Config
from copydesk.cli.config import find as find_config
from copydesk.decode.input import DEFAULT_MAX_BYTES, decode_path
from copydesk.reports.paths import safe_relative
from copydesk.rules.errors import RuleFileError
from copydesk.run.discover import discover, discover_args
from copydesk.run.executor import (
    RunConfig,
    prepare,
    run,
    summary,
    summary_entries,
    summary_json,
    survey_corpus,
)

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
EXIT_USAGE = 2


def _die(message: str, status: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"copydesk: error: {message}", err=True)
    sys.exit(status)


RULES_MARKERS = ("sources", "boilerplate", "dates", "datelines", "attribution", "languages", "builtin.yaml")


def _project() -> Config:
    """The configuration that applies here (``[tool.copydesk]``, ``copydesk.toml``), checked."""
    try:
        return find_config()
    except RuleFileError as exc:
        _die(str(exc))


def _default_rules(rules: Path | None, config: Config | None = None) -> Path | None:
    """The rules folder: the one given, else the configuration's, else ``./rules`` when it holds rules."""
    if rules is not None:
        return rules
    config = config if config is not None else _project()
    if config.rules is not None:
        return config.rules
    candidate = Path("rules")
    declared = (SCHEMA_NAME, SUITE_NAME, *RULES_MARKERS)
    return candidate if any((candidate / name).exists() for name in declared) else None


def _rules_line(rules_dir: Path | None) -> str:
    return "rules: built-in only" if rules_dir is None else f"rules: built-in + {rules_dir}"


def _default_manifests(manifest: Path | None, paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """The manifest named explicitly, or each one found inside a folder being checked."""
    if manifest is not None:
        return (manifest,)
    found = []
    for folder in (p for p in paths if p.is_dir()):
        present = [folder / name for name in MANIFEST_NAMES if (folder / name).is_file()]
        if len(present) == 1:
            found.append(present[0])
    return tuple(found)


def _declared(given: Path | None, rules_dir: Path | None, name: str) -> Path | None:
    """The file given, or the rules folder's file of that name when there is one."""
    if given is not None:
        return given
    candidate = rules_dir / name if rules_dir is not None else None
    return candidate if candidate is not None and candidate.is_file() else None


def _open_ledger(out: Path | None) -> Any:
    if out is None:
        return None
    import sqlite3

    from copydesk.run.ledger import Ledger

    try:
        return Ledger(out)
    except (OSError, sqlite3.Error) as exc:
        _die(f"{out}: cannot open the run ledger: {exc}")


def _load_suite(path: Path) -> Any:
    """The suite, checked up front: a missing extra is a usage error before any file is read."""
    import importlib.util

    from copydesk.check.expectations import INSTALL_HINT, load_suite

    if importlib.util.find_spec("great_expectations") is None:
        _die(f"{path}: {INSTALL_HINT}")
    return load_suite(path)


def _load_schema(path: Path) -> Any:
    from copydesk.check.schema import load_records_schema

    return load_records_schema(path)


rules_option = click.option(
    "--rules",
    "rules",
    type=click.Path(path_type=Path),
    default=None,
    help="Rules folder (sources/, boilerplate/). Default: ./rules when it exists.",
)
manifest_option = click.option(
    "--manifest",
    type=click.Path(path_type=Path),
    default=None,
    help="CSV or JSONL manifest: path, url, source, fetched_at, language, license.",
)


EXIT_CODES = """Exit status: 0 every file passed the gate (or --fail-on never); 1 a file or a batch
check failed the gate; 2 could not run (usage, configuration, rules or manifest error, or the
run's outputs could not be written); 130 interrupted."""


EXIT_INTERRUPTED = 130


class _Group(click.Group):
    """The command group, with Ctrl-C as the shell reports it (130), not click's "Aborted!" and 1."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        try:
            return super().main(args, prog_name, standalone_mode=False, **extra)
        except (KeyboardInterrupt, click.Abort):
            click.echo("copydesk: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="copydesk")
def main() -> None:
    """A pre-ingestion gate for scraped news text.

    Settings come from the command line, then a [tool.copydesk] table in pyproject.toml
    (or copydesk.toml) found by walking up from the current folder, then the defaults.
    """


class _Progress:
    """A progress bar on a terminal; nothing at all when stdout is a pipe or CI log."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar: Any = None
        if enabled and total > 1:
            from rich.progress import Progress

            self.bar = Progress(transient=True)
            self.task = self.bar.add_task("checking", total=total)

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def advance(self, _row: dict[str, Any]) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)


def _print_text(rows: Iterable[dict[str, Any]], data: dict[str, Any], verbosity: int = 0) -> None:
    """Findings (warnings and errors; info too with -v), passing files with -v, and the count line.

    With -q only the batch failures and the count line are printed.
    """
    for row in rows if verbosity >= 0 else ():
        if row["verdict"] == "pass" and verbosity > 0 and not row["findings"]:
            click.echo(f"PASS {row['name']}")
        for finding in row["findings"]:
            if finding["severity"] == "info" and verbosity <= 0:
                continue
            where = f":{finding['line']}" if finding["line"] else ""
            click.echo(f"{row['verdict'].upper():4} {row['name']}{where}: {finding['rule']}: {finding['message']}")
    for failure in data["batch"]["failures"]:
        click.echo(f"FAIL batch: {failure['rule']}: {failure['message']}")
    counts = data["counts"]
    if verbosity >= 0:
        click.echo(_rules_line(Path(data["rules"]["directory"]) if data["rules"]["directory"] else None))
    if counts["skipped"]:
        click.echo(f"skipped {counts['skipped']} file(s) unchanged since the last run (--no-cache checks all)")
    click.echo(
        f"checked {counts['files']} file(s): {counts['pass']} pass, {counts['warn']} warn, {counts['fail']} fail"
        f" — {counts['failed_gate']} failed the gate (--fail-on {data['fail_on']})"
        f" in {data['timings']['wall_seconds']:.2f}s"
    )


@main.command(epilog=EXIT_CODES)
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
    from copydesk.io import is_url, os_problem, write_atomic
    from copydesk.run import batch
    from copydesk.run.selection import DEFAULT_INCLUDE, Selection

    project = _project()
    rules = _default_rules(rules, project)
    fail_on = fail_on or project.fail_on or "error"
    max_bytes = max_bytes or project.max_bytes or DEFAULT_MAX_BYTES
    jobs = jobs or project.jobs or 1
    out = out if out is not None else project.out
    run_suite = suite if suite is not None else project.suite if project.suite is not None else True
    verbosity = verbose - quiet
    if "-" in paths:
        if len(paths) > 1 or out is not None or junit is not None or prov is not None:
            _die("'-' reads a JSONL stream from stdin: give it alone, without --out, --junit or --prov")
        _check_stream(rules, fail_on, max_bytes)
    local_out = Path(out) if out is not None and not is_url(out) else None
    out_url = out if out is not None and is_url(out) else None
    manifests = _default_manifests(manifest, tuple(Path(p) for p in paths if not is_url(p)))
    config = RunConfig(rules, manifests, local_out, fail_on, max_bytes, corpus, prov is not None, pages, out_url)
    selection = Selection(include or project.include or DEFAULT_INCLUDE, exclude or project.exclude)
    exclude_files = frozenset(path.resolve() for path in manifests)
    skip = {(local_out / name).resolve() for name in ("", "files", "gx")} if local_out else set()
    if rules is not None:
        skip.add(rules.resolve())
    try:
        items = discover_args(list(paths), exclude_files, frozenset(skip), selection)
    except (OSError, ValueError, ImportError) as exc:
        _die(f"cannot list {', '.join(paths)}: {exc}")
    if not items:
        _die("no input files found under " + ", ".join(map(str, paths)))
    schema_path = _declared(schema, config.rules_dir, SCHEMA_NAME)
    suite_path = _declared(expectations, config.rules_dir, SUITE_NAME)
    if suite_path is not None and not run_suite:
        click.echo(f"copydesk: expectation suite {suite_path} not run (--no-suite or suite = false)", err=True)
        suite_path = None
    client = None
    batch_rules: dict[str, Any] = {}

    def load_batch_rules() -> None:
        # pandera and great-expectations take seconds to import: done while the workers
        # run the first pass, which writes nothing, so a broken file still leaves no output.
        batch_rules["schema"] = _load_schema(schema_path) if schema_path else None
        batch_rules["suite"] = _load_suite(suite_path) if suite_path else None

    try:
        prepare(config)
        _warn_missing(config)
        client = _engine_client(engine, scheduler, jobs)
        mapper = _engine_mapper(client)
        surveyed = survey_corpus(items, config, jobs, mapper, meanwhile=load_batch_rules)
        records_schema, expectation_suite = batch_rules["schema"], batch_rules["suite"]
        ledger = _open_ledger(local_out)  # last: a usage error above leaves nothing written
        with _Progress(len(items), fmt == "text" and sys.stdout.isatty() and verbosity >= 0) as progress:
            result = run(items, config, jobs, progress.advance, ledger, cache, mapper, surveyed)
        if records_schema is not None:
            batch.apply_schema(result, config, records_schema, mapper)
    except RuleFileError as exc:
        _die(str(exc))
    finally:
        if client is not None:
            from copydesk.run.dask import close

            close(client)
    if expectation_suite is not None:
        batch.apply_expectations(result, expectation_suite, local_out)
    if ledger is not None:
        ledger.mark_batch(result.batch_flagged)
        ledger.close()
    data = summary(result, config)
    try:
        if local_out is not None or out_url is not None:
            batch.write_batch_outputs(result, data, config)
        if junit is not None:
            write_atomic(junit, batch.junit_of(result, data))
        if prov is not None:
            from copydesk.reports.provenance import run_bundle

            documents = [row["provenance"] for row in result.files if row["provenance"]]
            bundle = run_bundle(documents, result.started, result.started + timedelta(seconds=result.elapsed))
            write_atomic(prov, json.dumps(bundle, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:  # a full disk, a folder where a report goes: the run's artefacts are missing
        _die(f"cannot write the run's outputs: {os_problem(exc)}")
    if fmt == "json":
        sys.stdout.writelines(summary_json(data, summary_entries(result), indent=None))
        sys.stdout.write("\n")
        sys.stdout.flush()
    elif verbosity > -2:
        _print_text(result.files, data, verbosity)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        _print_annotations(result, err=fmt == "json")
    sys.exit(1 if result.gate_failed and fail_on != "never" else 0)


def _engine_client(engine: str, scheduler: str | None, jobs: int) -> Any:
    """A Dask client for ``--engine dask`` (a new local cluster of -j workers without --scheduler)."""
    if engine != "dask":
        if scheduler:
            _die("--scheduler needs --engine dask")
        return None
    from copydesk.run.dask import MissingDask, client_for

    try:
        return client_for(scheduler, jobs)
    except MissingDask as exc:
        _die(str(exc))
    except (OSError, TimeoutError) as exc:
        _die(f"cannot reach the Dask scheduler {scheduler}: {exc}")


def _engine_mapper(client: Any) -> Any:
    if client is None:
        return None
    from copydesk.run.dask import mapper

    return mapper(client)


def _check_stream(rules_dir: Path | None, fail_on: str, max_bytes: int) -> NoReturn:
    """JSONL records on stdin, one JSON report per line on stdout; exit status as for files."""
    import io

    from copydesk.rules.ruleset import load_rules
    from copydesk.run.stream import check_stream

    try:
        ruleset = load_rules(rules_dir)
    except RuleFileError as exc:
        _die(str(exc))
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    result = check_stream(stdin, ruleset, fail_on, sys.stdout, sys.stderr, max_bytes)
    sys.exit(1 if result.failed and fail_on != "never" else 0)


MAX_MISSING_SHOWN = 10


def _warn_missing(config: RunConfig) -> None:
    """Declared files that are not there, on stderr: a warning, never a reason to stop."""
    from copydesk.rules.manifest import missing
    from copydesk.run.executor import declared

    lines = missing(declared(config))
    for line in lines[:MAX_MISSING_SHOWN]:
        click.echo(f"copydesk: warning: {line}", err=True)
    if len(lines) > MAX_MISSING_SHOWN:
        click.echo(f"copydesk: warning: {len(lines) - MAX_MISSING_SHOWN} more declared files do not exist", err=True)


def _print_annotations(result: Any, err: bool) -> None:
    """Workflow commands in the log; on stderr with ``--format json``, which keeps stdout for the summary."""
    from copydesk.reports.annotations import batch_annotations, file_annotations

    for command in file_annotations(result.files, result.path_of):
        click.echo(command, err=err)
    for command in batch_annotations(result.batch_failures):
        click.echo(command, err=err)


STDIN_ARG = "-"


def _stdin_bytes(max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Standard input, read up to the size limit (a larger input is a usage error, not a read of it all)."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        _die(f"<stdin>: over the {max_bytes:,}-byte limit; not read", 1)
    return data


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write DIR/<name>.txt per file.")
@click.option("--language", default=None, help="Declared language (ISO 639-1): guides legacy detection.")
def decode(files: tuple[Path, ...], out: Path | None, language: str | None) -> None:
    """Print the decoded, repaired text (UTF-8), before any cleaning. FILE '-' reads stdin."""
    from copydesk.decode.input import DecodeOutcome, decode_data
    from copydesk.io import os_problem, write_atomic

    if str(files[0]) == STDIN_ARG and len(files) == 1 and out is None:
        outcome = DecodeOutcome(path=Path("<stdin>"))
        decode_data(_stdin_bytes(), outcome, language)
        if outcome.decoded is None:
            _die("<stdin>: " + "; ".join(f.message for f in outcome.findings), 1)
        sys.stdout.buffer.write(outcome.decoded.text.encode("utf-8"))
        sys.exit(0)
    from copydesk.run.selection import Selection

    items = discover(list(files), selection=Selection(include=("*",)))  # a conversion: every file of a folder
    if out is None and len(items) != 1:
        _die("decode prints one file to stdout; give --out DIR for several")
    status = 0
    for item in items:
        outcome = decode_path(item.path, language)
        if outcome.decoded is None:
            problem = "; ".join(f.message for f in outcome.findings)
            click.echo(f"copydesk: {item.path}: {problem}", err=True)
            status = 1
            continue
        if out is None:
            sys.stdout.buffer.write(outcome.decoded.text.encode("utf-8"))
            continue
        try:
            write_atomic(out / f"{safe_relative(item.name)}.txt", outcome.decoded.text)
        except OSError as exc:
            click.echo(f"copydesk: {item.path}: cannot write the decoded text: {os_problem(exc)}", err=True)
            status = 1
    sys.exit(status)


def _analyse_one(file: Path, rules: Path | None, manifest: Path | None) -> tuple[Any, dict[str, str]]:
    """Analyse one file with the rules, and the manifest given or found beside it."""
    from copydesk.pipeline import analyse, analyse_data
    from copydesk.rules import compiled
    from copydesk.rules.manifest import load_manifests
    from copydesk.rules.ruleset import load_rules

    stdin = str(file) == STDIN_ARG
    manifests = _default_manifests(manifest, () if stdin else (file.parent,))
    try:
        ruleset = load_rules(_default_rules(rules))
        entries = load_manifests(manifests)
    except RuleFileError as exc:
        _die(str(exc))
    if stdin:
        analysis = analyse_data(_stdin_bytes(), "<stdin>", ruleset)
    else:
        entry = entries.get(file.resolve()) if entries else None
        analysis = analyse(file, file.name, ruleset, entry)
    compiled.persist()
    return analysis, ruleset.pattern_sources()


def _fail_unreadable(file: Path, analysis: Any) -> None:
    if analysis.outcome.decoded is None:
        problem = "; ".join(f.message for f in analysis.findings)
        click.echo(f"copydesk: {file}: {problem}", err=True)
        sys.exit(1)


@main.command(name="clean")
@click.argument("file", type=click.Path(path_type=Path))
@rules_option
@manifest_option
def clean_command(file: Path, rules: Path | None, manifest: Path | None) -> None:
    """Print the cleaned article body. FILE '-' reads stdin."""
    analysis, _ = _analyse_one(file, rules, manifest)
    _fail_unreadable(file, analysis)
    sys.stdout.write(analysis.article_text)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@rules_option
@manifest_option
@click.option("--width", type=click.IntRange(min=20), default=100, show_default=True, help="Text column width.")
def explain(file: Path, rules: Path | None, manifest: Path | None, width: int) -> None:
    """Show every line with its label and the rule that decided it."""
    analysis, patterns = _analyse_one(file, rules, manifest)
    _fail_unreadable(file, analysis)
    decoded = analysis.outcome.decoded
    article = analysis.article
    click.echo(f"file      {file}")
    click.echo(
        f"encoding  {decoded.codec} (confidence {decoded.confidence}, bom {decoded.bom}), "
        f"{len(decoded.repairs)} repair(s)"
    )
    click.echo(f"source    {analysis.source.id or '-'} (matched by {analysis.source.matched_by})")
    click.echo(f"language  {analysis.language or '-'}")
    click.echo(f"title     {article.title or '-'}")
    click.echo(f"author    {article.author or '-'}")
    click.echo(f"dateline  {article.dateline['text'] if article.dateline else '-'}")
    click.echo(f"verdict   {analysis.verdict}")
    click.echo("")
    for number, label, rule, text in line_rows(analysis):
        shown = text if len(text) <= width else text[: width - 1] + "…"
        click.echo(f"{number:5}  {label:<12.12}  {rule or '':<40}  {shown}")
    used = sorted({label.rule for label in analysis.labels if label.rule in patterns})
    used += sorted({rule for _, rule in analysis.cuts.values() if rule in patterns})
    if used:
        click.echo("\nrules")
        for rule_id in dict.fromkeys(used):
            click.echo(f"  {rule_id}: {patterns[rule_id]}")
    if analysis.findings:
        click.echo("")
        for finding in analysis.findings:
            where = f" line {finding.line}" if finding.line else ""
            click.echo(f"{finding.severity:7}  {finding.rule}{where}: {finding.message}")


@main.command(name="learn")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--source", "source_id", required=True, help="The profile id to write (lower case).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write the profile here, not stdout.")
@manifest_option
def learn_command(folder: Path, source_id: str, out: Path | None, manifest: Path | None) -> None:
    """Write a source profile from the lines FOLDER's files repeat, for review."""
    import regex

    from copydesk.io import os_problem, write_atomic
    from copydesk.rules.learn import learn, profile_yaml
    from copydesk.rules.manifest import load_manifests

    if not regex.fullmatch(r"[a-z0-9][a-z0-9._-]*", source_id):
        _die(f"--source {source_id!r}: use lower-case letters, digits, '.', '_' or '-'")
    manifests = _default_manifests(manifest, (folder,))
    try:
        entries = load_manifests(manifests)
    except RuleFileError as exc:
        _die(str(exc))
    items = discover([folder], frozenset(path.resolve() for path in manifests))
    found = learn(items, entries)
    if found.files < 4:
        _die(f"{folder}: {found.files} readable file(s); learning needs 4 or more pages of the source")
    text = profile_yaml(source_id, found, str(folder))
    if out is None:
        sys.stdout.write(text)
    else:
        try:
            write_atomic(out, text)
        except OSError as exc:
            _die(f"cannot write the profile: {os_problem(exc)}")
        click.echo(f"wrote {out}: {len(found.repeated())} repeated line(s) from {found.files} files", err=True)


@main.command(name="diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff_command(old: Path, new: Path, fmt: str) -> None:
    """List files whose verdict, findings or extracted fields changed between two runs' output folders.

    Exit status as diff's: 0 no change, 1 changes, 2 a folder is not a copydesk output folder.
    """
    from copydesk.reports.diff import NotARunFolder, compare, reports

    try:
        changes = list(compare(reports(old), reports(new)))
    except NotARunFolder as exc:
        _die(str(exc))
    if fmt == "json":
        click.echo(json.dumps([change.as_dict() for change in changes], ensure_ascii=False))
    else:
        for change in changes:
            click.echo(change.line())
        click.echo(f"{len(changes)} file(s) changed")
    sys.exit(1 if changes else 0)


@main.group(name="rules")
def rules_group() -> None:
    """Work with a rules folder."""


@rules_group.command(name="test")
@click.argument("rules_dir", required=False, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--examples", type=click.IntRange(min=1), default=100, show_default=True, help="Examples per law.")
@click.option("--seed", type=int, default=None, help="Hypothesis seed, to replay a run.")
@click.option("--language", "languages", multiple=True, help="Only these languages (default: those the rules have).")
@click.option("--law", "only", multiple=True, help="Only laws whose name starts with this (repeatable).")
def rules_test(
    rules_dir: Path | None, examples: int, seed: int | None, languages: tuple[str, ...], only: tuple[str, ...]
) -> None:
    """Property-test a rules folder: generated pages must keep their article and lose covered chrome.

    Laws: the cleaner never removes a body paragraph, keeps order, removes every chrome
    line a rule covers, is idempotent and reversible (per language, and per source
    profile); the encoding step round-trips and repairs mojibake; every dateline style a
    rule reads parses with its place and agency. A broken law prints its shrunk
    counterexample and the command exits 1.
    """
    import importlib.util

    if importlib.util.find_spec("hypothesis") is None:
        _die("copydesk rules test needs hypothesis: pip install 'copydesk[test]'")
    from copydesk.rules.ruleset import load_rules
    from copydesk.testing.runner import run_all

    folder = _default_rules(rules_dir)
    try:
        ruleset = load_rules(folder)
    except RuleFileError as exc:
        _die(str(exc))
    broken = ran = 0
    for outcome in run_all(ruleset, list(languages) or None, examples, seed, only):
        if outcome.skipped:
            click.echo(f"skip {outcome.name}: {outcome.skipped}")
            continue
        ran += 1
        if outcome.ok:
            click.echo(f"ok   {outcome.name} ({outcome.examples} examples)")
            continue
        broken += 1
        click.echo(f"FAIL {outcome.name} after {outcome.examples} examples: {outcome.message}")
        click.echo(f"     counterexample (shrunk): {outcome.counterexample}")
    click.echo(f"{ran - broken} passed, {broken} failed")
    sys.exit(1 if broken else 0)


@rules_group.command(name="show")
@rules_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_show(rules: Path | None, fmt: str) -> None:
    """Print the effective rule set: every rule, the file it is in and where that file came from.

    Built-in rules ship with copydesk and are always read; a project's rules folder adds
    files, replaces a built-in file by giving one of the same name, and switches built-in
    rules off by name in builtin.yaml (disable: [boilerplate/ko, generic.en.lines[3]]).
    """
    from copydesk.rules.ruleset import describe, load_rules

    folder = _default_rules(rules)
    try:
        ruleset = load_rules(folder)
        listing = [(file, describe(file, ruleset.disabled)) for file in ruleset.files]
    except RuleFileError as exc:
        _die(str(exc))
    if fmt == "json":
        files = [
            {"origin": file.origin, "file": str(file.path), "name": file.name, "rules": dict(found)}
            for file, found in listing
        ]
        click.echo(json.dumps({"digest": ruleset.digest, "disabled": list(ruleset.disabled), "files": files}))
        return
    click.echo(_rules_line(folder))
    for file, found in listing:
        shown = file.name + file.path.suffix if file.builtin else str(file.path)
        click.echo(f"{file.origin:<10}  {shown}  ({len(found)} rule(s))")
        for rule_id, source in found:
            click.echo(f"    {rule_id}  {source}")
    if ruleset.disabled:
        click.echo("disabled: " + ", ".join(ruleset.disabled))
    click.echo(f"digest: {ruleset.digest}")


@main.command(name="init")
@click.argument("folder", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
def init_command(folder: Path) -> None:
    """Write a starter project into FOLDER (default: here): a rules folder with one commented
    source profile, an example article and manifest, copydesk.toml and a GitHub Actions
    workflow that runs the gate and uploads the HTML report. Existing files are left alone."""
    from copydesk.cli.starter import init
    from copydesk.io import os_problem

    try:
        done = init(folder)
    except OSError as exc:
        _die(f"{folder}: cannot write the starter: {os_problem(exc)}")
    for path, written in done:
        click.echo(f"{'wrote' if written else 'kept '} {path}")
    click.echo(f"next: cd {folder} && copydesk check corpus  (settings in copydesk.toml)")


def line_rows(analysis: Any) -> list[tuple[int, str, str | None, str]]:
    """``(number, label, rule, text)`` for every line, for ``explain``."""
    rows = []
    for index, (line, label) in enumerate(zip(analysis.lines, analysis.labels, strict=True)):
        rule = label.rule
        cut = analysis.cuts.get(index)
        if cut is not None and label.kind.value == "body":
            rule = f"{rule or 'body'}; cut {line.text[cut[0] :]!r} by {cut[1]}"
        rows.append((line.number, label.kind.value, rule, line.text))
    return rows


if __name__ == "__main__":  # pragma: no cover
    main()
