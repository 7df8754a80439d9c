"""Scores of the date choice, on lines written for these tests."""

from __future__ import annotations

import pytest

from copydesk.extract.dates.candidates import Candidate, find
from copydesk.extract.dates.choose import Cues, Page, best, shape_score, zone_score
from copydesk.model import Kind, Label
from copydesk.rules.patterns import pattern_set
from copydesk.text.lexicon import lexicon
from copydesk.text.lines import split_lines

LONG = "Where does the anger come from, the critic asks, after a season of shows that sold out every night."


def first_date(text: str) -> Candidate:
    return find(text, 0, lexicon("en"))[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31 October 2023", 2.0),  # the line is the stamp
        (f"31 October 2023. {LONG}", 1.0),  # the paragraph's own stamp, parted by a full stop
        (f"31 October 2023 – {LONG}", 1.0),
        (f"31 October 2023: {LONG}", 1.0),
        (f"31 October 2023, {LONG}", -2.0),  # the subject of the sentence: an event
        (f"{LONG} On 31 October 2023 the doors opened again.", -2.0),  # inside the sentence
        ("The doors opened on 31 October 2023 and closed soon after the show.", 0.0),
        # After a dateline's place, in parentheses or not, the date is the paragraph's stamp.
        (f"Leeds, (31.10.2023). {LONG}", 1.0),
        (f"Frankfurt am Main, 31 October 2023 – {LONG}", 1.0),
        (f"Leeds, 31 October 2023, {LONG}", -2.0),  # no stop after it: part of the sentence
        (f"The critic wrote, 31 October 2023. {LONG}", -2.0),  # more than a place before it
    ],
)
def test_where_the_date_stands_in_its_line(text: str, expected: float) -> None:
    assert shape_score(text, first_date(text)) == expected


def _zone(line: int, title: int | None) -> float:
    page = Page(split_lines("x\n" * 40), [Label(Kind.BODY)] * 40, start=30, end=39, title=title)
    return zone_score(page, Candidate(line=line, start=0, end=15, text="31 October 2023", year=2023, month=10, day=31))


def test_a_stamp_just_above_the_headline_is_the_articles_header_not_the_masthead() -> None:
    assert _zone(25, title=20) == 4.0  # between the headline and the article
    assert _zone(20, title=20) == 4.0  # the headline's line is the date: a stamp taken for the headline
    assert _zone(17, title=20) == 3.0  # just above the headline ("May 2, 2021 / 9:15 AM", then it)
    assert _zone(12, title=20) == 1.0  # further up: the masthead's day of the visit
    assert _zone(17, title=None) == 1.0


def _stamp(line: int) -> Candidate:
    return Candidate(line=line, start=0, end=10, text="04.02.2022", year=2022, month=2, day=4)


def test_between_the_headline_and_the_article_the_stamp_under_the_headline_wins_a_tie() -> None:
    """A one-paragraph notice the boilerplate step dropped: the article then starts at a
    teaser under "Related articles", and the teaser's stamp stands as near the article as
    the notice's own stamp under the headline."""
    texts = ["Headline of the notice", "04.02.2022", "Related articles", "03.02.2022", LONG]
    page = Page(split_lines("\n".join(texts)), [Label(Kind.BODY)] * 5, start=4, end=4, title=0)
    none = Cues(pattern_set(()), pattern_set(()), pattern_set(()))
    assert best([_stamp(3), _stamp(1)], page, none) == _stamp(1)
    below = Page(page.lines, page.labels, start=4, end=4, title=None)  # no headline: nearest the article
    assert best([_stamp(1), _stamp(3)], below, none) == _stamp(3)


def test_a_stamp_taken_for_the_headline_beats_a_comments_stamp_when_the_article_starts_in_the_thread() -> None:
    """The headline step took the stamp line ("Posted on ... by ...") for the headline and
    the model kept only comments, so the article starts below a commenter's dated header:
    the headline's own line is still the nearest the headline."""
    texts = ["Posted on 04.02.2022 by Ana", LONG, "Ben says:", "05.02.2022", LONG]
    page = Page(split_lines("\n".join(texts)), [Label(Kind.BODY)] * 5, start=4, end=4, title=0)
    none = Cues(pattern_set(()), pattern_set(()), pattern_set(()))
    own = Candidate(line=0, start=10, end=20, text="04.02.2022", year=2022, month=2, day=4)
    comment = Candidate(line=3, start=0, end=10, text="05.02.2022", year=2022, month=2, day=5)
    assert best([comment, own], page, none) == own


def test_a_date_inside_a_longer_headline_line_is_not_taken_for_its_stamp() -> None:
    teaser = f"{LONG} example.org/2019/04/28/story"
    page = Page(split_lines(f"{teaser}\n{LONG}\n"), [Label(Kind.BODY)] * 2, start=1, end=1, title=0)
    in_link = Candidate(line=0, start=len(LONG) + 13, end=len(LONG) + 23, text="2019/04/28", year=2019, month=4, day=28)
    assert zone_score(page, in_link) == 3.0  # just above the article, as any line there; not 4.0
    stamped = Page(split_lines(f"Posted on 28.04.2019 by Ana\n{LONG}\n"), page.labels, start=1, end=1, title=0)
    own = Candidate(line=0, start=10, end=20, text="28.04.2019", year=2019, month=4, day=28)
    assert zone_score(stamped, own) == 4.0
