"""The manifest: where each input came from, declared by the team that scraped it.

CSV or JSONL with the columns ``path, url, source, fetched_at, language, license``.
Paths are relative to the manifest's folder and may not leave it: a row pointing
elsewhere is a broken manifest (exit 2), not a file to go and read.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from copydesk.rules.errors import RuleFileError

COLUMNS = ("path", "url", "source", "fetched_at", "language", "license")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    path: Path
    url: str | None = None
    source: str | None = None
    fetched_at: str | None = None
    language: str | None = None
    license: str | None = None
    line: int = 0
    manifest: Path | None = field(default=None, compare=False)  # the file that declares it

    def declared(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "source": self.source,
            "fetched_at": self.fetched_at,
            "language": self.language,
            "license": self.license,
        }


def json_lines(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    """The objects of a JSON-lines file with their line numbers (blank lines skipped); a
    line that is not a JSON object is a :class:`RuleFileError` naming it."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RuleFileError(path, number, f"invalid JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise RuleFileError(path, number, "each line must be a JSON object")
        rows.append((number, row))
    return rows


def _rows(path: Path, text: str) -> list[tuple[int, dict[str, Any]]]:
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return json_lines(path, text)
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "path" not in reader.fieldnames:
        raise RuleFileError(path, 1, f"CSV header must name the columns {', '.join(COLUMNS)} (path at least)")
    unknown = [name for name in reader.fieldnames if name not in COLUMNS]
    if unknown:
        raise RuleFileError(path, 1, f"unknown column(s) {', '.join(unknown)}")
    rows = []
    try:
        for row in reader:
            if None in row:  # DictReader files the fields past the header's under None
                raise RuleFileError(path, reader.line_num, f"{len(row[None])} more field(s) than the header names")
            rows.append((reader.line_num, dict(row)))
    except csv.Error as exc:
        raise RuleFileError(path, reader.line_num + 1, f"bad CSV: {exc}") from exc
    return rows


def _entry(manifest: Path, number: int, row: dict[str, Any]) -> ManifestEntry:
    unknown = sorted(set(row) - set(COLUMNS))
    if unknown:
        raise RuleFileError(manifest, number, f"unknown field(s) {', '.join(unknown)}")
    raw = row.get("path")
    if not isinstance(raw, str) or not raw.strip():
        raise RuleFileError(manifest, number, "path is required")
    root = manifest.parent.resolve()
    resolved = Path(os.path.normpath(root / raw))
    if resolved != root and root not in resolved.parents:
        raise RuleFileError(manifest, number, f"path {raw!r} is outside the manifest's folder {root}")
    return ManifestEntry(path=resolved, line=number, manifest=manifest, **declared_values(manifest, number, row))


def declared_values(where: Path | str, number: int, row: dict[str, Any]) -> dict[str, str | None]:
    """The declared fields besides the path, stripped, with ``fetched_at`` checked. Each is
    a string or null: a number or a list (JSON can give either) is refused, not made a
    string that no longer says what the scraper meant."""
    for key in COLUMNS[1:]:
        if row.get(key) is not None and not isinstance(row[key], str):
            raise RuleFileError(where, number, f"{key} must be a string, not {type(row[key]).__name__}")
    values = {key: (row[key].strip() or None) if row.get(key) is not None else None for key in COLUMNS[1:]}
    fetched = values["fetched_at"]
    if fetched is not None:
        try:
            parsed = datetime.fromisoformat(fetched.replace("Z", "+00:00"))
        except ValueError as exc:
            raise RuleFileError(where, number, f"fetched_at {fetched!r} is not an ISO 8601 date-time") from exc
        if not 1 < parsed.year < 9999:  # dates are reckoned a day or a year either side of it, in UTC
            raise RuleFileError(where, number, f"fetched_at {fetched!r} is out of range (years 2 to 9998)")
    return values


def missing(entries: dict[Path, ManifestEntry]) -> list[str]:
    """One line per declared file that is not there: the scraper lost it, or the manifest
    names it wrong. Said, not fatal: the files that are there are still checked."""
    lines = []
    for entry in entries.values():
        if not entry.path.exists():
            where = f"{entry.manifest}:{entry.line}" if entry.manifest else str(entry.path)
            shown = entry.path.relative_to(entry.manifest.parent.resolve()) if entry.manifest else entry.path
            lines.append(f"{where}: declares {shown.as_posix()!r}, which does not exist")
    return lines


def load_manifests(paths: tuple[Path, ...]) -> dict[Path, ManifestEntry]:
    """Several manifests as one; the same file declared twice is an error."""
    merged: dict[Path, ManifestEntry] = {}
    for path in paths:
        for key, entry in load_manifest(path).items():
            if key in merged:
                raise RuleFileError(path, entry.line, f"{key} is already declared by another manifest")
            merged[key] = entry
    return merged


def load_manifest(path: Path) -> dict[Path, ManifestEntry]:
    """Entries keyed by resolved path; a path listed twice is an error."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, f"cannot read manifest: {exc}") from exc
    entries: dict[Path, ManifestEntry] = {}
    for number, row in _rows(path, text):
        entry = _entry(path, number, row)
        if entry.path in entries:
            raise RuleFileError(path, number, f"path {row['path']!r} already listed on line {entries[entry.path].line}")
        entries[entry.path] = entry
    return entries
