"""The line model: which undecided lines are the article, learnt from labelled pages.

After the rules (a declared profile, lines a source repeats, generic patterns) and the
page structure have decided what they can, every line still undecided, and every line
only a hint rule labelled (a pattern that is often chrome, not reliably), is scored by a
trained model over features that carry across sites, languages and converters: a line's
length and shape, sentence ends, stop-word share in the page's language, list, time-stamp
and menu shapes, where it stands, what the rules, the hints and the prose-region heuristic
said of it, and the same of its neighbours (chrome comes in runs). Probabilities are
smoothed over neighbouring lines, and :func:`keeps` holds the cutoffs and the few cases
the model does not decide. A page the model would empty keeps the heuristic's region: an
article is never emptied by a guess.

The model is plain data (``copydesk/rules/builtin/line_model.json``: feature names, trees,
smoothing, cutoffs; :mod:`copydesk.rules.model_file` reads it) and
:mod:`copydesk.label.training` rebuilds it. It is on by default; ``disable: [line_model]``
in a project's ``builtin.yaml`` leaves the decision to the prose region alone.
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from copydesk.label import article_region
from copydesk.label.labelling import Labelling
from copydesk.label.line_features import ASCII_LOWER, ASCII_UPPER, LineFeatures, line_features, score
from copydesk.model import Kind, Label
from copydesk.rules import compiled
from copydesk.rules.model_file import Cutoffs, LineModel, smoothed
from copydesk.text.memo import MemoFamily

if TYPE_CHECKING:  # numpy is imported when a page is scored, not when the CLI starts
    import numpy as np

RULE = "model.boilerplate"
STRUCTURE = frozenset({Kind.TITLE, Kind.BYLINE, Kind.DATELINE, Kind.DUPLICATE})
_URL = re.compile(r"https?://|www\.|@\w+\.\w|\.(?:com|org|net)\b", re.IGNORECASE)
# Each of _URL's branches holds one of these (its letters' only case variants are ASCII):
# most lines hold none, and six substring tests are several times cheaper than the search.
_URL_PARTS = ("://", "www.", "@", ".com", ".org", ".net")
_SEPARATORS = re.compile(r"\s[|»›•·/]\s|\s[|»›]")

# Text-only features of one line, then the same read around it.
BASE = (
    "log_chars",
    "log_words",
    "stop_density",
    "no_stoplist",
    "sentence_end",
    "inner_sentence_end",
    "truncated",
    "list_item",
    "title_case",
    "timestamp",
    "prose_score",
    "colon_end",
    "digits",
    "url",
    "separators",
    "copyright",
    "dated",
    "starts_lower",
    "punctuation",
    "code",
    "code_end",
    "capitals",
    "in_region",
    "rule_chrome",
    "hinted",
    "structure",
    "marker",
    "end_marker",
    "repeated",
    "position",
    "block_lines",
    "blank_before",
    "blank_after",
    "to_region_start",
    "to_region_end",
    "relative_length",
    "block_prose",
    "block_chars",
    "page_lines",
    "region_share",
    "above_title",
    "after_byline",
    "after_end",
    "continues",
    "length_step_before",
    "length_step_after",
    "page_lower",
    "page_code",
    "run_share",
    "strong_run",
)
CONTEXT = (
    "log_chars",
    "stop_density",
    "sentence_end",
    "prose_score",
    "in_region",
    "rule_chrome",
    "hinted",
    "title_case",
    "list_item",
    "timestamp",
    "structure",
    "separators",
    "url",
    "starts_lower",
    "punctuation",
    "code",
    # A comment thread's sentences are no different from an article's; what stands around
    # them is: the same buttons again and again ("Reply"), a dated header for each comment,
    # a name ending in a colon. Lists of teasers carry stamps and numbers the same way.
    "repeated",
    "dated",
    "colon_end",
    "digits",
)
WINDOWS = (1, 3, 8, 20)


@cache
def feature_names() -> tuple[str, ...]:
    names = list(BASE)
    for name in CONTEXT:
        names += [f"{name}@prev", f"{name}@next"]
        names += [f"{name}@mean{w}" for w in WINDOWS]
    names += ["prose_before", "prose_after", "to_prose_before", "to_prose_after"]
    return tuple(names)


class Vocabulary(NamedTuple):
    """What a line's words are read against: the page language's stop-words and month names."""

    stopwords: frozenset[str]
    months: frozenset[str] = frozenset()


_WORD = re.compile(r"\w+")


def _names_a_date(stripped: str, digits: int, months: frozenset[str]) -> bool:
    """A short line with a number and a month name ("Publicado el 5 de marzo de 2024",
    "Updated Oct. 19, 2019 10:02"): a stamp in any language the lexicon knows."""
    return digits > 0 and len(stripped) <= 80 and any(w in months for w in _WORD.findall(stripped.casefold()))


def _text_features(words: Vocabulary, stripped: str) -> tuple[float, ...]:
    f: LineFeatures = line_features(words.stopwords)[stripped]
    digits, lowered = _digits(stripped), stripped.lower()
    return (
        math.log1p(f.chars),
        math.log1p(f.words),
        f.stop_density if f.stop_density is not None else 0.0,
        1.0 if f.stop_density is None else 0.0,
        float(f.sentence_end),
        float(f.inner_sentence_end),
        float(f.truncated),
        float(f.list_item),
        f.title_case,
        float(f.timestamp),
        max(-3.0, min(3.0, score(f) / 100.0)),
        float(stripped.endswith(":")),
        digits / max(1, len(stripped)),
        float(_has_url(stripped, lowered)),
        float(len(_SEPARATORS.findall(stripped))),
        float("©" in stripped or "(c)" in lowered),
        float(_names_a_date(stripped, digits, words.months)),
        *_shape(stripped),
    )


def _has_url(stripped: str, lowered: str) -> bool:
    """``_URL`` searched only in a line whose lower-case form holds one of its parts."""
    return any(part in lowered for part in _URL_PARTS) and _URL.search(stripped) is not None


_ASCII_DIGITS = string.digits.encode("ascii")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _digits(stripped: str) -> int:
    """The line's digits, as ``str.isdigit`` counts them: the ASCII ones by deleting them
    from the UTF-8 bytes (in C), the others among the line's non-ASCII runs."""
    raw = stripped.encode("utf-8")
    count = len(raw) - len(raw.translate(None, _ASCII_DIGITS))
    if len(raw) != len(stripped):
        count += sum(map(str.isdigit, "".join(_NOT_ASCII.findall(stripped))))
    return count


