from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from unittest import mock

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from copydesk.rules import compiled
from copydesk.rules import patterns as patterns_module
from copydesk.rules.patterns import (
    Patterns,
    PatternSet,
    _page_form,
    anchored,
    can_open,
    compile_pattern,
    may_backtrack,
    pattern_set,
)
from copydesk.rules.ruleset import BOILERPLATE_SECTIONS, RuleSet


@pytest.mark.parametrize(
    "source",
    [
        r"(a|aa)+$",
        r"^(a+)+$",
        r"(\w+\s?)*$",
        r"(x+x+)+y",
        r"^(?:ab|cd){3}$",
        r"(\d)\1",
        r"^[^|]{1,9}(?:\s+\|\s+x){2,}$",
    ],
)
def test_catastrophic_shapes_keep_the_time_limit(source: str) -> None:
    assert may_backtrack(source)


@pytest.mark.parametrize(
    "source",
    [r"^Related Topics$", r"(?i)^\d+ (?:minutes?|hours?) ago$", r"(?:\s*[|·-]\s*.*)?", r"^(?:[*+]\s)+", r"^[(]+x"],
)
def test_linear_shapes_run_without_it(source: str) -> None:
    assert not may_backtrack(source)


def test_atomic_groups_and_possessive_repeats_cannot_backtrack() -> None:
    assert not may_backtrack(r"^[^|]{1,40}(?>\s+\|\s+[^|]{1,40}){2,}$")
    assert not may_backtrack(r"^(?:a+b)++$")
    assert not may_backtrack(r"^(?:[^\s.]{1,15}\s){0,3}+(?:Facebook|Twitter)$")
    assert may_backtrack(r"^(?:[^\s.]{1,15}\s){0,3}(?:Facebook|Twitter)$")


def test_anchored_needs_a_start_anchor_and_no_top_level_alternation() -> None:
    assert anchored("^a") and anchored("(?i)^a") and anchored(r"^(?:a|b)\|c")
    assert not anchored("^a|b") and not anchored("(?:a|^b)") and not anchored(r"\bx")


def test_pattern_set_finds_the_first_declared_match() -> None:
    patterns = (
        compile_pattern("r[0]", r"(?i)^share$"),
        compile_pattern("r[1]", r"cookie"),
        compile_pattern("r[2]", r"^Share"),
        compile_pattern("r[3]", r"(a|aa)+$"),
    )
    found = pattern_set(patterns)
    timeouts: list[object] = []
    hit = found.first_match("Share", timeouts.append)
    assert hit is not None and hit[0].rule_id == "r[0]"
    hit = found.first_match("Share the cookie", timeouts.append)
    assert hit is not None and hit[0].rule_id == "r[1]"
    assert found.first_match("nothing here", timeouts.append) is None
    assert found.first_match("a" * 40 + "b", timeouts.append) is None
    assert len(timeouts) == 1


LIVE_SOURCES = [
    r"©\s*\d{4}",
    r"Copyright\s*\d{4}$",
    r"\bcookies?\b.{0,20}\baccept\b",
    r"\AMenu",
    r"(?<!\S)Share",
    r"x\s+y",
    r"(?i)more:$",
    r"end(?>\W+)$",
    r"end\W*+$",
]


def test_a_page_search_drops_only_patterns_no_line_matches() -> None:
    patterns = tuple(compile_pattern(f"r{i}", source) for i, source in enumerate(LIVE_SOURCES))
    lines = ["Menu", "Share this", "We use cookies, accept them", "x", "y", "© 2024 The Courier"]
    live = {p.source for p in pattern_set(patterns).live_on("\n".join(lines))}
    matching = {p.source for p in patterns if any(p.search(line) for line in lines)}
    assert matching <= live
    assert r"x\s+y" not in matching and r"x\s+y" in live  # joined, it spans two lines: kept, still exact
    assert r"Copyright\s*\d{4}$" not in live and r"(?i)more:$" not in live
    assert r"\AMenu" in live and r"(?<!\S)Share" in live  # they see past a line's ends: never dropped


def test_patterns_that_commit_are_never_dropped_by_the_page_search() -> None:
    """Atomic and possessive parts can swallow the newline of joined lines and not give it back."""
    patterns = tuple(compile_pattern(f"r{i}", source) for i, source in enumerate(LIVE_SOURCES))
    lines = ["end .", "next"]
    assert all(p.search("end .") for p in patterns if p.source.startswith("end"))
    live = {p.source for p in pattern_set(patterns).live_on("\n".join(lines))}
    assert {r"end(?>\W+)$", r"end\W*+$"} <= live
    assert r"(?i)more:$" not in live
    assert _page_form(r"\\*+x") is None  # an escaped backslash, then a possessive star
    assert _page_form(r"\*+x") is not None  # a literal star, repeated: nothing commits


@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "©",
                    " ",
                    "2024",
                    "Copyright",
                    "cookies",
                    "accept",
                    "x",
                    "y",
                    "more:",
                    "Menu",
                    "Share",
                    "\t",
                    "end",
                    ".",
                ]
            ),
            max_size=6,
        ).map("".join),
        max_size=8,
    )
)
def test_live_patterns_cover_every_matching_line(lines: list[str]) -> None:
    patterns = tuple(compile_pattern(f"r{i}", source) for i, source in enumerate(LIVE_SOURCES))
    live = set(pattern_set(patterns).live_on("\n".join(lines)))
    assert {p for p in patterns if any(p.search(line) for line in lines)} <= live


