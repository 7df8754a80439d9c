"""Where bytes come from and where they go: the one size-limited read, atomic writes, the cache folder.

Every input is read here, a local path or an fsspec URL (``s3://bucket/crawl``,
``memory://corpus``) alike: refused unread past the size limit, with every problem a
finding, never an exception. Every output is written here: atomically on a local
filesystem (a temporary file in the same folder, then ``os.replace``; a reader sees the
old file or the new one, never half of either; no fsync, which would cost more than the
checks and is not needed against readers), and as one whole object under a URL, which
object stores replace whole. fsspec is imported only when a URL is given, and a protocol
needs its own package (``s3fs`` for ``s3://``).

The cache folder holds what runs derive and may reuse (compiled patterns, date names):
``COPYDESK_CACHE_DIR`` names it (empty: nothing kept), else ``$XDG_CACHE_HOME/copydesk``,
else ``~/.cache/copydesk``.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from copydesk.model import Finding

DEFAULT_MAX_BYTES = 8 * 1024 * 1024  # articles are kilobytes: past this a file is refused unread
CACHE_ENVIRONMENT = "COPYDESK_CACHE_DIR"

# An iterable is written piece by piece (text or bytes): a large output is never held.
Content = str | bytes | Iterable[str] | Iterable[bytes]

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True, slots=True)
class Read:
    """The bytes read (None when refused or unreadable), the size known, and the problem if any."""

    data: bytes | None
    size: int | None = None
    problem: Finding | None = None


def resolved(path: Path) -> Path:
    """``path.resolve()`` that never raises: a symlink loop (RuntimeError before Python
    3.13) or an unreadable link gives the absolute path as written, and reading it later
    says what is wrong with it."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))


def is_url(text: str) -> bool:
    """A URL with a protocol other than ``file``: local files keep the local code path."""
    return bool(_URL.match(text)) and not text.startswith("file://")


def _too_large(size: int | None, max_bytes: int) -> Finding:
    what = f"file is {size:,} bytes, over" if size is not None else "file is over"
    return Finding("input.too_large", "error", f"{what} the {max_bytes:,}-byte limit; not read")


def read_limited(path: Path, max_bytes: int, url: str | None = None) -> Read:
    """A file's bytes (``url``, when given, is read through fsspec instead of ``path``),
    refused unread past ``max_bytes``: at most ``max_bytes + 1`` bytes are ever read."""
    if url is not None:
        return _read_url(url, max_bytes)
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return Read(None, None, Finding("input.not_found", "error", "no such file"))
    except OSError as exc:
        return Read(None, None, Finding("input.unreadable", "error", f"cannot read: {exc.strerror or exc}"))
    if not path.is_file():
        return Read(None, size, Finding("input.not_a_file", "error", "not a regular file"))
    if size > max_bytes:
        return Read(None, size, _too_large(size, max_bytes))
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return Read(None, size, Finding("input.unreadable", "error", f"cannot read: {exc.strerror or exc}"))
    return Read(data, len(data))


def _read_url(url: str, max_bytes: int) -> Read:
    try:
        fs, path = _fs(url)
        size = fs.size(path)
        if size is not None and size > max_bytes:
            return Read(None, size, _too_large(size, max_bytes))
        with fs.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return Read(None, None, Finding("input.not_found", "error", "no such file"))
    except (OSError, ValueError) as exc:
        return Read(None, None, Finding("input.unreadable", "error", f"cannot read: {exc}"))
    if len(data) > max_bytes:
        return Read(None, len(data), _too_large(None, max_bytes))
    return Read(data, len(data))


def _fs(url: str) -> tuple[Any, str]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def find_url(url: str) -> list[tuple[str, str]]:
    """(url, name relative to ``url``) of every file under it, hidden ones skipped; a file: itself."""
    fs, root = _fs(url)
    if not fs.isdir(root):
        return [(url, root.rstrip("/").rsplit("/", 1)[-1])]
    found = []
    for path in sorted(fs.find(root)):
        relative = path[len(root.rstrip("/")) + 1 :] if path.startswith(root.rstrip("/")) else path
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        found.append((fs.unstrip_protocol(path), relative))
    return found


def write_content(handle: IO[bytes], content: Content) -> None:
    if isinstance(content, bytes):
        handle.write(content)
    elif isinstance(content, str):
        handle.write(content.encode("utf-8"))
    else:
        for piece in content:
            handle.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))


def write_atomic(path: Path, content: Content) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # One writer per output file per process: pid and thread make the name unique.
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(temp, "wb") as handle:
            write_content(handle, content)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def write_url(url: str, relative: str, content: Content) -> None:
    """Write one output under a URL folder; object stores replace an object whole, so readers
    never see half of one."""
    fs, path = _fs(url.rstrip("/") + "/" + relative)
    parent = path.rsplit("/", 1)[0]
    if parent:
        fs.makedirs(parent, exist_ok=True)
    with fs.open(path, "wb") as handle:
        write_content(handle, content)


def os_problem(exc: OSError) -> str:
    """An OS error in one line, naming the file it is about (for a rename, the destination)."""
    target = exc.filename2 if exc.filename2 is not None else exc.filename
    reason = exc.strerror or str(exc)
    return f"{target}: {reason}" if target is not None else reason.splitlines()[0]


def cache_folder() -> Path | None:
    """Where derived data is kept; None when caching is off or there is no home to keep it in."""
    configured = os.environ.get(CACHE_ENVIRONMENT)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(base) if base else Path.home() / ".cache") / "copydesk"
    except RuntimeError:  # no home directory to be found
        return None
