"""Relative dates ("5 minutes ago", "vor 3 Stunden", "today Thursday"), resolved against fetched_at.

A relative expression only means something against the moment the page was fetched, so
it is resolved against the manifest's ``fetched_at`` and nothing else: never the clock of
the machine running the gate. dateparser turns the expression into a moment; copydesk
finds the expression and checks a weekday written beside "today"/"yesterday".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from copydesk.rules import compiled
from copydesk.rules.patterns import PatternSet
from copydesk.text.lexicon import Lexicon

_AGO = compiled.compile(
    r"(?i)(?<!\p{L})(?:\d{1,3}\s+\p{L}{3,12}\s+(?:ago|назад)"
    r"|(?:vor|il y a|hace|há|منذ)\s+\d{1,3}\s+\p{L}{3,12})(?!\p{L})"
)
_SMALL_UNITS = compiled.compile(r"(?i)min|hour|hr|stunde|heure|hora|час|ساع|دقيق")


def ago(text: str, fetched: dt.datetime, language: str | None) -> tuple[dt.datetime, str] | None:
    """The moment an "N units ago" expression in ``text`` names, and its precision."""
    match = _AGO.search(text)
    if not match:
        return None
    import dateparser

    settings: dict[str, Any] = {"RELATIVE_BASE": fetched.replace(tzinfo=None), "PREFER_DATES_FROM": "past"}
    languages = [language, "en"] if language and language != "en" else ["en"]
    moment = dateparser.parse(match.group(0), languages=languages, settings=settings)
    if moment is None:
        return None
    precision = "minute" if _SMALL_UNITS.search(match.group(0)) else "day"
    return moment.replace(tzinfo=fetched.tzinfo), precision


def named_day(
    text: str, fetched: dt.datetime, words: Lexicon, today: PatternSet, yesterday: PatternSet, weekday_re: Any
) -> dt.date | None:
    """ "Today Thursday" / "أمس الأربعاء": the fetch day or the day before, when the weekday agrees."""
    for cues, offset in ((today, 0), (yesterday, 1)):
        if cues.first_match(text, lambda _: None) is None:
            continue
        day = fetched.date() - dt.timedelta(days=offset)
        named = {words.weekdays[m.casefold().rstrip(".")] for m in weekday_re.findall(text)}
        if not named or day.weekday() in named:
            return day
    return None
