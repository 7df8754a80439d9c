"""Statistical detection for legacy code pages: chardet first, charset-normalizer second.

chardet 7 is the more accurate detector and also names a language; charset-normalizer is
consulted when chardet has no answer or a weak one, and a declared language breaks ties
between the two.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from copydesk.decode.scripts import broken_word_ratio, mixed_script_ratio

# chardet's documented "nothing fit" answer: its no_match_encoding at confidence 0.10,
# unchecked against the data. It is not a detection.
_NO_MATCH = "cp1252"
_NO_MATCH_CONFIDENCE = 0.10
WEAK_CONFIDENCE = 0.5
NEAR_TIE = 0.8  # candidates within this share of the top score are ranked by script mixing
NEAR_TIE_CANDIDATES = 6
SCRIPT_SAMPLE_BYTES = 20_000
DETECT_BYTES = 200_000

# Code pages a site publishing in the language plausibly uses, beyond UTF-8; the most used first.
PLAUSIBLE_CODECS: dict[str, tuple[str, ...]] = {
    "ar": ("cp1256", "iso8859-6", "cp720", "cp864"),
    "fa": ("cp1256",),
    "ur": ("cp1256",),
    "he": ("cp1255", "iso8859-8", "cp862"),
    "ru": ("cp1251", "koi8-r", "iso8859-5", "cp866", "mac-cyrillic", "cp855"),
    "uk": ("cp1251", "koi8-u", "iso8859-5", "cp866", "mac-cyrillic"),
    "bg": ("cp1251", "iso8859-5", "mac-cyrillic", "cp855"),
    "el": ("cp1253", "iso8859-7", "mac-greek"),
    "tr": ("cp1254", "iso8859-9", "mac-turkish"),
    "ja": ("shift_jis", "cp932", "euc_jp", "iso2022_jp"),
    "zh": ("gb2312", "gbk", "gb18030", "big5", "cp950", "big5hkscs", "hz"),
    "ko": ("euc_kr", "cp949", "johab", "iso2022_kr"),
    "th": ("cp874", "tis-620", "iso8859-11"),
    "pl": ("cp1250", "iso8859-2"),
    "cs": ("cp1250", "iso8859-2"),
    "sk": ("cp1250", "iso8859-2"),
    "hu": ("cp1250", "iso8859-2"),
    "en": ("cp1252", "iso8859-1", "iso8859-15", "mac-roman"),
    "fr": ("cp1252", "iso8859-1", "iso8859-15", "mac-roman"),
    "de": ("cp1252", "iso8859-1", "iso8859-15", "mac-roman"),
    "es": ("cp1252", "iso8859-1", "iso8859-15", "mac-roman"),
    "pt": ("cp1252", "iso8859-1", "iso8859-15", "mac-roman"),
    "it": ("cp1252", "iso8859-1", "iso8859-15", "mac-roman"),
}

# When a detector names a subset whose superset the text needs, decode with the superset.
_SUPERSETS: dict[str, str] = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "big5": "cp950",
    "iso8859-9": "cp1254",
}


@dataclass(frozen=True, slots=True)
class Detection:
    """A detector's answer, normalised to a Python codec name that decodes the bytes."""

    codec: str
    confidence: float
    language: str | None
    detector: str


def python_codec(name: str | None) -> str | None:
    """The canonical Python codec name for a label, or None when Python has no such codec."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _decodable(data: bytes, codec: str | None) -> str | None:
    """The codec, or its superset when only the superset decodes every byte."""
    if codec is None:
        return None
    if decodes(data, codec):
        return codec
    wider = _SUPERSETS.get(codec)
    if wider and decodes(data, wider):
        return wider
    return None


def with_chardet(data: bytes) -> Detection | None:
    """chardet's answer; among candidates it scores nearly alike, the one mixing fewest scripts."""
    import chardet

    candidates: list[Detection] = []
    for result in chardet.detect_all(data, max_bytes=DETECT_BYTES)[:NEAR_TIE_CANDIDATES]:
        label = result.get("encoding")
        confidence = float(result.get("confidence") or 0.0)
        if not label or (python_codec(label) == _NO_MATCH and confidence <= _NO_MATCH_CONFIDENCE + 1e-9):
            continue
        codec = _decodable(data, python_codec(label))
        if codec is not None:
            candidates.append(Detection(codec, confidence, result.get("language"), "chardet"))
    if not candidates:
        return None
    top = candidates[0]
    tied = [c for c in candidates if c.confidence >= NEAR_TIE * top.confidence]
    if len(tied) == 1:
        return top
    sample = data[:SCRIPT_SAMPLE_BYTES]
    return min(tied, key=lambda c: _oddity(sample.decode(c.codec, errors="replace")))


