"""What every command shares: the one-line error, the project's settings, where rules and manifests are.

Exit status is the contract: 0 every file passed the gate, 1 at least one failed, 2 could
not run (usage, configuration, rules or manifest error), 130 interrupted. Problems with
input files are findings on those files, printed as one line each, never tracebacks.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from copydesk.check.expectations import SUITE_NAME
from copydesk.check.schema import SCHEMA_NAME
from copydesk.cli.config import Config
from copydesk.cli.config import find as find_config
from copydesk.io import DEFAULT_MAX_BYTES
from copydesk.rules.errors import RuleFileError
from copydesk.rules.layers import KINDS, SWITCHES_NAME
from copydesk.text.controls import escaped

MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
STDIN_ARG = "-"
EXIT_CODES = """Exit status: 0 every file passed the gate (or --fail-on never); 1 a file or a batch
check failed the gate; 2 could not run (usage, configuration, rules or manifest error, or the
run's outputs could not be written); 130 interrupted (Ctrl-C); 143 terminated (SIGTERM)."""


def die(message: str, status: int = EXIT_USAGE) -> NoReturn:
    say(f"copydesk: error: {message}", err=True)
    sys.exit(status)


def shown(text: str) -> str:
    """A line as the terminal or a CI log may receive it: its data's control characters
    escaped (:mod:`copydesk.text.controls`)."""
    return escaped(text)


def say(line: str, err: bool = False) -> None:
    """Print one line of copydesk's own output, its data made harmless (:func:`shown`)."""
    click.echo(shown(line), err=err)


RULES_MARKERS = (*KINDS, "languages", SWITCHES_NAME)  # what makes ./rules a rules folder


def project() -> Config:
    """The configuration that applies here (``[tool.copydesk]``, ``copydesk.toml``), checked."""
    try:
        return find_config()
    except RuleFileError as exc:
        die(str(exc))


def default_rules(rules: Path | None, config: Config | None = None) -> Path | None:
    """The rules folder: the one given, else the configuration's, else ``./rules`` when it holds rules."""
    if rules is not None:
        return rules
    config = config if config is not None else project()
    if config.rules is not None:
        return config.rules
    candidate = Path("rules")
    declared = (SCHEMA_NAME, SUITE_NAME, *RULES_MARKERS)
    return candidate if any((candidate / name).exists() for name in declared) else None


def rules_line(rules_dir: Path | None) -> str:
    return "rules: built-in only" if rules_dir is None else f"rules: built-in + {rules_dir}"


def default_manifests(manifest: Path | None, paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """The manifest named explicitly, or each one found inside a folder being checked."""
    if manifest is not None:
        return (manifest,)
    found = []
    for folder in (p for p in paths if p.is_dir()):
        present = [folder / name for name in MANIFEST_NAMES if (folder / name).is_file()]
        if len(present) > 1:
            die(f"{folder}: holds both {' and '.join(p.name for p in present)}; keep one, or name it with --manifest")
        found.extend(present)
    return tuple(found)


def declared_file(given: Path | None, rules_dir: Path | None, name: str) -> Path | None:
    """The file given, or the rules folder's file of that name when there is one."""
    if given is not None:
        return given
    candidate = rules_dir / name if rules_dir is not None else None
    return candidate if candidate is not None and candidate.is_file() else None


def stdin_bytes(max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Standard input, read up to the size limit (a larger input is refused, not read whole)."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        die(f"<stdin>: over the {max_bytes:,}-byte limit; not read", 1)
    return data


rules_option = click.option(
    "--rules",
    "rules",
    type=click.Path(path_type=Path),
    default=None,
    help="Project rules folder (sources/, records schema, suite). Default: the configuration's, else ./rules.",
)
manifest_option = click.option(
    "--manifest",
    type=click.Path(path_type=Path),
    default=None,
    help="CSV or JSONL manifest: path, url, source, fetched_at, language, license.",
)
