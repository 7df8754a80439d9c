"""GitHub Actions workflow commands: findings shown on the lines of the pull request.

Printed when ``GITHUB_ACTIONS=true``; GitHub turns each ``::error file=...,line=...::``
line of the job's log into an annotation on that file and line. Values are escaped the
way the runner expects, so scraped text cannot forge a second command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from copydesk.text.controls import escaped

LEVELS = {"error": "error", "warning": "warning"}
MAX_PER_LEVEL = 10  # GitHub shows about ten annotations of a kind per step; the rest say where to look
MAX_SUMMARY_ROWS = 50  # files listed in the step summary


def _data(value: str) -> str:
    """The runner's escapes (%, CR, LF), then every other control character made visible."""
    return escaped(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, path: str, line: int | None, title: str, message: str) -> str:
    properties = [f"file={_property(path)}"]
    if line:
        properties.append(f"line={line}")
    properties.append(f"title={_property(title)}")
    return f"::{level} {','.join(properties)}::{_data(message)}"


def file_annotations(rows: Iterable[dict[str, Any]], path_of: Callable[[str], Path | None]) -> Iterator[str]:
    """One command per error or warning finding, the first ``MAX_PER_LEVEL`` of each level,
    then one notice counting the rest; info findings stay in the reports.

    ``path_of`` names a file's path as given (the row has its name in the run); asked only
    for the files with something to show.
    """
    shown_count = {level: 0 for level in LEVELS.values()}
    left = {level: 0 for level in LEVELS.values()}
    for row in rows:
        shown = None
        for finding in row["findings"]:
            level = LEVELS.get(finding["severity"])
            if level is None:
                continue
            if shown_count[level] >= MAX_PER_LEVEL:
                left[level] += 1
                continue
            shown_count[level] += 1
            if shown is None:
                path = path_of(row["name"])
                shown = path.as_posix() if path is not None else row["name"]
            yield annotation(level, shown, finding["line"], f"copydesk {finding['rule']}", finding["message"])
    if any(left.values()):
        counted = " and ".join(f"{n} more {level}(s)" for level, n in left.items() if n)
        yield f"::notice title=copydesk::{counted} not annotated: see the run's reports (summary.json, index.html)"


def step_summary(data: dict[str, Any], rows: Iterable[dict[str, Any]]) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: the counts, the files that failed, the batch failures."""
    counts = data["counts"]
    lines = [
        "## copydesk",
        "",
        f"{counts['files']} file(s): {counts['pass']} pass, {counts['warn']} warn, {counts['fail']} fail; "
        f"{counts['failed_gate']} failed the gate (--fail-on {data['fail_on']})",
        "",
    ]
    failed = [row for row in rows if row.get("failed")]
    if failed:
        lines += ["| file | first finding |", "|---|---|"]
        for row in failed[:MAX_SUMMARY_ROWS]:
            first = row["findings"][0] if row["findings"] else None
            said = f"{first['rule']}: {first['message']}" if first else row["verdict"]
            lines.append(f"| {_cell(row['name'])} | {_cell(said)} |")
        if len(failed) > MAX_SUMMARY_ROWS:
            lines.append(f"| … | {len(failed) - MAX_SUMMARY_ROWS} more |")
        lines.append("")
    for failure in data["batch"]["failures"]:
        lines.append(f"- batch {_cell(failure['rule'])}: {_cell(failure['message'])}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text in a Markdown table cell: no markup, no line breaks, no column breaks."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "&#124;"), ("`", "&#96;")):
        text = text.replace(char, entity)
    return escaped(text)


def batch_annotations(failures: Iterable[dict[str, str]]) -> Iterator[str]:
    for failure in failures:
        yield f"::error title={_property('copydesk ' + failure['rule'])}::{_data(failure['message'])}"
