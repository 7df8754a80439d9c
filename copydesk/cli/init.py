"""``copydesk init``: a project folder that runs the gate on its first try.

The files are package data (``copydesk/data/starter``), so what ``init`` writes is what
the tests check: a commented source profile, an example article with its manifest, the
settings file and a GitHub Actions workflow that runs the gate and keeps the HTML report.
An existing file is never overwritten.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import click

from copydesk.cli.common import die, say
from copydesk.io import os_problem, write_atomic

RENAMED = {"github": ".github"}  # a dot-folder does not travel well as package data


def _files(folder: Traversable, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Traversable]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(("_", ".")):
            continue
        if entry.is_dir():
            yield from _files(entry, (*prefix, entry.name))
        else:
            yield (*prefix, entry.name), entry


def starter_files() -> list[tuple[Path, str]]:
    """Each starter file's path (relative to the project folder) and text."""
    root = resources.files("copydesk.data").joinpath("starter")
    found = []
    for parts, entry in _files(root):
        relative = Path(RENAMED.get(parts[0], parts[0]), *parts[1:])
        found.append((relative, entry.read_text(encoding="utf-8")))
    return found


def write_starter(folder: Path) -> list[tuple[Path, bool]]:
    """Write the starter into ``folder``: each path, and whether it was written (False: it existed)."""
    done = []
    for relative, text in starter_files():
        target = folder / relative
        if target.exists():
            done.append((target, False))
            continue
        write_atomic(target, text)
        done.append((target, True))
    return done


@click.command(name="init")
@click.argument("folder", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
def init(folder: Path) -> None:
    """Write a starter project into FOLDER (default: here): a rules folder with one commented
    source profile, an example article and manifest, copydesk.toml and a GitHub Actions
    workflow that runs the gate and uploads the HTML report. Existing files are left alone."""
    try:
        done = write_starter(folder)
    except OSError as exc:
        die(f"{folder}: cannot write the starter: {os_problem(exc)}")
    for path, written in done:
        say(f"{'wrote' if written else 'kept '} {path}")
    say(f"next: cd {folder} && copydesk check corpus  (settings in copydesk.toml)")
