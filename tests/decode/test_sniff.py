import codecs

import pytest

from copydesk.decode import sniff

TEXT = "Harbour news: the ferry sails at dawn.\nالعبّارة تبحر فجراً.\n"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_names_the_codec(bom: bytes, codec: str) -> None:
    found = sniff.sniff_bom(bom + TEXT.encode(codec))
    assert found is not None and found.codec == codec and found.bom


def test_utf32_le_bom_is_not_read_as_utf16() -> None:
    found = sniff.sniff_bom(codecs.BOM_UTF32_LE + "hi".encode("utf-32-le"))
    assert found is not None and found.codec == "utf-32-le"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_text_without_bom(codec: str) -> None:
    assert sniff.sniff_wide((TEXT * 3).encode(codec)) == codec


def test_arabic_utf16_without_bom_has_nuls_only_in_spaces() -> None:
    data = ("سفينة جديدة في الميناء الشمالي. " * 10).encode("utf-16-le")
    assert sniff.sniff_wide(data) == "utf-16-le"


def test_binary_with_nuls_is_not_wide_text() -> None:
    assert sniff.sniff_wide(bytes(range(256)) * 8) is None


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
    ],
)
def test_magic_signatures(data: bytes, name: str) -> None:
    assert sniff.sniff_magic(data) == name


@pytest.mark.parametrize(
    ("text", "codec"),
    [("港の新しい船が到着しました。", "iso2022_jp"), ("새 배가 항구에 도착했습니다.", "iso2022_kr")],
)
def test_iso2022_is_caught_before_the_ascii_fast_path(text: str, codec: str) -> None:
    data = text.encode(codec)
    assert data.isascii()
    found = sniff.sniff_iso2022(data)
    assert found is not None and data.decode(found) == text


def test_plain_ascii_is_not_iso2022() -> None:
    assert sniff.sniff_iso2022(b"plain text with no escapes") is None


def test_ascii_with_stray_nuls_is_not_wide() -> None:
    data = b"text\x00\x01\x02 with nul bytes" * 10
    assert sniff.ascii_with_stray_nuls(data)
    assert not sniff.ascii_with_stray_nuls("plain".encode("utf-16-le") * 20)
    assert not sniff.ascii_with_stray_nuls(b"no nuls at all")
