"""Month and weekday names by language, taken from dateparser's locale data.

dateparser already holds these tables for some 200 locales; copydesk only turns them
into one lookup and one regex for the languages a page may use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

import regex

MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Languages whose month names are looked for on every page: dates in English turn up on
# pages in any language, and these are the languages most news is published in.
ALWAYS = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "pl", "tr", "sv", "da", "id")


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]  # case-folded name or abbreviation -> 1..12
    weekdays: dict[str, int]  # case-folded name -> 0 (Monday) .. 6
    month_pattern: str  # alternation of the month names, longest first
    weekday_pattern: str
    day_first: bool  # the first language's numeric order: 10/11/2021 is 10 November
    phrases: tuple[str, ...] = ()  # the month names of more than one word ("تشرين الأول")

    def with_months(self, extra: Iterable[Sequence[Sequence[str]]]) -> Lexicon:
        """This lexicon and the month names rule files add (twelve lists each, January's
        first); a name the lexicon has already keeps its month."""
        months = dict(self.months)
        for table in extra:
            for number, names in enumerate(table, start=1):
                for name in names:
                    months.setdefault(" ".join(name.casefold().rstrip(".").split()), number)
        if len(months) == len(self.months):
            return self
        phrases = tuple(name for name in months if " " in name)
        return replace(self, months=months, month_pattern=_alternation(months), phrases=phrases)


def _names(language: str, keys: tuple[str, ...]) -> dict[str, int]:
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (KeyError, ValueError):
        return {}
    found: dict[str, int] = {}
    for number, key in enumerate(keys):
        for name in info.get(key, []):
            folded = str(name).casefold().rstrip(".")
            if len(folded) >= 3 or not folded.isascii():
                found.setdefault(folded, number)
    return found


def _date_order(language: str) -> str:
    from dateparser.languages.loader import default_loader

    try:
        return str(default_loader.get_locale(language).info.get("date_order", "DMY"))
    except (KeyError, ValueError):
        return "DMY"


def _alternation(names: dict[str, int]) -> str:
    return "|".join(regex.escape(name) for name in sorted(names, key=len, reverse=True))


@cache
def lexicon(language: str | None) -> Lexicon:
    """Names for the page's language first (it wins a clash), then the common ones."""
    languages = ([language] if language else []) + [code for code in ALWAYS if code != language]
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for code in languages:
        for name, number in _names(code, MONTHS).items():
            months.setdefault(name, number + 1)
        for name, number in _names(code, WEEKDAYS).items():
            weekdays.setdefault(name, number)
    order = _date_order(language) if language else "DMY"
    return Lexicon(months, weekdays, _alternation(months), _alternation(weekdays), not order.startswith("M"))
