from copydesk.labelling import Labelling
from copydesk.lines import split_lines
from copydesk.rules.patterns import compile_pattern
from copydesk.rules.ruleset import BoilerplateRules, RuleSet
from copydesk.validators.boilerplate import apply_rules

BODY = "The committee published its findings on Wednesday after a year of hearings and site visits."


def rules(**sections: list[str]) -> BoilerplateRules:
    return BoilerplateRules(
        **{name: tuple(compile_pattern(f"t.{name}[{i}]", p) for i, p in enumerate(ps)) for name, ps in sections.items()}
    )


def labels_of(text: str, boilerplate: BoilerplateRules) -> list[str]:
    labelling = Labelling.start(split_lines(text))
    apply_rules(labelling, boilerplate)
    return [str(label) for label in labelling.finish()]


def test_tail_marker_removes_the_rest() -> None:
    text = f"{BODY}\n\nRelated\nA link\n\nAnother link\n"
    assert labels_of(text, rules(tail_markers=["^Related$"])) == [
        "body",
        "blank",
        *["boilerplate:t.tail_markers[0]"] * 4,
    ]


def test_tail_marker_at_the_top_does_not_swallow_the_article() -> None:
    text = f"Related\n{BODY}\n{BODY}\n"
    assert labels_of(text, rules(tail_markers=["^Related$"])) == ["body", "body", "body"]


def test_head_marker_removes_everything_above() -> None:
    text = f"Menu\nSkip to content\n{BODY}\n"
    assert labels_of(text, rules(head_markers=["^Skip to content$"])) == [
        "boilerplate:t.head_markers[0]",
        "boilerplate:t.head_markers[0]",
        "body",
    ]


def test_head_marker_on_the_last_line_removes_nothing() -> None:
    text = f"{BODY}\nSkip to content\n"
    assert labels_of(text, rules(head_markers=["^Skip to content$"])) == ["body", "body"]


def test_line_rules_match_stripped_lines() -> None:
    text = f"  Share  \n{BODY}\nShare this\n"
    assert labels_of(text, rules(lines=["^Share$"])) == ["boilerplate:t.lines[0]", "body", "body"]


def test_inline_tail_cuts_the_end_of_a_kept_line() -> None:
    labelling = Labelling.start(split_lines("Lavrov says talks will go on More:\nMore:\n"))
    apply_rules(labelling, rules(inline_tails=[r"\s+More:$"]))
    assert labelling.cuts == {0: (len("Lavrov says talks will go on"), "t.inline_tails[0]")}


def test_blank_lines_between_removed_lines_go_with_them() -> None:
    text = f"{BODY}\n\nAd\n\nAd\n\n{BODY}\n"
    labels = labels_of(text, rules(lines=["^Ad$"]))
    assert labels == [
        "body",
        "blank",
        "boilerplate:t.lines[0]",
        "boilerplate:t.lines[0]",
        "boilerplate:t.lines[0]",
        "blank",
        "body",
    ]


def test_catastrophic_pattern_is_a_finding_not_a_hang() -> None:
    slow = rules(lines=[r"(a|aa)+$"])  # exponential for the regex engine on "aaa…ab"
    labelling = Labelling.start(split_lines("a" * 40 + "b\n" + BODY + "\n"))
    apply_rules(labelling, slow)
    assert [str(label) for label in labelling.finish()] == ["body", "body"]
    assert {f.rule for f in labelling.findings} == {"rules.regex_timeout"}
    assert "t.lines[0]" in labelling.findings[0].message


def test_generic_english_headings(project_rules: RuleSet) -> None:
    """Chrome headings weigh against the article (section markers); only comment headers end it."""
    (english,) = [g.boilerplate for g in project_rules.generic if g.name == "generic.en"]

    def matches(kind: str, line: str) -> bool:
        return any(pattern.search(line) for pattern in getattr(english, kind))

    for heading in ("Related links:", "Other news in this section", "Share this article", "Share on:", "Most read"):
        assert matches("section_markers", heading) and not matches("tail_markers", heading), heading
    for heading in ("Leave a reply", "12 responses to “Harbour plan”", "Post a comment"):
        assert matches("tail_markers", heading), heading


CAPTIONS_AND_LINKS = [
    "The old lighthouse keeper's cottage at dawn (Image: Harbour Trust)",
    "Firefighters at the scene on Tuesday (Photo: Jane Ode / Coast News)",
    "Photo: Mark Hale, AP",
    "Image caption The bridge reopened after two years of repairs",
    "Picture copyright @harbourtrust",
    "Image 3 of 12",
    "Image 1 of / 13",
    "Read more: Council approves night ferries after long debate",
    "Related: Ten bridges that changed the city",
    "Click to share on Twitter (Opens in new window)",
    "Share to linkedin",
    "Back to gallery",
    "View comments",
    "View all (23)",
]
PROSE = [
    "Photo opportunities abounded as the ministers arrived at the harbour on Tuesday.",
    "The report, published on Monday, found that the image of the port had improved.",
    "Related research in Norway reached the same conclusion, the authors said.",
    "Read more carefully, the contract gave the council the right to close the pier.",
    "She closed the window (it had been open all night) and went back to sleep.",
    "Close to 300 people attended the meeting.",
]


def test_english_captions_gallery_and_link_lines_are_chrome(project_rules: RuleSet) -> None:
    (english,) = [g.boilerplate for g in project_rules.generic if g.name == "generic.en"]
    for line in CAPTIONS_AND_LINKS:
        assert any(pattern.search(line) for pattern in english.lines), line
    for line in PROSE:
        assert not any(pattern.search(line) for pattern in english.lines), line
