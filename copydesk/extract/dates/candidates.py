"""Date candidates in a line: every span that writes a calendar date, with what it gives.

Three shapes cover the dates news pages print: ISO (2021-05-24), numeric with dots,
slashes or dashes (24.05.2021, 05/24/2021, taken day-first or month-first as the page's
language writes them unless a number over 12 settles it), and textual with a month name
in any language dateparser knows ("24th May 2021", "May 24, 2021", "24. Mai 2021",
"24 مايو 2021"). A textual date may lack its year ("MOSCOW, July 9."); a time right after
the date ("11:06 PM", "12.09 Uhr") is kept for minute precision.

A page is searched as one text, its lines joined by newlines, so each form is one pass of
the regex engine rather than one per line; no form crosses a newline (spaces inside a
date are "[^\\S\\n]"), so a page finds exactly what its lines would find one by one.
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from copydesk.rules import compiled
from copydesk.rules.patterns import TIMEOUT_SECONDS, RulePattern
from copydesk.text.lexicon import Lexicon
from copydesk.text.memo import MemoFamily
from copydesk.text.shape import to_space

_NUMERIC = compiled.compile(r"(?=\d)(?<![\d.:/])(?P<a>[0-3]?\d)[/-](?P<b>[0-3]?\d)[/-](?:19|20)?\d\d(?!\d)")
_SP = r"[^\S\n]"  # white space inside a line: a date never runs on into the next line
ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TIME = compiled.compile(
    rf"\G(?:{_SP}|[,|·•–—-])*(?:(?:um|at|à|a{_SP}+las|в){_SP}+)?(\d{{1,2}})[:.h](\d{{2}})(?::\d{{2}})?{_SP}*(?:([AaPp])\.?[Mm]\.?)?"
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


_EASTERN_DIGIT = compiled.compile("[٠-٩۰-۹]")


def western_digits(text: str) -> str:
    """The text with Arabic-Indic digits as ASCII ones; text without them, the usual case, as it is."""
    return text if text.isascii() or not _EASTERN_DIGIT.search(text) else text.translate(ARABIC_INDIC)


@cache
def weekday_regex(weekday_names: str) -> regex.Pattern[str]:
    return compiled.compile(rf"(?i)(?<!\p{{L}})(?:{weekday_names})\.?(?!\p{{L}})", 0)


def _year(text: str) -> int:
    value = int(text)
    return value + (2000 if value < 70 else 1900) if len(text) == 2 else value


_FLAGS = regex.IGNORECASE | regex.VERSION1
# A form that opens with an optional character opens with a look-ahead for its first one:
# the regex engine then skips ahead to candidates instead of trying the look-behind at
# every position of the page. One with a fixed start ("19", "20") is found faster without.
_NUMERIC_FORMS = (
    # 2021-05-24, 2021/05/24, 2021.05.24
    compiled.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)([-/.])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?![\d])", _FLAGS),
    # 24.05.2021, 05/24/2021, 24-05-21 (not "06. 04. 11:27": a two-digit year is no hour)
    compiled.compile(
        rf"(?=\d)(?<![\d.:/])(?P<a>[0-3]?\d)([./-]){_SP}?(?P<b>[0-3]?\d)\2{_SP}?(?P<year>(?:19|20)?\d\d)(?![\d]|[.:]\d)",
        _FLAGS,
    ),
)


@lru_cache(maxsize=4096)
def _textual_forms(month_names: tuple[str, ...], weekday_names: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """The textual date forms for the month (and weekday) names a page holds.

    Built from the few names present rather than every name of every language: a small
    alternation is many times faster to search, and pages repeat the same few names.
    """
    months = _names_source(month_names)
    month = f"(?P<mname>{months})\\.?"
    # The month named twice, in two calendars' names ("24 نيسان / أبريل 2020": the Levantine
    # and the transliterated name, as Arabic news writes it).
    also = rf"(?:{_SP}*/{_SP}*(?:{months})\.?)?"
    weekdays = "|".join(regex.escape(n) for n in weekday_names)
    weekday = rf"(?:(?P<wname>{weekdays})\.?,?{_SP}+)?" if weekday_names else ""
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    # The first form opens with a digit or a weekday: a look-ahead for them lets the engine
    # skip to such places instead of trying the look-behind at every character.
    opening = rf"(?=\d|{weekdays})" if weekday_names else r"(?=\d)"
    fold = _folding(month_names + weekday_names)
    return (
        # Mon 24th May 2021, 24. Mai 2021, 31 de octubre de 2023, 24 مايو 2021, 9 July
        compiled.compile(
            rf"{fold}{opening}(?<![\p{{L}}\d]){weekday}{day}{_SP}*(?:de{_SP}+)?{month}{also}(?![\p{{L}}])"
            rf"(?:,?{_SP}*(?:de{_SP}+)?{year})?",
            _FLAGS,
        ),
        # Monday, May 24, 2021; Oct. 19 2019; July 9
        compiled.compile(
            rf"{fold}(?<![\p{{L}}\d]){weekday}{month}(?![\p{{L}}]){_SP}*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
            rf"(?:,?{_SP}*{year})?",
            _FLAGS,
        ),
    )


def _folding(names: tuple[str, ...]) -> str:
    """Simple case folding, ``(?-f)``, for names in ASCII letters; full folding otherwise.

    Full folding (ß = ss, ligatures, Greek letters with two accents) doubles the time of a
    case-insensitive search; an ASCII name needs it only where a page spells it with a
    ligature or a long s. A name in Greek ("μαΐου", folded from "Μαΐου") keeps it.
    """
    return "(?-f)" if all(name.isascii() for name in names) else ""


def _named(words: set[str], names: dict[str, int]) -> tuple[str, ...]:
    """The names (from ``names``) among ``words``, sorted longest first."""
    return tuple(sorted(words.intersection(names), key=lambda w: (-len(w), w)))


def _months_in(text: str, lexicon: Lexicon) -> tuple[tuple[str, ...], set[str]]:
    """The month names ``text`` holds, one word or several ("تشرين الأول"), longest first;
    and its words."""
    spaced = to_space(text.casefold())
    words = set(spaced.split())
    found = words.intersection(lexicon.months)
    if lexicon.phrases:
        padded = f" {' '.join(spaced.split())} "
        found.update(phrase for phrase in lexicon.phrases if f" {phrase} " in padded)
    return tuple(sorted(found, key=lambda w: (-len(w), w))), words


def _line_names(line: str, lexicon: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The month and weekday names a line holds, once per distinct line and lexicon: a
    site's menus and story lists name months page after page ("May" is a modal verb too).
    Keyed by the lexicon's name patterns: a copy with another day order shares them, and
    equal names find the same."""
    return _LINE_NAMES.of(lexicon, key=(lexicon.month_pattern, lexicon.weekday_pattern))[line]


