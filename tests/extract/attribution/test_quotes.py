from copydesk.extract.attribution.quotes import find_quotes
from copydesk.text.lines import split_lines


def scan(text: str) -> tuple[list[str], list[int]]:
    lines = split_lines(text)
    found = find_quotes(text, lines, [True] * len(lines))
    for quote in found.quotes:
        assert text[quote.start : quote.end] == quote.text
    return [q.text for q in found.quotes], found.unbalanced


def test_every_pair_of_marks() -> None:
    texts, _ = scan(
        'A "straight quote of words" and “curly quote of words”, «guillemets of three words», „German quote here“.\n'
    )
    assert texts == [
        "straight quote of words",
        "curly quote of words",
        "guillemets of three words",
        "German quote here",
    ]


def test_short_spans_are_not_quotations() -> None:
    assert scan('The so-called "caliphate" and "fake news" again.\n')[0] == []


def test_quotation_over_paragraphs() -> None:
    text = '"The first paragraph of it,\n\n"the second paragraph of it,\n\n"and the end of it," she said.\n'
    texts, unbalanced = scan(text)
    assert len(texts) == 1 and texts[0].startswith("The first") and texts[0].endswith("end of it,")
    assert unbalanced == []


def test_unbalanced_marks_are_reported_not_guessed() -> None:
    texts, unbalanced = scan('He said "this one never closes at all.\nNext paragraph with no quote.\n')
    assert texts == [] and unbalanced == [0]


def test_quote_inside_a_title_line() -> None:
    assert scan('Minister: "We will not give in to threats"\n')[0] == ["We will not give in to threats"]


def test_mixed_straight_and_curly_marks_pair_up() -> None:
    texts, _ = scan('"Some candidates will have to work harder,” said the spokesman. “Nobody is safe here now."\n')
    assert texts == ["Some candidates will have to work harder,", "Nobody is safe here now."]
