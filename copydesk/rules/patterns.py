"""User regexes, compiled once and run under a time limit.

A rule file can hold a catastrophic pattern; with the ``regex`` package's timeout it
costs a finding on one file instead of hanging the gate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from copydesk.rules import compiled

TIMEOUT_SECONDS = 0.25


class PatternTimeout(Exception):
    def __init__(self, rule_id: str) -> None:
        super().__init__(f"rule {rule_id} timed out after {TIMEOUT_SECONDS}s")
        self.rule_id = rule_id


@dataclass(frozen=True, slots=True)
class RulePattern:
    """A compiled pattern with the id findings and ``explain`` name it by."""

    rule_id: str
    source: str
    compiled: Any = field(compare=False)  # derived from the source: two compilations are the same rule
    risky: bool = True  # can backtrack catastrophically, so it runs under the time limit

    def search(self, text: str) -> Any:
        if not self.risky:
            return self.compiled.search(text)
        try:
            return self.compiled.search(text, timeout=TIMEOUT_SECONDS)
        except TimeoutError as exc:
            raise PatternTimeout(self.rule_id) from exc


_ANCHORED = compiled.compile(r"^(?:\(\?[a-zA-Z]+\))*\^")


@lru_cache(maxsize=4096)
def anchored(source: str) -> bool:
    """A pattern that can only match at the start of the text (``^``, after inline flags)."""
    return bool(_ANCHORED.match(source)) and not _top_level_alternation(source)


def _syntax(source: str) -> Iterator[tuple[int, str]]:
    """The pattern's characters that are syntax: outside escapes and character classes."""
    i, in_class = 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1  # a leading ] is a literal inside the class
        else:
            yield i, ch
        i += 1


def _top_level_alternation(source: str) -> bool:
    """Whether ``|`` appears outside every group and character class."""
    depth = 0
    for _, ch in _syntax(source):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


