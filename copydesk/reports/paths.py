"""Where each file's outputs go under the output folder: one place, for the writers and the index."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

REPORT_SUFFIX = ".report.json"  # beside each file's name under files/
PAGE_SUFFIX = ".html"
CLEAN_SUFFIX = ".clean.txt"


# A file system takes 255 bytes a name; an output adds a suffix (".report.json") and, while it
# is written, a temporary prefix and suffix (".NAME.PID.THREAD.tmp"): a part longer than this
# is shortened, keeping its start and a digest of the whole so two long names stay apart.
MAX_PART_BYTES = 180
KEPT_BYTES = 160


def safe_relative(name: str) -> PurePosixPath:
    """An output path under ``files/`` that cannot climb out of it, each part short enough
    to be written whatever the input's name."""
    parts = [_short(part) for part in PurePosixPath(name).parts if part not in ("", ".", "..", "/")]
    return PurePosixPath(*parts) if parts else PurePosixPath("_")


def _short(part: str) -> str:
    data = part.encode("utf-8", "surrogateescape")
    if len(data) <= MAX_PART_BYTES:
        return part
    kept = data[:KEPT_BYTES].decode("utf-8", "ignore")  # never half a character
    return f"{kept}~{hashlib.sha256(data).hexdigest()[:16]}"


def page_path(name: PurePosixPath) -> PurePosixPath:
    """Where a file's page goes, relative to the output folder."""
    return PurePosixPath("files") / name.parent / (name.name + PAGE_SUFFIX)


def report_path(name: PurePosixPath) -> PurePosixPath:
    """Where a file's JSON report goes, relative to the output folder."""
    return PurePosixPath("files") / name.parent / (name.name + REPORT_SUFFIX)
