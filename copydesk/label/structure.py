"""Page structure: headline, byline, standfirst and repeated lines.

Scraped pages put the headline first among the article's lines, the byline within a few
lines of it, and often repeat the headline or print a standfirst that the first
paragraph repeats word for word. These lines are not body text: the headline goes to
``article.title``, the byline's name to ``article.author``, and the repeats are marked
``duplicate``. Every check here looks at a bounded window of lines, so the step stays
linear in the page length.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from copydesk.label.labelling import Labelling
from copydesk.model import Kind, Label
from copydesk.rules import compiled
from copydesk.rules.patterns import PatternSet, PatternTimeout, RulePattern, pattern_set
from copydesk.text.memo import LineMemo, MemoFamily
from copydesk.text.shape import UNSPACED, is_body_like, list_item, looks_like_headline, normalise, word_count

if TYPE_CHECKING:  # the dates lexicon loads dateparser's data: only when a name needs it
    from copydesk.text.lexicon import Lexicon

TITLE_WINDOW = 10  # content lines searched for the headline
BYLINE_WINDOW = 4
STANDFIRST_WINDOW = 6
MAX_BYLINE_WORDS = 16
STAMP_REACH = 3  # filled lines under a bare name where its stamp may stand
BETWEEN_WORDS = 3  # a line between the name and its stamp is a button or a role, no more
DATED_WORDS = 8  # a stamp with words beside it ("Oct 18, 2019 · 8 min read") is short
_SEPARATORS = " \t-–—:,•|·"  # between a name and the stamp on its line
MIN_REPEAT_WORDS = 3
MIN_HEADLINE_WORDS = 4

# Where a byline's name ends in any script: a digit (the date), a separator or a comma.
# Words that end it ("Updated", "Publicado") are each language's, in its rule file's name_stops.
_AUTHOR_STOP = compiled.compile(r"[\d|•·—–(\[/]|\s-\s|,")
_CLOSING = '"”’»)] '
_NAME = compiled.compile(r"^[\p{L}][\p{L}\p{M}.'’-]*(?:\s+[\p{L}][\p{L}\p{M}.'’-]*){0,5}$")

TITLE = "structure.title"
BYLINE = "structure.byline"
STANDFIRST = "structure.standfirst"
STANDFIRST_ABOVE_BYLINE = "structure.standfirst_above_byline"
MAX_STANDFIRST_LINES = 2
REPEAT = "structure.repeated_line"
COPY = "structure.copy_of_lines"
COPY_KEY_WORDS = 5
COPY_MIN_CHARS = 800
_AFTER_SENTENCE = compiled.compile(r"[.!?؟۔。！？][\"”’»)]*\s+(\S+(?:\s+\S+){4})")


def find_title(
    labelling: Labelling,
    region_start: int,
    byline_patterns: tuple[RulePattern, ...] = (),
    name_stops: tuple[RulePattern, ...] = (),
) -> int | None:
    """The headline: a headline-shaped line just above the article, never a byline.

    Among the few content lines above the article the page's own evidence decides: a
    line the page repeats (sites print the headline twice), else the line right above the
    byline nearest the article (or the headline above a name printed over its stamp),
    else the nearest one of headline length, else the nearest.
    """
    content = labelling.content_indices()
    split = bisect_left(content, region_start)
    above = content[max(0, split - TITLE_WINDOW) : split]
    position = {index: n for n, index in enumerate(above, split - len(above))}
    candidates = [i for i in above if headline_not_byline(labelling, i, byline_patterns)]
    # A menu repeats its items too ("Hometown Hockey" in the bar and the footer): a repeated
    # line is the headline only when it is headline-long.
    long_enough = [i for i in candidates if word_count(without_cut(labelling, i)) >= MIN_HEADLINE_WORDS]
    if split < len(content) and _exclaimed_headline(labelling, content, split, bool(long_enough)):
        first = labelling.normalised(content[split])
        if all(labelling.normalised(i) != first for i in candidates):  # else the page repeats it: see below
            return content[split]
    if not candidates:
        return None
    if long_enough:
        seen = Counter(labelling.normalised_all(content))
        repeated = [i for i in long_enough if seen[normalise(without_cut(labelling, i))] > 1]
        if repeated:
            return repeated[0]
    above_byline = []
    for i in candidates:
        if position[i] + 1 == len(content) or not _matches(
            byline_patterns, labelling.lines[content[position[i] + 1]].stripped
        ):
            continue
        headlines = [j for j in long_enough if j < i]
        if headlines and _name_over_stamp(labelling, i, content[position[i] + 1], byline_patterns, name_stops):
            above_byline.append(headlines[-1])  # headline, name, stamp: the headline heads them both
        else:
            above_byline.append(i)
    return max(above_byline) if above_byline else (long_enough or candidates)[-1]


def _exclaimed_headline(labelling: Labelling, content: list[int], split: int, headline_above: bool) -> bool:
    """The article's first line is its headline when it is one in form, ends in "!" or "?"
    (which the article step takes for a short sentence), stands alone, and prose follows:
    "Python 3.6.0 is now available!" over its release note. A question only when no line
    above is headline-long: an interview opens with its first question under its headline."""
    index = content[split]
    text = without_cut(labelling, index)
    ending = text.rstrip(_CLOSING)[-1:]
    if ending not in ("!", "?") or (ending == "?" and headline_above):
        return False
    if not looks_like_headline(text) or word_count(text) > 12:
        return False
    following = content[split + 1] if split + 1 < len(content) else None
    if following is None or following != index + 2 or not labelling.lines[index + 1].is_blank:
        return False
    return is_body_like(labelling.lines[following].stripped) and word_count(labelling.lines[following].stripped) >= 25


def _name_over_stamp(
    labelling: Labelling,
    index: int,
    byline: int,
    byline_patterns: tuple[RulePattern, ...],
    name_stops: tuple[RulePattern, ...],
) -> bool:
    """A bare name above a byline that names no one ("Maren Estrada" over "November 19th,
    2019 at 8:40 AM"): sites print the name and the stamp on two lines, the headline above
    them. Only asked when a headline-long line stands above: without one, the short line
    may be a section label ("Business News") as well as a name, and it stays a candidate."""
    text = labelling.lines[byline].stripped
    if not _name_line(without_cut(labelling, index)):
        return False
    return author_from_byline(text, _leading_cue(byline_patterns, text), name_stops) is None


def headline_not_byline(labelling: Labelling, index: int, byline_patterns: tuple[RulePattern, ...]) -> bool:
    return _HEADLINE_SHAPED.of(pattern_set(byline_patterns))[without_cut(labelling, index)]


def _headline_shaped(bylines: PatternSet, text: str) -> bool:
    return looks_like_headline(text) and not _first_in(bylines, text) and not _stamp(text) and not _ADDRESS.search(text)


# Menus and section labels above the article repeat across a site's pages: each is asked
# once per list of byline rules.
_HEADLINE_SHAPED: MemoFamily[PatternSet, str, bool] = MemoFamily(_headline_shaped)


# A web or mail address: a link, a credit or a contact line, never a headline.
_ADDRESS = compiled.compile(r"(?i)https?://|\bwww\.\w|[\w.+-]@[\w-]+\.\w")


_DIGIT = compiled.compile(r"\d")
_CLOCK = compiled.compile(r"\b\d{1,2}[:.h]\d{2}\b")
_WORD = compiled.compile(r"\p{L}[\p{L}\p{M}]+")  # marks too: Indic vowel signs are not letters
_LOWER_WORD = compiled.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]+")


def _stamp(text: str) -> bool:
    """A date, a price or a phone number, with a word at most beside it ("27. September 2018",
    "2021-10-16 | Botschaft", "+49 30 284447-42"): the page's stamp, never its headline.

    Words are counted without the month and weekday names of every language dateparser
    knows; a stamp has a number, most headlines none, so most lines stop at the first test.
    """
    if not _DIGIT.search(text):
        return False
    words = [w for w in _WORD.findall(text) if not _date_name(w.casefold())]
    # Scripts written without spaces hold many words in one run: two characters a word.
    return sum(max(1, len(w) // 2) if UNSPACED.match(w) else 1 for w in words) < 2


def without_cut(labelling: Labelling, index: int) -> str:
    cut = labelling.cuts.get(index)
    line = labelling.lines[index]
    return (line.text[: cut[0]] if cut else line.text).strip()


def headline_text(labelling: Labelling, index: int) -> str:
    """The headline as the report gives it: its line before any cut, without the list bullet
    a converter put before it ("* Council approves plan" under a breadcrumb's list)."""
    return list_item(without_cut(labelling, index))


def is_byline(patterns: tuple[RulePattern, ...], text: str) -> bool:
    return _IS_BYLINE.of(pattern_set(patterns))[text]


_IS_BYLINE: MemoFamily[PatternSet, str, bool] = MemoFamily(lambda patterns, text: _first_in(patterns, text) is not None)


def _matches(patterns: tuple[RulePattern, ...], text: str) -> regex.Match[str] | None:
    return _first_in(pattern_set(patterns), text)


def _first_in(patterns: PatternSet, text: str) -> regex.Match[str] | None:
    found = patterns.first_match(text, lambda _: None)
    return found[1] if found else None


def _leading_cue(patterns: tuple[RulePattern, ...], text: str) -> regex.Match[str] | None:
    """The cue that opens the byline ("By ") when one does, else the first that matches.

    A line such as "By Staff | November 18 at 2:26 PM" also matches cues found inside it
    (the time); the name follows the opening one.
    """
    for pattern in patterns:
        try:
            match = pattern.search(text)
        except PatternTimeout:
            continue
        if match is not None and match.start() == 0:
            return match
    return _matches(patterns, text)


def author_from_byline(text: str, cue: regex.Match[str] | None, stops: tuple[RulePattern, ...] = ()) -> str | None:
    """The name a byline gives: what follows a leading cue, up to the first date or separator.

    The date's month name is not the name's: "November 19th, 2019" stops at its day, and
    "November" alone is no author ("Associated Press Nov. 19" gives "Associated Press").
    A surname that is a month before a number ("Brian May 5, 2021") loses it: no rule can
    tell the two apart, and stamps are far more common on bylines than such names.
    """
    rest = text[cue.end() :] if cue is not None and cue.start() == 0 else text
    end = _name_end(rest, stops)
    name = rest[:end].strip(" \t-–—:,")
    if rest[end : end + 1].isdigit():
        name = _without_month(name)
    return name if name and _NAME.match(name) and _capitalised(name) and not _time_word(name) else None


# A time zone's abbreviation: what a stamp ends with ("10:32 a.m. EDT", "1:39 PM ET"), never a name.
_ZONE = compiled.compile(r"(?:[A-Z]{1,3}[SD]T|[ECMP]T|UTC|GMT|CES?T|MES?Z|WES?T|EES?T|AES?T|IST|BST|MSK|JST|KST)")


def _time_word(name: str) -> bool:
    """A weekday or month name in any language dateparser knows, or a time zone: the stamp
    beside a byline ("Mittwoch", "الثلاثاء", "GMT"), not who wrote it."""
    return bool(_ZONE.fullmatch(name)) or _date_name(name.casefold().rstrip("."))


def _capitalised(name: str) -> bool:
    """Names are capitalised where the script has case: the first word and at least half of
    the cased words ("Juan de la Cruz"); "Se realizarán de manera online" is a sentence."""
    words = name.split()
    cased = [word for word in words if word[0].isupper() or word[0].islower()]
    if not cased:
        return True  # Arabic, Chinese, Japanese: no case to go by
    capitals = sum(1 for word in cased if word[0].isupper())
    return words[0][0].isupper() and 2 * capitals >= len(cased)


def _name_end(rest: str, stops: tuple[RulePattern, ...]) -> int:
    """Where the name ends: the first separator, digit or stop word of the page's language."""
    found = _AUTHOR_STOP.search(rest)
    end = found.start() if found else len(rest)
    for pattern in stops:
        try:
            match = pattern.search(rest)  # the whole rest: a stop may look ahead at the date ("at 9:41")
        except PatternTimeout:
            continue
        if match is not None and match.start() < end:
            end = match.start()
    return end


def _without_month(name: str) -> str:
    """The name without a last word that names a month (the date's, cut at its day)."""
    head, _, last = name.rpartition(" ")
    return head.rstrip() if last.casefold().rstrip(".") in _date_names().months else name


def _date_names() -> Lexicon:
    """Month and weekday names of every language dateparser knows, loaded on first need."""
    from copydesk.text.lexicon import lexicon

    return lexicon(None)


def _date_name(folded: str) -> bool:
    """A case-folded month or weekday name."""
    names = _date_names()
    return folded in names.months or folded in names.weekdays


def _name_line(text: str) -> bool:
    """A person's name alone: two to four capitalised words of letters (and . ' -)."""
    words = text.split()
    return 2 <= len(words) <= 4 and bool(_NAME.match(text)) and all(word[:1].isupper() for word in words)


def find_byline(
    labelling: Labelling, after: int | None, region_start: int, patterns: tuple[RulePattern, ...]
) -> int | None:
    """A byline-shaped line between the headline and the first lines of the article."""
    if not patterns:
        return None
    content = labelling.content_indices()
    lowest = after if after is not None else region_start - BYLINE_WINDOW - 1
    window = [i for i in content if lowest < i][: BYLINE_WINDOW + 2]
    for index in window:
        text = labelling.lines[index].stripped
        if _byline_length(text) and _matches(patterns, text):
            return index
    return None


def _cued_at_article(
    labelling: Labelling, region_start: int, patterns: tuple[RulePattern, ...], name_stops: tuple[RulePattern, ...]
) -> int | None:
    """A byline that opens with its cue and names a person ("By Ana Ruiz March 18 at 12:22
    PM", "Par Anne Roux") just above the article or on its second line, when none stands
    under the headline: a photo, its credit and the share buttons often come between, or
    the headline found is another one. Only an opening cue and a name: a stamp alone there
    may be a teaser's, and the first lines of the article are no place to guess."""
    content = labelling.content_indices()
    split = bisect_left(content, region_start)
    for index in content[max(0, split - BYLINE_WINDOW - 1) : split + 2]:
        text = labelling.lines[index].stripped
        cue = _leading_cue(patterns, text) if labelling.undecided(index) and _byline_length(text) else None
        if cue is None or cue.start() != 0:
            continue
        author = author_from_byline(text, cue, name_stops)
        if author is not None and _name_line(author):
            return index
    return None


def _byline_length(text: str) -> bool:
    """Short, or a short name part followed by a stamp ("By Staff | November 18, 2019 at 2:26
    PM - Updated ..."): sites print the date on the byline's line, and it can run long."""
    if word_count(text) <= MAX_BYLINE_WORDS:
        return True
    stop = _AUTHOR_STOP.search(text)
    if stop is None or word_count(text[: stop.start()]) > MAX_BYLINE_WORDS // 2:
        return False
    rest = text[stop.start() :]
    return any(ch.isdigit() for ch in rest) and not rest.rstrip(_CLOSING).endswith((".", "!", "?"))


def mark_standfirsts(labelling: Labelling, region_start: int, byline_patterns: tuple[RulePattern, ...] = ()) -> None:
    """Lines near the article's start that its first paragraphs repeat word for word.

    Not a headline-shaped line right above a byline: that is the headline, which a lede
    may repeat too ("Here are the 10 best ways to ..."); a standfirst there ends a sentence.
    """
    content = labelling.content_indices()
    split = bisect_left(content, region_start)
    before = content[max(0, split - STANDFIRST_WINDOW) : split]
    opening = content[split : split + STANDFIRST_WINDOW + 1]
    later_texts = list(zip(opening, labelling.normalised_all(opening), strict=True))
    for index in before + opening[:-1]:
        text = labelling.normalised(index)
        if not any(later > index and len(other) > len(text) and text in other for later, other in later_texts):
            continue
        if word_count(text) < MIN_REPEAT_WORDS or _headline_over_byline(labelling, index, byline_patterns):
            continue
        if _opens_the_lede(labelling, index, text):
            continue  # a headline the lede repeats as its first sentence: left for the headline step
        labelling.decide(index, Label(Kind.DUPLICATE, STANDFIRST))


def _opens_the_lede(labelling: Labelling, index: int, text: str) -> bool:
    """A headline-shaped line whose next paragraph opens with it ("Python 3.6.0 is now
    available!" over "Python 3.6.0 is now available! Python 3.6.0 is the newest major
    release ..."): blogs repeat the title so; a standfirst ends a sentence."""
    following = _next_filled(labelling, index)
    return (
        following is not None
        and looks_like_headline(labelling.lines[index].stripped)
        and labelling.normalised(following).startswith(text)
    )


def _headline_over_byline(labelling: Labelling, index: int, byline_patterns: tuple[RulePattern, ...]) -> bool:
    """A headline-shaped line whose next non-blank line is a byline."""
    below = _next_filled(labelling, index)
    if below is None or not looks_like_headline(labelling.lines[index].stripped):
        return False
    return _matches(byline_patterns, labelling.lines[below].stripped) is not None


def mark_copies(labelling: Labelling) -> None:
    """A long line that holds two or more other lines of the page word for word is a copy.

    Pages carry hidden copies of the article (schema.org markup, AMP or print blocks) that
    a converter renders as one long line, far longer than a paragraph. The check indexes
    every line by its first words and scans each such line once, at its sentence starts,
    so it stays linear in the page's words.
    """
    content = labelling.content_indices()
    long_lines = [i for i in content if len(labelling.lines[i].stripped) >= COPY_MIN_CHARS]
    if not long_lines:
        return  # hidden copies of an article are long; ordinary paragraphs are not searched
    texts = dict(zip(content, labelling.normalised_all(content), strict=True))
    by_opening: dict[tuple[str, ...], list[int]] = {}
    for i in content:
        head = texts[i].split(maxsplit=COPY_KEY_WORDS)
        if len(head) >= COPY_KEY_WORDS:
            by_opening.setdefault(tuple(head[:COPY_KEY_WORDS]), []).append(i)
    for i in long_lines:
        text = texts[i]
        held: set[int] = set()
        # A copied line starts the long line or follows a sentence end inside it.
        for window in (text, *(m.group(1) for m in _AFTER_SENTENCE.finditer(text))):
            key = tuple(window.split(maxsplit=COPY_KEY_WORDS)[:COPY_KEY_WORDS])
            for other in by_opening.get(key, ()):
                if other != i and len(texts[other]) < len(text) and texts[other] in text:
                    held.add(other)
            if len(held) >= 2:
                labelling.decide(i, Label(Kind.DUPLICATE, COPY))
                break


def mark_repeats(labelling: Labelling, title: str | None, byline: str | None, author: str | None) -> None:
    """Exact repeats of the headline, the byline or an earlier line; the author's name alone.

    A repeat needs a few words (short lines repeat by chance), except the author's name:
    alone on a line it heads the author's box under the article.
    """
    seen: set[str] = {normalise(text) for text in (title, byline) if text}
    name = normalise(author) if author else None
    content = labelling.content_indices()
    for index, text in zip(content, labelling.normalised_all(content), strict=True):
        if text == name:
            labelling.decide(index, Label(Kind.DUPLICATE, REPEAT))
        elif text not in seen:
            seen.add(text)
        elif _WORDS[text] >= MIN_REPEAT_WORDS:
            labelling.decide(index, Label(Kind.DUPLICATE, REPEAT))


_WORDS: LineMemo[str, int] = LineMemo(word_count)  # a page repeats its menus; each is counted once


def label_structure(
    labelling: Labelling,
    byline_patterns: tuple[RulePattern, ...],
    region_start: int | None,
    name_stops: tuple[RulePattern, ...] = (),
    choose_title: Callable[[int | None], int | None] | None = None,
) -> tuple[str | None, str | None]:
    """Label headline, byline and repeats; return ``(title, author)`` as the page gives them.

    ``region_start`` is the first line of the article region; without one there is no
    article, and so no headline or byline to find. ``choose_title``, given the rule of
    thumb's headline (:func:`find_title`), returns the one to take: the trained scorer's
    (:mod:`copydesk.label.headline`).
    """
    if region_start is None:
        return None, None
    mark_standfirsts(labelling, region_start, byline_patterns)
    title_index = find_title(labelling, region_start, byline_patterns, name_stops)
    if choose_title is not None:
        title_index = choose_title(title_index)
    title = None
    if title_index is not None:
        title = headline_text(labelling, title_index)
        labelling.decide(title_index, Label(Kind.TITLE, TITLE))
    author = None
    byline_index = find_byline(labelling, title_index, region_start, byline_patterns)
    text = None
    if byline_index is None and title_index is not None:
        byline_index = _name_over_bare_stamp(labelling, title_index, region_start, name_stops)
    if byline_index is None:
        byline_index = _cued_at_article(labelling, region_start, byline_patterns, name_stops)
    if byline_index is not None:
        text = labelling.lines[byline_index].stripped
        author = author_from_byline(text, _leading_cue(byline_patterns, text), name_stops)
        labelling.decide(byline_index, Label(Kind.BYLINE, BYLINE))
        if author is None:
            author = _name_above(labelling, byline_index, title_index)
        if title_index is not None:
            mark_standfirst_above_byline(labelling, title_index, byline_index)
    mark_repeats(labelling, title, text, author)
    return title, author


def _name_over_bare_stamp(
    labelling: Labelling, title_index: int, region_start: int, name_stops: tuple[RulePattern, ...]
) -> int | None:
    """The line under the headline when it is a name alone over a stamp that no byline rule
    reads ("Lena Moss" over "12.04.2023"): sites that print no cue print the author so.
    Blogging platforms put a button or the author's role between the two ("Follow", "Games
    Editor") or the stamp on the name's line ("Ana Ruiz • 8h"). Only under a headline and
    over a stamp, and no further down than the article's first line: a short capitalised
    line elsewhere may be a section label ("Business News")."""
    name = _next_filled(labelling, title_index)
    if name is None or name > region_start or not labelling.undecided(name):
        return None
    text = labelling.lines[name].stripped
    author = author_from_byline(text, None, name_stops)
    if author is None or not _name_line(author):
        return None
    after = text[text.index(author) + len(author) :]
    if after[:1] not in _SEPARATORS:
        return None  # a name cut inside a word ("Courtesy G4")
    rest = after.strip(_SEPARATORS)
    stamped = names_a_time(rest) if rest else _stamp_below(labelling, name, region_start)
    return name if stamped and not _written_in_lower_case(labelling, author) else None


def _stamp_below(labelling: Labelling, name: int, region_start: int) -> bool:
    """A stamp within ``STAMP_REACH`` lines under ``name`` (not past the article's first
    line), only short lines between: a date or a time with a word or two beside it
    ("Oct 18, 2019 · 8 min read", "1:39 PM ET")."""
    below = name
    for _ in range(STAMP_REACH):
        found = _next_filled(labelling, below)
        if found is None or found > region_start:
            return False
        below = found
        text = labelling.lines[below].stripped
        if names_a_time(text):
            return True
        if word_count(text) > BETWEEN_WORDS:
            return False
    return False


def names_a_time(text: str) -> bool:
    """A page's stamp in either shape: a date or a number alone, or a short line naming a date or a time."""
    return _stamp(text) or _dated(text)


def _dated(text: str) -> bool:
    """A short line that names a date or a time: a number beside a month or weekday name of
    any language dateparser knows, or a clock time."""
    if word_count(text) > DATED_WORDS or not _DIGIT.search(text):
        return False
    return bool(_CLOCK.search(text)) or any(_date_name(w.casefold().rstrip(".")) for w in _WORD.findall(text))


def _written_in_lower_case(labelling: Labelling, text: str) -> bool:
    """A word of ``text`` the page also writes in lower case: a common word, as in a label
    ("Weekend Reading" on a page that says "reading"), which a person's name seldom is."""
    words = {word.casefold() for word in _WORD.findall(text)}
    page = " ".join(line.stripped for line in labelling.lines)
    return any(word.casefold() in words for word in _LOWER_WORD.findall(page))


def _next_filled(labelling: Labelling, index: int) -> int | None:
    """The next line below ``index`` that is not blank."""
    lines = labelling.lines
    for below in range(index + 1, len(lines)):
        if not lines[below].is_blank:
            return below
    return None


def _name_above(labelling: Labelling, byline_index: int, title_index: int | None) -> str | None:
    """The name printed alone on the line above a byline that names no one: the byline's first line."""
    floor = title_index if title_index is not None else -1
    above = byline_index - 1
    while above > floor and labelling.lines[above].is_blank:
        above -= 1
    if above <= floor or not labelling.undecided(above):
        return None
    name = labelling.lines[above].stripped
    if not _name_line(name):
        return None
    labelling.decide(above, Label(Kind.BYLINE, BYLINE))
    return name


def mark_standfirst_above_byline(labelling: Labelling, title_index: int, byline_index: int) -> None:
    """The summary a page prints between the headline and the byline: the standfirst.

    News pages run headline, standfirst, byline, then the article; the byline opens the
    article, so what stands between it and the headline introduces the article without
    being part of it. At most ``MAX_STANDFIRST_LINES`` lines: more is not a standfirst.
    """
    between = [i for i in range(title_index + 1, byline_index) if labelling.undecided(i)]
    if 0 < len(between) <= MAX_STANDFIRST_LINES:
        for index in between:
            labelling.decide(index, Label(Kind.BOILERPLATE, STANDFIRST_ABOVE_BYLINE))