# What separates prose from code, tables and wrapped lines: a line that opens in lower
# case continues a sentence (text wrapped at a fixed width) or is code; code and markup
# are dense in brackets, operators and quotes and end a line with ";", "{" or ",".
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_CODE_ENDS = frozenset(";{}),")
_CODE = b"{}[]();=<>\"'`|\\/_#$"
_PUNCTUATION = string.punctuation.encode("ascii")
# Outside ASCII, one search finds the capitals, small letters and punctuation marks.
_WIDE = compiled.compile(r"(?V1)[[^\x00-\x7f]&&[\p{Lu}\p{Ll}[^\w\s]]]")


def _shape(stripped: str) -> tuple[float, float, float, float, float]:
    """Whether the line opens in lower case, its shares of punctuation and of code
    characters, whether it ends as code does, and its capitals' share of its cased letters.

    ASCII characters are counted by deleting a class from the line's UTF-8 bytes (each is
    one byte there, and no byte of another character is ASCII): a C pass a class, never a
    Python step a character, for every line of a page is new.
    """
    raw = stripped.encode("utf-8")
    size = len(raw)
    punctuation, code = size - len(raw.translate(None, _PUNCTUATION)), size - len(raw.translate(None, _CODE))
    upper, lower = size - len(raw.translate(None, ASCII_UPPER)), size - len(raw.translate(None, ASCII_LOWER))
    if size != len(stripped) and (marks := "".join(_WIDE.findall(stripped))):
        capitals, smalls = sum(map(str.isupper, marks)), sum(map(str.islower, marks))
        upper, lower, punctuation = upper + capitals, lower + smalls, punctuation + len(marks) - capitals - smalls
    first = _FIRST_LETTER.search(stripped)
    chars = max(1, len(stripped))
    return (
        float(first is not None and first.group().islower()),
        punctuation / chars,
        code / chars,
        float(stripped[-1:] in _CODE_ENDS),
        upper / (upper + lower) if upper + lower else 0.0,
    )


_TEXT: MemoFamily[Vocabulary, str, tuple[float, ...]] = MemoFamily(_text_features)


