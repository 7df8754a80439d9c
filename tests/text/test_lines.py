from hypothesis import given
from hypothesis import strategies as st

from copydesk.model import Line
from copydesk.text.lines import iter_chunks, line_at, split_lines


def test_every_terminator_and_offsets() -> None:
    text = "one\r\ntwo\rthree\nfour"
    lines = split_lines(text)
    assert [(line.text, line.ending) for line in lines] == [
        ("one", "\r\n"),
        ("two", "\r"),
        ("three", "\n"),
        ("four", ""),
    ]
    for line in lines:
        assert text[line.start : line.end] == line.text
        assert text[line.end : line.end + len(line.ending)] == line.ending


def test_trailing_newline_makes_no_empty_line() -> None:
    assert [line.text for line in split_lines("a\nb\n")] == ["a", "b"]
    assert split_lines("") == []


def test_line_at() -> None:
    text = "a\r\nb\rc\nd"
    assert [line_at(text, text.index(ch)) for ch in "abcd"] == [1, 2, 3, 4]
    assert line_at(text, -1) == 4


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\t", "\n", "é", "\u3000"]), max_size=40))
def test_the_newline_path_builds_the_lines_the_general_one_does(text: str) -> None:
    """Pages with "\\n" endings only take a path built in C; it must agree with the general one."""
    expected, offset = [], 0
    for number, (body, ending) in enumerate(iter_chunks(text), start=1):
        expected.append(Line(number, offset, offset + len(body), body, ending, body.strip()))
        offset += len(body) + len(ending)
    lines = split_lines(text)
    assert lines == expected and all(type(line) is Line for line in lines)
    assert "".join(line.text + line.ending for line in lines) == text