def test_a_rule_list_keeps_its_set_and_a_plain_tuple_gets_a_fresh_one() -> None:
    """Rule files hold :class:`Patterns`, whose set (and the per-line memos keyed by it) is
    built once; an ad-hoc tuple is answered as well, by a set of its own."""
    rules = tuple(compile_pattern(f"fresh[{i}]", f"^fresh{i}$") for i in range(3))
    held = Patterns(rules)
    assert pattern_set(held) is pattern_set(held)
    assert pattern_set(rules) is not pattern_set(rules)
    assert pattern_set(rules).first_match("fresh1", lambda _: None) is not None


def test_the_live_set_is_the_live_patterns_and_built_once_per_outcome() -> None:
    rules = pattern_set(tuple(compile_pattern(f"live[{i}]", source) for i, source in enumerate(LIVE_SOURCES)))
    page = "\n".join(["Menu", "x", "y"])
    live = rules.live_set(page)
    assert live.patterns == rules.live_on(page) and live.patterns != rules.patterns
    assert rules.live_set("Menu\nx\ny") is live  # another page that rules out the same patterns
    assert (
        rules.live_set("\n".join(["© 2024", "Share", "more:", "cookies accept", "Copyright 2024", "end ."])) is not live
    )


def test_a_rule_compiled_twice_is_the_same_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pattern sets are shared by rule id and source; equality must not hang on which compiled
    object a set holds (a process compiles a pattern once, another loads it from the cache file)."""
    first = compile_pattern("same[0]", r"^Share(?i: this)?$")
    monkeypatch.setattr(compiled, "_STORE", None)  # as in another process
    regex.purge()
    again = compile_pattern("same[0]", r"^Share(?i: this)?$")
    assert first.compiled is not again.compiled
    assert first == again and hash(first) == hash(again)


# -- a line tries only the anchored rules its first character leaves in play; none is lost --

FLAGS = regex.VERSION1 | regex.UNICODE

ANCHORED = [
    r"(?i)^(?:share|tweet)$",
    r"^\d{1,2}:\d{2}",
    r"^(?:©|\(c\)|Copyright\b)",
    r"^[^|.!?]{1,40}(?>\s+\|\s+[^|.!?]{1,40}){2,}$",
    r"(?i)^ſtop",
    r"^(?=Foo)F\w+",
    r"^(?:\p{Lu}[\p{L}.'’-]*+ ?){1,6}+(?:,\s?|via\s)(?:AP|AFP)$",
    r"^(?i:follow) (?:us|\p{Lu}\S*+)",
    r"(?i)^(?:read more|more:?)$",
    r"^\s*$",
]


def test_the_first_character_rules_rules_out_or_in() -> None:
    share, clock, copyright_, menu, stop = (regex.compile(source, FLAGS) for source in ANCHORED[:5])
    assert can_open(share, "S") and can_open(share, "t") and not can_open(share, "x")
    assert can_open(clock, "1") and not can_open(clock, "a")
    assert can_open(copyright_, "©") and can_open(copyright_, "(") and not can_open(copyright_, "x")
    assert can_open(menu, "a") and not can_open(menu, "|") and not can_open(menu, ".")
    assert can_open(stop, "s") and can_open(stop, "S")  # case folding, as the engine does it


PIECES = ["Share", "share", "Tweet", "12:30", "©", "(c)", "Copyright", "Home", "|", " ", "Foo", "ſ", "stop"]
PIECES += ["Anna Berg", ",", "AP", "Follow", "us", "read more", "More:", "x", "\t", "É", "é", "1"]
LINE = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


@contextmanager
def _head_tables_after(lines: int, rules: PatternSet) -> Iterator[None]:
    """Per-character alternations once ``rules`` has answered ``lines`` lines."""
    rules.by_head.clear()
    with mock.patch.object(patterns_module, "TABLES_AFTER", lines):
        yield
    rules.by_head.clear()


# Each first character's own alternation at once, and the whole alternation for ever.
HEAD_TABLES = (partial(_head_tables_after, 0), partial(_head_tables_after, 10**9))


def test_characters_get_their_own_alternations_once_the_set_has_answered_enough_lines() -> None:
    rules = pattern_set(tuple(compile_pattern(f"b[{i}]", source) for i, source in enumerate(ANCHORED)))
    with _head_tables_after(3, rules):
        for head in "SxT":  # lines count together, whatever they open with
            assert rules._at_start_for(head) is rules.at_start
        own = rules._at_start_for("S")
        assert own is not rules.at_start and rules._at_start_for("S") is own
        assert own.match("Share") and not own.match("12:30")  # the clock rule cannot open with "S"


@given(st.lists(LINE, max_size=10))
def test_could_match_is_exact_whatever_the_line_opens_with(lines: list[str]) -> None:
    """The alternation chosen by a line's first character answers as all the rules would."""
    patterns = tuple(compile_pattern(f"a[{i}]", source) for i, source in enumerate(ANCHORED))
    rules = pattern_set(patterns)
    for tables in HEAD_TABLES:
        with tables(rules):
            for line in lines:
                assert rules.could_match(line) == any(p.search(line) for p in patterns), line


def test_the_project_rules_lose_no_line_to_the_first_character(project_rules: RuleSet) -> None:
    lines = [
        "Share",
        "Related stories",
        "About Us | Contact Us | Privacy Policy",
        "© 2024 The Courier",
        "1 / 13",
        "Anna Berg, AP",
        "Follow us on Twitter",
        "3 hours ago",
        "Reading Time: 3 mins read",
        "Sobre Ana Ruiz",
        "The council met on Tuesday.",
        "Отзывы",
        "À lire aussi",
        "12:30",
        "* Share",
    ]
    for generic in project_rules.generic:
        patterns = tuple(p for name in BOILERPLATE_SECTIONS for p in getattr(generic.boilerplate, name))
        rules = pattern_set(patterns)
        for tables in HEAD_TABLES:
            with tables(rules):
                for line in lines:
                    assert rules.could_match(line) == any(p.search(line) for p in patterns), (generic.name, line)
