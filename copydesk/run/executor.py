"""Running the per-file pipeline over many files, in one process or several.

The executor is kept apart from the steps: it finds files, hands each to
:func:`copydesk.pipeline.analyse` in a worker, and the worker writes that file's
outputs itself and returns only a small summary row, which goes to a table on disk
(:class:`copydesk.run.spool.RowStore`) until the batch outputs read it back. Worker
processes load the rules once each, by path.
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import itertools
import json
import os
import pickle
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk import __version__
from copydesk.check.records import record_of
from copydesk.io import DEFAULT_MAX_BYTES, Content, os_problem, resolved, write_atomic, write_url
from copydesk.label import corpus
from copydesk.model import Analysis, Finding, fails
from copydesk.pipeline import analyse, analyse_decoded, crashed, survey
from copydesk.reports.json_report import build_report, dumps
from copydesk.reports.paths import CLEAN_SUFFIX, PAGE_SUFFIX, REPORT_SUFFIX, safe_relative
from copydesk.reports.provenance import file_provenance
from copydesk.rules import compiled
from copydesk.rules.errors import RuleFileError
from copydesk.rules.manifest import ManifestEntry, load_manifests
from copydesk.rules.ruleset import RuleSet, load_rules
from copydesk.run.inputs import KEEP_LARGEST, InputFile, Inputs
from copydesk.run.spool import RowStore
from copydesk.run.survey import Survey

if TYPE_CHECKING:  # imported when used: the pool when a run has workers, the ledger when it writes reports
    from concurrent.futures import ProcessPoolExecutor

    from copydesk.check.plain_schema import Plan
    from copydesk.run.ledger import Ledger


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Everything a worker needs, by value: paths rather than loaded objects."""

    rules_dir: Path | None
    manifests: tuple[Path, ...]
    out: Path | None
    fail_on: str = "error"
    max_bytes: int = DEFAULT_MAX_BYTES
    corpus: bool = True  # learn lines repeated across a source's files before checking
    prov: bool = False  # keep each file's PROV document for a run bundle
    html: bool = True  # write each file's HTML page beside its report
    out_url: str | None = None  # an fsspec URL folder for the outputs, instead of ``out``
    schema: Path | None = None  # the records schema: each record's own declarations are checked with its file


@dataclass(slots=True)
class RunResult:
    files: RowStore = field(default_factory=RowStore)  # every file's summary row, on disk, in name order
    elapsed: float = 0.0
    rules_digest: str = ""
    corpus_groups: int = 0
    corpus_lines: int = 0
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    inputs: Inputs | None = None  # every input, on disk, for re-checks (see inputs_named)
    repeated: dict[str, frozenset[int]] = field(default_factory=dict)  # per corpus group: the lines it repeats
    batch_failures: list[dict[str, str]] = field(default_factory=list)  # batch findings that fail the gate
    expectations: dict[str, Any] | None = None  # great-expectations results, when a suite ran
    reused: int = 0  # files whose row came from the ledger, unchecked
    had_batch: set[str] = field(default_factory=set)  # reused files that carried batch findings last time
    batch_flagged: set[str] = field(default_factory=set)  # files the batch steps found something about
    step_seconds: dict[str, float] = field(default_factory=dict)  # summed over every file checked
    summary: dict[str, Any] = field(default_factory=dict)  # summary.json without its file list, once run

    def add(self, row: dict[str, Any]) -> None:
        """Keep a file's row (in place of the row of a file checked again); its timings go into the sums."""
        for step, seconds in row.pop("timings", {}).items():
            self.step_seconds[step] = self.step_seconds.get(step, 0.0) + seconds
        self.files.put(row)

    def inputs_named(self, names: Iterable[str]) -> dict[str, tuple[InputFile, frozenset[int]]]:
        """The inputs of these names with the lines their sources repeat, looked up on disk."""
        if self.inputs is None:
            return {}
        return {
            item.name: (item, self.repeated.get(group, frozenset()) if group else frozenset())
            for item, group in self.inputs.named(names)
        }

    def path_of(self, name: str) -> Path | None:
        """The path of the input of this name, as the user gave or the walk found it."""
        return self.inputs.path_of(name) if self.inputs is not None else None

    @property
    def failed(self) -> int:
        return self.files.failed

    @property
    def gate_failed(self) -> bool:
        return bool(self.failed or self.batch_failures)


