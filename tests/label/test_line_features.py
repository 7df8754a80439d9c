from copydesk.label.line_features import (
    features,
    is_prose,
    is_short_sentence,
    is_unpunctuated_prose,
    score,
    scores,
)
from copydesk.text.stopwords import stopwords

EN = stopwords("en")


def test_prose_in_several_languages() -> None:
    assert is_prose(features("The council approved the plan on Tuesday after a long and heated debate.", EN))
    assert is_prose(
        features("Der Stadtrat hat den Plan am Dienstag nach einer langen Debatte gebilligt.", stopwords("de"))
    )
    assert is_prose(
        features("وافق المجلس البلدي على الخطة يوم الثلاثاء بعد نقاش طويل وحاد بين الأعضاء.", stopwords("ar"))
    )
    assert is_prose(
        features(
            "市議会は火曜日、長い議論の末に港の新しい計画を承認した。漁業者は工事を注視すると述べた。", stopwords("ja")
        )
    )


def test_chrome_shapes() -> None:
    for line in (
        "* Home",
        "Sports | Business | Weather",
        "Volker Testifies He Was Unaware of Any Linkage Between Delayed Military Aid to Ukraine",
        "France back at Airport Show to support expectation ..",
        "November 19, 2019 at 6:34 am",
        "11/20/2019 01:14 PM",
    ):
        f = features(line, EN)
        assert not is_prose(f), line
        assert score(f) < 0, line


def test_short_sentences_are_mildly_positive() -> None:
    f = features('"Quieter streets, finally."', EN)
    assert is_short_sentence(f) and 0 < score(f) < f.weight


def test_a_sentence_that_lost_its_full_stop_is_mildly_positive() -> None:
    f = features("The fee has freed the way for the move of the keeper to the club in the south", EN)
    assert is_unpunctuated_prose(f) and 0 < score(f) < f.weight


def test_headlines_without_a_full_stop_stay_chrome() -> None:
    for line in (
        "Council Approves New Harbour Plan After Two Years Of Debate",  # title case
        "Chelsea pay record fee to sign Kepa from Athletic Bilbao on Tuesday",  # content words
    ):
        f = features(line, EN)
        assert not is_unpunctuated_prose(f) and score(f) < 0, line


def test_long_line_that_never_ends_a_sentence_is_no_evidence() -> None:
    glued = " ".join(["1 photo sparks new conspiracy theories online 2 aides allegedly left staffers notes"] * 3)
    f = features(glued, EN)
    assert not is_prose(f) and score(f) == 0.0


def test_title_case_counts_only_where_cased_words_dominate() -> None:
    japanese = (
        "Kindle for PCをインストールすると自動でホットキーが設定され、「Ctrl＋Alt＋K」で立ち上がるようになります。"
    )
    assert features(japanese, frozenset()).title_case == 0.0


def test_line_score_shortcut_agrees_with_the_full_features() -> None:
    for line in (
        "* Home",
        "Log In",
        "Sports and more",
        "Share",
        "11:42 PM",
        "Yes.",
        "It works!",
        "",
        "Read more ..",
        "Nachrichten aus aller Welt",
        "شارك",
        "ニュース一覧",
    ):
        expected = score(features(line, EN)) if line.strip() else 0.0
        assert scores(EN)[line.strip()] == expected, line


def test_the_wide_script_prefilter_misses_no_wide_character() -> None:
    """Every code point of the wide scripts passes the cheap scan, so skipping it is exact."""
    from copydesk.label.line_features import _MAYBE_WIDE
    from copydesk.text.shape import UNSPACED as _WIDE

    missed = [code for code in range(0x110000) if _WIDE.match(chr(code)) and not _MAYBE_WIDE.match(chr(code))]
    assert missed == []


def test_curly_quotes_and_dashes_are_not_wide() -> None:
    line = "“The harbour will reopen in May,” the mayor said — and the ferries with it."
    assert features(line, frozenset()).weight == len(line)
    assert features("港口将于五月重新开放", frozenset()).weight == 10 + 1.5 * 10  # each character carries a word
