"""The encoding step: raw bytes to the decoded text every later offset refers to.

Order matters and goes from certain to statistical: empty, BOM, binary signatures,
BOM-less UTF-16/32 and ISO-2022 (valid ASCII, so before UTF-8), strict UTF-8, damaged
UTF-8, and only then the legacy detectors. Mojibake is repaired after decoding, and
every change is recorded. Nothing else rewrites the text: normalisation and invisible
characters are reported, not fixed, so offsets stay true to the input.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from copydesk.decode import damage, declared, detect, mojibake, sniff
from copydesk.model import Decoded, Finding, Repair
from copydesk.text.lines import line_at

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset("\u200b\u2060\ufeff\u00ad\u180e")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
_SUSPICIOUS = re.compile(
    "[" + re.escape("".join(sorted(BIDI_CONTROLS | INVISIBLE))) + "\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
)
MAX_CONTROL_RATIO = 0.02


class NotText(Exception):
    """The bytes are not a text file; the message says what they are instead."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def _decoded(data: bytes, codec: str, *, bom: bool, confidence: float, language: str | None) -> Decoded:
    raw = data
    if bom:
        bom_len = {"utf-8": 3, "utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4, "utf-32-be": 4}[codec]
        raw = data[bom_len:]
    try:
        text = raw.decode(codec)
        repairs: list[Repair] = []
        findings: list[Finding] = []
    except UnicodeDecodeError:
        # A BOM promised this codec; honour it and report what would not decode.
        text = raw.decode(codec, errors="replace")
        repairs = [Repair("replace_undecodable", {"codec": codec})]
        findings = [Finding("encoding.damaged", "warning", f"bytes invalid in {codec} after its BOM were replaced")]
    return Decoded(text, codec, confidence, bom, language, repairs, findings)


def _without_bom(data: bytes, codec: str, confidence: float, language: str | None) -> Decoded:
    decoded = _decoded(data, codec, bom=False, confidence=confidence, language=language)
    decoded.findings.append(Finding("encoding.no_bom", "info", f"{codec} without a byte order mark"))
    return decoded


def decode_bytes(data: bytes, language: str | None = None) -> Decoded:
    """Decode and repair; raise :class:`NotText` when the bytes are not a text file."""
    if not data:
        raise NotText("input.empty", "file is empty")
    bom = sniff.sniff_bom(data)
    if bom is not None and bom.codec is not None:
        return _decoded(data, bom.codec, bom=True, confidence=1.0, language=language)
    magic = sniff.sniff_magic(data)
    if magic is not None:
        raise NotText("input.binary", f"binary file ({magic}), not text")
    damaged_ascii = sniff.ascii_with_stray_nuls(data)
    wide = None if damaged_ascii else sniff.sniff_wide(data)
    if wide is not None:
        return _without_bom(data, wide, 0.9, language)
    if sniff.looks_binary(data):
        found = None if damaged_ascii else detect.wide_by_chardet(data)
        if found is None:
            raise NotText("input.binary", "binary file (NUL bytes), not text")
        return _without_bom(data, found.codec, found.confidence, language)
    iso = sniff.sniff_iso2022(data)
    if iso is not None:
        return Decoded(data.decode(iso), iso, 1.0, False, language)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Decoded(text, "ascii" if data.isascii() else "utf-8", 1.0, False, language)
    sites = damage.find_damage(data)
    if damage.is_damaged_utf8(data, sites):
        return _damaged(data, sites, language)
    found = detect.detect_legacy(data, language, declared.declared_codec(data))
    if found is None:
        raise NotText("encoding.undecodable", "not valid text in any plausible encoding")
    text = data.decode(found.codec)
    if _control_ratio(text) > MAX_CONTROL_RATIO:
        raise NotText("encoding.undecodable", f"not text: decoding as {found.codec} gives control characters")
    decoded = Decoded(text, found.codec, round(found.confidence, 3), False, language or found.language)
    if found.confidence < detect.WEAK_CONFIDENCE:
        decoded.findings.append(
            Finding(
                "encoding.low_confidence",
                "warning",
                f"encoding guessed as {found.codec} by {found.detector} with confidence {found.confidence:.2f}",
            )
        )
    return decoded


def _damaged(data: bytes, sites: list[damage.DamageSite], language: str | None) -> Decoded:
    text = data.decode("utf-8", errors="replace")
    decoded = Decoded(text, "utf-8", 0.9, False, language)
    for site in sites:
        guess = site.likely_cp1252
        hint = f"; as Windows-1252 it would be {guess!r}" if site.kind == "stray-byte" and guess else ""
        decoded.repairs.append(
            Repair(
                "replace_invalid_utf8",
                {"byte_offset": site.byte_offset, "bytes": site.raw.hex(), "kind": site.kind},
            )
        )
        decoded.findings.append(
            Finding(
                "encoding.damaged_utf8",
                "warning",
                f"{site.kind} at byte {site.byte_offset} (0x{site.raw.hex()}) replaced with U+FFFD{hint}",
                line_at(data[: site.byte_offset].decode("utf-8", errors="replace"), -1),
            )
        )
    return decoded


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    return bad / len(sample)


def repair(decoded: Decoded) -> Decoded:
    """Undo mojibake, recording each plan and the lines it touched."""
    text, repairs = mojibake.repair_mojibake(decoded.text)
    if repairs:
        decoded.text = text
        decoded.repairs.extend(repairs)
        touched = sum(len(r.detail["lines"]) for r in repairs)
        decoded.findings.append(
            Finding("encoding.mojibake_repaired", "info", f"mojibake repaired on {touched} line(s)")
        )
    return decoded


def hygiene_findings(text: str) -> list[Finding]:
    """Report what a careful reader would want to know but copydesk must not silently change."""
    findings: list[Finding] = []
    if not unicodedata.is_normalized("NFC", text):
        findings.append(Finding("encoding.not_nfc", "info", "text is not in Unicode NFC"))
    counts = Counter(_SUSPICIOUS.findall(text))
    if not counts:
        return findings
    bidi = {ch: n for ch, n in counts.items() if ch in BIDI_CONTROLS}
    invisible = {ch: n for ch, n in counts.items() if ch in INVISIBLE}
    controls = {ch: n for ch, n in counts.items() if ch not in BIDI_CONTROLS and ch not in INVISIBLE}
    for rule, severity, found, what in (
        ("encoding.bidi_controls", "warning", bidi, "bidirectional control character(s)"),
        ("encoding.invisible_chars", "info", invisible, "invisible character(s)"),
        ("encoding.control_chars", "warning", controls, "control character(s)"),
    ):
        if found:
            first = min(text.index(ch) for ch in found)
            names = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(found))
            message = f"{sum(found.values())} {what}: {names}"
            findings.append(Finding(rule, severity, message, line_at(text, first)))  # type: ignore[arg-type]
    return findings
