"""great-expectations as the suite's engine: its own check of a suite, its run, its Data Docs.

Used when the suite holds an expectation copydesk does not evaluate itself
(:mod:`copydesk.check.expectation_types`) or when Data Docs are asked for. The suite runs
in an ephemeral GX context (nothing written but the Data Docs asked for).
great-expectations is an extra (``copydesk[gx]``) and is imported only here. GX sends
usage analytics by default: a gate must not phone home, so they are turned off in the
environment before GX is imported.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.check.records import pandas_frame
from copydesk.io import write_atomic
from copydesk.rules.errors import RuleFileError

if TYPE_CHECKING:
    from copydesk.check.expectations import Suite

ENGINE = "great_expectations"
INSTALL_HINT = "great-expectations is not installed: pip install 'copydesk[gx]'"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def check_suite(suite: Suite) -> None:
    """GX's own check of each expectation: a known type with valid arguments.

    GX logs and drops an expectation it cannot build rather than raising, so each is
    built alone and a dropped one is reported with what GX logged.
    """
    gx = import_gx(suite.path)
    collect = _Collect()
    gx_log = logging.getLogger("great_expectations")
    gx_log.addHandler(collect)
    try:
        for number, expectation in enumerate(_suite_fields(suite)["expectations"], 1):
            collect.messages.clear()
            try:
                built = gx.ExpectationSuite(name="check", expectations=[expectation])
            except Exception as exc:  # GX raises many kinds for a bad expectation
                collect.messages.append(str(exc))
                built = None
            if built is None or len(built.expectations) != 1:
                said = collect.messages[-1].rsplit(": ", 1)[-1] if collect.messages else "rejected by GX"
                raise RuleFileError(suite.path, None, f"expectation {number} ({expectation['type']}): {said}")
    finally:
        gx_log.removeHandler(collect)


def import_gx(path: Path) -> Any:
    """great_expectations, with its analytics off; an install hint when the extra is missing."""
    os.environ["GX_ANALYTICS_ENABLED"] = "False"
    # GX logs tracebacks for problems copydesk reports itself, in one line.
    gx_log = logging.getLogger("great_expectations")
    if not gx_log.handlers:
        gx_log.addHandler(logging.NullHandler())
        gx_log.propagate = False
    try:
        import great_expectations as gx
    except ImportError as exc:
        raise RuleFileError(path, None, INSTALL_HINT) from exc
    return gx


def _site(docs: Path) -> dict[str, Any]:
    return {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }


def run_suite(suite: Suite, records: Iterable[dict[str, Any]], docs: Path | None) -> dict[str, Any]:
    """Validate the records against the suite in GX; the result as plain JSON, Data Docs under ``docs``."""
    gx = import_gx(suite.path)
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # a CI log is no terminal
    expectation_suite = context.suites.add(gx.ExpectationSuite(**_suite_fields(suite)))
    asset = context.data_sources.add_pandas("copydesk").add_dataframe_asset("records")
    batch = asset.add_batch_definition_whole_dataframe("batch")
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name="records", data=batch, suite=expectation_suite)
    )
    actions = []
    if docs is not None:
        context.add_data_docs_site(site_name="copydesk", site_config=_site(docs.resolve()))
        actions.append(gx.checkpoint.UpdateDataDocsAction(name="data_docs", site_names=["copydesk"]))
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(name="copydesk", validation_definitions=[validation], actions=actions)
    )
    outcome = checkpoint.run(batch_parameters={"dataframe": pandas_frame(records)})
    if docs is not None:
        lock_down(docs)
    return _summarise(suite, outcome.describe_dict(), docs)


# No script of any kind, inline handlers included: GX renders a record's values (a manifest's
# language or license, a scraped title) into its pages unescaped, and a scraped value is
# hostile input. The pages stay readable; their few interactive touches go.
DOCS_POLICY = "default-src 'none'; style-src 'unsafe-inline' https:; img-src data: https:; font-src data: https:"
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


def lock_down(docs: Path) -> None:
    """Give every Data Docs page a Content-Security-Policy that forbids scripts."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{DOCS_POLICY}">'
    for page in docs.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="surrogateescape")
        if meta in text:
            continue
        head = _HEAD.search(text)
        locked = text[: head.end()] + meta + text[head.end() :] if head else meta + text
        write_atomic(page, locked.encode("utf-8", errors="surrogateescape"))


def _suite_fields(suite: Suite) -> dict[str, Any]:
    """The fields GX's ExpectationSuite takes; ids GX assigns are dropped so a saved suite loads."""
    keep = ("name", "expectations", "meta", "notes")
    fields = {key: suite.data[key] for key in keep if key in suite.data}
    fields["expectations"] = [{k: v for k, v in e.items() if k != "id"} for e in fields["expectations"]]
    return fields


def _summarise(suite: Suite, described: dict[str, Any], docs: Path | None) -> dict[str, Any]:
    results = described["validation_results"][0]
    expectations = []
    for item in results["expectations"]:
        kwargs = {key: value for key, value in item["kwargs"].items() if key != "batch_id"}
        result = item.get("result") or {}
        expectations.append(
            {
                "type": item["expectation_type"],
                "kwargs": kwargs,
                "success": bool(item["success"]),
                "unexpected_count": result.get("unexpected_count"),
                "observed_value": _plain(result.get("observed_value")),
            }
        )
    return {
        "suite": str(suite.path),
        "engine": ENGINE,
        "success": bool(described["success"]),
        "evaluated": results["statistics"]["evaluated_expectations"],
        "failed": results["statistics"]["unsuccessful_expectations"],
        "expectations": expectations,
        "data_docs": str(docs / "index.html") if docs is not None else None,
    }


def _plain(value: Any) -> Any:
    """A JSON-safe rendering of GX's observed values (numpy scalars, timestamps)."""
    try:
        json.dumps(value)
    except TypeError:
        return str(value)
    return value
