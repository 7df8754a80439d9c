"""Cheap structural checks on raw bytes that settle the encoding before any statistics run.

A BOM, a NUL-byte rhythm or an ISO-2022 escape sequence is stronger evidence than any
frequency model, and checking them first keeps statistical detectors from guessing at
UTF-16 or binary input.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16-LE's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
)

# Escape sequences that open a multi-byte set in the ISO-2022 family, with the codecs
# to try, most specific first.
_ISO2022: tuple[tuple[bytes, tuple[str, ...]], ...] = (
    (b"\x1b$)C", ("iso2022_kr",)),
    (b"\x1b$B", ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004")),
    (b"\x1b$@", ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2")),
    (b"\x1b$(D", ("iso2022_jp_1", "iso2022_jp_2")),
    (b"\x1b$A", ("iso2022_jp_2",)),
    (b"\x1b(I", ("iso2022_jp_ext",)),
)

SAMPLE = 64 * 1024


@dataclass(frozen=True, slots=True)
class Sniffed:
    """A structural verdict: the codec, or the reason the bytes are not text."""

    codec: str | None = None
    bom: bool = False
    binary: str | None = None


def sniff_bom(data: bytes) -> Sniffed | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Sniffed(codec=codec, bom=True)
    return None


def sniff_magic(data: bytes) -> str | None:
    """Name the file type when the bytes open with a well-known binary signature."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _nul_ratio(sample: bytes, offset: int, step: int) -> float:
    picked = sample[offset::step]
    return picked.count(0) / len(picked) if picked else 0.0


def sniff_wide(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16/32 by where NUL bytes fall, confirmed by a strict decode.

    Text in any script puts the NULs of its spaces, digits and punctuation at a fixed
    position within each code unit; binary data scatters them.
    """
    sample = data[:SAMPLE]
    if len(sample) < 4 or 0 not in sample:
        return None
    candidates: list[str] = []
    if len(data) % 4 == 0:
        if _nul_ratio(sample, 2, 4) > 0.9 and _nul_ratio(sample, 3, 4) > 0.9:
            candidates.append("utf-32-le")
        if _nul_ratio(sample, 0, 4) > 0.9 and _nul_ratio(sample, 1, 4) > 0.9:
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        # Text puts NULs on one side of each code unit only (spaces and digits in any
        # script, every character in Latin text); binary data puts them on both.
        odd, even = _nul_ratio(sample, 1, 2), _nul_ratio(sample, 0, 2)
        if odd > 0.02 and even < 0.002:
            candidates.append("utf-16-le")
        if even > 0.02 and odd < 0.002:
            candidates.append("utf-16-be")
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return codec
    return None


def _looks_like_text(text: str) -> bool:
    """Reject decodes full of control characters or private-use code points."""
    if not text:
        return False
    sample = text[:4096]
    bad = sum(1 for ch in sample if _implausible(ch))
    return bad / len(sample) < 0.01


def _implausible(ch: str) -> bool:
    code = ord(ch)
    if code < 32:
        return ch not in "\t\n\r\f"
    return unicodedata.category(ch) in ("Cs", "Co")


def sniff_iso2022(data: bytes) -> str | None:
    """Seven-bit text with ISO-2022 shift sequences: valid ASCII, so it must be caught first."""
    if b"\x1b" not in data[:SAMPLE] or any(b > 0x7F for b in data[:SAMPLE]):
        return None
    for escape, codecs_to_try in _ISO2022:
        if escape in data:
            for codec in codecs_to_try:
                try:
                    data.decode(codec)
                except UnicodeDecodeError:
                    continue
                return codec
    return None


def ascii_with_stray_nuls(data: bytes) -> bool:
    """Printable ASCII with a few NULs is damaged text, never UTF-16 or UTF-32.

    Wide encodings of Latin text are half NULs, and of other scripts are far from all
    printable ASCII; so no wide decode of such bytes can be right.
    """
    sample = data[:SAMPLE]
    nuls = sample.count(0)
    if not nuls or nuls > len(sample) * 0.25:
        return False
    printable = sum(1 for b in sample if 32 <= b < 127 or b in (9, 10, 13))
    return printable / (len(sample) - nuls) > 0.9


def looks_binary(data: bytes) -> bool:
    """NUL bytes that no wide encoding explains mean the file is not text."""
    return b"\x00" in data[:SAMPLE]
