"""The folder copydesk keeps what it derives between runs in: compiled patterns, date names.

Only ever an accelerator: everything in it is derived from installed code and the rules,
can be deleted at any time, and is rebuilt on the next run. ``COPYDESK_CACHE_DIR`` names
the folder (empty: no folder, nothing kept); the default is ``$XDG_CACHE_HOME/copydesk``,
else ``~/.cache/copydesk``.
"""

from __future__ import annotations

import os
from pathlib import Path

ENVIRONMENT = "COPYDESK_CACHE_DIR"


def folder() -> Path | None:
    """Where derived data is kept; None when caching is off or there is no home to keep it in."""
    configured = os.environ.get(ENVIRONMENT)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return (Path(base) if base else Path.home() / ".cache") / "copydesk"
    except RuntimeError:  # no home directory to be found
        return None
