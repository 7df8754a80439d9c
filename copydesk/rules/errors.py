"""The one error a rule, manifest or schema file raises: where it is and what is wrong."""

from __future__ import annotations

from pathlib import Path


class RuleFileError(Exception):
    """A declared file is broken; the CLI prints ``str(self)`` and exits with status 2."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.path = Path(path)
        self.line = line
        # One line whatever the reason quotes (a library's error can span several).
        self.reason = "; ".join(part.strip() for part in reason.splitlines() if part.strip()) or reason
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {self.reason}")
