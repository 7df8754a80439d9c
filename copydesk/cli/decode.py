"""``copydesk decode``: the decoded, repaired text, before any cleaning."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from copydesk.cli.common import STDIN_ARG, die, say, stdin_bytes
from copydesk.decode.input import decode_path
from copydesk.reports.paths import safe_relative
from copydesk.run.discover import discover


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write DIR/<name>.txt per file.")
@click.option("--language", default=None, help="Declared language (ISO 639-1): guides legacy detection.")
def decode(files: tuple[Path, ...], out: Path | None, language: str | None) -> None:
    """Print the decoded, repaired text (UTF-8), before any cleaning. FILE '-' reads stdin."""
    from copydesk.decode.input import DecodeOutcome, decode_data
    from copydesk.io import os_problem, write_atomic

    if str(files[0]) == STDIN_ARG and len(files) == 1 and out is None:
        outcome = DecodeOutcome(path=Path("<stdin>"))
        decode_data(stdin_bytes(), outcome, language)
        if outcome.decoded is None:
            die("<stdin>: " + "; ".join(f.message for f in outcome.findings), 1)
        sys.stdout.buffer.write(outcome.decoded.text.encode("utf-8"))
        sys.exit(0)
    from copydesk.run.selection import Selection

    items = discover(list(files), selection=Selection(include=("*",)))  # a conversion: every file of a folder
    if out is None and len(items) != 1:
        die("decode prints one file to stdout; give --out DIR for several")
    status = 0
    for item in items:
        outcome = decode_path(item.path, language)
        if outcome.decoded is None:
            problem = "; ".join(f.message for f in outcome.findings)
            say(f"copydesk: {item.path}: {problem}", err=True)
            status = 1
            continue
        if out is None:
            sys.stdout.buffer.write(outcome.decoded.text.encode("utf-8"))
            continue
        try:
            write_atomic(out / f"{safe_relative(item.name)}.txt", outcome.decoded.text)
        except OSError as exc:
            say(f"copydesk: {item.path}: cannot write the decoded text: {os_problem(exc)}", err=True)
            status = 1
    sys.exit(status)
