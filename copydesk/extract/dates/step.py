"""The dates step: ``article.published``, its precision and evidence, and the checks on it.

Candidates come from every line; the choice weighs where each stands relative to the
article and the words before it. A full date with a time becomes minute precision when
the source's timezone is declared; a date without a year gets one only when weekday and
declared window prove it. Relative expressions ("5 minutes ago", "today Thursday") are
resolved only against the manifest's fetched_at, never the machine's clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from copydesk.extract.dates import candidates as found
from copydesk.extract.dates import infer, relative
from copydesk.extract.dates.choose import DATELINE_REACH, Cues, Page, best, zone_score
from copydesk.model import Finding, Kind, Label, Line
from copydesk.rules.page_rules import DateRules
from copydesk.rules.ruleset import DateCues
from copydesk.text.lexicon import Lexicon

DATELINE_ZONE = 2.5  # the score of the article's opening words, where datelines stand


@dataclass(slots=True)
class DateResult:
    published: str | None = None
    precision: str = "none"
    candidates: list[str] | None = None
    evidence: dict[str, Any] | None = None
    findings: list[Finding] = field(default_factory=list)


def host_order(rules: Sequence[DateCues], language: str | None, host: str | None) -> str | None:
    """ "DMY" when the site's host is one the language's rules say writes the day first
    (English in Britain, Ireland, India...: "08/11/2023" is 8 November); else None."""
    if not host:
        return None
    hosts = (p for c in rules if c.applies_to(language) for p in c.day_first_hosts)
    return "DMY" if any(p.compiled.search(host) for p in hosts) else None


def _relative(
    lines: Sequence[Line],
    page: Page,
    fetched: dt.datetime,
    words: Lexicon,
    rules: DateRules,
) -> tuple[str, str, int] | None:
    """A relative date where bylines and datelines stand, resolved against fetched_at."""
    language, today, yesterday = rules.language, rules.today.matcher, rules.yesterday.matcher
    weekday_re = found.weekday_regex(words.weekday_pattern)
    for index in range(max(0, page.start - 6), min(len(lines), page.start + 2)):
        text = lines[index].text
        moment = relative.ago(text, fetched, language)
        if moment is not None:
            stamp, precision = moment
            return (stamp.isoformat() if precision == "minute" else stamp.date().isoformat()), precision, index
        day = relative.named_day(text[: DATELINE_REACH * 2], fetched, words, today, yesterday, weekday_re)
        if day is not None:
            return day.isoformat(), "day", index
    return None


def _page(lines: Sequence[Line], labels: Sequence[Label]) -> Page:
    body = [i for i, label in enumerate(labels) if label.kind is Kind.BODY and not lines[i].is_blank]
    title = next((i for i, label in enumerate(labels) if label.kind is Kind.TITLE), None)
    return Page(lines, labels, body[0] if body else 0, body[-1] if body else len(lines) - 1, title)


def _lexicon(base: Lexicon, date_order: str | None) -> Lexicon:
    """The language's names (dateparser's and the rule files') in this day/month order."""
    if date_order is None or (date_order == "DMY") == base.day_first:
        return base
    return replace(base, day_first=date_order == "DMY")


def _weekday_near(text: str, words: Lexicon) -> int | None:
    """The one weekday a line names ("said on Friday"), or None when it names none or several."""
    named = {words.weekdays[m.casefold().rstrip(".")] for m in found.weekday_regex(words.weekday_pattern).findall(text)}
    return named.pop() if len(named) == 1 else None


def _iso(candidate: found.Candidate, year: int, timezone: str | None) -> tuple[str, str]:
    """ISO 8601 as precise as the evidence: minute with offset when time and zone are known."""
    if candidate.hour is not None and candidate.minute is not None and timezone:
        from zoneinfo import ZoneInfo

        stamp = dt.datetime(
            year, candidate.month, candidate.day, candidate.hour, candidate.minute, tzinfo=ZoneInfo(timezone)
        )
        return stamp.isoformat(), "minute"
    return dt.date(year, candidate.month, candidate.day).isoformat(), "day"


def extract(
    lines: Sequence[Line],
    labels: Sequence[Label],
    rules: DateRules | None = None,
    *,
    timezone: str | None = None,
    fetched: dt.datetime | None = None,
    active_years: tuple[int, int] | None = None,
    date_order: str | None = None,
    dateline_line: int | None = None,
    host: str | None = None,
) -> DateResult:
    """``date_order``: the source's declared order, over anything the page shows; the
    host's (:func:`host_order`) only replaces the language's default, and a page that
    proves its order (a day over 12) still wins. ``rules``: the page's date cues
    (:meth:`copydesk.rules.ruleset.RuleSet.bundle`); none gives the lexicon's names alone."""
    rules = rules if rules is not None else DateRules.of((), None)
    language = rules.language
    words = _lexicon(rules.lexicon, date_order or host_order(rules.cue_rules, language, host))
    page = _page(lines, labels)
    cues = Cues(rules.published.matcher, rules.updated.matcher, rules.ignore.matcher)
    texts = [line.text for line in lines]
    order = None if date_order else found.page_order(texts)
    every = found.find_in_page(texts, words, order, rules.forms)
    result = DateResult()
    chosen = _choose(every, page, cues, fetched, dateline_line, lines, result)
    if chosen is None:
        resolved = _relative(lines, page, fetched, words, rules) if fetched is not None else None
        if resolved is not None:
            result.published, result.precision, index = resolved
            result.evidence = {"line": lines[index].number, "relative_to": "fetched_at"}
        else:
            result.findings.append(Finding("dates.missing_date", "info", "no publication date found in the text"))
        return result
    result.evidence = {"line": lines[chosen.line].number, "text": chosen.text, "start": chosen.start}
    weekday = chosen.weekday if chosen.weekday is not None else _weekday_near(lines[chosen.line].text, words)
    if chosen.year is not None:
        _dated(result, chosen, weekday, timezone, lines[chosen.line].number)
    elif not _year_inferred(result, chosen, weekday, timezone, infer.window(fetched, active_years), lines):
        return result
    _check_agreement(result, every, chosen, page, lines)
    return result


