"""What a line looks like, in numbers any script has: length, words, stop-words, shape.

These are the signals a reader uses to tell prose from chrome without seeing the page:
prose is long, ends its sentences and is full of function words; menus, link lists,
headline lists and widgets are short, unpunctuated, capitalised, bulleted or stamped
with a time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from copydesk.rules import compiled
from copydesk.text.memo import LineMemo, MemoFamily
from copydesk.text.shape import UNSPACED, to_space

# Every character of those scripts is at or after Thai (U+0E00) and none is General
# Punctuation (U+2000-206F): a line whose only such characters are curly quotes and dashes
# has none, which one stdlib scan says many times faster than the script lookups.
_MAYBE_WIDE = re.compile("[\u0e00-\u1fff\u2070-\U0010ffff]")
_SENTENCE_ENDERS = frozenset(".!?؟۔。！？")
_CLOSERS = "'\"”’»)] \t"
_INNER_SENTENCE_END = compiled.compile(r"[.!?؟۔。！？]['\"”’»)\]]*\s+\S")
_BULLET = compiled.compile(r"^(?:[*+•·▪◦‣●■□o-]|\d{1,3}[.)])\s+")
_BULLET_STARTS = frozenset("*+•·▪◦‣●■□o-0123456789")
_TIMESTAMP = compiled.compile(
    r"^\W*(?:\d{1,4}[-/.:]\d{1,2}(?:[-/.:]\d{1,4})?|\d{1,2}:\d{2}|\d+\s*\p{L}{1,12}\s+\p{L}{2,6})\W*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:[AaPp]\.?[Mm]\.?)?\W*$"
)


class LineFeatures(NamedTuple):
    chars: int
    words: int
    weight: float  # characters, with wide (CJK, Thai) characters counted as the words they carry
    stop_density: float | None  # None when the language has no stop-list
    sentence_end: bool
    inner_sentence_end: bool  # a sentence ends inside the line (only looked for when none ends it)
    truncated: bool
    list_item: bool
    title_case: float
    timestamp: bool


_DROP_UPPER = dict.fromkeys(c for c in range(0x10000) if chr(c).isupper())
_DROP_LOWER = dict.fromkeys(c for c in range(0x10000) if chr(c).islower())
ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


CASING_WORDS = 40  # enough to tell title case from a name-heavy lead; longer lines are no headlines


def _casing(words: list[str]) -> tuple[int, int]:
    """Capitalised words and cased words among the first ones, the first word left out
    (it is capitalised anyway). Counted on the word initials with ``str.translate``, in C.
    """
    initials = "".join([word[0] for word in words[1:CASING_WORDS]])
    if initials.isascii():  # the usual case: byte tables, faster still
        raw = initials.encode("ascii")
        upper = len(raw) - len(raw.translate(None, ASCII_UPPER))
        return upper, upper + len(raw) - len(raw.translate(None, ASCII_LOWER))
    upper = len(initials) - len(initials.translate(_DROP_UPPER))
    lower = len(initials) - len(initials.translate(_DROP_LOWER))
    return upper, upper + lower


def features(text: str, stopwords: frozenset[str]) -> LineFeatures:
    stripped = text.strip()
    spaced = to_space(stripped)
    # Casing reads the first words only; the count comes from the case-folded split that
    # stop-words need anyway (folding changes no white space), so a paragraph is split once.
    head = spaced.split(None, CASING_WORDS)
    stop_density = None
    if stopwords and head:
        folded = spaced.casefold().split()
        count = len(folded)
        stop_density = sum(map(stopwords.__contains__, folded)) / count
    else:
        count = len(head) if len(head) <= CASING_WORDS else len(spaced.split())
    wide = 0 if stripped.isascii() or not _MAYBE_WIDE.search(stripped) else len(UNSPACED.findall(stripped))
    word_count = count + wide // 2
    # Function words count too: title case capitalises them ("He Was Unaware"), German
    # prose capitalises only its nouns ("Der Stadtrat hat den Plan").
    upper, cased = _casing(head[:CASING_WORDS])
    first = stripped[:1]
    # Capitalisation says something only where cased words make most of the line.
    measurable = cased >= 3 and cased >= 0.5 * max(1, min(word_count, CASING_WORDS) - 1)
    tail = stripped.rstrip(_CLOSERS)
    sentence_end = tail[-1:] in _SENTENCE_ENDERS and tail[-2:] != ".." and tail[-1:] != ""
    return LineFeatures(
        chars=len(stripped),
        words=word_count,
        weight=len(stripped) + 1.5 * wide,
        stop_density=stop_density,
        sentence_end=sentence_end,
        inner_sentence_end=not sentence_end and bool(_INNER_SENTENCE_END.search(stripped)),
        truncated=stripped.rstrip().endswith(("..", "…")),
        list_item=first in _BULLET_STARTS and bool(_BULLET.match(stripped)),
        title_case=upper / cased if measurable else 0.0,
        timestamp=len(stripped) <= 40 and bool(_TIMESTAMP.match(stripped)),
    )


def is_prose(f: LineFeatures) -> bool:
    """Running text: several words, sentence ends, function words, not a headline list.

    A paragraph ends a sentence somewhere; a long line that never does is a run of
    link texts or headlines glued together by the converter.
    """
    if f.words < 8 or f.truncated or f.timestamp:
        return False
    if f.stop_density is not None and f.stop_density < 0.15:
        return False
    if f.title_case > 0.6:
        return False
    return f.sentence_end or (f.words >= 20 and f.inner_sentence_end)


def is_unpunctuated_prose(f: LineFeatures) -> bool:
    """A sentence whose full stop the site or converter dropped: function words as dense as
    in prose (two words in five; headlines and link texts are made of content words) and
    sentence case. It counts like a short sentence: weak evidence, but not chrome."""
    if f.words < 10 or f.truncated or f.timestamp or f.list_item or f.stop_density is None:
        return False
    return f.stop_density >= 0.4 and f.title_case < 0.5


def is_short_sentence(f: LineFeatures) -> bool:
    """A short paragraph that is still a sentence: a one-line quote, a brief update."""
    if f.words < 2 or not f.sentence_end or f.truncated or f.timestamp or f.title_case > 0.7:
        return False
    return not (f.list_item and (f.stop_density or 0.0) < 0.1)


def scores(stopwords: frozenset[str]) -> LineMemo[str, float]:
    """The line scores under one stop-list, read as ``scores(words)[stripped]``: a page's
    lines are scored in one pass, a line seen before by a plain dict lookup."""
    return _SCORES.of(stopwords)


def _line_score(key: tuple[str, frozenset[str]]) -> float:
    """``score(features(...))``, with a shortcut for the short lines menus are made of.

    A short ASCII line of three words or fewer that ends no sentence cannot be prose or a
    short sentence, so it gets the chrome score without the full feature pass.
    """
    stripped, stopwords = key
    if not stripped:
        return 0.0
    if len(stripped) <= 40 and stripped.count(" ") <= 2 and stripped.isascii():
        tail = stripped.rstrip(_CLOSERS)
        if tail[-1:] not in _SENTENCE_ENDERS:
            return -(CHROME_BASE + 0.5 * min(float(len(stripped)), 200.0))
    return score(line_features(stopwords)[stripped])


def line_features(stopwords: frozenset[str]) -> LineMemo[str, LineFeatures]:
    """The features of stripped lines under one stop-list, each computed once: the line
    model reads them for every line, the prose score for the lines its shortcut leaves."""
    return _FEATURES.of(stopwords)


def score(f: LineFeatures) -> float:
    """Positive for prose, slightly positive for short sentences, negative for chrome."""
    if f.chars == 0:
        return 0.0
    if is_prose(f):
        return f.weight
    if is_short_sentence(f):
        return 0.3 * f.weight
    if is_unpunctuated_prose(f):
        return 0.3 * f.weight
    if f.words >= 20 and not f.truncated:
        return 0.0  # long but never ending a sentence: no evidence either way
    return -(CHROME_BASE + 0.5 * min(f.weight, 200.0))


CHROME_BASE = 25.0

_FEATURES: MemoFamily[frozenset[str], str, LineFeatures] = MemoFamily(lambda words, stripped: features(stripped, words))
_SCORES: MemoFamily[frozenset[str], str, float] = MemoFamily(lambda words, stripped: _line_score((stripped, words)))
