"""Reading one input file into decoded text, turning every failure into a finding.

The bytes come from :func:`copydesk.io.read_limited`, the only place raw input is read.
It never writes, and it never raises for a bad file: a missing, unreadable, oversized,
binary or undecodable file comes back with ``decoded`` None and a finding that names the
problem.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.decode import encoding
from copydesk.io import DEFAULT_MAX_BYTES, read_limited
from copydesk.model import Decoded, Finding

__all__ = ["DEFAULT_MAX_BYTES", "DecodeOutcome", "decode_data", "decode_path"]


@dataclass(slots=True)
class DecodeOutcome:
    path: Path
    sha256: str | None = None
    size: int | None = None
    decoded: Decoded | None = None
    findings: list[Finding] = field(default_factory=list)


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


def decode_path(
    path: Path, language: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, url: str | None = None
) -> DecodeOutcome:
    """A local file, or ``url`` read through fsspec: the same outcome, the same findings."""
    read = read_limited(path, max_bytes, url)
    outcome = DecodeOutcome(path=path, size=read.size)
    if read.data is None:
        outcome.findings.append(read.problem or Finding("input.unreadable", "error", "cannot read"))
        return outcome
    outcome.sha256 = hashlib.sha256(read.data).hexdigest()
    return decode_data(read.data, outcome, language)
