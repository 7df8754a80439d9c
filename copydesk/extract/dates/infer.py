"""The year of a date printed without one ("MOSCOW, July 9."), proved or left open.

A weekday the text gives for the same day ("on Friday") leaves only the years in which
that day fell on that weekday; the declared window (the manifest's fetched_at, the
profile's active years) bounds them. One year left is a proof; several are candidates
for a person to settle; with no window nothing is claimed. The machine's clock is never
consulted.
"""

from __future__ import annotations

import datetime as dt

# The years a scraped news page without a declared window is listed against (never settled
# by): the web's news era, from before the first news sites to beyond any crawl in sight.
NEWS_YEARS = (1990, 2039)


def candidate_years(month: int, day: int, weekday: int | None, first: int, last: int) -> list[int]:
    """Years in ``[first, last]`` in which the day exists and (if given) falls on ``weekday``."""
    years = []
    for year in range(first, last + 1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if weekday is None or date.weekday() == weekday:
            years.append(year)
    return years


def window(fetched: dt.datetime | None, active: tuple[int, int] | None) -> tuple[int, int] | None:
    """The years a page can be from: up to its fetch (a year before at most), within the profile's years."""
    if fetched is None and active is None:
        return None
    first, last = active if active else (fetched.year - 1, fetched.year)  # type: ignore[union-attr]
    if fetched is not None:
        last = min(last, fetched.year)
        first = max(first, fetched.year - 1) if active is None else first
    return (first, last) if first <= last else None