_STATE: dict[str, Any] = {}


def _load(config: RunConfig) -> tuple[RuleSet, dict[Path, ManifestEntry]]:
    loaded = (config, _stamp(config.schema))  # a schema edited between two runs of one process is read again
    if _STATE.get("config") != loaded:
        _STATE["config"] = loaded
        _STATE["rules"] = load_rules(config.rules_dir)
        _STATE["manifest"] = load_manifests(config.manifests)
        _STATE["record_checks"] = _record_checks(config.schema)
    return _STATE["rules"], _STATE["manifest"]


def _stamp(path: Path | None) -> tuple[int, int] | None:
    try:
        found = path.stat() if path is not None else None
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size) if found is not None else None


def _record_checks(path: Path | None) -> tuple[Plan | None, str]:
    """The records schema when copydesk decides it, and the digest of its file.

    Each record's own declarations (a value in range, a field filled) are then checked as
    its file is, so a flagged file's report is written once, with them; only uniqueness
    waits for the batch. A schema pandera decides is left whole to the batch step.
    """
    if path is None:
        return None, ""
    from copydesk.check.schema import plain_plan

    plan = plain_plan(path)
    if plan is None:
        return None, ""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot read the records schema: {os_problem(exc)}") from exc
    return plan, digest


def checks_records(config: RunConfig) -> bool:
    """Whether the workers check each record's own declarations of the run's schema."""
    _load(config)
    return _STATE["record_checks"][0] is not None


def _results_digest(config: RunConfig, rules: RuleSet) -> str:
    """What a file's result depends on besides the file: the rules, and the schema when its workers read it."""
    _load(config)
    schema_digest = _STATE["record_checks"][1]
    return f"{rules.digest}+{schema_digest}" if schema_digest else rules.digest


def prepare(config: RunConfig) -> RuleSet:
    """Load the run's rules and manifests in this process: a broken one fails before anything is written."""
    return _load(config)[0]


def declared(config: RunConfig) -> dict[Path, ManifestEntry]:
    """The run's manifest entries, by resolved path."""
    return _load(config)[1]


def emit(config: RunConfig, relative: str, content: Content) -> None:
    """Write one output: atomically under a local folder, or as one object under an fsspec URL."""
    if config.out_url is not None:
        write_url(config.out_url, relative, content)
    elif config.out is not None:
        write_atomic(config.out / relative, content)


def provenance_of(analysis: Analysis, rules_digest: str) -> dict[str, Any]:
    decoded = analysis.outcome.decoded
    return file_provenance(
        name=analysis.name,
        sha256=analysis.outcome.sha256,
        size=analysis.outcome.size,
        started=analysis.started,
        ended=analysis.ended or datetime.now(UTC),
        rules_digest=rules_digest,
        clean_text=analysis.article_text if decoded is not None else None,
        publisher=analysis.source.publisher,
        agencies=analysis.article.agencies or [],
        author=analysis.article.author,
        declared=analysis.source.declared,
    )


def _entry(item: InputFile, manifest: dict[Path, ManifestEntry]) -> ManifestEntry | None:
    if item.url is not None or not manifest:
        return None  # manifests declare local files; without one, no path is resolved
    try:
        return manifest.get(resolved(item.path))
    except OSError:
        return None


def survey_one(item: InputFile, config: RunConfig) -> tuple[str, frozenset[int], str | None, bytes | None]:
    """The file's corpus group, line keys, sha256 and decoded page (pickled, for the check)."""
    rules, manifest = _load(config)
    try:
        group, keys, outcome = survey(item.path, rules, _entry(item, manifest), config.max_bytes, item.url)
        kept = outcome.size is not None and outcome.size <= KEEP_LARGEST  # a larger one is not kept: not sent
        return group, keys, outcome.sha256, pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL) if kept else None
    except Exception:  # the check pass reports the problem; the survey just skips the file
        return corpus.group_of(None, item.path), frozenset(), None, None


def write_file_outputs(config: RunConfig, item: InputFile, analysis: Analysis, report: dict[str, Any]) -> None:
    """The file's clean text, report and page, each written atomically."""
    relative = "files/" + str(safe_relative(item.name))
    emit(config, relative + CLEAN_SUFFIX, analysis.article_text)
    emit(config, relative + REPORT_SUFFIX, dumps(report))
    if config.html:
        from copydesk.reports.html import file_page

        emit(config, relative + PAGE_SUFFIX, file_page(analysis, report, safe_relative(item.name)))


