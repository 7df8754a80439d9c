"""Month and weekday names by language, taken from dateparser's locale data.

dateparser already holds these tables for some 200 locales; copydesk only turns them
into one lookup and one regex for the languages a page may use. Loading a locale costs
more than the rest of a short run's date work, so the names read are kept in the cache
folder (:func:`copydesk.io.cache_folder`) by dateparser's release, and a run that finds them
there does not import dateparser at all.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import regex

from copydesk.io import cache_folder, write_atomic

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
    months, weekdays, _ = _locale(language)
    return months if keys is MONTHS else weekdays


def _date_order(language: str) -> str:
    return _locale(language)[2]


# What a language's locale gives: month names, weekday names (each case-folded name -> its
# number from 0), and the numeric date order.
LocaleNames = tuple[dict[str, int], dict[str, int], str]
_LOCALES: dict[str, LocaleNames] = {}


def _locale(language: str) -> LocaleNames:
    """A language's names, from the cache folder when an earlier run read them from this
    dateparser release; loading its locale data is most of what the names cost a short run."""
    if not _LOCALES:
        _LOCALES.update(_read_saved())
    found = _LOCALES.get(language)
    if found is None:
        found = _LOCALES[language] = _from_dateparser(language)
        _UNSAVED.add(language)
    return found


_UNSAVED: set[str] = set()


def _from_dateparser(language: str) -> LocaleNames:
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(language).info
    except (KeyError, ValueError):
        return {}, {}, "DMY"
    tables: list[dict[str, int]] = []
    for keys in (MONTHS, WEEKDAYS):
        found: dict[str, int] = {}
        for number, key in enumerate(keys):
            for name in info.get(key, []):
                folded = str(name).casefold().rstrip(".")
                if len(folded) >= 3 or not folded.isascii():
                    found.setdefault(folded, number)
        tables.append(found)
    return tables[0], tables[1], str(info.get("date_order", "DMY"))


def _saved_path() -> Path | None:
    from importlib.metadata import PackageNotFoundError, version

    folder = cache_folder()
    try:
        return None if folder is None else folder / f"date-names-{version('dateparser')}.json"
    except PackageNotFoundError:
        return None


def _read_saved() -> dict[str, LocaleNames]:
    """The saved names; nothing when the file is missing, damaged or not of this shape."""
    path = _saved_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    found: dict[str, LocaleNames] = {}
    for language, entry in data.items():
        if isinstance(entry, list) and len(entry) == 3 and isinstance(entry[2], str):
            months, weekdays = entry[0], entry[1]
            if _numbered(months) and _numbered(weekdays):
                found[language] = (months, weekdays, entry[2])
    return found


def _numbered(table: object) -> bool:
    return isinstance(table, dict) and all(isinstance(k, str) and type(v) is int for k, v in table.items())


def _save() -> None:
    """Keep the names read from dateparser for the next run (written once per lexicon built)."""
    path = _saved_path() if _UNSAVED else None
    _UNSAVED.clear()
    if path is None:
        return

    data = {language: list(entry) for language, entry in _LOCALES.items()}
    with contextlib.suppress(OSError):
        write_atomic(path, json.dumps(data, ensure_ascii=False, sort_keys=True))


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
    _save()
    return Lexicon(months, weekdays, _alternation(months), _alternation(weekdays), not order.startswith("M"))
