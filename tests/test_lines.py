from copydesk.lines import line_at, split_lines


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