def _names_of_line(lexicon: Lexicon, line: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    months, words = _months_in(line, lexicon)
    return months, _named(words, lexicon.weekdays) if months else ()


_LINE_NAMES: MemoFamily[Lexicon, str, tuple[tuple[str, ...], tuple[str, ...]]] = MemoFamily(_names_of_line)


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
    """Every date written in one line, left to right, overlapping matches dropped."""
    return [replace(c, line=line) for c in find_in_page([text], lexicon, day_first)]


def find_in_page(
    texts: Sequence[str],
    lexicon: Lexicon,
    day_first: bool | None = None,
    forms: Sequence[RulePattern] = (),
) -> list[Candidate]:
    """Every date written on a page's lines, in page order, overlapping matches dropped.

    ``day_first`` settles numeric dates like 08/11/2023 when the page itself has shown its
    order; otherwise the language's order does. ``forms``: the rule files' own date shapes,
    tried after the built-in ones.
    """
    page = western_digits("\n".join(texts))
    starts = _line_starts(texts)
    read: list[Candidate] = []
    for kind, match in itertools.chain(_matches(page, starts, lexicon), _form_matches(page, forms)):
        line = bisect_right(starts, match.start()) - 1
        candidate = _candidate(kind, match, page, starts[line], line, lexicon, day_first)
        if candidate is not None:
            read.append(candidate)
    # Where two readings overlap the longer one wins ("2021년 3월 15일" over the month name's
    # "3월 15일"); between equals, the form tried first.
    found: list[Candidate] = []
    taken: dict[int, list[tuple[int, int]]] = {}  # by line: spans already read as dates
    for candidate in sorted(read, key=lambda c: c.start - c.end):
        spans = taken.setdefault(candidate.line, [])
        if not any(candidate.start < right and left < candidate.end for left, right in spans):
            found.append(candidate)
            spans.append((candidate.start, candidate.end))
    return sorted(found, key=lambda c: (c.line, c.start))


@lru_cache(maxsize=1024)
def _name_regex(names: tuple[str, ...]) -> regex.Pattern[str]:
    return compiled.compile(_names_source(names), _FLAGS)


def _names_source(names: tuple[str, ...]) -> str:
    """An alternation of names, a space inside one matching any run of spaces in a line."""
    return "|".join(regex.escape(name).replace("\\ ", f"{_SP}+") for name in names)


def _matches(page: str, starts: list[int], lexicon: Lexicon) -> Iterator[tuple[int, regex.Match[str]]]:
    """Each form's matches with the form's index: numeric forms over the whole page, then
    the textual forms of each line that names a month, built from the names it holds."""
    for kind, form in enumerate(_NUMERIC_FORMS):
        for match in form.finditer(page):
            yield kind, match
    months, _ = _months_in(page, lexicon)
    if not months:
        return
    for lo, hi in _lines_naming(page, starts, months):
        named, weekdays = _line_names(page[lo:hi], lexicon)
        if not named:
            continue  # the name is only part of a longer word
        forms = _textual_forms(named, weekdays)
        for kind, form in enumerate(forms, start=len(_NUMERIC_FORMS)):
            for match in form.finditer(page, lo, hi):
                yield kind, match


RULE_FORM = -1  # the kind of a match of a rule file's date form


def _form_matches(page: str, forms: Sequence[RulePattern]) -> Iterator[tuple[int, regex.Match[str]]]:
    """The rule files' forms, each one search of the whole page with ``^`` and ``$`` at every
    line's ends (a search per line costs a hundred times more); a match never spans lines."""
    for form in forms:
        try:
            for match in _searched(form.source).finditer(page, timeout=TIMEOUT_SECONDS):
                if "\n" not in match.group():
                    yield RULE_FORM, match
        except TimeoutError:
            continue  # a form that runs away finds nothing on this page rather than hanging it


@lru_cache(maxsize=256)
def _searched(source: str) -> regex.Pattern[str]:
    return compiled.compile(source, regex.VERSION1 | regex.UNICODE | regex.MULTILINE)


def _lines_naming(page: str, starts: list[int], names: tuple[str, ...]) -> list[tuple[int, int]]:
    """The bounds, in ``page``, of each line where one of ``names`` occurs, in page order."""
    bounds: dict[int, tuple[int, int]] = {}
    for at in _name_offsets(page, names):
        line = bisect_right(starts, at) - 1
        if line not in bounds:
            end = page.find("\n", starts[line])
            bounds[line] = (starts[line], len(page) if end < 0 else end)
    return sorted(bounds.values())


def _name_offsets(page: str, names: tuple[str, ...]) -> Iterator[int]:
    """Where the names occur in the page, case-insensitively.

    Names of one ASCII word in a page that lower-casing leaves as long (so each offset
    stays put) are found with ``str.find`` in the lower-cased page: five times faster than
    searching a case-insensitive alternation, which tries every character of the page.
    """
    if all(name.isascii() and " " not in name for name in names):
        lowered = page.lower()
        if len(lowered) == len(page):
            for name in names:
                at = lowered.find(name)
                while at >= 0:
                    yield at
                    at = lowered.find(name, at + 1)
            return
    for match in _name_regex(names).finditer(page):
        yield match.start()


def _line_starts(texts: Sequence[str]) -> list[int]:
    """The offset of each line in the texts joined by newlines."""
    starts = [0]
    for text in texts[:-1]:
        starts.append(starts[-1] + len(text) + 1)
    return starts


def page_order(texts: Sequence[str]) -> bool | None:
    """The day/month order a page's own slash and dash dates prove (a number over 12), if any."""
    day_first = month_first = False
    for match in _NUMERIC.finditer(western_digits("\n".join(texts))):
        a, b = int(match.group("a")), int(match.group("b"))
        day_first = day_first or (a > 12 >= b)
        month_first = month_first or (b > 12 >= a)
    return day_first if day_first != month_first else None


def _candidate(
    kind: int, match: regex.Match[str], text: str, offset: int, line: int, lexicon: Lexicon, day_first: bool | None
) -> Candidate | None:
    """The date a match writes, at offsets within its line (``text`` starts the line at ``offset``)."""
    groups = match.groupdict()
    weekday = None
    year: int | None
    if kind in (0, RULE_FORM):
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
        month = lexicon.months.get(" ".join(groups["mname"].casefold().rstrip(".").split()), 0)
        day = int(groups["day"])
        year = int(groups["year"]) if groups.get("year") else None
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
    start = match.start()
    return Candidate(
        line, start - offset, end - offset, text[start:end].rstrip(), year, month, day, hour, minute, weekday
    )