def _oddity(text: str) -> tuple[float, float]:
    """How wrong a decode looks: words mixing scripts first, then Latin words broken by a
    capital or a symbol after a lower-case letter."""
    return mixed_script_ratio(text), broken_word_ratio(text)


def wide_by_chardet(data: bytes) -> Detection | None:
    """chardet's verdict on bytes with NULs: a UTF-16/32 it is sure of, else nothing."""
    import chardet

    result = chardet.detect(data, max_bytes=DETECT_BYTES)
    codec = python_codec(result.get("encoding"))
    confidence = float(result.get("confidence") or 0.0)
    if codec is None or not codec.startswith("utf-") or confidence < WEAK_CONFIDENCE or not decodes(data, codec):
        return None
    return Detection(codec, confidence, result.get("language"), "chardet")


def with_charset_normalizer(data: bytes) -> Detection | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT_BYTES]).best()
    if best is None:
        return None
    codec = _decodable(data, python_codec(best.encoding))
    if codec is None:
        return None
    language = None if best.language in ("Unknown", "") else best.language
    return Detection(codec, max(0.0, 1.0 - float(best.chaos)), language, "charset-normalizer")


def plausible(codec: str, language: str | None) -> bool:
    if not language:
        return True
    allowed = PLAUSIBLE_CODECS.get(language)
    return allowed is None or codec in allowed


def same_family(a: str, b: str) -> bool:
    """Two codecs that are a vendor variant or a subset/superset of each other."""
    return a == b or _SUPERSETS.get(a) == b or _SUPERSETS.get(b) == a or _SUPERSETS.get(a, a) == _SUPERSETS.get(b, b)


def detect_legacy(data: bytes, language: str | None = None, declared: str | None = None) -> Detection | None:
    """Pick a code page for bytes that are not UTF-8, or None when nothing fits.

    chardet decides unless it is unsure or its answer is implausible for the declared
    language and charset-normalizer's is plausible. A charset the document declares
    picks the exact table within the detected family, or decides when detection is weak.
    """
    found = _detect_statistically(data, language)
    if declared is None or not decodes(data, declared):
        return found
    if found is None or found.confidence < WEAK_CONFIDENCE or same_family(found.codec, declared):
        language_hint = found.language if found else language
        return Detection(declared, max(found.confidence if found else 0.0, 0.9), language_hint, "declaration")
    return found


def by_language(data: bytes, language: str | None) -> Detection | None:
    """The declared language's code page that reads the bytes with the least script mixing.

    For text too short or too plain for the detectors (a page with five accented
    letters): neither may name a code page the language uses, and the language decides.
    """
    allowed = PLAUSIBLE_CODECS.get(language or "", ())
    usable = [codec for codec in allowed if decodes(data, codec)]
    if not usable:
        return None
    sample = data[:SCRIPT_SAMPLE_BYTES]
    best = min(
        usable, key=lambda codec: (mixed_script_ratio(sample.decode(codec, errors="replace")), usable.index(codec))
    )
    return Detection(best, 0.5, language, "language")


def _detect_statistically(data: bytes, language: str | None) -> Detection | None:
    found = _by_detectors(data, language)
    if language and language in PLAUSIBLE_CODECS and (found is None or not plausible(found.codec, language)):
        return by_language(data, language) or found
    return found


def _by_detectors(data: bytes, language: str | None) -> Detection | None:
    first = with_chardet(data)
    if first is not None and first.confidence >= WEAK_CONFIDENCE and plausible(first.codec, language):
        return first
    second = with_charset_normalizer(data)
    if first is None:
        return second
    if second is None or second.codec == first.codec:
        return first
    first_ok, second_ok = plausible(first.codec, language), plausible(second.codec, language)
    if language and second_ok and not first_ok:
        return second
    return first