def check_one(
    item: InputFile,
    config: RunConfig,
    repeated: frozenset[int] = frozenset(),
    batch_findings: tuple[Finding, ...] = (),
    decoded: bytes | None = None,
) -> dict[str, Any]:
    """Analyse one file, write its outputs, and return its summary row.

    ``batch_findings`` are what the batch steps found about this file (the records
    schema); the file is analysed again with them, so every output agrees. The schema's
    declarations on one record are checked here, before anything is written. ``decoded``:
    the file as the first pass read and decoded it (pickled), so it is not read again.
    """
    started = time.perf_counter()
    rules, manifest = _load(config)
    entry = _entry(item, manifest)
    try:
        if decoded is not None:
            analysis = analyse_decoded(pickle.loads(decoded), item.name, rules, entry, repeated)
        else:
            analysis = analyse(item.path, item.name, rules, entry, config.max_bytes, repeated, item.url)
    except Exception as exc:  # a bug must fail this file, not the batch
        analysis = crashed(item.path, item.name, exc)
    report = build_report(analysis, provenance_of(analysis, rules.digest))
    record = _record(report, analysis)
    found = list(batch_findings)
    plan = _STATE["record_checks"][0]
    if plan is not None:
        from copydesk.check.schema import record_findings

        found += record_findings(plan, record)
    if found:
        analysis.findings.extend(sorted(found, key=lambda finding: (finding.rule, finding.message)))
        report = build_report(analysis, provenance_of(analysis, rules.digest))
        record = _record(report, analysis)
    if config.out is not None or config.out_url is not None:
        try:
            write_file_outputs(config, item, analysis, report)
        except OSError as exc:  # a full disk, a folder where its report goes: this file fails, the run goes on
            analysis.findings.append(
                Finding("outputs.write_failed", "error", f"cannot write its outputs: {os_problem(exc)}")
            )
            report = build_report(analysis, provenance_of(analysis, rules.digest))
            record = _record(report, analysis)
    compiled.persist()  # after this process's first file, what it compiled is there for the next run
    return {
        "provenance": report["provenance"] if config.prov else None,
        "record": record,
        "name": item.name,
        "verdict": report["verdict"],
        "failed": fails(analysis.findings, config.fail_on),
        "source": report["source"]["id"],
        "codec": report["encoding"]["codec"],
        "language": report["language"],
        "boilerplate_ratio": report["boilerplate"]["ratio"],
        "findings": report["findings"],
        "timings": analysis.timings,
        "seconds": time.perf_counter() - started,
    }


def _record(report: dict[str, Any], analysis: Analysis) -> dict[str, Any]:
    return record_of(report, len(analysis.lines), len(analysis.article_text))


Call = tuple[Any, ...]  # one call's arguments
# A map over argument tuples, results in input order: this machine's processes or a cluster.
# ``count``, the number of calls, sizes the chunks sent to a worker.
Mapper = Callable[[Callable[..., Any], Iterable[Call], int], Iterator[Any]]
AHEAD = 4  # chunks queued per worker: enough to keep it busy while the results are handled


def _call_each(function: Callable[..., Any], calls: list[Call]) -> list[Any]:
    return [function(*call) for call in calls]


def _map(function: Callable[..., Any], jobs: int, calls: Iterable[Call], count: int) -> Iterator[Any]:
    """``map`` in this process or in a pool of workers started for it, results in input order."""
    if jobs == 1:
        yield from (function(*call) for call in calls)
        return
    pool = _start_pool(jobs)
    try:
        yield from _in_pool(pool, jobs, function, calls, count)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_pool(jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor  # a one-file run never starts a pool

    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start, initargs=(os.getpid(),))


