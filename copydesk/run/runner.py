"""One ``copydesk check`` run: from a plan (what to check, with which settings) to its result and outputs.

The command line turns its options and the project's configuration into a
:class:`CheckPlan`; :func:`execute` does the rest: load the rules and manifests (a broken
one stops the run before anything is written), find the files, survey the corpus while
the batch checks' engines load, check every file, run the batch checks, and write the
batch outputs. Anything that stops a run is :class:`CannotRun` (exit status 2).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from copydesk.io import os_problem, write_atomic
from copydesk.rules.errors import RuleFileError
from copydesk.rules.manifest import missing
from copydesk.run import batch
from copydesk.run.discover import discover_args
from copydesk.run.executor import (
    RunConfig,
    RunResult,
    declared,
    local_workers,
    prepare,
    run,
    summary,
    survey_corpus,
)
from copydesk.run.selection import Selection

Progress = Callable[[int], AbstractContextManager[Callable[[dict[str, Any]], None]]]


class CannotRun(Exception):
    """The run cannot go on; the message says why in one line (exit status 2)."""


@dataclass(frozen=True, slots=True)
class CheckPlan:
    """Everything a run was asked to do, settled: options, configuration and defaults applied."""

    paths: tuple[str, ...]
    config: RunConfig
    selection: Selection
    skip: frozenset[Path] = frozenset()  # folders never walked: the outputs, the rules
    jobs: int = 1
    cache: bool = True
    engine: str = "local"
    scheduler: str | None = None
    suite: Path | None = None  # an expectation suite to run
    data_docs: bool = False  # run the suite in GX and write its Data Docs
    junit: Path | None = None
    prov: Path | None = None


@contextlib.contextmanager
def no_progress(_total: int) -> Iterator[Callable[[dict[str, Any]], None]]:
    yield lambda _row: None


def _engine_client(plan: CheckPlan) -> Any:
    """A Dask client for ``--engine dask`` (a new local cluster of -j workers without a scheduler)."""
    if plan.engine != "dask":
        if plan.scheduler:
            raise CannotRun("--scheduler needs --engine dask")
        return None
    from copydesk.run.dask import MissingDask, client_for

    try:
        return client_for(plan.scheduler, plan.jobs)
    except MissingDask as exc:
        raise CannotRun(str(exc)) from exc
    except (OSError, TimeoutError) as exc:
        raise CannotRun(f"cannot reach the Dask scheduler {plan.scheduler}: {exc}") from exc


def _open_ledger(out: Path | None) -> Any:
    if out is None:
        return None
    from copydesk.run.ledger import Ledger, LedgerBusy

    try:
        return Ledger(out)
    except LedgerBusy as exc:
        raise CannotRun(str(exc)) from exc
    except OSError as exc:
        raise CannotRun(f"{out}: cannot open the run ledger: {os_problem(exc)}") from exc


def _load_suite(path: Path, data_docs: bool) -> Any:
    """The suite, checked up front: a missing extra stops the run before any file is read."""
    from copydesk.check.expectations import load_suite

    return load_suite(path, data_docs)


def _load_schema(path: Path) -> Any:
    from copydesk.check.schema import load_records_schema

    return load_records_schema(path)


def execute(
    plan: CheckPlan, progress: Progress = no_progress, warn: Callable[[list[str]], None] = lambda _lines: None
) -> RunResult:
    """Check every file of the plan and write its outputs; the result, with its summary.

    ``warn`` is given the declared files that do not exist (a warning, never a reason to stop).
    """
    config = plan.config
    try:
        items = discover_args(list(plan.paths), _manifest_files(config), plan.skip, plan.selection)
    except (OSError, ValueError, ImportError) as exc:
        raise CannotRun(f"cannot list {', '.join(plan.paths)}: {exc}") from exc
    if not items:
        raise CannotRun("no input files found under " + ", ".join(plan.paths))
    client = None
    batch_rules: dict[str, Any] = {}

    def load_batch_rules() -> None:
        # pandera and great-expectations take seconds to import: done while the workers
        # run the first pass, which writes nothing, so a broken file still leaves no output.
        batch_rules["schema"] = _load_schema(config.schema) if config.schema else None
        batch_rules["suite"] = _load_suite(plan.suite, plan.data_docs) if plan.suite else None

    try:
        prepare(config)
        warn(missing(declared(config)))
        client = _engine_client(plan)
        with local_workers(plan.jobs, len(items)) as workers:
            mapper = _mapper(client) or workers
            surveyed = survey_corpus(items, config, plan.jobs, mapper, meanwhile=load_batch_rules)
            ledger = _open_ledger(config.out)  # last: a run stopped above leaves nothing written
            if config.out is not None:
                batch.mark_stale(config.out, datetime.now(UTC).isoformat(timespec="seconds"))
            with progress(len(items)) as advance:
                result = run(items, config, plan.jobs, advance, ledger, plan.cache, mapper, surveyed)
            if batch_rules["schema"] is not None:
                batch.apply_schema(result, config, batch_rules["schema"], mapper, plan.jobs)
    except RuleFileError as exc:
        raise CannotRun(str(exc)) from exc
    finally:
        if client is not None:
            from copydesk.run.dask import close

            close(client)
    if batch_rules["suite"] is not None:
        batch.apply_expectations(result, batch_rules["suite"], config.out if plan.data_docs else None)
    if ledger is not None:
        ledger.mark_batch(result.batch_flagged)
        ledger.close()
        if ledger.problem is not None:
            warn([ledger.problem])
    result.summary = summary(result, config)
    _write_outputs(plan, result)
    return result


def _manifest_files(config: RunConfig) -> frozenset[Path]:
    return frozenset(path.resolve() for path in config.manifests)


def _mapper(client: Any) -> Any:
    if client is None:
        return None
    from copydesk.run.dask import mapper

    return mapper(client)


def _write_outputs(plan: CheckPlan, result: RunResult) -> None:
    config = plan.config
    try:
        if config.out is not None or config.out_url is not None:
            batch.write_batch_outputs(result, result.summary, config)
        if plan.junit is not None:
            write_atomic(plan.junit, batch.junit_of(result, result.summary))
        if plan.prov is not None:
            from copydesk.reports.provenance import run_bundle

            documents = [row["provenance"] for row in result.files if row["provenance"]]
            bundle = run_bundle(documents, result.started, result.started + timedelta(seconds=result.elapsed))
            write_atomic(plan.prov, json.dumps(bundle, ensure_ascii=False, indent=1) + "\n")
    except OSError as exc:  # a full disk, a folder where a report goes: the run's artefacts are missing
        raise CannotRun(f"cannot write the run's outputs: {os_problem(exc)}") from exc
