"""Atomic writes: a reader sees the old file or the new one, never half of either.

Temporary file in the same folder, then ``os.replace``. There is no fsync per file: it
would cost more than the checks themselves, and atomicity against readers does not
need it (a power cut may lose the newest reports, never leave a torn one readable).
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path


def write_atomic(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    # One writer per output file per process: pid and thread make the name unique.
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
