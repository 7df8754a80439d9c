from hypothesis import given
from hypothesis import strategies as st

from copydesk.label.line_features import _DROP_LOWER, _DROP_UPPER, _casing
from copydesk.text.shape import PUNCTUATION, _strip_edges, list_item, normalise, to_space

TO_SPACE = str.maketrans(dict.fromkeys(PUNCTUATION, " "))  # the plain definition to_space must equal

ASCII_HEAVY = st.text(alphabet=st.characters(max_codepoint=0x7F)) | st.text()
MIXED = st.text(alphabet=st.characters(max_codepoint=0x7F) | st.sampled_from("“”‘’—–…«»、。！？€©°•\udce9ä中"))


@given(ASCII_HEAVY | MIXED)
def test_the_byte_table_spaces_exactly_what_the_dictionary_does(text: str) -> None:
    assert to_space(text) == text.translate(TO_SPACE)


WHITE = st.text(alphabet=st.sampled_from(" \t\x0b\x0c\r\x1c\x1f\xa0\u2009\u3000aZ.,"))


@given(ASCII_HEAVY | MIXED | WHITE)
def test_normalised_text_is_the_same_on_either_path(text: str) -> None:
    """The ASCII shortcut (nothing to collapse, lower-casing) answers as the general path."""
    assert normalise(text) == " ".join(_strip_edges(text).split()).casefold()


@given(st.lists(ASCII_HEAVY.filter(bool), max_size=50))
def test_casing_counts_the_same_on_either_path(words: list[str]) -> None:
    initials = "".join(word[0] for word in words[1:40])
    upper = len(initials) - len(initials.translate(_DROP_UPPER))
    lower = len(initials) - len(initials.translate(_DROP_LOWER))
    assert _casing(words) == (upper, upper + lower)


def test_list_item_drops_a_bullet_only() -> None:
    assert list_item("* Share to facebook") == "Share to facebook"
    assert list_item("• Newsletter") == "Newsletter"
    assert list_item("- Contact") == "Contact"
    for kept in ("o Share", "1. Preheat the oven", "-5 degrees overnight", "*", "** bold **", "Share"):
        assert list_item(kept) == kept
    line = "Share"
    assert list_item(line) is line  # no copy when there is no bullet
