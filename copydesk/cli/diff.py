"""``copydesk diff``: what changed between two runs' output folders."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from copydesk.cli.common import die


@click.command(name="diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(old: Path, new: Path, fmt: str) -> None:
    """List files whose verdict, findings or extracted fields changed between two runs' output folders.

    Exit status as diff's: 0 no change, 1 changes, 2 a folder is not a copydesk output folder.
    """
    from copydesk.reports.diff import NotARunFolder, compare, reports

    try:
        changes = list(compare(reports(old), reports(new)))
    except NotARunFolder as exc:
        die(str(exc))
    if fmt == "json":
        click.echo(json.dumps([change.as_dict() for change in changes], ensure_ascii=False))
    else:
        for change in changes:
            click.echo(change.line())
        click.echo(f"{len(changes)} file(s) changed")
    sys.exit(1 if changes else 0)
