"""Date candidates in a line: every span that writes a calendar date, with what it gives.

Three shapes cover the dates news pages print: ISO (2021-05-24), numeric with dots,
slashes or dashes (24.05.2021, 05/24/2021, taken day-first or month-first as the page's
language writes them unless a number over 12 settles it), and textual with a month name
in any language dateparser knows ("24th May 2021", "May 24, 2021", "24. Mai 2021",
"24 مايو 2021"). A textual date may lack its year ("MOSCOW, July 9."); a time right after
the date ("11:06 PM", "12.09 Uhr") is kept for minute precision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from copydesk.dates.lexicon import Lexicon
from copydesk.validators.shape import TO_SPACE

_NUMERIC = regex.compile(r"(?<![\d.:/])(?P<a>[0-3]?\d)[/-](?P<b>[0-3]?\d)[/-](?:19|20)?\d\d(?!\d)")
ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TIME = regex.compile(
    r"\G[\s,|·•–—-]*(?:um\s+|at\s+|à\s+|a\s+las\s+|в\s+)?(\d{1,2})[:.h](\d{2})(?::\d{2})?\s*(?:([AaPp])\.?[Mm]\.?)?"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    line: int  # index into the page's lines
    start: int  # character offsets within the line
    end: int
    text: str
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    weekday: int | None = None  # a weekday written beside the date, 0 = Monday

    def date(self, year: int | None = None) -> dt.date | None:
        try:
            return dt.date(year or self.year or 0, self.month, self.day)
        except ValueError:
            return None


_DIGIT = regex.compile(r"[0-9٠-٩۰-۹]")


def western_digits(text: str) -> str:
    """The text with Arabic-Indic digits as ASCII ones; ASCII text, the usual case, as it is."""
    return text if text.isascii() else text.translate(ARABIC_INDIC)


def has_digit(text: str) -> bool:
    """Every date form holds a digit; a line without one is not searched."""
    return _DIGIT.search(text) is not None


@cache
def weekday_regex(weekday_names: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?i)(?<!\p{{L}})(?:{weekday_names})\.?(?!\p{{L}})")


def _year(text: str) -> int:
    value = int(text)
    return value + (2000 if value < 70 else 1900) if len(text) == 2 else value


_FLAGS = regex.IGNORECASE | regex.VERSION1
_NUMERIC_FORMS = (
    # 2021-05-24, 2021/05/24, 2021.05.24
    regex.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)([-/.])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?![\d])", _FLAGS),
    # 24.05.2021, 05/24/2021, 24-05-21
    regex.compile(
        r"(?<![\d.:/])(?P<a>[0-3]?\d)([./-])\s?(?P<b>[0-3]?\d)\2\s?(?P<year>(?:19|20)?\d\d)(?![\d]|\.\d)", _FLAGS
    ),
)


@lru_cache(maxsize=4096)
def _textual_forms(month_names: tuple[str, ...], weekday_names: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """The textual date forms for the month (and weekday) names a line holds.

    Built from the few names present rather than every name of every language: a small
    alternation is many times faster to search, and lines repeat the same names.
    """
    month = "(?P<mname>" + "|".join(regex.escape(n) for n in month_names) + ")\\.?"
    weekday = (
        "(?:(?P<wname>" + "|".join(regex.escape(n) for n in weekday_names) + ")\\.?,?\\s+)?" if weekday_names else ""
    )
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    return (
        # Mon 24th May 2021, 24. Mai 2021, 31 de octubre de 2023, 24 مايو 2021, 9 July
        regex.compile(
            rf"(?<![\p{{L}}\d]){weekday}{day}\s*(?:de\s+)?{month}(?![\p{{L}}])(?:,?\s*(?:de\s+)?{year})?", _FLAGS
        ),
        # Monday, May 24, 2021; Oct. 19 2019; July 9
        regex.compile(
            rf"(?<![\p{{L}}\d]){weekday}{month}(?![\p{{L}}])\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s*{year})?",
            _FLAGS,
        ),
    )


def _named(text: str, names: dict[str, int]) -> tuple[str, ...]:
    """The names (from ``names``) that occur as words of ``text``, sorted longest first."""
    words = {word.rstrip(".") for word in text.casefold().translate(TO_SPACE).split()}
    return tuple(sorted((word for word in words if word in names), key=lambda w: (-len(w), w)))


def _time(text: str, at: int) -> tuple[int | None, int | None, int]:
    match = _TIME.match(text, at)
    if not match:
        return None, None, at
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(3) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None, None, at
    return hour, minute, match.end()


def find(text: str, line: int, lexicon: Lexicon, day_first: bool | None = None) -> list[Candidate]:
    """Every date written in ``text``, left to right, overlapping matches dropped.

    ``day_first`` settles numeric dates like 08/11/2023 when the page itself has shown its
    order; otherwise the language's order does.
    """
    digits = western_digits(text)
    found: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    months = _named(digits, lexicon.months)
    forms = _NUMERIC_FORMS + (_textual_forms(months, _named(digits, lexicon.weekdays)) if months else ())
    for kind, pattern in enumerate(forms):
        for match in pattern.finditer(digits):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            candidate = _candidate(kind, match, digits, line, lexicon, day_first)
            if candidate is not None:
                found.append(candidate)
                taken.append((candidate.start, candidate.end))
    return sorted(found, key=lambda c: c.start)


def page_order(texts: list[str]) -> bool | None:
    """The day/month order a page's own slash and dash dates prove (a number over 12), if any."""
    day_first = month_first = False
    for text in texts:
        for match in _NUMERIC.finditer(western_digits(text)):
            a, b = int(match.group("a")), int(match.group("b"))
            day_first = day_first or (a > 12 >= b)
            month_first = month_first or (b > 12 >= a)
    return day_first if day_first != month_first else None


def _candidate(
    kind: int, match: regex.Match[str], text: str, line: int, lexicon: Lexicon, day_first: bool | None
) -> Candidate | None:
    groups = match.groupdict()
    weekday = None
    if kind == 0:
        year, month, day = int(groups["year"]), int(groups["month"]), int(groups["day"])
    elif kind == 1:
        a, b, year = int(groups["a"]), int(groups["b"]), _year(groups["year"])
        if a > 12 or b > 12:
            first = a > 12
        elif match.group(2) == ".":
            first = True  # dots are the European separator whatever the page's language
        else:
            first = day_first if day_first is not None else lexicon.day_first
        day, month = (a, b) if first else (b, a)
    else:
        month = lexicon.months.get(groups["mname"].casefold().rstrip("."), 0)
        day = int(groups["day"])
        year = int(groups["year"]) if groups.get("year") else None  # type: ignore[assignment]
        if groups.get("wname"):
            weekday = lexicon.weekdays.get(groups["wname"].casefold().rstrip("."))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    hour, minute, end = _time(text, match.end())
    return Candidate(
        line, match.start(), end, text[match.start() : end].rstrip(), year, month, day, hour, minute, weekday
    )
