import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from copydesk.extract.dates.infer import candidate_years, window
from copydesk.extract.dates.step import extract
from copydesk.model import Kind, Label
from copydesk.rules.page_rules import DateRules
from copydesk.text.lexicon import MONTHS, WEEKDAYS
from copydesk.text.lines import split_lines


def test_weekday_narrows_the_window_to_one_year() -> None:
    assert candidate_years(7, 9, 4, 2015, 2026) == [2021]  # July 9 was a Friday in 2021 only
    assert candidate_years(7, 9, None, 2020, 2022) == [2020, 2021, 2022]
    assert candidate_years(2, 29, None, 2019, 2025) == [2020, 2024]


def test_window_comes_from_fetch_and_profile() -> None:
    fetched = dt.datetime(2021, 3, 1, tzinfo=dt.UTC)
    assert window(fetched, None) == (2020, 2021)
    assert window(None, (2015, 2026)) == (2015, 2026)
    assert window(fetched, (2015, 2026)) == (2015, 2021)
    assert window(None, None) is None


@given(
    day=st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)),
    place=st.sampled_from(["MOSCOW", "KYIV", "NEW DELHI", "SAO PAULO"]),
)
def test_dateline_plus_weekday_resolves_when_one_year_fits(day: dt.date, place: str) -> None:
    span = (day.year - 3, day.year + 3)
    weekday = day.weekday()
    assume(candidate_years(day.month, day.day, weekday, *span) == [day.year])
    month = MONTHS[day.month - 1].capitalize()
    text = (
        f"Talks resume\n{place}, {month} {day.day}. /TASS/. The ministry said on "
        f"{WEEKDAYS[weekday].capitalize()} that the talks would resume next month after a long pause.\n"
    )
    lines = split_lines(text)
    labels = [Label(Kind.TITLE, "structure.title"), Label(Kind.BODY)]
    result = extract(lines, labels, DateRules.of((), "en"), active_years=span, dateline_line=1)
    assert result.published == day.isoformat()
    assert result.precision == "day"
