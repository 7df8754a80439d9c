import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.extract.dates.candidates import find, find_in_page, page_order
from copydesk.rules.patterns import RulePattern, compile_pattern
from copydesk.rules.ruleset import RuleSet
from copydesk.text.lexicon import lexicon


def dates(text: str, language: str = "en", day_first: bool | None = None) -> list[tuple[int | None, int, int]]:
    return [(c.year, c.month, c.day) for c in find(text, 0, lexicon(language), day_first)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Posted on October 17, 2023 by staff", (2023, 10, 17)),
        ("en", "Mon 24th May 2021 | 11:06 PM", (2021, 5, 24)),
        ("de", "Veröffentlicht am 3. März 2020", (2020, 3, 3)),
        ("de", "Stand: 28.04.2020 18:00 Uhr", (2020, 4, 28)),
        ("fr", "Publié le 5 février 2019 à 12h30", (2019, 2, 5)),
        ("es", "31 de octubre de 2023", (2023, 10, 31)),
        ("ru", "15 августа 2016, 13:43", (2016, 8, 15)),
        ("ar", "القاهرة في 24 مايو 2021", (2021, 5, 24)),
        ("ar", "القاهرة في ٢٤ مايو ٢٠٢١", (2021, 5, 24)),  # Arabic-Indic digits
        ("en", "2019-12-31T23:59", (2019, 12, 31)),
        ("en", "Leap day: February 29, 2024", (2024, 2, 29)),
        ("de", "25. Januar 202225. Januar 2022", (2022, 1, 25)),  # printed twice without a space
    ],
)
def test_textual_and_numeric_forms(language: str, text: str, expected: tuple[int, int, int]) -> None:
    assert dates(text, language)[0] == expected


def test_impossible_dates_are_not_candidates() -> None:
    assert dates("February 29, 2023") == []
    assert dates("31.04.2021") == []


def test_time_gives_minutes() -> None:
    candidate = find("Mon 24th May 2021 | 11:06 PM", 0, lexicon("en"))[0]
    assert (candidate.hour, candidate.minute, candidate.weekday) == (23, 6, 0)


def test_year_less_dateline() -> None:
    candidate = find("MOSCOW, July 9. /TASS/. The talks", 0, lexicon("en"))[0]
    assert (candidate.year, candidate.month, candidate.day) == (None, 7, 9)


def test_hijri_date_beside_the_gregorian_one() -> None:
    text = "الثلاثاء 15 رمضان 1442 هـ الموافق 27 أبريل 2021"
    assert dates(text, "ar") == [(2021, 4, 27)]


def test_numeric_order_by_language_page_and_evidence() -> None:
    assert dates("03/04/2021", "en") == [(2021, 3, 4)]  # English is month first
    assert dates("03/04/2021", "de") == [(2021, 4, 3)]
    assert dates("03/04/2021", "en", day_first=True) == [(2021, 4, 3)]  # the page showed day-first
    assert dates("25/04/2021", "en") == [(2021, 4, 25)]  # a number over 12 settles it
    assert dates("03.04.2021", "en") == [(2021, 4, 3)]  # dots are European
    assert page_order(["Updated 25/12/2020", "03/04/2021"]) is True
    assert page_order(["12/25/2020"]) is False
    assert page_order(["03/04/2021"]) is None


def test_a_date_never_runs_on_into_the_next_line() -> None:
    # Joined, "24\nMay" and "3.\n4.2021" would read as dates; line by line they are not.
    assert find_in_page(["Room 24", "May visitors come", "Step 3.", "4.2021 budget"], lexicon("en")) == []


FRAGMENTS = [
    "24",
    "May",
    "May 24, 2021",
    "3.4.2021",
    "05/24/21",
    "2021-05-24",
    " ",
    ", ",
    ".",
    "\t",
    "at 11:06 PM",
    "Monday",
    "de",
    "octubre",
    "٢٤ مايو ٢٠٢١",
    "9 July",
    "12:30",
    "/",
    "-",
]


@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join), min_size=1, max_size=6))
def test_a_page_finds_exactly_what_its_lines_find(lines: list[str]) -> None:
    words = lexicon("en")
    by_line = [c for i, text in enumerate(lines) for c in find(text, i, words)]
    assert find_in_page(lines, words) == by_line


# -- date forms from rule files: named groups say which number is which --


def shipped_forms(rules: RuleSet, language: str) -> tuple[RulePattern, ...]:
    return tuple(p for cues in rules.date_cues if cues.applies_to(language) for p in cues.forms)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ja", "ハウスコム株式会社  2020年7月1日 10時00分", (2020, 7, 1)),
        ("zh", "发布时间：2019年 12月 3日", (2019, 12, 3)),
        ("ko", "입력 2021년 3월 15일 오후 2:10", (2021, 3, 15)),
        ("hu", "Olvasói szavazás 2020. 06. 04. 11:27", (2020, 6, 4)),
        ("ko", "기사입력 2018. 11. 9. 오전 9:30", (2018, 11, 9)),
        ("ar", "الثلاثاء 1 / 12 / 2020 استمع", (2020, 12, 1)),
        ("ar", "الثلاثاء ١ / ١٢ / ٢٠٢٠", (2020, 12, 1)),  # Arabic-Indic digits
    ],
)
def test_the_shipped_forms_read_the_shapes_of_other_scripts(
    project_rules: RuleSet, language: str, text: str, expected: tuple[int, int, int]
) -> None:
    found = find_in_page([text], lexicon(language), None, shipped_forms(project_rules, language))
    assert [(c.year, c.month, c.day) for c in found] == [expected]


