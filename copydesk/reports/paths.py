"""Where each file's outputs go under the output folder: one place, for the writers and the index."""

from __future__ import annotations

from pathlib import PurePosixPath

REPORT_SUFFIX = ".report.json"  # beside each file's name under files/
PAGE_SUFFIX = ".html"
CLEAN_SUFFIX = ".clean.txt"


def safe_relative(name: str) -> PurePosixPath:
    """An output path under ``files/`` that cannot climb out of it."""
    parts = [part for part in PurePosixPath(name).parts if part not in ("", ".", "..", "/")]
    return PurePosixPath(*parts) if parts else PurePosixPath("_")


def page_path(name: PurePosixPath) -> PurePosixPath:
    """Where a file's page goes, relative to the output folder."""
    return PurePosixPath("files") / name.parent / (name.name + PAGE_SUFFIX)


def report_path(name: PurePosixPath) -> PurePosixPath:
    """Where a file's JSON report goes, relative to the output folder."""
    return PurePosixPath("files") / name.parent / (name.name + REPORT_SUFFIX)
