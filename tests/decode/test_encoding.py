import random

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest

from copydesk.decode.encoding import NotText, decode_bytes, hygiene_findings, repair

STORY = "The council met on Thursday. “We will rebuild the bridge,” the mayor said.\n" * 10


def test_utf8_fast_path() -> None:
    decoded = decode_bytes(STORY.encode())
    assert decoded.codec == "utf-8" and decoded.text == STORY and decoded.confidence == 1.0


def test_ascii_is_named_ascii() -> None:
    assert decode_bytes(b"plain text\n").codec == "ascii"


def test_bom_is_stripped_and_reported() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + STORY.encode())
    assert decoded.bom and decoded.codec == "utf-8" and decoded.text == STORY


@pytest.mark.parametrize(
    ("data", "rule"),
    [
        (b"", "input.empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "input.binary"),
        (bytes(range(256)) * 4, "input.binary"),
    ],
)
def test_not_text(data: bytes, rule: str) -> None:
    with pytest.raises(NotText) as caught:
        decode_bytes(data)
    assert caught.value.rule == rule


def test_random_bytes_are_undecodable() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(3000))
    with pytest.raises(NotText) as caught:
        decode_bytes(data)
    assert caught.value.rule == "encoding.undecodable"


def test_damaged_utf8_is_decoded_as_utf8_with_offsets() -> None:
    data = STORY.encode()
    damaged = data[:200] + b"\xff" + data[200:]
    decoded = decode_bytes(damaged)
    assert decoded.codec == "utf-8"
    assert decoded.text == damaged.decode("utf-8", errors="replace")
    assert decoded.replacement_chars == 1
    finding = next(f for f in decoded.findings if f.rule == "encoding.damaged_utf8")
    assert "at byte 200" in finding.message and finding.line == 3
    assert decoded.repairs[0].detail == {"byte_offset": 200, "bytes": "ff", "kind": "stray-byte"}


def test_utf16_without_bom() -> None:
    decoded = decode_bytes(STORY.encode("utf-16-le"))
    assert decoded.codec == "utf-16-le" and decoded.text == STORY
    assert any(f.rule == "encoding.no_bom" for f in decoded.findings)


def test_legacy_arabic_with_declared_language() -> None:
    text = "أعلنت البلدية افتتاح الميناء الجديد صباح اليوم، وقال رئيسها إن العمل بدأ.\n" * 5
    decoded = decode_bytes(text.encode("cp1256"), language="ar")
    assert decoded.text == text and decoded.codec == "cp1256"


def test_repair_records_mojibake() -> None:
    broken = STORY.encode().decode("sloppy-windows-1252").encode()
    decoded = repair(decode_bytes(broken))
    assert decoded.text == STORY
    assert any(f.rule == "encoding.mojibake_repaired" for f in decoded.findings)
    assert decoded.repairs and decoded.repairs[0].step == "mojibake"


def test_hygiene_reports_without_rewriting() -> None:
    text = "Cafe\u0301 opens.\nA hidden\u200b space.\nSneaky \u202eoverride\u202c here.\nBell\x07.\n"
    rules = {f.rule: f for f in hygiene_findings(text)}
    assert set(rules) == {
        "encoding.not_nfc",
        "encoding.invisible_chars",
        "encoding.bidi_controls",
        "encoding.control_chars",
    }
    assert rules["encoding.invisible_chars"].line == 2
    assert rules["encoding.bidi_controls"].line == 3 and rules["encoding.bidi_controls"].severity == "warning"
    assert rules["encoding.control_chars"].line == 4


def test_clean_text_has_no_hygiene_findings() -> None:
    assert hygiene_findings(STORY) == []