def page_features(
    labelling: Labelling, region: article_region.Region | None, words: Vocabulary
) -> tuple[list[int], np.ndarray[Any, Any]]:
    """The non-blank lines' indices and one feature row each (in :func:`feature_names` order),
    computed a column at a time for the whole page."""
    import numpy as np

    lines, labels = labelling.lines, labelling.labels
    content = [i for i, line in enumerate(lines) if not line.is_blank]
    n = len(content)
    if not n:
        return content, np.zeros((0, len(feature_names())))
    text = _TEXT.of(words)
    base = np.array([text[lines[i].stripped] for i in content], dtype=np.float64)
    at = np.array(content)
    keys = labelling.normalised_all(content)
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    start, end = (region.start, region.end) if region is not None else (len(lines), -1)
    inside = (at >= start) & (at <= end)
    blank = np.array([line.is_blank for line in lines] + [True], dtype=bool)
    block_id, block_rows = _blocks(blank, at)
    block_size = np.bincount(block_id)[block_id]
    prose_sum = np.bincount(block_id, weights=base[:, 10])
    chars_sum = np.bincount(block_id, weights=np.expm1(base[:, 0]))
    kinds = [label.kind if label is not None else None for label in (labels[i] for i in content)]
    hints, markers, ends = labelling.hints, labelling.markers, labelling.ends
    decided = np.array(  # rule_chrome, hinted, structure, marker, end_marker, repeated: one pass
        [
            (
                k is Kind.BOILERPLATE and i not in hints,
                i in hints,
                k in STRUCTURE,
                i in markers,
                i in ends,
                counts[key] > 1,
            )
            for k, i, key in zip(kinds, content, keys, strict=True)
        ],
        dtype=np.float64,
    )
    columns = [
        base,
        inside[:, None],
        decided,
        (np.arange(n) / max(1, n - 1))[:, None],
        np.log1p(block_size)[:, None],
        blank[np.maximum(at - 1, 0)][:, None] & (at > 0)[:, None],
        blank[at + 1][:, None] & (at + 1 < len(lines))[:, None],
        _signed_log(at - start)[:, None],
        _signed_log(end - at)[:, None],
        (base[:, 0] - np.sort(base[:, 0])[n // 2])[:, None],
        (prose_sum[block_id] / block_rows[block_id])[:, None],
        np.log1p(chars_sum[block_id])[:, None],
        np.full((n, 1), np.log1p(n)),
        np.full((n, 1), inside.sum() / n),
        *_around_structure(kinds, at, start, labelling.ends),
        *_wrapping(base),
        *_runs(region, at),
    ]
    rows = np.hstack([np.asarray(c, dtype=np.float64) for c in columns])
    return content, np.hstack([rows, _context(rows)])


def _around_structure(
    kinds: list[Kind | None], at: np.ndarray[Any, Any], start: int, ends: set[int]
) -> list[np.ndarray[Any, Any]]:
    """Where a line stands to what the page structure found: above the headline (a site's
    name and menus sit there), the line under a byline (its stamp), after a
    marker that ends articles ("Leave a comment") below the region's start (comments)."""
    import numpy as np

    n = len(kinds)
    rows = np.arange(n)
    titles = [r for r, kind in enumerate(kinds) if kind is Kind.TITLE]
    bylines = [r for r, kind in enumerate(kinds) if kind is Kind.BYLINE]
    above_title = rows < titles[0] if titles else np.zeros(n, dtype=bool)
    after_byline = np.zeros(n, dtype=bool)
    for b in bylines:
        after_byline[b + 1 : b + 2] = True
    first_end = min((e for e in ends if e > start), default=None)
    after_end = at > first_end if first_end is not None else np.zeros(n, dtype=bool)
    return [above_title[:, None], after_byline[:, None], np.asarray(after_end)[:, None]]


def _wrapping(base: np.ndarray[Any, Any]) -> list[np.ndarray[Any, Any]]:
    """How a line joins the ones around it: it opens in lower case after a line that ends
    no sentence (a paragraph wrapped at a fixed width, or code), how much its length
    differs from each neighbour's (wrapped lines and table rows are alike), and the
    page's share of lines opening in lower case and of code characters."""
    import numpy as np

    n = base.shape[0]
    # The text features open BASE, so their positions in ``base`` are their positions there.
    lower = base[:, _COLUMNS["starts_lower"]]
    ended = base[:, _COLUMNS["sentence_end"]]
    length = base[:, _COLUMNS["log_chars"]]
    continues = (lower > 0) & (np.concatenate([[1.0], ended[:-1]]) == 0)
    before = np.abs(length - np.concatenate([[0.0], length[:-1]]))
    after = np.abs(length - np.concatenate([length[1:], [0.0]]))
    page = (np.full(n, lower.mean()), np.full(n, base[:, _COLUMNS["code"]].mean()))
    return [column[:, None] for column in (continues, before, after, *page)]


def _runs(region: article_region.Region | None, at: np.ndarray[Any, Any]) -> list[np.ndarray[Any, Any]]:
    """The prose run a line stands in, of those the region step weighed: its score's share
    of the best run's, and whether it is substantial (an article split by a table or a
    list leaves runs beside the region)."""
    import numpy as np

    share, strong = np.zeros(at.size), np.zeros(at.size)
    runs = region.runs if region is not None else ()
    best = max((weight for _, _, weight in runs), default=0.0)
    for start, end, weight in runs:
        inside = (at >= start) & (at <= end)
        share[inside] = weight / best if best > 0 else 0.0
        strong[inside] = float(weight >= article_region.MIN_ARTICLE_WEIGHT)
    return [share[:, None], strong[:, None]]


def _signed_log(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    import numpy as np

    result: np.ndarray[Any, Any] = np.sign(values) * np.log1p(np.abs(values))
    return result


def _blocks(blank: np.ndarray[Any, Any], at: np.ndarray[Any, Any]) -> tuple[Any, Any]:
    """Each content line's blank-delimited block (numbered from 0) and each block's line count."""
    import numpy as np

    starts = np.cumsum(blank[:-1])  # blank lines seen up to each line: equal within a block
    block = starts[at]
    _, block_id = np.unique(block, return_inverse=True)
    return block_id, np.bincount(block_id)


_COLUMNS = {name: position for position, name in enumerate(BASE)}
_PICKED = [_COLUMNS[name] for name in CONTEXT]


def _context(rows: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """The CONTEXT features of each row's neighbours and window means, then the share of the
    page's prose before and after it and how far the nearest prose line is each way."""
    import numpy as np

    n = rows.shape[0]
    picked = rows[:, _PICKED]
    zero = np.zeros((1, picked.shape[1]))
    prefix = np.vstack([zero, np.cumsum(picked, axis=0)])
    index = np.arange(n)
    views = [np.vstack([zero, picked[:-1]]), np.vstack([picked[1:], zero])]
    for w in WINDOWS:
        lo, hi = np.maximum(0, index - w), np.minimum(n, index + w + 1)
        views.append((prefix[hi] - prefix[lo]) / (hi - lo)[:, None])
    # feature_names() order: each CONTEXT column's previous, next and window means together
    around = np.stack(views, axis=2).reshape(n, -1)
    prose = np.maximum(0.0, rows[:, _COLUMNS["prose_score"]]) * rows[:, _COLUMNS["log_chars"]]
    total = prose.sum() or 1.0
    before = np.concatenate([[0.0], np.cumsum(prose)[:-1]])
    shares = (before / total, (total - before - prose) / total)
    distances = (_distance_back(prose > 0), _distance_back((prose > 0)[::-1])[::-1])
    return np.hstack([around, np.column_stack([*shares, *distances])])


def _distance_back(is_prose: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """log1p of how many rows back the nearest earlier prose row is (5.0 with none)."""
    import numpy as np

    n = is_prose.size
    index = np.arange(n)
    marks = np.where(is_prose, index, -1)
    last = np.maximum.accumulate(np.concatenate([[-1], marks[:-1]]))
    result: np.ndarray[Any, Any] = np.where(last >= 0, np.log1p(index - last), 5.0)
    return result


def decide(
    labelling: Labelling,
    region: article_region.Region | None,
    words: Vocabulary,
    model: LineModel | None,
) -> None:
    """Label every undecided line, and every line only a hint rule labelled: kept as body,
    or chrome (``model.boilerplate``, or the hint's rule when the model agrees with it;
    :func:`keeps` says which). Without a model, the prose-region heuristic decides
    (everything outside its region is chrome) and the hints stand. A page with no run of
    prose at all has no article whatever the model says: a page of menus, stamps and
    buttons fails the gate instead of keeping the line the model likes best."""
    if model is None or region is None:
        article_region.mark_outside(labelling, region)
        return
    if model.names != feature_names():
        raise ValueError(f"the line model ({model.version}) reads other features than this copydesk computes")
    content, rows = page_features(labelling, region, words)
    verdict = _verdict(labelling, region, content, rows, model)
    if verdict is None:
        return
    if not verdict.kept.any():
        article_region.mark_outside(labelling, region)  # never empty a page on a guess: the region stays
        return
    labels = labelling.labels
    label = Label(Kind.BOILERPLATE, RULE)
    for i, keep in zip(verdict.at.tolist(), verdict.kept.tolist(), strict=True):
        if keep:
            labels[i] = None  # a hint the model overrules is article text again
        elif labels[i] is None:
            labels[i] = label  # a hinted line it agrees with keeps its rule's name


class _Verdict(NamedTuple):
    opened: list[int]  # positions in the page's content lines of the lines the model decides
    at: np.ndarray[Any, Any]  # their line indices
    chances: np.ndarray[Any, Any]  # of the opened lines, smoothed over the opened lines
    in_region: np.ndarray[Any, Any]  # of the opened lines
    kept: np.ndarray[Any, Any]  # of the opened lines, by :func:`keeps`


def _verdict(
    labelling: Labelling,
    region: article_region.Region | None,
    content: list[int],
    rows: np.ndarray[Any, Any],
    model: LineModel,
) -> _Verdict | None:
    """What :func:`keeps` makes of the page's open lines, as :func:`decide` applies it and
    :func:`explain` shows it; None when no line is open (the trees are not walked).
    Without a region the page has no article and nothing is kept (:func:`decide` does not
    ask; :func:`explain` still shows the probabilities).

    Only the open lines are scored, and smoothed over each other as training smoothed
    them: a line a rule decided is no neighbour whose probability the cutoffs were
    chosen for (the trees never learnt from such a line)."""
    import numpy as np

    opened = [j for j, i in enumerate(content) if is_open(labelling, i)]
    if not opened:
        return None
    open_rows = rows[opened]
    own = model.own(open_rows)
    chances = smoothed(own, model.smoothing)
    at = np.asarray(content)[opened]
    if region is None:
        nothing = np.zeros(len(opened), dtype=bool)
        return _Verdict(opened, at, chances, nothing, nothing)
    in_region = (at >= region.start) & (at <= region.end)
    kept = keeps(own, chances, open_rows, in_region, model.cutoffs)
    return _Verdict(opened, at, chances, in_region, kept)


def is_open(labelling: Labelling, index: int) -> bool:
    """A line the model decides: no step decided it, or only a hint rule did."""
    label = labelling.labels[index]
    return label is None or labelling.hints.get(index) == label.rule


def keeps(
    own: np.ndarray[Any, Any],
    chances: np.ndarray[Any, Any],
    rows: np.ndarray[Any, Any],
    in_region: np.ndarray[Any, Any],
    cutoffs: Cutoffs,
) -> np.ndarray[Any, Any]:
    """Which open lines are article text, given the model's own probabilities, the same
    smoothed over neighbours (``chances``), their features and whether each is inside the
    prose region: all of a page's lines at once.

    A line a hint rule names needs the model's own word: prose around it never lifts it
    (a "Newsletter" button between two paragraphs). Inside the prose region any other
    sentence is held against a guess where it stands with article text (:func:`_railed`):
    a quote the model doubts beside paragraphs stays, and cleaning the clean text again
    finds the same paragraphs; a commenter's sentence between a name and "Reply" is the
    model's to drop. Outside the region the model needs more, and more again after the
    marker that ended the article ("Leave a comment": a thread of sentences follows);
    above the headline it is overruled (a site's name, its menus), and above the region
    it keeps only sentences: a bare name or a label kept there would open the clean text
    and be taken for its headline on a second cleaning; below it, the lines that would
    close the clean text need a sentence among them (:func:`_without_trailing_labels`).
    """
    column = {name: rows[:, _COLUMNS[name]] for name in _DECIDING}
    hinted = column["hinted"] > 0
    sentence = (column["sentence_end"] > 0) & (column["prose_score"] > 0) & (column["truncated"] == 0)
    above = (column["above_title"] > 0) | ((column["to_region_start"] < 0) & (column["sentence_end"] == 0))
    kept_inside = in_region & (chances >= cutoffs.inside)
    after_end = column["after_end"] > 0
    inside = (chances >= cutoffs.inside) | _railed(sentence & ~hinted, kept_inside, after_end)
    ended = after_end & (chances < cutoffs.ended)
    outside = (chances >= cutoffs.outside) & ~above & ~ended
    kept: np.ndarray[Any, Any] = (~hinted | (own >= cutoffs.hinted)) & (in_region & inside | ~in_region & outside)
    closing = (column["sentence_end"] > 0) & ~hinted  # a sentence a hint names ("All rights reserved.") is none
    return _without_trailing_labels(kept, ~in_region & (column["to_region_end"] < 0), closing)


def _railed(
    sentence: np.ndarray[Any, Any], kept: np.ndarray[Any, Any], ended: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """The region's sentences held whatever the model says of them: those in an unbroken
    run of sentences that holds or touches a line of the region the model keeps (on the
    same side of the marker that ended the article, ``ended``), and those before any line
    of the region it keeps. A quote the model doubts is held by the paragraphs around it;
    a comment stands between a name and "Reply", which break the run. A comment thread
    follows an article, never precedes it, so the first prose of the region is the
    article's even when it stands alone among teasers (a one-paragraph notice under its
    headline, "Related articles" below it): its loss would leave the page's date and
    byline to the teasers. The lines are a page's open lines in order."""
    import numpy as np

    first = np.cumsum(kept) - kept == 0  # nothing of the region kept above it
    held: np.ndarray[Any, Any] = sentence & (first | _in_kept_run(sentence, kept, ended))
    return held


def _in_kept_run(
    sentence: np.ndarray[Any, Any], kept: np.ndarray[Any, Any], ended: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """Sentences whose run (consecutive sentences, not across the end marker) holds a
    kept line or has one right before or after it."""
    import numpy as np

    joined = np.concatenate(([False], ended[1:] == ended[:-1]))  # line i continues line i - 1's side
    continues = joined & np.concatenate(([False], sentence[:-1])) & sentence
    opens = sentence & ~continues
    closes = sentence & ~np.concatenate((continues[1:], [False]))
    kept_before = np.concatenate(([False], kept[:-1])) & joined
    kept_after = np.concatenate((kept[1:], [False])) & np.concatenate((joined[1:], [False]))
    touches = sentence & (kept | opens & kept_before | closes & kept_after)
    run = np.cumsum(opens) - 1
    anchored = np.bincount(run[sentence], weights=touches[sentence], minlength=int(opens.sum())) > 0
    found: np.ndarray[Any, Any] = np.zeros(len(sentence), dtype=bool)
    found[sentence] = anchored[run[sentence]]
    return found


def _without_trailing_labels(
    kept: np.ndarray[Any, Any], below: np.ndarray[Any, Any], sentence_end: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """Drop the kept lines that would close the clean text from below the prose region when
    none of them is a sentence ("Recent Stories" and the first teaser under it): at the
    end of the clean text they lose the chrome that kept them, and a second cleaning would
    drop them. The lines are a page's open lines in order."""
    import numpy as np

    anchors = np.flatnonzero(kept & ~below)
    tail = kept.copy()
    tail[: anchors[-1] + 1 if anchors.size else 0] = False
    if tail.any() and not (tail & sentence_end).any():
        trimmed: np.ndarray[Any, Any] = kept & ~tail
        return trimmed
    return kept


_DECIDING = (
    "hinted",
    "sentence_end",
    "prose_score",
    "truncated",
    "above_title",
    "to_region_start",
    "to_region_end",
    "after_end",
)


@dataclass(frozen=True, slots=True)
class Why:
    """What the model said of one line: its smoothed probability of being article text, the
    three features that moved its log-odds most (signed), and whether :func:`keeps` held
    it under the cutoff (a sentence of the prose region, :func:`_railed`)."""

    chance: float
    pushed: tuple[tuple[str, float], ...]
    held: bool = False

    def __str__(self) -> str:
        pushes = ", ".join(f"{name} {value:+.2f}" for name, value in self.pushed)
        return f"model {self.chance:.2f} ({pushes})" + ("; held: a sentence of the article region" if self.held else "")


def explain(
    labelling: Labelling, region: article_region.Region | None, words: Vocabulary, model: LineModel
) -> dict[int, Why]:
    """For every line the model decides, why (``copydesk explain``; slow, one page)."""
    content, rows = page_features(labelling, region, words)
    verdict = _verdict(labelling, region, content, rows, model)
    if verdict is None:
        return {}
    chances = verdict.chances
    held = verdict.kept & verdict.in_region & (chances < model.cutoffs.inside)
    found = {}
    for j, i, chance, rail in zip(verdict.opened, verdict.at.tolist(), chances.tolist(), held.tolist(), strict=True):
        moved = sorted(model.contributions(rows[j]).items(), key=lambda item: -abs(item[1]))[:3]
        found[i] = Why(chance, tuple(moved), rail)
    return found