def _in_pool(
    pool: ProcessPoolExecutor, jobs: int, function: Callable[..., Any], calls: Iterable[Call], count: int
) -> Iterator[Any]:
    """``map`` on ``pool``'s ``jobs`` workers, results in input order.

    The calls are read as chunks are sent, at most ``AHEAD`` chunks a worker ahead of the
    results (a pool's own ``map`` reads them all first): a run over a crawl holds a few
    hundred files' arguments, not every file's.
    """
    from concurrent.futures import Future, wait

    chunks = _chunks(calls, count, jobs)
    queued: collections.deque[Future[list[Any]]] = collections.deque()
    try:
        for chunk in itertools.islice(chunks, jobs * AHEAD):
            queued.append(pool.submit(_call_each, function, chunk))
        while queued:
            results = queued.popleft().result()
            for chunk in itertools.islice(chunks, 1):
                queued.append(pool.submit(_call_each, function, chunk))
            yield from results
    finally:
        # A consumer that stops early (an error) waits only for the chunks already running.
        for future in queued:
            future.cancel()
        wait(queued)


@contextlib.contextmanager
def local_workers(jobs: int, count: int) -> Iterator[Mapper | None]:
    """One pool of this machine's workers for every pass of a run over ``count`` files
    (the corpus survey, the check, the re-check of files a batch check flagged), or None
    when one process does the work.

    A new worker's first file pays for its imports and caches (numpy, the model, chardet's
    tables: ten to twenty files' worth), which a pool for each pass would pay on every
    pass. The pool starts with the first pass that asks for it and stops with the run.
    """
    workers = _workers(jobs, count)
    if workers == 1:
        yield None
        return
    pool: ProcessPoolExecutor | None = None

    def mapped(function: Callable[..., Any], calls: Iterable[Call], size: int) -> Iterator[Any]:
        nonlocal pool
        if pool is None:
            pool = _start_pool(workers)
        return _in_pool(pool, workers, function, calls, size)

    try:
        yield mapped
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


CHUNK = 64  # the most calls sent to a worker at once


