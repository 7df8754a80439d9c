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

from copydesk.io import write_atomic

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


def init(folder: Path) -> list[tuple[Path, bool]]:
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
