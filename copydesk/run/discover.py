"""Finding input files: walk directories, name each file, never leave a directory given.

A file's name in the outputs is its path relative to the directory argument it was
found under, or its base name when given directly. Symlinks inside a directory are
followed only when they stay inside it, so a link cannot pull files from elsewhere
into the gate.
"""

from __future__ import annotations

import glob as globlib
import os
from collections.abc import Iterator
from pathlib import Path

from copydesk.io import resolved
from copydesk.run.inputs import InputFile, Inputs
from copydesk.run.selection import ARTICLES, Selection, git_ignored, ignored, is_glob

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".nox", ".venv", "node_modules"})
# What every ``copydesk check --out`` folder holds: a run over a folder that holds the
# last run's outputs must not check its reports and clean texts as news.
OUTPUT_FILES = ("summary.json", "records.parquet")
OUTPUT_DIR = "files"


def printable(name: str) -> str:
    """The name as text every output can hold: bytes the filesystem's encoding cannot
    decode (lone surrogates in ``os.fsdecode``'s names) are shown as ``\\xNN``.

    A report, an index line or a JUnit case is UTF-8, which has no room for those
    surrogates; the file itself is still read by its real path.
    """
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _inside(root: Path, path: Path) -> bool:
    target = resolved(path)  # a loop stays where it is written, inside, and reading it says what is wrong
    return target == root or root in target.parents


def is_output_folder(path: Path) -> bool:
    """A folder a copydesk run wrote its outputs to."""
    return (path / OUTPUT_DIR).is_dir() and all((path / name).is_file() for name in OUTPUT_FILES)


def _walked(directory: str, name: str, skip: frozenset[Path]) -> bool:
    if name in SKIP_DIRS or name.startswith("."):
        return False
    path = Path(directory) / name
    return not is_output_folder(path) and (not skip or resolved(path) not in skip)


def walk(root: Path, skip: frozenset[Path] = frozenset(), selection: Selection = ARTICLES) -> Iterator[InputFile]:
    """The files under ``root`` that ``selection`` takes, in a stable order, as found;
    subfolders in ``skip`` (resolved), output folders and what git ignores are left out."""
    real_root = root.resolve()
    ignored_here = git_ignored(root) if selection.gitignore else frozenset()
    for directory, subdirs, files in os.walk(root, followlinks=False):
        below = Path(directory).relative_to(root).as_posix()
        prefix = "" if below == "." else below + "/"
        subdirs[:] = sorted(
            d
            for d in subdirs
            if _walked(directory, d, skip)
            and not selection.excludes_folder(prefix + d)
            and not ignored(prefix + d, ignored_here, folder=True)
        )
        for filename in sorted(files):
            relative = prefix + filename
            if filename.startswith(".") or not selection.selects(relative) or ignored(relative, ignored_here):
                continue
            path = Path(directory) / filename
            if path.is_symlink() and not _inside(real_root, path):
                continue
            yield InputFile(path, printable(relative))


def discover_args(
    args: list[str],
    exclude: frozenset[Path] = frozenset(),
    skip: frozenset[Path] = frozenset(),
    selection: Selection = ARTICLES,
) -> Inputs:
    """``discover`` for command-line arguments that may be fsspec URLs as well as paths.

    The inputs go to disk as they are found (:class:`copydesk.run.inputs.Inputs`): a crawl's
    millions of names are not held in the process.
    """
    from copydesk.io import find_url, is_url

    local = [Path(arg) for arg in expand_globs([arg for arg in args if not is_url(arg)])]
    found = Inputs(found_under(local, exclude, skip, selection))
    try:
        for arg in (a for a in args if is_url(a)):
            found.extend(InputFile(Path(name), name, url) for url, name in find_url(arg))
    except BaseException:
        found.close()
        raise
    return found


def expand_globs(args: list[str]) -> list[str]:
    """Arguments with glob characters that name no file are expanded (``corpus/*.txt``,
    ``'crawl/**/*.txt'``), as a shell would, in sorted order; a glob matching nothing
    stays, to be reported as a file not found."""
    expanded: list[str] = []
    for arg in args:
        if is_glob(arg) and not os.path.lexists(arg):
            matches = sorted(globlib.glob(arg, recursive=True))
            expanded.extend(matches or [arg])
        else:
            expanded.append(arg)
    return expanded


def discover(
    paths: list[Path],
    exclude: frozenset[Path] = frozenset(),
    skip: frozenset[Path] = frozenset(),
    selection: Selection = ARTICLES,
) -> list[InputFile]:
    """Every input file, in a stable order, with unique names.

    A path that does not exist is kept: the pipeline reports it as a failed file.
    ``exclude`` drops files such as the manifest that sit beside the inputs; ``skip``
    drops folders (resolved), such as the run's own output folder inside an input folder.
    A folder given as an argument is always walked, even when it holds a run's outputs.
    """
    inputs = Inputs(found_under(paths, exclude, skip, selection))  # names made unique as a run's are
    try:
        return list(inputs)
    finally:
        inputs.close()


def found_under(
    paths: list[Path],
    exclude: frozenset[Path] = frozenset(),
    skip: frozenset[Path] = frozenset(),
    selection: Selection = ARTICLES,
) -> Iterator[InputFile]:
    """``discover``'s files one at a time, as found; names not yet made unique."""
    names = {path.name for path in exclude}  # only a link or a file with an excluded name is resolved
    for path in paths:
        if path.is_dir():
            yield from (item for item in walk(path, skip, selection) if not _excluded(item.path, names, exclude))
        else:
            yield InputFile(path, printable(path.name))


def _excluded(path: Path, names: set[str], exclude: frozenset[Path]) -> bool:
    return (path.name in names or path.is_symlink()) and resolved(path) in exclude
