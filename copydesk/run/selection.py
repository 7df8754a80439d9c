"""Which files under a folder are articles: globs, the folder's .gitignore, and what is never news.

A folder handed to the gate usually holds more than articles: a README, the manifest, a
rules folder, last run's reports. By default only ``*.txt`` files are articles; a
project widens or narrows that with include and exclude globs (the command line's
``--include``/``--exclude`` or the configuration's ``include``/``exclude``). A glob
without ``/`` matches a file's name at any depth (``*.txt``); one with ``/`` matches its
path under the folder given (``2024/**/*.txt``, ``drafts/*``), ``**`` standing for any
number of folders. Inside a git work tree, what git ignores is not walked. A file named
on the command line is always checked, whatever its name.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

DEFAULT_INCLUDE = ("*.txt",)
GLOB_CHARS = frozenset("*?[")


@cache
def glob_pattern(glob: str) -> regex.Pattern[str]:
    """A glob as a compiled pattern over a ``/``-separated relative path (or a bare name)."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and (end := glob.find("]", i + 2)) != -1:
            body = glob[i + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(regex.escape(glob[i]))
            i += 1
    return regex.compile("".join(out), regex.DOTALL)


def glob_matches(glob: str, relative: str) -> bool:
    """Whether ``relative`` (a path under the folder given, ``/``-separated) matches ``glob``."""
    target = relative if "/" in glob.strip("/") else relative.rsplit("/", 1)[-1]
    return glob_pattern(glob.strip("/")).fullmatch(target) is not None


def is_glob(text: str) -> bool:
    return any(ch in GLOB_CHARS for ch in text)


@dataclass(frozen=True, slots=True)
class Selection:
    """The rule a walk applies to each file it finds (files named directly are not asked)."""

    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    gitignore: bool = True  # inside a git work tree, leave out what git ignores

    def selects(self, relative: str) -> bool:
        if not any(glob_matches(glob, relative) for glob in self.include):
            return False
        return not any(glob_matches(glob, relative) for glob in self.exclude)

    def excludes_folder(self, relative: str) -> bool:
        """A folder an exclude glob names whole (``drafts``, ``drafts/``, ``**/old``) is not walked."""
        return any(glob_matches(glob.rstrip("/"), relative) for glob in self.exclude)


ARTICLES = Selection()  # the default: *.txt, what git ignores left out
EVERY_FILE = Selection(("*",), (), gitignore=False)


def git_ignored(root: Path) -> frozenset[str]:
    """What git ignores under ``root`` (relative paths; a folder ends in ``/``), or nothing
    outside a work tree or without git.

    One ``git ls-files`` call per folder walked: ignored folders come back as one entry,
    so a crawl's ignored output folders cost one line each.
    """
    git = shutil.which("git")
    if git is None:
        return frozenset()
    command = [
        git,
        "-C",
        os.fspath(root),
        "ls-files",
        "-z",
        "--others",
        "--ignored",
        "--exclude-standard",
        "--directory",
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if done.returncode != 0:  # not a work tree (or git refused): nothing is ignored
        return frozenset()
    return frozenset(os.fsdecode(entry) for entry in done.stdout.split(b"\0") if entry)


def ignored(relative: str, entries: frozenset[str], folder: bool = False) -> bool:
    """Whether a path is one git ignores, or lies in a folder git ignores."""
    if not entries:
        return False
    if (relative + "/" if folder else relative) in entries:
        return True
    parts = relative.split("/")
    return any("/".join(parts[:i]) + "/" in entries for i in range(1, len(parts)))
