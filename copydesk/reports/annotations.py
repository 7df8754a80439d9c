"""GitHub Actions workflow commands: findings shown on the lines of the pull request.

Printed when ``GITHUB_ACTIONS=true``; GitHub turns each ``::error file=...,line=...::``
line of the job's log into an annotation on that file and line. Values are escaped the
way the runner expects, so scraped text cannot forge a second command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

LEVELS = {"error": "error", "warning": "warning"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, path: str, line: int | None, title: str, message: str) -> str:
    properties = [f"file={_property(path)}"]
    if line:
        properties.append(f"line={line}")
    properties.append(f"title={_property(title)}")
    return f"::{level} {','.join(properties)}::{_data(message)}"


def file_annotations(rows: Iterable[dict[str, Any]], path_of: Callable[[str], Path | None]) -> Iterator[str]:
    """One command per error or warning finding; info findings stay in the reports.

    ``path_of`` names a file's path as given (the row has its name in the run); asked only
    for the files with something to show.
    """
    for row in rows:
        shown = None
        for finding in row["findings"]:
            level = LEVELS.get(finding["severity"])
            if level is None:
                continue
            if shown is None:
                path = path_of(row["name"])
                shown = path.as_posix() if path is not None else row["name"]
            yield annotation(level, shown, finding["line"], f"copydesk {finding['rule']}", finding["message"])


def batch_annotations(failures: Iterable[dict[str, str]]) -> Iterator[str]:
    for failure in failures:
        yield f"::error title={_property('copydesk ' + failure['rule'])}::{_data(failure['message'])}"
