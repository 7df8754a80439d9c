import pytest

from copydesk.rules.patterns import anchored, compile_pattern, may_backtrack, pattern_set


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
