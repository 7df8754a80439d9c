from copydesk.labelling import Labelling
from copydesk.lines import split_lines
from copydesk.model import Kind
from copydesk.rules.patterns import compile_pattern
from copydesk.validators.structure import author_from_byline, label_structure

BYLINES = (compile_pattern("b[0]", r"^(?:By|BY)\s+(?=\p{Lu})"), compile_pattern("b[1]", r"^(?:بقلم|كتب)[:\s]"))
PARA = "The regional council approved the new harbour plan on Tuesday after two years of public debate."


def run(text: str) -> tuple[list[str], str | None, str | None]:
    labelling = Labelling.start(split_lines(text))
    title, author = label_structure(labelling, BYLINES)
    return [str(label) for label in labelling.finish()], title, author


def test_headline_byline_and_repeated_headline() -> None:
    text = f"Council approves harbour plan\nBy Ana Ruiz\nCouncil approves harbour plan\n{PARA}\n"
    labels, title, author = run(text)
    assert labels == ["title", "byline", "duplicate", "body"]
    assert (title, author) == ("Council approves harbour plan", "Ana Ruiz")


def test_site_name_above_headline_is_masthead() -> None:
    text = f"The Daily Lantern\nCouncil approves new harbour plan\nBy Ana Ruiz\n{PARA}\n"
    labels, title, _ = run(text)
    assert title == "Council approves new harbour plan"
    assert labels[0] == "boilerplate:structure.above_title"


def test_standfirst_repeated_by_first_paragraph() -> None:
    standfirst = "The regional council approved the new harbour plan on Tuesday"
    text = f"Harbour plan approved after long debate\n{standfirst}\nOSLO, May 2 - {PARA}\n"
    labels, _, _ = run(text)
    assert labels == ["title", "duplicate", "body"]


def test_no_headline_when_the_page_opens_with_prose() -> None:
    labels, title, _ = run(f"{PARA}\n{PARA.replace('Tuesday', 'Monday')}\n")
    assert title is None and labels == ["body", "body"]


def test_short_quote_paragraphs_are_kept() -> None:
    text = '"Faster than the bus."\n"I miss the old route."\n"Quieter streets."\n' + PARA + "\n"
    labels, title, _ = run(text)
    assert title is None and labels == ["body"] * 4


def test_arabic_byline() -> None:
    body = "أعلنت البلدية اليوم افتتاح ميناء جديد للصيد في المدينة بعد عامين من العمل."
    text = f"افتتاح ميناء جديد في المدينة\nبقلم: سلمى الحسن\n{body}\n"
    labels, title, author = run(text)
    assert labels == ["title", "byline", "body"] and author == "سلمى الحسن"
    assert title == "افتتاح ميناء جديد في المدينة"


def test_author_from_byline_shapes() -> None:
    cue = BYLINES[0].search("By Jane Doe, Reuters")
    assert author_from_byline("By Jane Doe, Reuters", cue) == "Jane Doe"
    assert author_from_byline("Faizan Hashmi 5 minutes ago Mon 24th May 2021 | 11:06 PM", None) == "Faizan Hashmi"
    assert author_from_byline("12:30 PM", None) is None


def test_repeats_need_three_words() -> None:
    labels, _, _ = run(f"{PARA}\nRead more\nRead more\n")
    assert Kind.DUPLICATE.value not in labels
