"""Boilerplate by declared rules: a source profile's patterns, then generic ones by language.

Four rule kinds, all on the stripped line: ``lines`` (this line is chrome),
``tail_markers`` (this line and everything after), ``head_markers`` (everything up to
and including this line) and ``inline_tails`` (cut the matched end off a kept line).
Markers only fire once article text has been seen on the right side of them, so a
marker can never swallow a whole page.
"""

from __future__ import annotations

import time

from copydesk.label.labelling import Labelling
from copydesk.model import Kind, Label, Line
from copydesk.rules.patterns import TIMEOUT_SECONDS, Patterns, PatternSet, PatternTimeout, RulePattern, pattern_set
from copydesk.rules.ruleset import BoilerplateRules
from copydesk.text.memo import MemoFamily
from copydesk.text.shape import is_body_like, list_item

# Whether a rule list could match a line, and its first rule that does, per line for the
# run: chrome lines repeat across a run's pages, and each is tried against the same rule
# lists on every page. A list's pattern set is built once and kept with it, so the memos
# are keyed by the set.
_COULD_MATCH: MemoFamily[PatternSet, str, bool] = MemoFamily(PatternSet.could_match)


def _first_match(patterns: tuple[RulePattern, ...], text: str, labelling: Labelling) -> RulePattern | None:
    if labelling.slow_rules and any(p.rule_id in labelling.slow_rules for p in patterns):
        patterns = Patterns(p for p in patterns if p.rule_id not in labelling.slow_rules)
        if not patterns:
            return None
    patterns_set = pattern_set(patterns)
    if patterns_set.safe:  # a timeout is a finding of the page it happened on, never memoised
        return _FIRST_MATCH.of(patterns_set)[text]
    if not _COULD_MATCH.of(patterns_set)[text]:
        return None
    found = patterns_set.first_match(text, labelling.timed_out)
    return found[0] if found else None


def _first_of(patterns_set: PatternSet, text: str) -> RulePattern | None:
    if not _COULD_MATCH.of(patterns_set)[text]:
        return None
    found = patterns_set.first_match(text, _cannot_happen)
    return found[0] if found else None


def _cannot_happen(exc: PatternTimeout) -> None:
    raise AssertionError("a pattern without the time limit timed out") from exc


_FIRST_MATCH: MemoFamily[PatternSet, str, RulePattern | None] = MemoFamily(_first_of)


def _line_match(patterns: tuple[RulePattern, ...], line: Line, labelling: Labelling) -> RulePattern | None:
    """The first pattern matching the line, or else its list item without the bullet."""
    hit = _first_match(patterns, line.stripped, labelling)
    if hit is None:
        item = list_item(line.stripped)
        if item is not line.stripped:
            hit = _first_match(patterns, item, labelling)
    return hit


def rule_candidates(labelling: Labelling, combined: Patterns) -> set[int] | None:
    """The lines any pattern of ``combined`` (every section of every rule file that applies
    to the page: :attr:`PageRules.any_boilerplate`) could match.

    Most lines of a page match no rule, and a run's chrome lines come back page after
    page: each line is answered once per run. The lines a page brings new are answered
    together: the patterns none of them can match are dropped first, by one search of
    them all joined, and what is left is tried line by line. Exact: a line outside the
    set cannot match any of the patterns. None (every line a candidate) once a pattern runs
    out of time on a line: the rules themselves then meet it once and set it aside for the
    page (:meth:`Labelling.timed_out`), where asking on here would meet it on every line.
    """
    if not combined:
        return set()
    whole = pattern_set(combined)
    answers = _ANSWERS.of(whole)
    indices = labelling.content_indices()
    texts = [labelling.lines[index].text for index in indices]
    new = [text for text in dict.fromkeys(texts) if text not in answers]
    if new:
        forms = [_forms(text) for text in new]
        live = whole.live_set("\n".join(form for each in forms for form in each))  # exact for these lines
        for text, each in zip(new, forms, strict=True):
            if live.safe:
                answers.remember(text, any(map(live.could_match, each)))
                continue
            started = time.perf_counter()
            could = any(map(live.could_match, each))
            if time.perf_counter() - started >= TIMEOUT_SECONDS:
                return None  # a timeout: this line's answer is no line's, and is not kept
            answers.remember(text, could)
    return {index for index, text in zip(indices, texts, strict=True) if answers[text]}


def _forms(text: str) -> tuple[str, ...]:
    """A line as rules see it: stripped, as written (when that differs) and as a list item
    without its bullet (when it has one)."""
    stripped = text.strip()
    forms = (stripped,) if text == stripped else (stripped, text)
    item = list_item(stripped)
    return forms if item is stripped else (*forms, item)


