import re

from ftfy.badness import is_bad
from hypothesis import given
from hypothesis import strategies as st

from copydesk.decode.suspects import may_change, needs_of

# Characters ftfy's badness classes are built from, and ordinary ones around them.
ALPHABET = "aZ .,!?\n\u00a0\u00ad¢£¥©«®°±²³µ·»¿ÀÂÃÄÉÎÐØÙßàâãäéêñóüŒœ‚“”„†‡•‹›€™ΆΑβВГРСвЂў│┌═√≈×"


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_a_text_ftfy_finds_bad_is_always_a_suspect(text: str) -> None:
    """The gate may let clean text through to ftfy, never hold back text ftfy would repair."""
    if is_bad(text):
        assert may_change(text)


def test_ordinary_non_ascii_text_is_no_suspect() -> None:
    assert not may_change("The minister’s “firm” reply — and the mayor’s, «Да», said Ali: الوزير")
    assert not may_change("Déjà vu à Zürich, naïve café.")
    assert may_change("The minister‚Äôs reply")  # UTF-8 quotes read as Mac Roman


def test_each_branch_needs_its_non_ascii_classes() -> None:
    assert needs_of(re.compile("[a-z]é|x[üö]")) == ((frozenset("é"),), (frozenset("üö"),))


def test_a_branch_that_needs_only_ascii_turns_the_gate_off() -> None:
    assert needs_of(re.compile("é|ab")) is None
    assert needs_of(re.compile("é", re.IGNORECASE)) is None  # case folding widens classes
