"""``copydesk diff OLD_DIR NEW_DIR``: what changed between two runs, file by file.

Compares the per-file reports of two output folders: the verdict, the findings (by rule
and line), and the extracted fields a corpus keeps (language, source, title, author,
published, dateline, agencies, quotes and speakers, codec, removed lines). Used to see
what a rule change does to a crawl before it lands.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS: dict[str, Any] = {
    "language": lambda r: r["language"],
    "source": lambda r: r["source"]["id"],
    "codec": lambda r: r["encoding"]["codec"],
    "title": lambda r: r["article"]["title"],
    "author": lambda r: r["article"]["author"],
    "published": lambda r: r["article"]["published"],
    "dateline": lambda r: (r["article"]["dateline"] or {}).get("text"),
    "agencies": lambda r: r["article"]["agencies"] or [],
    "quotes": lambda r: [[q["text"], q.get("speaker")] for q in r["article"]["quotes"] or []],
    "removed": lambda r: [[x["start_line"], x["end_line"], x["rule"]] for x in r["boilerplate"]["removed"]],
}


@dataclass(slots=True)
class FileChange:
    name: str
    status: str  # changed, added, removed
    verdict: tuple[str | None, str | None] = (None, None)
    findings_added: list[str] = field(default_factory=list)
    findings_removed: list[str] = field(default_factory=list)
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.name,
            "status": self.status,
            "verdict": list(self.verdict),
            "findings_added": self.findings_added,
            "findings_removed": self.findings_removed,
            "fields": {name: {"old": old, "new": new} for name, (old, new) in self.fields.items()},
        }

    def line(self) -> str:
        if self.status != "changed":
            verdict = self.verdict[1] if self.status == "added" else self.verdict[0]
            return f"{self.status:8} {self.name} ({verdict})"
        parts = []
        if self.verdict[0] != self.verdict[1]:
            parts.append(f"verdict {self.verdict[0]} -> {self.verdict[1]}")
        if self.findings_added or self.findings_removed:
            added = " ".join("+" + f for f in self.findings_added)
            removed = " ".join("-" + f for f in self.findings_removed)
            parts.append("findings " + " ".join(p for p in (added, removed) if p))
        for name, (old, new) in self.fields.items():
            parts.append(f"{name} {_short(old)} -> {_short(new)}")
        return f"changed  {self.name}: " + "; ".join(parts)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


class NotARunFolder(ValueError):
    pass


def reports(folder: Path) -> dict[str, dict[str, Any]]:
    files = folder / "files"
    if not files.is_dir():
        raise NotARunFolder(f"{folder}: not a copydesk output folder (no files/)")
    found = {}
    for path in sorted(files.rglob("*.report.json")):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise NotARunFolder(f"{path}: unreadable report: {exc}") from exc
        found[report["file"]] = report
    return found


def _findings(report: dict[str, Any]) -> set[str]:
    return {f"{f['rule']}" + (f":{f['line']}" if f["line"] else "") for f in report["findings"]}


def compare(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> Iterator[FileChange]:
    for name in sorted(set(old) | set(new)):
        if name not in new:
            yield FileChange(name, "removed", (old[name]["verdict"], None))
            continue
        if name not in old:
            yield FileChange(name, "added", (None, new[name]["verdict"]))
            continue
        a, b = old[name], new[name]
        change = FileChange(name, "changed", (a["verdict"], b["verdict"]))
        fa, fb = _findings(a), _findings(b)
        change.findings_added, change.findings_removed = sorted(fb - fa), sorted(fa - fb)
        for field_name, read in FIELDS.items():
            if read(a) != read(b):
                change.fields[field_name] = (read(a), read(b))
        if change.verdict[0] != change.verdict[1] or change.findings_added or change.findings_removed or change.fields:
            yield change
