import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk.decode.mojibake import _ftfy_line, _unmojibake_script, repair_mojibake

ENGLISH = "The minister’s “firm” reply — and the café’s naïve menu.\n"
ARABIC = 'قال الوزير إن "الاتفاق سيُوقّع قريباً".\n'


def mojibake(text: str, codec: str) -> str:
    """UTF-8 read as ``codec``; Windows code pages as browsers read them (undefined bytes kept)."""
    sloppy = {"cp1252": "sloppy-windows-1252"}.get(codec, codec)
    return text.encode("utf-8").decode(sloppy)


def test_cp1252_mojibake_is_repaired_and_recorded() -> None:
    broken = "A clean first line.\n" + mojibake(ENGLISH, "cp1252")
    fixed, repairs = repair_mojibake(broken)
    assert fixed == "A clean first line.\n" + ENGLISH
    assert len(repairs) == 1 and repairs[0].detail["lines"] == [2]
    assert ["decode", "utf-8"] in repairs[0].detail["plan"]


def test_double_mojibake_is_repaired() -> None:
    broken = mojibake(mojibake(ENGLISH, "cp1252"), "cp1252")
    assert repair_mojibake(broken)[0] == ENGLISH


def test_latin1_mojibake_is_repaired() -> None:
    assert repair_mojibake(mojibake("Déjà vu à Zürich.\n", "latin-1"))[0] == "Déjà vu à Zürich.\n"


def test_arabic_read_as_cp1256_is_repaired() -> None:
    broken = mojibake(ARABIC, "cp1256")
    assert broken != ARABIC
    fixed, repairs = repair_mojibake(broken)
    assert fixed == ARABIC
    assert repairs[0].detail["plan"] == [["encode", "cp1256"], ["decode", "utf-8"]]


RUSSIAN = "Министр заявил, что «соглашение будет подписано» в среду.\n"


def test_russian_read_as_cp1251_is_repaired() -> None:
    broken = mojibake(RUSSIAN, "cp1251")
    assert broken.startswith("РњРёРЅРёСЃС‚СЂ")
    fixed, repairs = repair_mojibake(broken)
    assert fixed == RUSSIAN
    assert repairs[0].detail["plan"] == [["encode", "cp1251"], ["decode", "utf-8"]]


def test_real_russian_that_looks_like_the_shape_is_left_alone() -> None:
    """ "Сё" is a cp1251 lead and continuation, but the line as a whole is no UTF-8."""
    text = "Сёмга и Рё: редкие сочетания, но настоящий русский текст.\n"
    assert repair_mojibake(text) == (text, [])


def test_arabic_read_as_cp1252_is_repaired() -> None:
    broken = ARABIC.encode("utf-8").decode("cp1252", errors="ignore")
    fixed, _ = repair_mojibake(mojibake("قال الوزير إن الاتفاق قريب.\n", "latin-1"))
    assert fixed == "قال الوزير إن الاتفاق قريب.\n"
    assert broken  # cp1252 drops undefined bytes; latin-1 keeps them, which is what ftfy reverses


def test_correct_text_is_left_alone() -> None:
    for text in (ENGLISH, ARABIC, RUSSIAN, "Ｆｕｌｌ－ｗｉｄｔｈ ＡＢＣ\r\n", "« guillemets » et „Anführung“\r"):
        assert repair_mojibake(text) == (text, [])


def test_curly_quotes_and_line_endings_survive_a_repair() -> None:
    broken = mojibake("“Quote” – here’s one.\r\n", "cp1252")
    assert repair_mojibake(broken)[0] == "“Quote” – here’s one.\r\n"


def _every_line(text: str) -> str:
    """The repair without the page-level gates: every non-ASCII line through both repairs."""
    out = []
    for line in text.split("\n"):
        if line.isascii():
            out.append(line)
            continue
        reversed_ = _unmojibake_script(line)
        out.append(_ftfy_line(reversed_[0] if reversed_ else line)[0])
    return "\n".join(out)


PIECES = [
    "Plain words",
    " ",
    "’",
    "“quoted”",
    "—",
    "café",
    "Ã ",
    "œ",
    "Œuvre",
    "°",
    "Â",
    mojibake("naïve café", "cp1252"),
    mojibake("Déjà vu", "latin-1"),
    mojibake("الوزير", "cp1256"),
    mojibake("Москва", "cp1251"),
    "Москва",
    "الوزير",
]


@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), min_size=1, max_size=6).map("\n".join))
@example("A clean first line.\nÃ  la carte")  # ftfy's branch anchored at the text's start, on a later line
def test_a_page_is_repaired_as_its_lines_would_be(text: str) -> None:
    """The page-level gates skip only lines neither repair would change (ftfy's own
    badness test, made to hold for a page; the script shapes, which no line break joins)."""
    assert repair_mojibake(text)[0] == _every_line(text)
