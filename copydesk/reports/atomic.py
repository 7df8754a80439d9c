"""Atomic writes: a reader sees the old file or the new one, never half of either.

Temporary file in the same folder, then ``os.replace``. There is no fsync per file: it
would cost more than the checks themselves, and atomicity against readers does not
need it (a power cut may lose the newest reports, never leave a torn one readable).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO

# An iterable is written piece by piece (text or bytes): a large output is never held.
Content = str | bytes | Iterable[str] | Iterable[bytes]


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


def os_problem(exc: OSError) -> str:
    """An OS error in one line, naming the file it is about (for a rename, the destination)."""
    target = exc.filename2 if exc.filename2 is not None else exc.filename
    reason = exc.strerror or str(exc)
    return f"{target}: {reason}" if target is not None else reason.splitlines()[0]
