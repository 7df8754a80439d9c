import regex
from hypothesis import example, given
from hypothesis import strategies as st

from copydesk.rules.alternation import _FOLDING_RANGES, alternation, multi_foldings

FLAGS = regex.VERSION1


def flat(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"


def found(source: str, text: str, ignore_case: bool) -> list[tuple[int, int]]:
    pattern = regex.compile(f"(?{'i' if ignore_case else ''}:(?P<w>{source}))" + r"\b", FLAGS)
    return [m.span("w") for m in pattern.finditer(text, overlapped=True)]


LETTERS = "sSaAiItTfFlLdD ßﬁ"
words = st.lists(st.text(alphabet="saitfld SAI", min_size=1, max_size=6), max_size=12)
texts = st.text(alphabet=LETTERS + ",.\n", max_size=40)


@given(words, texts, st.booleans())
@example(["ss", "sx"], "ß", True)  # one character of the text for two of the words
@example(["fi", "fl"], "ﬁ", True)
@example(["said", "Said", "sa"], "SAID", True)
@example(["told reporters", "told"], "told   reporters", True)
def test_the_factored_alternation_matches_what_the_flat_one_matches(
    words: list[str], text: str, ignore_case: bool
) -> None:
    assert found(alternation(words, ignore_case=ignore_case), text, ignore_case) == found(
        flat(words), text, ignore_case
    )


def test_words_sharing_beginnings_are_factored() -> None:
    source = alternation(["said", "says", "sang", "told"], ignore_case=True)
    assert source.startswith("sa(?:") or source.startswith("s(?:a(?:")
    assert regex.fullmatch(f"(?i:{source})", "SANG")


def test_unfactorable_words_stay_flat() -> None:
    # a character whose folding is two characters, and a doubled space, make no tree
    assert "(?:" not in alternation(["straße", "strand"], ignore_case=True)
    assert "(?:" not in alternation(["a  b", "a c"], ignore_case=True)
    assert alternation([], ignore_case=True) == "(?!)"


def test_no_branch_point_where_a_folding_could_straddle_it() -> None:
    source = alternation(["ssa", "ssb", "sx"], ignore_case=True)
    assert regex.match(f"(?i:{source})", "ßa", FLAGS)
    assert not alternation(["stated", "said"], ignore_case=True).startswith("s(?:")  # "ﬆ" folds to "st"


def test_the_folding_table_holds_every_character_that_folds_to_several() -> None:
    folding = [c for c in map(chr, range(0x110000)) if len(c.casefold()) > 1]
    assert multi_foldings() == {c.casefold() for c in folding}
    assert all(any(low <= ord(c) < high for low, high in _FOLDING_RANGES) for c in folding)
