"""Damaged UTF-8: decide that a file is UTF-8 with a few bad bytes, and account for each.

A file whose multi-byte sequences are overwhelmingly valid UTF-8 is UTF-8, even when a
download was cut mid-character or one byte was written in a legacy code page. Re-reading
such a file as a single-byte code page would turn every good character into mojibake to
save one bad one, so it is decoded as UTF-8 with U+FFFD in place of each damaged sequence.
"""

from __future__ import annotations

from dataclasses import dataclass

# At most this many invalid sequences per valid multi-byte sequence still counts as damage.
MAX_DAMAGE_RATIO = 0.05
MAX_DAMAGE_ABSOLUTE = 64


@dataclass(frozen=True, slots=True)
class DamageSite:
    """One undecodable run: where it is, what the bytes were, and what kind of damage."""

    byte_offset: int
    raw: bytes
    kind: str  # truncated | stray-byte | invalid-sequence

    @property
    def likely_cp1252(self) -> str | None:
        """What the bytes would be in Windows-1252, the usual source of a mixed-in byte."""
        try:
            return self.raw.decode("cp1252")
        except UnicodeDecodeError:
            return None


def _valid_multibyte_count(data: bytes) -> int:
    """Count well-formed 2-4 byte UTF-8 sequences without decoding the whole buffer."""
    count = 0
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            i += 1
            continue
        width = 2 if 0xC2 <= b <= 0xDF else 3 if 0xE0 <= b <= 0xEF else 4 if 0xF0 <= b <= 0xF4 else 0
        if width and i + width <= n and all(0x80 <= c <= 0xBF for c in data[i + 1 : i + width]):
            count += 1
            i += width
        else:
            i += 1
    return count


def find_damage(data: bytes, limit: int = MAX_DAMAGE_ABSOLUTE + 1) -> list[DamageSite]:
    """List the undecodable runs, stopping after ``limit``: more than that is not damage."""
    sites: list[DamageSite] = []
    start = 0
    decoder_input = data
    while len(sites) < limit:
        try:
            decoder_input[start:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            bad_start = start + exc.start
            bad_end = start + exc.end
            raw = data[bad_start:bad_end]
            if exc.reason == "unexpected end of data" and bad_end >= len(data):
                kind = "truncated"
            elif len(raw) == 1 and raw[0] >= 0x80:
                kind = "stray-byte"
            else:
                kind = "invalid-sequence"
            sites.append(DamageSite(byte_offset=bad_start, raw=raw, kind=kind))
            start = bad_end
    return sites


def is_damaged_utf8(data: bytes, sites: list[DamageSite]) -> bool:
    """True when the invalid runs are few beside the valid multi-byte sequences."""
    if not sites or len(sites) > MAX_DAMAGE_ABSOLUTE:
        return False
    valid = _valid_multibyte_count(data)
    if valid == 0:
        # Pure ASCII with a truncated tail is still UTF-8; a lone high byte in ASCII is not evidence.
        return all(site.kind == "truncated" for site in sites)
    return len(sites) <= max(2, MAX_DAMAGE_RATIO * valid)
