"""Inputs and outputs named by fsspec URLs (``s3://bucket/crawl``, ``memory://corpus``).

A large corpus lives in object storage and is checked on a cluster; local paths stay on
the plain filesystem code (atomic renames, the ledger). fsspec is imported only when a
URL is given, and a protocol needs its own package (``s3fs`` for ``s3://``).
"""

from __future__ import annotations

import re
from typing import Any

from copydesk.model import Finding
from copydesk.reports.atomic import Content, write_content

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def is_url(text: str) -> bool:
    """A URL with a protocol other than ``file``: local files keep the local code path."""
    return bool(_URL.match(text)) and not text.startswith("file://")


def _fs(url: str) -> tuple[Any, str]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    return fs, path


def _join(url: str, relative: str) -> str:
    return url.rstrip("/") + "/" + relative


def find(url: str) -> list[tuple[str, str]]:
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


def read_limited(url: str, max_bytes: int) -> tuple[bytes | None, int | None, Finding | None]:
    """The bytes of a URL, refused unread past ``max_bytes``; problems are findings, not errors."""
    try:
        fs, path = _fs(url)
        size = fs.size(path)
        if size is not None and size > max_bytes:
            message = f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; not read"
            return None, size, Finding("input.too_large", "error", message)
        with fs.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return None, None, Finding("input.not_found", "error", "no such file")
    except (OSError, ValueError) as exc:
        return None, None, Finding("input.unreadable", "error", f"cannot read: {exc}")
    if len(data) > max_bytes:
        message = f"file is over the {max_bytes:,}-byte limit; not read"
        return None, len(data), Finding("input.too_large", "error", message)
    return data, len(data), None


def write(url: str, relative: str, content: Content) -> None:
    """Write one output under a URL folder; object stores replace an object whole, so readers
    never see half of one."""
    fs, path = _fs(_join(url, relative))
    parent = path.rsplit("/", 1)[0]
    if parent:
        fs.makedirs(parent, exist_ok=True)
    with fs.open(path, "wb") as handle:
        write_content(handle, content)


def read_text(url: str, relative: str) -> str:
    fs, path = _fs(_join(url, relative))
    with fs.open(path, "rb") as handle:
        return str(handle.read().decode("utf-8"))