@dataclass(frozen=True, slots=True, eq=False)
class PatternSet:
    """Patterns tried in order, behind combined patterns that say whether any can match.

    Most lines match no rule; the combined patterns answer that at once (the anchored ones
    tried only at the start of the line, the others searched), and only a hit pays for
    finding which pattern, in declared order, decided the line. Equal and hashed by
    identity: a set is built once per rule list (:class:`Patterns`) and the per-line memos
    of what it answered are keyed by the set itself.
    """

    patterns: tuple[RulePattern, ...]
    at_start: Any  # alternation of the anchored patterns, or None
    anywhere: tuple[RulePattern, ...]  # the others, searched one by one: each keeps its literal-prefix scan
    exact: bool  # False when the patterns could not be combined: every pattern must be tried
    anchored: tuple[RulePattern, ...] = ()  # the patterns of ``at_start``
    by_head: dict[str, Any] = field(default_factory=dict)  # first character -> alternation; "" -> lines answered
    by_dead: dict[frozenset[int], PatternSet] = field(default_factory=dict)  # positions ruled out -> live set
    safe: bool = False  # no pattern runs under the time limit: a line's answer is the line's alone

    def could_match(self, text: str) -> bool:
        """False only when no pattern can match (a timeout counts as could)."""
        if not self.exact:
            return bool(self.patterns)
        try:
            head = text[:1]
            start = self._at_start_for(head) if head and head.isascii() else self.at_start
            if start is not None and start.match(text) is not None:
                return True
            return any(p.search(text) is not None for p in self.anywhere)
        except PatternTimeout:
            return True

    def _at_start_for(self, head: str) -> Any:
        """The alternation of the anchored patterns that can open with ``head``, one ASCII
        character (:func:`can_open`): a line opening with "T" skips the rules that open with
        "Share" or "©". Built on first use for each character.

        Compiling one costs about a millisecond, a few hundred lines' worth of the time it
        saves, so until the set has answered ``TABLES_AFTER`` lines the whole alternation
        answers (the same answer: the rules left out cannot match). A run over a few files
        compiles none; a run over many, every one it uses, from its first pages on.
        """
        found = self.by_head.get(head, _UNSET)
        if found is _UNSET:
            answered = self.by_head.get("", 0)  # no line opens with "": the set's count lives there
            if answered < TABLES_AFTER:
                self.by_head[""] = answered + 1
                return self.at_start
            fitting = tuple(p.source for p in self.anchored if can_open(p.compiled, head))
            found = self.by_head[head] = _alternation_of(fitting)
        return found

    def live_on(self, *pages: str) -> tuple[RulePattern, ...]:
        """The patterns that may match some line of ``pages`` (each: lines joined by newlines).

        One search of a whole page rules out a searched pattern for all its lines at once;
        the anchored alternation and patterns that run under the time limit stay, checked
        line by line. Exact: a pattern dropped here matches none of the lines.
        """
        dead = self._dead_on(pages)
        return tuple(p for i, p in enumerate(self.patterns) if i not in dead) if dead else self.patterns

    def _dead_on(self, pages: tuple[str, ...]) -> frozenset[int]:
        """The positions, in ``patterns``, of the searched patterns no line of the pages matches."""
        return frozenset(
            i
            for i in self.searched_at
            if not (p := self.patterns[i]).risky
            and (page := _page_form(p.source)) is not None
            and not any(map(page.search, pages))
        )

    def live_set(self, *pages: str) -> PatternSet:
        """The set of :meth:`live_on`'s patterns, cached by which ones the pages ruled out."""
        dead = self._dead_on(pages)
        if not dead:
            return self
        found = self.by_dead.get(dead)
        if found is None:
            # Only searched patterns are ever ruled out: the anchored ones, their alternation
            # and its per-character table (slow to build: a partial match per rule and a
            # compilation per character) are this set's own, shared rather than rebuilt.
            live = tuple(p for i, p in enumerate(self.patterns) if i not in dead)
            anywhere = tuple(self.patterns[i] for i in self.searched_at if i not in dead)
            found = self.by_dead[dead] = PatternSet(
                live, self.at_start, anywhere, True, self.anchored, self.by_head, safe=self.safe
            )
        return found

    @property
    def searched_at(self) -> tuple[int, ...]:
        """Where the searched patterns (``anywhere``) stand in ``patterns``; none when inexact."""
        if not self.exact:
            return ()
        searched = set(map(id, self.anywhere))  # the same objects: ``anywhere`` is drawn from ``patterns``
        return tuple(i for i, p in enumerate(self.patterns) if id(p) in searched)

    def first_match(self, text: str, on_timeout: Callable[[PatternTimeout], None]) -> tuple[RulePattern, Any] | None:
        """The first pattern in declared order that matches, with its match; None when none does.

        A pattern that runs out of time counts as not matching and is reported to ``on_timeout``.
        """
        if not self.patterns or not self.could_match(text):
            return None
        for pattern in self.patterns:
            try:
                match = pattern.search(text)
            except PatternTimeout as exc:
                on_timeout(exc)
                continue
            if match:
                return pattern, match
        return None


# What could see past a line's ends: the text's own start and end, and negative look-arounds
# (at a line's edge they see nothing alone, a newline when lines are joined).
_LINE_BOUND = compiled.compile(r"\\[AZzG]|\(\?<?!")


def _commits(source: str) -> bool:
    """An atomic group or a possessive quantifier: it may swallow the newline after a line
    and, unable to give it back, fail where the line alone matches (``end(?>\\W+)$``)."""
    syntax = dict(_syntax(source))
    return any(
        (ch == "(" and source[i + 1 : i + 3] == "?>") or (ch in "*+?}" and syntax.get(i + 1) == "+")
        for i, ch in syntax.items()
    )


@lru_cache(maxsize=4096)
def _page_form(source: str) -> Any:
    """The pattern as searched over lines joined by newlines, ``^`` and ``$`` at each line's
    ends; None when joining could hide a match a line has on its own."""
    if _LINE_BOUND.search(source) or _commits(source):
        return None
    try:
        return compiled.compile(source, regex.VERSION1 | regex.UNICODE | regex.MULTILINE)
    except regex.error:
        return None


def _alternation(patterns: list[RulePattern]) -> Any:
    return _alternation_of(tuple(p.source for p in patterns))


@lru_cache(maxsize=4096)
def _alternation_of(sources: tuple[str, ...]) -> Any:
    if not sources:
        return None
    return compiled.compile("|".join(f"(?:{source})" for source in sources), regex.VERSION1 | regex.UNICODE)


_UNSET = object()
TABLES_AFTER = 256  # lines a set answers with its whole alternation before it builds per-character ones


