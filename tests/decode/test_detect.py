import pytest

from copydesk.decode import declared, detect

RUSSIAN = (
    "Городской совет во вторник одобрил план ремонта старого моста через реку. "
    "По словам инженеров, работы займут около шести месяцев и начнутся весной. "
) * 4
ARABIC = "وافق المجلس البلدي يوم الثلاثاء على خطة لإصلاح الجسر القديم فوق النهر. " * 4


@pytest.mark.parametrize(("text", "codec"), [(RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (ARABIC, "cp1256")])
def test_legacy_detection_decodes_the_text(text: str, codec: str) -> None:
    data = text.encode(codec)
    found = detect.detect_legacy(data)
    assert found is not None
    assert data.decode(found.codec) == text


def test_python_codec_names() -> None:
    assert detect.python_codec("Windows-1256") == "cp1256"
    assert detect.python_codec("ISO-8859-6") == "iso8859-6"
    assert detect.python_codec("EUC-TW") is None


def test_declared_language_filters_implausible_codecs() -> None:
    assert detect.plausible("cp1256", "ar")
    assert not detect.plausible("koi8-r", "ar")
    assert detect.plausible("koi8-r", None)


def test_declaration_in_markup_is_read() -> None:
    head = b'<?xml version="1.0" encoding="GB2312"?><rss>'
    assert declared.declared_codec(head) == "gb2312"
    assert declared.declared_codec(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">') == (
        "cp1251"
    )
    assert declared.declared_codec(b"no declaration here") is None


def test_declaration_picks_the_table_within_a_family() -> None:
    text = "港口新船今天到达，市长表示欢迎\u2015\u2015这是今年第一艘。" * 10
    data = f'<?xml version="1.0" encoding="GB2312"?><p>{text}</p>'.encode("gb2312")
    found = detect.detect_legacy(data, declared="gb2312")
    assert found is not None and found.codec == "gb2312"
    assert data.decode(found.codec).endswith(text + "</p>")


def test_wrong_declaration_does_not_override_a_confident_detection() -> None:
    data = RUSSIAN.encode("cp1251")
    found = detect.detect_legacy(data, declared="iso8859-2")
    assert found is not None and data.decode(found.codec) == RUSSIAN


def test_near_tie_is_broken_by_script_mixing() -> None:
    text = "Crème brûlée à la française, déjà vu, naïve façade, évidemment.\n" * 5
    found = detect.detect_legacy(text.encode("cp1252"))
    assert found is not None and text.encode("cp1252").decode(found.codec) == text
