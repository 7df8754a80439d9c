"""A line is tried only against the anchored rules its first character leaves in play; none is lost."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from copydesk.rules.first_chars import can_open
from copydesk.rules.patterns import compile_pattern, pattern_set
from copydesk.rules.ruleset import BOILERPLATE_SECTIONS, RuleSet

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


@given(st.lists(LINE, max_size=10))
def test_could_match_is_exact_whatever_the_line_opens_with(lines: list[str]) -> None:
    """The alternation chosen by a line's first character answers as all the rules would."""
    patterns = tuple(compile_pattern(f"a[{i}]", source) for i, source in enumerate(ANCHORED))
    rules = pattern_set(patterns)
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
        for line in lines:
            assert rules.could_match(line) == any(p.search(line) for p in patterns), (generic.name, line)
