"""Project configuration: a ``[tool.copydesk]`` table in ``pyproject.toml``, or ``copydesk.toml``.

Found the way ruff and pytest find theirs: walking up from the current folder, the first
folder with a ``copydesk.toml`` (its top level is the table) or a ``pyproject.toml`` that
has a ``[tool.copydesk]`` table wins. Paths in it are relative to the file's folder.
Command-line flags override every key. An unknown key or a value of the wrong type is an
error naming the file, so a typo cannot quietly change what the gate checks.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copydesk import model
from copydesk.rules.errors import RuleFileError

FILE_NAMES = ("copydesk.toml", "pyproject.toml")
FAIL_ON = tuple(model.FAIL_ON)
MAX_CONFIG_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class Config:
    """What a project declares; ``None`` where it declares nothing (the built-in default applies)."""

    path: Path | None = None  # the file it came from
    rules: Path | None = None
    fail_on: str | None = None
    include: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()
    max_bytes: int | None = None
    out: str | None = None
    suite: bool | None = None  # run the records expectation suite when one is declared
    data_docs: bool | None = None  # have great-expectations write its Data Docs for the suite
    jobs: int | None = None


def _table(path: Path) -> dict[str, Any] | None:
    """The copydesk table of one file, or ``None`` when a pyproject.toml has none."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise RuleFileError(path, None, f"configuration file over {MAX_CONFIG_BYTES} bytes")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, f"cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(path, None, f"invalid TOML: {exc}") from exc
    if path.name == "copydesk.toml":
        return data
    table = data.get("tool", {}).get("copydesk") if isinstance(data.get("tool"), dict) else None
    return table if isinstance(table, dict) else None


def find(start: Path | None = None) -> Config:
    """The configuration that applies in ``start`` (the current folder by default), or an empty one."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in FILE_NAMES:
            path = candidate / name
            if path.is_file():
                table = _table(path)
                if table is not None:
                    return parse(table, path)
    return Config()


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise RuleFileError(path, None, f"{key}: must be a glob or a list of globs")
    return tuple(value)


def _check(path: Path, key: str, value: Any, kind: type, rule: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RuleFileError(path, None, f"{key}: must be {rule}")
    return value


def parse(table: dict[str, Any], path: Path) -> Config:
    """A table's keys, checked (kebab-case, as in ``fail-on``; snake_case is accepted too)."""
    base = path.parent
    values: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        if key == "rules":
            values["rules"] = base / _check(path, key, value, str, "a folder path")
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise RuleFileError(path, None, f"fail-on: must be one of {', '.join(FAIL_ON)}")
            values["fail_on"] = value
        elif key in ("include", "exclude"):
            values[key] = _strings(path, key, value)
        elif key == "max-bytes":
            if _check(path, key, value, int, "a whole number of bytes") < 1:
                raise RuleFileError(path, None, "max-bytes: must be 1 or more")
            values["max_bytes"] = value
        elif key == "out":
            text = _check(path, key, value, str, "a folder path or URL")
            values["out"] = text if "://" in text else str(base / text)
        elif key in ("suite", "data-docs"):
            values[key.replace("-", "_")] = _check(path, key, value, bool, "true or false")
        elif key == "jobs":
            if _check(path, key, value, int, "a whole number") < 1:
                raise RuleFileError(path, None, "jobs: must be 1 or more")
            values["jobs"] = value
        else:
            known = "rules, fail-on, include, exclude, max-bytes, out, suite, data-docs, jobs"
            raise RuleFileError(path, None, f"unknown key {raw_key!r} (known: {known})")
    return Config(path=path, **values)
