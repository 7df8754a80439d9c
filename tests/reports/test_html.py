import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from copydesk.reports.html import _escaped, _lines_html, _LineView, _marks_by_line, _Part, _parts
from copydesk.text.lines import split_lines
from tests.conftest import ARTICLES, FIXTURES, RULES, run_cli

INJECTION = FIXTURES / "html" / "injection_en.txt"


class _Tags(HTMLParser):
    """Every element the browser would build, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for source in (INJECTION, ARTICLES / "sahil_ar.txt", ARTICLES / "harbour_gazette_en.txt"):
        shutil.copy(source, folder / source.name)
    out = tmp_path_factory.mktemp("out")
    run_cli("check", folder, "--rules", RULES, "--out", out)
    return out


def test_scraped_markup_is_escaped_and_no_script_element_exists(report_dir: Path) -> None:
    page = (report_dir / "files" / "injection_en.txt.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__copydesk_pwned = 1&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=" in page
    built = tags(page)
    assert not [tag for tag, _ in built if tag in ("script", "img", "iframe")]
    assert not [attrs for _, attrs in built if any(name.startswith("on") for name in attrs)]
    index = (report_dir / "index.html").read_text(encoding="utf-8")
    assert not [tag for tag, _ in tags(index) if tag == "script"]


def test_pages_allow_no_script_at_all(report_dir: Path) -> None:
    for page in [report_dir / "index.html", *(report_dir / "files").glob("*.html")]:
        assert "default-src 'none'" in page.read_text(encoding="utf-8")


def test_removed_lines_are_struck_through_and_labelled_by_rule(report_dir: Path) -> None:
    page = (report_dir / "files" / "harbour_gazette_en.txt.html").read_text(encoding="utf-8")
    removed = re.findall(r'<div class="line removed" id="L(\d+)" data-label="boilerplate">', page)
    assert removed
    assert re.search(r'<span class="why">boilerplate: [\w.\[\]-]+</span>', page)
    assert '<div class="line" id="L' in page  # kept body lines are not struck


def test_arabic_lines_run_right_to_left(report_dir: Path) -> None:
    page = (report_dir / "files" / "sahil_ar.txt.html").read_text(encoding="utf-8")
    assert '<html lang="ar">' in page
    assert '<div class="lines" id="lines" dir="rtl">' in page
    english = (report_dir / "files" / "harbour_gazette_en.txt.html").read_text(encoding="utf-8")
    assert '<div class="lines" id="lines" dir="ltr">' in english


def test_index_links_every_file_page(report_dir: Path) -> None:
    index = (report_dir / "index.html").read_text(encoding="utf-8")
    links = [attrs["href"] for tag, attrs in tags(index) if tag == "a" and attrs.get("href", "").startswith("files/")]
    assert sorted(links) == sorted(
        f"files/{name}.html" for name in ("injection_en.txt", "sahil_ar.txt", "harbour_gazette_en.txt")
    )
    assert all((report_dir / link).is_file() for link in links)
    assert "<svg" in index and "Boilerplate removed" in index


def test_quotes_and_the_dateline_are_highlighted(report_dir: Path) -> None:
    page = (report_dir / "files" / "injection_en.txt.html").read_text(encoding="utf-8")
    assert '<mark class="quote">Nobody could read the documents for two days,</mark>' in page
    assert '<mark class="dateline">' in page


def test_line_parts_split_at_highlights_and_cuts() -> None:
    parts = _parts("He said hello there. More:", 100, [(108, 113, "quote")], 20)
    assert [(p.text, p.kind) for p in parts] == [
        ("He said ", None),
        ("hello", "quote"),
        (" there.", None),
        (" More:", "cut"),
    ]


def test_line_rows_escape_every_text_they_hold() -> None:
    view = _LineView(
        7,
        "body",
        "removed",
        'boilerplate: rule "<x>"',
        [_Part("<b>bold</b> & ", None), _Part('"<i>quoted</i>"', "quote"), _Part(" More: <", "cut")],
        [{"severity": "error", "rule": "r<1>", "message": "<script>alert(1)</script>"}],
    )
    html = str(_lines_html([view]))
    assert '<div class="line removed" id="L7" data-label="body">' in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; " in html
    assert '<mark class="quote">&#34;&lt;i&gt;quoted&lt;/i&gt;&#34;</mark>' in html
    assert '<span class="cut"> More: &lt;</span>' in html
    assert "boilerplate: rule &#34;&lt;x&gt;&#34;" in html
    assert "error · r&lt;1&gt;: &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert [tag for tag, _ in tags(html)] == ["div", "span", "span", "mark", "span", "span", "span"]


@given(st.text())
def test_plain_escaping_is_markupsafes(text: str) -> None:
    assert _escaped(text) == str(escape(text))


def test_each_line_gets_the_highlights_it_touches() -> None:
    lines = split_lines("one two\nthree four\n\nfive six\n")  # lines start at 0, 8, 19, 20
    quote = (4, 13, "quote")  # "two" to "three": two lines
    at_end = (7, 8, "mark")  # only the first line's terminator: touches no line's text
    dateline = (20, 24, "dateline")  # "five"
    found = _marks_by_line(lines, [quote, at_end, dateline])
    assert found == {0: [quote], 1: [quote], 3: [dateline]}
    # as the page used to: every line asks every mark
    for index, line in enumerate(lines):
        touching = [m for m in (quote, at_end, dateline) if m[0] < line.start + len(line.text) and m[1] > line.start]
        assert found.get(index, []) == touching


def test_index_links_to_names_with_url_syntax_lead_to_their_pages(tmp_path: Path) -> None:
    from urllib.parse import unquote

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a#1.txt", "b?x=1.txt", "c%20d.txt"):
        shutil.copy(ARTICLES / "no_chrome_en.txt", folder / name)
    out = tmp_path / "out"
    run_cli("check", folder, "--rules", RULES, "--out", out)
    index = (out / "index.html").read_text(encoding="utf-8")
    links = [attrs["href"] for tag, attrs in tags(index) if tag == "a" and attrs.get("href", "").startswith("files/")]
    assert len(links) == 3 and not any("#" in link or "?" in link for link in links)
    assert all((out / unquote(link)).is_file() for link in links)


def test_the_page_of_a_huge_file_shows_its_start_and_says_the_rest_is_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copydesk.reports import html

    monkeypatch.setattr(html, "MAX_SHOWN_LINES", 20)
    page = tmp_path / "in" / "many.txt"
    page.parent.mkdir()
    page.write_text("".join(f"Line number {i} of a very long list\n" for i in range(60)), encoding="utf-8")
    run_cli("check", page.parent, "--rules", RULES, "--out", tmp_path / "out")
    text = (tmp_path / "out" / "files" / "many.txt.html").read_text(encoding="utf-8")
    assert "40 more lines not shown here" in text and "Line number 19 " in text and "Line number 20 " not in text
