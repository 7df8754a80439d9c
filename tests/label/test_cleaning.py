"""Reversibility: kept text and removed spans rebuild the decoded text, for any text and labels."""

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.label.cleaning import clean, rebuild, render_article
from copydesk.model import Kind, Label
from copydesk.pipeline import label_lines
from copydesk.rules.ruleset import RuleSet
from copydesk.text.lines import split_lines

LABELS = st.sampled_from(
    [
        Label(Kind.BODY),
        Label(Kind.BLANK),
        Label(Kind.TITLE, "structure.title"),
        Label(Kind.BOILERPLATE, "x.lines[0]"),
        Label(Kind.DUPLICATE, "structure.repeated_line"),
    ]
)
ANY_TEXT = st.text(alphabet=st.characters(codec=None), max_size=400)
LINEY_TEXT = st.lists(st.tuples(st.text(max_size=40), st.sampled_from(["\n", "\r\n", "\r", ""])), max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@given(data=st.data(), text=st.one_of(ANY_TEXT, LINEY_TEXT))
def test_any_labels_rebuild_the_text(data: st.DataObject, text: str) -> None:
    lines = split_lines(text)
    labels = data.draw(st.lists(LABELS, min_size=len(lines), max_size=len(lines)))
    cuts = {}
    for index, line in enumerate(lines):
        if labels[index].kept and line.text and data.draw(st.booleans()):
            cuts[index] = (data.draw(st.integers(1, max(1, len(line.text)))), "x.inline_tails[0]")
    cleaning = clean(text, lines, labels, cuts)
    assert cleaning.rebuild() == text
    assert rebuild(cleaning.kept, cleaning.removed) == text


@settings(max_examples=200)
@given(text=st.one_of(ANY_TEXT, LINEY_TEXT))
def test_the_real_labeller_is_reversible(text: str, project_rules: RuleSet) -> None:
    lines = split_lines(text)
    for language in ("en", "ar", None):
        labelling, _, _ = label_lines(lines, project_rules, None, language)
        labels = labelling.finish()
        assert clean(text, lines, labels, labelling.cuts).rebuild() == text


def test_one_huge_line_and_empty_text() -> None:
    huge = "word " * 400_000
    lines = split_lines(huge)
    cleaning = clean(huge, lines, [Label(Kind.BODY)], {0: (10, "x")})
    assert cleaning.rebuild() == huge
    assert clean("", [], [], {}).rebuild() == ""


def test_adjacent_removed_lines_merge_into_one_span() -> None:
    text = "menu\nmenu two\nbody text\n"
    lines = split_lines(text)
    labels = [Label(Kind.BOILERPLATE, "r"), Label(Kind.BOILERPLATE, "r"), Label(Kind.BODY)]
    cleaning = clean(text, lines, labels, {})
    assert [(s.first_line, s.last_line, s.rule) for s in cleaning.removed] == [(1, 2, "r")]
    assert cleaning.kept == "body text\n"


def test_rendered_article_is_paragraphs() -> None:
    text = "Title\n\nFirst para.\nSecond para.  \n\n\nThird.\n"
    lines = split_lines(text)
    labels = [Label(Kind.TITLE, "t")] + [Label(Kind.BLANK) if line.is_blank else Label(Kind.BODY) for line in lines[1:]]
    assert render_article(lines, labels, {}) == "First para.\n\nSecond para.\n\nThird.\n"


def test_spans_name_the_deciding_rule() -> None:
    text = "Headline\nbody text\n"
    lines = split_lines(text)
    cleaning = clean(text, lines, [Label(Kind.TITLE, "structure.title"), Label(Kind.BODY)], {})
    assert [s.rule for s in cleaning.removed] == ["structure.title"]
    cleaning = clean(text, lines, [Label(Kind.DUPLICATE), Label(Kind.BODY)], {})
    assert [s.rule for s in cleaning.removed] == ["duplicate"]
