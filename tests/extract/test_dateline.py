import pytest

from copydesk.extract.dateline import find_dateline
from copydesk.model import Kind, Label
from copydesk.rules.ruleset import RuleSet
from copydesk.text.lines import split_lines


@pytest.mark.parametrize(
    ("lead", "place", "agency"),
    [
        ("MOSCOW, July 9. /TASS/. Russian and US presidents spoke.", "MOSCOW", "TASS"),
        ("MOSCOW, May 24 (Sputnik) - The ministry said on Monday.", "MOSCOW", "Sputnik"),
        ("LONDON, May 24 (Reuters) - Britain said on Monday.", "LONDON", "Reuters"),
        ("LONDON (Reuters) - Britain said on Monday.", "LONDON", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted on Monday.", "WASHINGTON", "AP"),
        ("PARIS, May 24, 2021 (AFP) - France said on Monday.", "PARIS", "AFP"),
        ("BEIJING, May 24 (Xinhua) -- China said on Monday.", "BEIJING", "Xinhua"),
        ("ANKARA (AA) - Turkey said on Monday.", "ANKARA", "AA"),
        ("ABU DHABI, 24th May, 2021 (WAM) -- The UAE said.", "ABU DHABI", "WAM"),
        ("Doha, May 24 (QNA) - Qatar said on Monday.", "Doha", "QNA"),
        ("KARACHI (Harbour Times / APP - 3rd Jan, 2020) The port said.", "KARACHI", "APP"),
        ("LIMA (Diario Andino / EFE - 12 March 2022) El ministro dijo.", "LIMA", "EFE"),
        ("موسكو (وكالة أنباء تاس) - قال الوزير اليوم إن المحادثات ستستمر.", "موسكو", "وكالة أنباء تاس"),
        ("بيروت - وكالات: قال الوزير اليوم إن المحادثات ستستمر.", "بيروت", "وكالات"),
    ],
)
def test_wire_styles(lead: str, place: str, agency: str, project_rules: RuleSet) -> None:
    lines = split_lines(f"Headline\n{lead}\n")
    labels = [Label(Kind.TITLE, "structure.title"), Label(Kind.BODY)]
    patterns = tuple(p for group in project_rules.datelines for p in group.patterns)
    found = find_dateline(patterns, lines, labels)
    assert found is not None
    dateline, number = found
    assert (dateline["place"], dateline["agency"], number) == (place, agency, 2)


@pytest.mark.parametrize(
    "lead",
    [
        "The council met on Monday (briefly) - and voted.\n",
        "PARIS (Le Journal / AFP) - no date, so no republisher's credit.\n",
        "LONDON (one / two - three) The words are no date.\n",
    ],
)
def test_plain_first_sentence_is_no_dateline(lead: str, project_rules: RuleSet) -> None:
    lines = split_lines(lead)
    patterns = tuple(p for group in project_rules.datelines for p in group.patterns)
    assert find_dateline(patterns, lines, [Label(Kind.BODY)]) is None
