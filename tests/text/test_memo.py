from copydesk.label import line_features
from copydesk.text.memo import LineMemo


def test_memo_computes_each_key_once() -> None:
    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    memo: LineMemo[str, str] = LineMemo(upper)
    assert [memo["a"], memo["b"], memo["a"]] == ["A", "B", "A"]
    assert calls == ["a", "b"]


def test_memo_is_bounded() -> None:
    memo: LineMemo[int, int] = LineMemo(lambda n: n * 2, limit=3)
    for n in range(10):
        assert memo[n] == 2 * n
        assert len(memo) <= 3


def test_a_value_remembered_from_elsewhere_is_bounded_too() -> None:
    memo: LineMemo[int, int] = LineMemo(lambda n: n * 2, limit=2)
    for n in range(5):
        memo.remember(n, 2 * n)
        assert len(memo) <= 2
    assert memo[4] == 8


def test_memoised_line_score_matches_the_computation() -> None:
    words = frozenset({"the", "and", "of"})
    line = "The council approved the plan of the harbour and the budget on Monday."
    first = line_features.scores(words)[line]
    assert line_features.scores(words)[line] == first
    assert first == line_features.score(line_features.features(line, words))
    other_words = frozenset({"der", "die"})
    assert line_features.scores(other_words)[line] == line_features.score(line_features.features(line, other_words))