def _choose(
    every: Sequence[found.Candidate],
    page: Page,
    cues: Cues,
    fetched: dt.datetime | None,
    dateline_line: int | None,
    lines: Sequence[Line],
    result: DateResult,
) -> found.Candidate | None:
    """The publication date among the candidates: a full date first (none after the fetch),
    then a date without a year where datelines and bylines stand."""
    complete = [c for c in every if c.year is not None]
    chosen = best(complete, page, cues)
    if fetched is not None and chosen is not None and (chosen.date() or dt.date.min) > fetched.date():
        # The page's own stamp is after it was fetched: the manifest or the page is wrong.
        message = f"{chosen.text!r} is after fetched_at {fetched.date().isoformat()}"
        result.findings.append(Finding("dates.after_fetch", "error", message, lines[chosen.line].number))
        complete = [c for c in complete if (c.date() or dt.date.max) <= fetched.date()]
        chosen = best(complete, page, cues)
    if chosen is None:
        # A date without a year is the publication date only where datelines and bylines
        # stand; in the body it is an event ("the summit on 16 June").
        partial = [
            c for c in every if c.year is None and (c.line == dateline_line or zone_score(page, c) >= DATELINE_ZONE)
        ]
        chosen = best(partial, page, cues)
    return chosen


def _dated(result: DateResult, chosen: found.Candidate, weekday: int | None, timezone: str | None, number: int) -> None:
    """A full date: published, and a warning when the weekday the page names is another."""
    date = chosen.date()
    assert date is not None and chosen.year is not None
    if weekday is not None and chosen.weekday is not None and date.weekday() != weekday:
        result.findings.append(
            Finding("dates.weekday_mismatch", "warning", f"{chosen.text!r} names the wrong weekday", number)
        )
    result.published, result.precision = _iso(chosen, chosen.year, timezone)


def _year_inferred(
    result: DateResult,
    chosen: found.Candidate,
    weekday: int | None,
    timezone: str | None,
    years_window: tuple[int, int] | None,
    lines: Sequence[Line],
) -> bool:
    """A date without a year gets one only when the declared window and the weekday leave one;
    otherwise the candidates and a warning. True when the date is settled."""
    number = lines[chosen.line].number
    if years_window is None:
        message = f"{chosen.text!r} has no year and no window is declared"
        if weekday is not None:  # the weekday still narrows it: list the years that fit, settle none
            years = infer.candidate_years(chosen.month, chosen.day, weekday, *infer.NEWS_YEARS)
            result.candidates = [dt.date(y, chosen.month, chosen.day).isoformat() for y in years]
            first, last = infer.NEWS_YEARS
            message += f"; its weekday fits {len(years)} years in {first}-{last} (published_candidates)"
        result.findings.append(Finding("dates.year_unknown", "warning", message, number))
        return False
    years = infer.candidate_years(chosen.month, chosen.day, weekday, *years_window)
    if len(years) == 1:
        result.published, result.precision = _iso(chosen, years[0], timezone)
        assert result.evidence is not None
        result.evidence["year_from"] = "weekday and window" if weekday is not None else "window"
        return True
    result.candidates = [dt.date(y, chosen.month, chosen.day).isoformat() for y in years]
    message = f"{chosen.text!r}: {len(years)} possible years in {years_window[0]}-{years_window[1]}"
    result.findings.append(Finding("dates.year_ambiguous", "warning", message, number))
    return False


def _check_agreement(
    result: DateResult, every: Sequence[found.Candidate], chosen: found.Candidate, page: Page, lines: Sequence[Line]
) -> None:
    """A byline date and a dateline date that disagree cannot both be the publication day."""
    stamps = [
        c
        for c in every
        if (c is not chosen and c.year is not None and page.labels[c.line].kind in (Kind.BYLINE, Kind.DATELINE))
        or (c is not chosen and c.year is not None and c.line in (page.start, page.start + 1) and c.start < 80)
    ]
    published = result.published[:10] if result.published else None
    for other in stamps:
        other_date = other.date()
        if (
            published
            and other_date
            and other_date.isoformat() != published
            and abs((other_date - dt.date.fromisoformat(published)).days) > 1
        ):
            result.findings.append(
                Finding(
                    "dates.byline_dateline_conflict",
                    "error",
                    f"{chosen.text!r} and {other.text.strip()!r} give different days",
                    lines[other.line].number,
                )
            )
            return