def _chunks(calls: Iterable[Call], count: int, jobs: int) -> Iterator[list[Call]]:
    """The calls in chunks that shrink as the run nears its end (guided scheduling).

    Large chunks while much is left keep the round trips few; small ones at the end let
    the workers finish together, where with chunks of one size the last is checked by one
    worker while the others wait.
    """
    pending = iter(calls)  # one iterator: islice over a list would start it afresh every chunk
    sent = 0
    while chunk := list(itertools.islice(pending, max(1, min(CHUNK, (count - sent) // (jobs * 8))))):
        sent += len(chunk)
        yield chunk


def _worker_start(parent: int) -> None:
    """A worker lives only as long as its run.

    Ctrl-C reaches the whole process group: the run's own process stops the pool, so a
    worker ignores it (no traceback of its own). A run killed outright (SIGKILL, an OOM
    killer) cannot stop its pool: each worker watches for its parent to go, and goes too.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the command's handler, inherited by the fork
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="copydesk-parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(EXIT_ORPHANED)


PARENT_POLL_SECONDS = 0.5
EXIT_ORPHANED = 143  # as if terminated: the run that wanted this worker's results is gone


def engine_map(mapper: Mapper | None, jobs: int) -> Mapper:
    """The engine's map: a distributed one when given, else this machine's processes."""
    if mapper is not None:
        return mapper
    return lambda function, calls, count: _map(function, jobs, calls, count)


@dataclass(slots=True)
class Surveyed:
    """What the cross-file pass learned: the lines each group repeats, and in ``inputs``
    (on disk) each input's group and sha256."""

    inputs: Inputs
    repeated: dict[str, frozenset[int]]
    survey: Survey
    seconds: float = 0.0  # the pass's wall time


def learn_repeats(
    inputs: Inputs,
    config: RunConfig,
    jobs: int,
    mapper: Mapper | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Surveyed:
    """The cross-file pass: each file's group, and the lines its group repeats.

    Keys are counted as they arrive, on disk; each file's group and digest go to the
    inputs' table. ``meanwhile`` runs once the first file is back, so with workers it
    overlaps their work instead of adding to it.
    """
    started = time.perf_counter()
    found = Survey()
    try:
        calls = ((item, config) for item in inputs)
        surveyed = engine_map(mapper, jobs)(survey_one, calls, len(inputs))
        for position, (group, keys, digest, decoded) in enumerate(surveyed):
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
            found.add(group, keys)
            inputs.learn(position, group, digest, decoded)
        repeated = {group: found.repeated(group) for group in found.files}
    finally:
        found.close()
    return Surveyed(inputs, repeated, found, time.perf_counter() - started)


def _regular_file_digest(location: str) -> str | None:
    """The sha256 of a regular file; None for anything else or an unreadable file.

    Opened without blocking and asked what it is before a byte is read: a named pipe
    among the inputs would otherwise hang the run until something writes to it.
    """
    try:
        descriptor = os.open(location, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with open(descriptor, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return None
            return hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            return None


def _ledger_key(
    item: InputFile, repeated: frozenset[int], config: RunConfig, rules: RuleSet, digest: str | None = None
) -> tuple[str, str] | None:
    """The file's ledger key and the sha256 it was made from; None when the file cannot be
    read (such a file is always checked).

    ``digest``: the sha256 the survey already took of a local file, so it is not read twice.
    """
    if digest is None or item.url is not None:
        digest = _regular_file_digest(item.location)
        if digest is None:
            return None
    from copydesk.run.ledger import file_key

    entry = _entry(item, _load(config)[1])
    declared = entry.declared() if entry else None
    return file_key(digest, _results_digest(config, rules), declared, repeated, config.max_bytes), digest


def _reuse(ledger: Ledger, item: InputFile, key: str, config: RunConfig) -> tuple[dict[str, Any], bool] | None:
    """The stored row, when its key matches and the file's report is still on disk."""
    if config.out is None:
        return None
    base = config.out / "files" / safe_relative(item.name)
    report_path = base.with_name(base.name + REPORT_SUFFIX)
    if not report_path.is_file() or (config.html and not base.with_name(base.name + PAGE_SUFFIX).is_file()):
        return None  # an output is missing (a run with --no-pages wrote no page): check it again
    found = ledger.lookup(item.name, key)
    if found is None:
        return None
    row, had_batch = found
    row["failed"] = fails(row["findings"], config.fail_on)
    row["seconds"] = 0.0  # this run spent nothing on it
    row["provenance"] = None
    if config.prov:
        try:
            row["provenance"] = json.loads(report_path.read_text(encoding="utf-8"))["provenance"]
        except (OSError, ValueError, KeyError):
            return None
    return row, had_batch


def _workers(jobs: int, count: int) -> int:
    return max(1, min(jobs, count, os.cpu_count() or 1)) if count else 1


def survey_corpus(
    items: Iterable[InputFile],
    config: RunConfig,
    jobs: int = 1,
    mapper: Mapper | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Surveyed | None:
    """The run's first pass, when it has one (the corpus option, four files or more).

    ``items``: an :class:`Inputs` or any list of inputs (put on disk here); what the pass
    learns of each file is kept with it for :func:`run`. ``meanwhile`` runs during the
    pass (or at once, without one): the caller's own slow preparation, such as importing
    great-expectations, overlaps the workers' first pass instead of keeping every core but
    one idle. The pass writes nothing.
    """
    _load(config)  # fail fast, in this process, on broken rules or manifest
    inputs = Inputs.of(items)
    if not (config.corpus and len(inputs) >= corpus.MIN_GROUP):
        if meanwhile is not None:
            meanwhile()
        return None
    return learn_repeats(inputs, config, _workers(jobs, len(inputs)), mapper, meanwhile)


def run(
    items: Iterable[InputFile],
    config: RunConfig,
    jobs: int = 1,
    progress: Callable[[dict[str, Any]], None] | None = None,
    ledger: Ledger | None = None,
    reuse: bool = True,
    mapper: Mapper | None = None,
    surveyed: Surveyed | None = None,
) -> RunResult:
    """Check every file; with a ledger, reuse the rows of files unchanged since it was written.

    ``items``: an :class:`Inputs`, or any list of inputs (put on disk here).
    ``surveyed``: the first pass, when the caller ran :func:`survey_corpus` itself over
    these items; its inputs, with what it learned of each, are the ones checked.
    """
    rules, _ = _load(config)  # fail fast, in this process, on broken rules or manifest
    started = time.perf_counter()
    inputs = surveyed.inputs if surveyed is not None else Inputs.of(items)
    result = RunResult(rules_digest=rules.digest, inputs=inputs)
    jobs = _workers(jobs, len(inputs))
    if surveyed is None:
        surveyed = survey_corpus(inputs, config, jobs, mapper)
    else:
        started -= surveyed.seconds  # the caller's first pass counts in the run's time
    if surveyed is not None:
        result.repeated = {group: keys for group, keys in surveyed.repeated.items() if keys}
        result.corpus_groups = len(result.repeated)
        result.corpus_lines = sum(map(len, result.repeated.values()))
    keys: dict[str, tuple[str, str]] = {}  # the ledger keys (and their sha256) of the files on their way

    def to_check() -> Iterator[Call]:
        """The files to check, read as the map asks for them; reused rows are kept on the way."""
        for item, group, digest, decoded in inputs.rows():
            repeated = result.repeated.get(group, frozenset()) if group else frozenset()
            keyed = _ledger_key(item, repeated, config, rules, digest) if ledger is not None else None
            reused = _reuse(ledger, item, keyed[0], config) if reuse and ledger is not None and keyed else None
            if reused is None:
                if keyed is not None:
                    keys[item.name] = keyed
                yield item, config, repeated, (), decoded
                continue
            row, had_batch = reused
            result.add(row)
            result.reused += 1
            if had_batch:
                result.had_batch.add(item.name)
            if progress is not None:
                progress(row)

    for row in engine_map(mapper, jobs)(check_one, to_check(), len(inputs)):  # results in input order
        result.add(row)
        keyed = keys.pop(row["name"], None)
        # A file rewritten between its digest and its check was checked from other bytes than
        # its key names: its row is not kept, so the next run checks it again.
        if ledger is not None and keyed is not None and (row.get("record") or {}).get("sha256") == keyed[1]:
            ledger.store(row["name"], keyed[0], row, rules.digest)
        if progress is not None:
            progress(row)
    result.elapsed = time.perf_counter() - started
    compiled.persist(force=True)
    return result


def summary(result: RunResult, config: RunConfig) -> dict[str, Any]:
    """The run's summary, without its per-file list: :func:`summary_entries` streams that."""
    rules = prepare(config)
    verdicts = {"pass": 0, "warn": 0, "fail": 0}
    by_rule: dict[str, int] = {}
    files = 0
    for row in result.files:
        files += 1
        verdicts[row["verdict"]] += 1
        for finding in row["findings"]:
            by_rule[finding["rule"]] = by_rule.get(finding["rule"], 0) + 1
    return {
        "schema_version": 1,
        "tool": {"name": "copydesk", "version": __version__, "python": sys.version.split()[0]},
        "rules": {
            "directory": str(config.rules_dir) if config.rules_dir else None,
            "builtin": True,
            "disabled": list(rules.disabled),
            "line_model": rules.line_model.identity() if rules.line_model is not None else None,
            "digest": result.rules_digest,
        },
        "fail_on": config.fail_on,
        "corpus": {"groups_with_repeats": result.corpus_groups, "repeated_lines": result.corpus_lines},
        "counts": {"files": files, **verdicts, "failed_gate": result.failed, "skipped": result.reused},
        "findings_by_rule": dict(sorted(by_rule.items())),
        "batch": {"failures": result.batch_failures, "expectations": result.expectations},
        "timings": {
            "wall_seconds": round(result.elapsed, 4),
            "files_per_second": round(files / result.elapsed, 1) if result.elapsed else None,
            "step_seconds": {step: round(seconds, 4) for step, seconds in sorted(result.step_seconds.items())},
        },
    }


SUMMARY_FIELDS = ("name", "verdict", "failed", "source", "codec", "language", "boilerplate_ratio")


def summary_entries(result: RunResult) -> Iterator[dict[str, Any]]:
    """The summary's ``files`` list, one entry per file in name order, read as it is written."""
    for row in result.files:
        yield {key: row[key] for key in SUMMARY_FIELDS} | {"findings": len(row["findings"])}


def summary_json(head: dict[str, Any], entries: Iterable[dict[str, Any]], indent: int | None = 2) -> Iterator[str]:
    """``head`` with ``"files": [entries]`` as JSON, in pieces: a run of any size never holds the whole text."""
    text = json.dumps(head, ensure_ascii=False, indent=indent)
    newline, step = ("\n", " " * indent) if indent else ("", "")
    yield text[: text.rindex("}")].rstrip() + f',{newline}{step}"files": ['
    for number, entry in enumerate(entries):
        yield ("," if number else "") + newline + step * 2 + json.dumps(entry, ensure_ascii=False)
    yield f"{newline}{step}]{newline}}}"