def can_open(compiled: Any, head: str) -> bool:
    """Whether some match of the compiled rule, tried at the start of a text, opens with ``head``.

    Asked of the regex engine itself, as a partial match of the one character (could a
    longer text starting so match?), so case folding ("ſ" for "s"), classes, look-arounds
    and Unicode properties are read by the engine that runs the rule, never by a second parser.
    """
    return compiled.match(head, partial=True) is not None


class Patterns(tuple[RulePattern, ...]):
    """Rules in declared order, as rule files hold them, with their :class:`PatternSet`.

    The set is built on first use and kept with the tuple, so a rule list loaded once is
    combined once, however many pages it is tried on; a list assembled for a kind of page
    is assembled once too (:meth:`copydesk.rules.ruleset.RuleSet.bundle`).
    """

    @property
    def matcher(self) -> PatternSet:
        found: PatternSet | None = self.__dict__.get("_matcher")
        if found is None:
            found = self.__dict__["_matcher"] = _build_set(self)
        return found


def pattern_set(patterns: tuple[RulePattern, ...]) -> PatternSet:
    """The set of a rule list: kept with it when it is a :class:`Patterns`, else built afresh
    (an ad-hoc list; the compiled alternations are shared through their own caches)."""
    return patterns.matcher if isinstance(patterns, Patterns) else _build_set(patterns)


def _build_set(patterns: tuple[RulePattern, ...]) -> PatternSet:
    safe = not any(p.risky for p in patterns)
    try:
        combinable = [p for p in patterns if anchored(p.source) and not p.risky]
        return PatternSet(
            patterns,
            _alternation(combinable),
            tuple(p for p in patterns if p not in combinable),
            exact=True,
            anchored=tuple(combinable),
            safe=safe,
        )
    except regex.error:  # e.g. numbered back-references; the patterns still run one by one
        return PatternSet(patterns, None, (), exact=False, safe=safe)


def compile_pattern(rule_id: str, source: str) -> RulePattern:
    """Compile or raise ``regex.error``; callers turn that into a located rule-file error."""
    pattern = compiled.compile(source, regex.VERSION1 | regex.UNICODE)
    return RulePattern(rule_id, source, pattern, may_backtrack(source))


_REFERENCES = compiled.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?R|\(\?\d|\(\?&")
_BOUNDS = compiled.compile(r"\{(\d*)(,?)(\d*)\}")


def may_backtrack(source: str) -> bool:
    """Whether a repeated group holds a quantifier or an alternation: the shape of every
    catastrophic pattern. Such patterns run under the time limit; the limit itself costs
    more than most searches, so patterns without the shape run without it. Atomic groups
    and possessive repeats cannot backtrack and are safe.

    Conservative: back-references and recursion count as risky.
    """
    if _REFERENCES.search(source):
        return True
    stack: list[bool] = [False]  # per open group: does it hold a quantifier or alternation?
    atomic: list[bool] = []  # per open group: is it atomic, (?>...), so it cannot backtrack?
    for i, ch in _syntax(source):
        if ch == "(":
            stack.append(False)
            atomic.append(source.startswith("(?>", i))
        elif ch == ")":
            inner = stack.pop() if len(stack) > 1 else False
            is_atomic = atomic.pop() if atomic else False
            if inner and not is_atomic and _repeats(source, i + 1) and not _possessive(source, i + 1):
                return True
            stack[-1] = stack[-1] or inner
        elif ch in "|*+" or (ch == "{" and _BOUNDS.match(source, i)):
            stack[-1] = True
    return False


def _possessive(source: str, at: int) -> bool:
    """Whether the quantifier at ``at`` (``*``, ``+``, ``?`` or ``{m,n}``) is followed by ``+``."""
    bounds = _BOUNDS.match(source, at)
    end = bounds.end() if bounds else at + 1
    return source[end : end + 1] == "+"


def _repeats(source: str, at: int) -> bool:
    """A quantifier at ``at`` that repeats more than once: ``*``, ``+`` or ``{m,n}`` with n > 1."""
    if source[at : at + 1] in ("*", "+"):
        return True
    bounds = _BOUNDS.match(source, at)
    if not bounds:
        return False
    low, comma, high = bounds.groups()
    return bool(comma and (not high or int(high) > 1)) or (not comma and int(low or 0) > 1)