def test_a_languages_forms_stay_with_it(project_rules: RuleSet) -> None:
    """The Arabic day-first form is not an English page's: there "1 / 12 / 2020" stays unread."""
    assert find_in_page(["Page 1 / 12 / 2020"], lexicon("en"), None, shipped_forms(project_rules, "en")) == []


def test_a_two_digit_year_is_not_the_hour_after_it() -> None:
    assert dates("Stand 06. 04. 11:27 Uhr", "de") == []
    assert dates("Stand 06.04.11 um 11:27", "de") == [(2011, 4, 6)]


FORM = compile_pattern("dates.test.forms[0]", r"(?P<day>\d\d)~(?P<month>\d\d)~(?P<year>\d{4})")


def test_a_rule_form_gives_its_groups_and_its_line_offsets() -> None:
    [date] = find_in_page(["no date here", "filed 09~11~2023 at noon"], lexicon("en"), None, (FORM,))
    assert (date.year, date.month, date.day, date.line, date.start, date.text) == (2023, 11, 9, 1, 6, "09~11~2023")


def test_a_rule_form_never_reads_across_lines() -> None:
    spanning = compile_pattern("dates.test.forms[1]", r"(?P<day>\d\d)~\s*(?P<month>\d\d)~(?P<year>\d{4})")
    assert find_in_page(["filed 09~", "11~2023"], lexicon("en"), None, (spanning,)) == []


def test_a_forms_anchors_are_each_lines_ends() -> None:
    whole_line = compile_pattern("dates.test.forms[2]", r"^(?P<day>\d\d)~(?P<month>\d\d)~(?P<year>\d{4})$")
    found = find_in_page(["09~11~2023", "see 10~11~2023", "11~11~2023"], lexicon("en"), None, (whole_line,))
    assert [(c.line, c.day) for c in found] == [(0, 9), (2, 11)]


# -- ASCII names are searched the fast way; the answers are the same either way --


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("el", "Αθήνα, 15 ΜΑΐΟΥ 2021", (2021, 5, 15)),  # Greek keeps full case folding (ΐ folds to three letters)
        ("en", "İSTANBUL, 5 MAY 2021", (2021, 5, 5)),  # "İ" lower-cases to two letters: offsets would move
        ("en", "Friday, 5 May 2021", (2021, 5, 5)),  # a weekday opens the first form
        ("en", "FRIDAY, MAY 5, 2021", (2021, 5, 5)),
    ],
)
def test_names_in_any_case_and_script(language: str, text: str, expected: tuple[int, int, int]) -> None:
    assert dates(text, language)[0] == expected


@given(
    st.lists(
        st.sampled_from(["May", "MAY", "may", "March", "mayor", "İ", "ß", "ﬁ", "Straße", " ", "\n", "5", "2021", ","]),
        max_size=30,
    )
)
def test_lines_naming_a_month_match_a_case_insensitive_search(pieces: list[str]) -> None:
    import regex

    from copydesk.extract.dates.candidates import _line_starts, _lines_naming

    page = "".join(pieces)
    names = ("march", "may")
    starts = _line_starts(page.split("\n"))
    expected = sorted(
        {
            (starts[line], len(page) if page.find("\n", starts[line]) < 0 else page.find("\n", starts[line]))
            for match in regex.finditer(r"(?i)march|may", page)
            for line in [max(i for i, start in enumerate(starts) if start <= match.start())]
        }
    )
    assert _lines_naming(page, starts, names) == expected


def test_month_names_from_rule_files_one_word_or_two() -> None:
    """A rule file adds names dateparser lacks; a name of two words is found as a phrase."""
    table = [[] for _ in range(12)]
    table[3], table[9] = ["nisanu"], ["tishrin awwal"]
    words = lexicon("en").with_months([table])
    assert words.phrases == ("tishrin awwal",)
    assert [(c.year, c.month, c.day) for c in find("Damascus, 3 Tishrin  Awwal 2021", 0, words)] == [(2021, 10, 3)]
    assert [(c.year, c.month, c.day) for c in find("Beirut, 12 Nisanu 2019", 0, words)] == [(2019, 4, 12)]
    assert find("Tishrin was late; awwal came 2021", 0, words) == []  # the words apart are no name
    assert lexicon("en").with_months([[["may"]] + [[] for _ in range(11)]]).months["may"] == 5  # dateparser's stays
