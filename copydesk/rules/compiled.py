"""Compiled patterns kept between runs, so a run does not parse every rule again.

Compiling is most of a short run's start-up: the ``regex`` package parses each pattern
in Python, and full case folding makes ``(?i)`` rules slow to parse (about half of a
one-file check, measured). A compiled ``regex`` pattern pickles as its compiled program,
and loading that program back skips the parse, about a hundred times faster. So each
process loads what earlier runs compiled from one file in the user's cache folder, and
adds to it what it had to compile.

The file holds every pattern any run compiled (rules of other projects, the month names of
other languages, rules since edited), up to ``MAX_PATTERNS``; a run needs a few hundred of
them. So each pattern is pickled on its own and the file is a table of those pickles: a
run unpickles the table, which builds only keys and byte strings, and a pattern only when
it asks for it. Unpickling all of them cost a one-file check 0.24 s with 3,400 patterns
(0.6 s at the bound); building the table costs a few milliseconds.

The file only ever speeds things up. Missing, unreadable, damaged (its digest is checked)
or written by another ``regex`` or Python version, it is ignored; where it cannot be
written, nothing is written. The table is read with an unpickler that builds nothing but
its keys and bytes, each pattern with one that builds ``regex`` patterns and nothing else,
so a planted file cannot run code; a stored pattern that is not the one asked for is
compiled afresh. A pattern comes from it only after it compiled once, so a rule that does
not compile still fails as before, on the miss.

The folder is :func:`copydesk.io.cache_folder`'s (``COPYDESK_CACHE_DIR``).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
import sys
from pathlib import Path
from typing import Any

import regex

from copydesk.io import cache_folder

MAX_PATTERNS = 8192  # written at most: this process's patterns first, then the file's others
BATCH = 64  # after a process's first write, new patterns wait for this many (each write reads and merges the file)
_DIGEST = 32  # bytes of blake2b over the pickle, in front of it
_ALLOWED = frozenset({("regex._regex", "compile")})  # how a regex pattern pickles itself
FORMAT = "t2"  # a table of pickled patterns; an older copydesk's file (one pickle of them all) has another name

Key = tuple[str, int]


def location() -> Path | None:
    """The cache file for this ``regex`` and Python; None when caching is off or there is no home."""
    found = cache_folder()
    name = f"patterns-{FORMAT}-{regex.__version__}-{sys.implementation.cache_tag}.pickle"
    return None if found is None else found / name


class _PatternsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"not a compiled pattern: {module}.{name}")
        return super().find_class(module, name)


class _PlainOnly(pickle.Unpickler):
    """The table: a dict of tuples, strings, numbers and bytes, which need no class at all."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"not a table of patterns: {module}.{name}")


def read_store(path: Path) -> dict[Key, bytes]:
    """Each stored pattern, still pickled, by its key; empty when the file is missing, damaged or not ours."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    digest, payload = data[:_DIGEST], data[_DIGEST:]
    if hashlib.blake2b(payload, digest_size=_DIGEST).digest() != digest:
        return {}
    try:
        found = _PlainOnly(io.BytesIO(payload)).load()
    except Exception:  # an unpickling error of any kind means the same: not a file to use
        return {}
    if not isinstance(found, dict):
        return {}
    return {
        key: value
        for key, value in found.items()
        if isinstance(key, tuple) and len(key) == 2 and isinstance(value, bytes)
    }


def frozen(pattern: Any) -> bytes:
    """One compiled pattern as the file keeps it."""
    return pickle.dumps(pattern, protocol=pickle.HIGHEST_PROTOCOL)


def thawed(stored: bytes, key: Key) -> Any | None:
    """The pattern a stored pickle builds, if it builds nothing else and is the one ``key`` names."""
    try:
        found = _PatternsOnly(io.BytesIO(stored)).load()
    except Exception:  # as in read_store: not a pattern to use
        return None
    return found if isinstance(found, regex.Pattern) and found.pattern == key[0] else None


def write_store(path: Path, patterns: dict[Key, bytes]) -> None:
    """Write the file atomically: a reader sees the old one or the new one."""
    from copydesk.io import write_atomic

    payload = pickle.dumps(patterns, protocol=pickle.HIGHEST_PROTOCOL)
    write_atomic(path, hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)


class Store:
    """This process's compiled patterns, and those the cache file held when first asked."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stored: dict[Key, bytes] | None = None  # the file's table, read on the first compile
        self.used: dict[Key, Any] = {}
        self.kept: dict[Key, bytes] = {}  # the used patterns' pickles, as the file will hold them
        self.fresh = 0  # compiled here since the file was last written
        self.written = False

    def compile(self, source: str, flags: int) -> Any:
        key = (source, int(flags))
        found = self.used.get(key)
        if found is not None:
            return found
        if self.stored is None:
            self.stored = read_store(self.path) if self.path is not None else {}
        stored = self.stored.get(key)
        if stored is not None and (found := thawed(stored, key)) is not None:
            self.kept[key] = stored
        else:
            found = regex.compile(source, flags)  # raises regex.error for a broken rule, as before
            self.fresh += 1
        self.used[key] = found
        return found

    def persist(self, force: bool = False) -> None:
        """Write what this process compiled, merged with what the file holds now (another
        process may have added to it); keeps the file as it is when anything fails.

        The first call writes whatever is new; later ones wait for ``BATCH`` new patterns
        unless forced (a run's end), so a worker does not rewrite the file for every
        pattern a page builds late (a new pair of month names, say).
        """
        if not self.fresh or self.path is None or (self.written and self.fresh < BATCH and not force):
            return
        for key, pattern in self.used.items():
            if key not in self.kept:
                self.kept[key] = frozen(pattern)
        merged = dict(self.kept)
        for key, stored in read_store(self.path).items():
            if len(merged) >= MAX_PATTERNS:
                break
            merged.setdefault(key, stored)
        with contextlib.suppress(OSError):
            write_store(self.path, dict(list(merged.items())[:MAX_PATTERNS]))
        self.stored = merged
        self.fresh = 0
        self.written = True


_STORE: Store | None = None


def _store() -> Store:
    global _STORE
    if _STORE is None:
        _STORE = Store(location())
    return _STORE


def compile(source: str, flags: int = 0) -> Any:
    """``regex.compile(source, flags)``, from this process's patterns or the cache file when it can."""
    return _store().compile(source, flags)


def persist(force: bool = False) -> None:
    """Save the patterns compiled since the last save (see :meth:`Store.persist`); cheap when there are none."""
    _store().persist(force)