def _could_any_form(combined: PatternSet, text: str) -> bool:
    return any(map(combined.could_match, _forms(text)))


# Whether each line could match a combined set, by the line's text, for the run.
_ANSWERS: MemoFamily[PatternSet, str, bool] = MemoFamily(_could_any_form)


def apply_tail_markers(labelling: Labelling, rules: BoilerplateRules) -> None:
    """Cut from the first marker on, unless that would cut an article it does not follow.

    A marker with sentence-shaped text after it and none before it is a menu heading at
    the top of the page, not the end of the article, and is left to the line rules.
    """
    if not rules.tail_markers:
        return
    body_before = False
    for index, line in enumerate(labelling.lines):
        if not labelling.undecided(index):
            continue
        hit = _line_match(rules.tail_markers, line, labelling)
        if hit is None:
            body_before = body_before or is_body_like(line.stripped)
            continue
        rest = range(index, len(labelling.lines))
        if not body_before and any(labelling.undecided(i) and is_body_like(labelling.lines[i].stripped) for i in rest):
            continue
        labelling.decide_region(rest, Label(Kind.BOILERPLATE, hit.rule_id))
        return


def apply_head_markers(labelling: Labelling, rules: BoilerplateRules) -> None:
    """Cut everything up to the first marker, unless nothing would be left after it."""
    if not rules.head_markers:
        return
    for index, line in enumerate(labelling.lines):
        if not labelling.undecided(index):
            continue
        hit = _line_match(rules.head_markers, line, labelling)
        if hit is None:
            continue
        if not any(labelling.undecided(rest) for rest in range(index + 1, len(labelling.lines))):
            return
        labelling.decide_region(range(index + 1), Label(Kind.BOILERPLATE, hit.rule_id))
        return


def _label_matches(labelling: Labelling, patterns: tuple[RulePattern, ...], noted: set[int] | None = None) -> None:
    """Each undecided line a pattern matches is chrome by that rule (and noted, if asked)."""
    if not patterns:
        return
    for index in labelling.rule_indices():
        hit = _line_match(patterns, labelling.lines[index], labelling)
        if hit is not None:
            labelling.decide(index, Label(Kind.BOILERPLATE, hit.rule_id))
            if noted is not None:
                noted.add(index)


def apply_line_rules(labelling: Labelling, rules: BoilerplateRules) -> None:
    _label_matches(labelling, rules.lines)


def apply_hints(labelling: Labelling, rules: BoilerplateRules) -> None:
    """Hint rules label their lines as line rules do, and note them: the line model, when
    on, decides those lines again (:func:`copydesk.label.line_model.decide`)."""
    if not rules.hints:
        return
    for index in labelling.rule_indices():
        hit = _line_match(rules.hints, labelling.lines[index], labelling)
        if hit is not None:
            labelling.decide(index, Label(Kind.BOILERPLATE, hit.rule_id))
            labelling.hints[index] = hit.rule_id


def apply_inline_tails(labelling: Labelling, rules: BoilerplateRules) -> None:
    if not rules.inline_tails:
        return
    tails = pattern_set(rules.inline_tails)
    for index in labelling.rule_indices():
        if index in labelling.cuts:
            continue
        text = labelling.lines[index].text
        found = tails.first_match(text, labelling.timed_out)
        if found is None:
            continue
        pattern, match = found
        if match.end() >= len(text.rstrip()) and match.start() > 0 and text[: match.start()].strip():
            labelling.cuts[index] = (match.start(), pattern.rule_id)


def bound_by_markers(labelling: Labelling, rules: BoilerplateRules) -> None:
    """Generic markers do not cut yet: the marker line is chrome, and noted for the article step.

    A generic tail marker ("Share this:", "Leave a Reply") ends the article only when it
    comes after the article's start, which only the article step knows; it may just as
    well sit above the article. A section marker ("Related stories", "More from") is a
    heading of chrome that can sit inside an article, so it is only evidence.
    """
    _label_matches(labelling, rules.tail_markers, labelling.ends)
    _label_matches(labelling, rules.head_markers, labelling.markers)
    _label_matches(labelling, rules.section_markers, labelling.markers)


def apply_rules(labelling: Labelling, rules: BoilerplateRules, *, cut: bool = True) -> None:
    """One rule set, most sweeping first, so line rules only see what markers left.

    ``cut``: markers remove what they point at (a source profile, reviewed for one site);
    otherwise they only bound the article (generic patterns).
    """
    if cut:
        apply_head_markers(labelling, rules)
        apply_tail_markers(labelling, rules)
        _label_matches(labelling, rules.section_markers, labelling.markers)
    else:
        bound_by_markers(labelling, rules)
    apply_line_rules(labelling, rules)
    apply_hints(labelling, rules)
    apply_inline_tails(labelling, rules)
