"""Scores of the date choice, on lines written for these tests."""

from __future__ import annotations

import pytest

from copydesk.extract.dates.candidates import Candidate, find
from copydesk.extract.dates.choose import shape_score
from copydesk.text.lexicon import lexicon

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
