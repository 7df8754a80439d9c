from hypothesis import find, given, settings
from hypothesis import strategies as st

from copydesk.testing import (
    Block,
    Chrome,
    PageSpec,
    Vocabulary,
    datelines,
    encoded_pages,
    mojibaked,
    pages,
    register,
    sentences,
    vocabulary,
)
from copydesk.testing.vocabulary import ENGLISH
from tests.conftest import PROPERTY_EXAMPLES

QUICK = settings(max_examples=PROPERTY_EXAMPLES, deadline=None)


@QUICK
@given(pages("en"))
def test_a_page_holds_its_gold(page) -> None:  # type: ignore[no-untyped-def]
    text = page.text
    assert page.title is not None and page.title in text
    for paragraph in page.paragraphs:
        assert paragraph in text
    for block in page.chrome:
        assert all(line in text for line in block.lines)
    assert page.chrome[0].name == "site_name" and page.chrome[-1].name == "copyright"
    assert len(set(page.paragraphs)) == len(page.paragraphs)  # articles do not repeat themselves
    if page.dateline is not None:
        assert page.paragraphs[0].startswith(page.dateline.text)
    for quote in page.quotes:
        assert quote.speaker in text and quote.text in text


def test_shrunk_sentences_of_different_lengths_open_differently() -> None:
    # Shrinking drives every sentence to its simplest draw: were those to open alike, a shrunk
    # page would repeat one paragraph inside another and break laws for the generator's sake.
    shortest = [find(sentences("en", n, n), lambda _: True).rstrip(".").split() for n in (8, 9, 12)]
    assert shortest[0] != shortest[1][:8] and shortest[1] != shortest[2][:9]


@QUICK
@given(pages("ar"))
def test_arabic_pages_are_arabic(page) -> None:  # type: ignore[no-untyped-def]
    body = " ".join(page.paragraphs)
    arabic = sum(1 for ch in body if "\u0600" <= ch <= "\u06ff")
    assert arabic > 0.5 * sum(1 for ch in body if ch.isalpha())


@QUICK
@given(datelines())
def test_datelines_carry_place_and_agency(dateline) -> None:  # type: ignore[no-untyped-def]
    assert dateline.text.startswith(dateline.place)
    assert dateline.agency in dateline.text


@QUICK
@given(encoded_pages(pages("en")))
def test_encoded_pages_decode_back_with_their_codec(item) -> None:  # type: ignore[no-untyped-def]
    page, codec, data = item
    assert data.decode(codec) == page.text


@QUICK
@given(mojibaked(pages("en")))
def test_mojibaked_pages_are_damaged(item) -> None:  # type: ignore[no-untyped-def]
    page, data = item
    non_ascii = any(ord(ch) > 127 for ch in page.text)
    assert (data != page.text.encode("utf-8")) == non_ascii


def test_languages_with_a_stop_list_get_a_vocabulary_in_their_script() -> None:
    russian = vocabulary("ru")
    assert russian is not None
    assert all("\u0400" <= word[0] <= "\u04ff" for word in russian.function_words)
    assert vocabulary("xx") is None


@QUICK
@given(st.data())
def test_users_compose_their_own_chrome_and_vocabulary(data: st.DataObject) -> None:
    cookie = st.just(Block("chrome", ("We use cookies. Accept all",), "cookie_banner"))
    page = data.draw(pages(spec=PageSpec(language="en", extra_chrome=(cookie,))))
    assert "cookie_banner" in [block.name for block in page.chrome]
    register(
        Vocabulary(
            language="xx-test",
            function_words=("la", "le", "de"),
            content_words=("blorp", "zint", "quax", "mib"),
            names=("Ada Zint",),
            places=("ZINTOWN",),
            quote_frames=('"{quote}," dixit {name}.',),
            byline_frames=("{name}",),
            chrome=Chrome(
                ("Zint News",),
                ("Home", "Zint", "Blorp", "Quax"),
                ("Latest",),
                ("{n}h",),
                ("Tags",),
                ("© {year} {site}",),
                ("Comments",),
                ("Share",),
                ("Popular",),
            ),
        )
    )
    made = data.draw(pages("xx-test"))
    assert made.language == "xx-test" and "Zint News" in made.text
    assert ENGLISH.language == "en"
