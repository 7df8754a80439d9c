"""Reading one input file into decoded text, turning every failure into a finding.

This is the only place raw input is read. It never writes, and it never raises for a
bad file: a missing, unreadable, oversized, binary or undecodable file comes back with
``decoded`` None and a finding that names the problem.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.decode import encoding
from copydesk.model import Decoded, Finding

# Articles are kilobytes; anything past this is refused unread so memory stays bounded.
DEFAULT_MAX_BYTES = 8 * 1024 * 1024


@dataclass(slots=True)
class DecodeOutcome:
    path: Path
    sha256: str | None = None
    size: int | None = None
    decoded: Decoded | None = None
    findings: list[Finding] = field(default_factory=list)


def read_bytes(path: Path, max_bytes: int, outcome: DecodeOutcome) -> bytes | None:
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        outcome.findings.append(Finding("input.not_found", "error", "no such file"))
        return None
    except OSError as exc:
        outcome.findings.append(Finding("input.unreadable", "error", f"cannot read: {exc.strerror or exc}"))
        return None
    outcome.size = size
    if not path.is_file():
        outcome.findings.append(Finding("input.not_a_file", "error", "not a regular file"))
        return None
    if size > max_bytes:
        outcome.findings.append(
            Finding(
                "input.too_large",
                "error",
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; not read",
            )
        )
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        outcome.findings.append(Finding("input.unreadable", "error", f"cannot read: {exc.strerror or exc}"))
        return None
    outcome.size = len(data)
    outcome.sha256 = hashlib.sha256(data).hexdigest()
    return data


def decode_data(data: bytes, outcome: DecodeOutcome, language: str | None = None) -> DecodeOutcome:
    try:
        decoded = encoding.decode_bytes(data, language)
    except encoding.NotText as exc:
        outcome.findings.append(Finding(exc.rule, "error", exc.message))
        return outcome
    if not decoded.text.strip():  # nothing to check; not an article the cleaning emptied
        held = "a byte-order mark and white space" if decoded.bom else "white space"
        outcome.findings.append(Finding("input.blank", "error", f"no text: the file holds only {held}"))
        return outcome
    decoded = encoding.repair(decoded)
    decoded.findings.extend(encoding.hygiene_findings(decoded.text))
    outcome.decoded = decoded
    return outcome


def decode_path(path: Path, language: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodeOutcome:
    outcome = DecodeOutcome(path=path)
    data = read_bytes(path, max_bytes, outcome)
    if data is None:
        return outcome
    return decode_data(data, outcome, language)
