"""The human report: ``DIR/index.html`` for the batch and one page per file.

Templates ship in the package (jinja2, autoescaped: scraped text is data, never markup)
and every page is self-contained (inline CSS and SVG, a Content-Security-Policy that
allows no script), so the report opens from disk with no network. A file's page is
written by the worker that checked it, from the analysis it already holds; the index
is written once from the summary rows.
"""

from __future__ import annotations

import itertools
import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from copydesk.model import Analysis, Kind, Label, Line
from copydesk.reports.paths import PAGE_SUFFIX, REPORT_SUFFIX, page_path, safe_relative

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "yi", "dv", "ug", "ku", "sd"})


@cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("copydesk", "templates"),
        autoescape=True,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


@cache
def _css() -> str:
    return resources.files("copydesk.templates").joinpath("base.css").read_text(encoding="utf-8")


def _index_href(name: PurePosixPath) -> str:
    return "../" * (len(page_path(name).parts) - 1) + "index.html"


@dataclass(slots=True)
class _Part:
    text: str
    kind: str | None = None  # quote, dateline, cut


@dataclass(slots=True)
class _LineView:
    number: int
    kind: str
    css: str
    why: str
    parts: list[_Part]
    findings: list[dict[str, Any]] = field(default_factory=list)


def _marks(analysis: Analysis) -> list[tuple[int, int, str]]:
    """Character spans of the decoded text to highlight: quotes and the dateline."""
    spans = [
        (q["start"], q["end"], "quote") for q in analysis.article.quotes or [] if q.get("end", 0) > q.get("start", 0)
    ]
    dateline = (analysis.article.dateline or {}).get("text")
    if dateline:
        text = analysis.outcome.decoded.text if analysis.outcome.decoded else ""
        at = text.find(dateline)
        if at >= 0:
            spans.append((at, at + len(dateline), "dateline"))
    return sorted(spans)


def _parts(text: str, start: int, marks: Sequence[tuple[int, int, str]], cut: int | None) -> list[_Part]:
    """The line split where a highlight or an in-line cut begins or ends."""
    end = start + len(text)
    touching = [(first, last) for first, last, _ in marks if first < end and last > start]
    if not touching and cut is None:
        return [_Part(text)]  # most lines: nothing to split
    bounds = {0, len(text)}
    for first, last in touching:
        bounds.update({max(first, start) - start, min(last, end) - start})
    if cut is not None:
        bounds.add(cut)
    ordered = sorted(bounds)
    parts = []
    for left, right in itertools.pairwise(ordered):
        kind = None
        if cut is not None and left >= cut:
            kind = "cut"
        else:
            absolute = start + left
            kind = next((k for first, last, k in marks if first <= absolute < last), None)
        parts.append(_Part(text[left:right], kind))
    return parts


def _marks_by_line(
    lines: Sequence[Line], marks: Sequence[tuple[int, int, str]]
) -> dict[int, list[tuple[int, int, str]]]:
    """The highlights each line touches, in their order: a page has a few, and hundreds of lines."""
    starts = [line.start for line in lines]
    found: dict[int, list[tuple[int, int, str]]] = {}
    for mark in marks:
        first, last, _ = mark
        index = max(0, bisect_right(starts, first) - 1)
        while index < len(lines) and lines[index].start < last:
            line = lines[index]
            if first < line.start + len(line.text):
                found.setdefault(index, []).append(mark)
            index += 1
    return found


def _line_views(analysis: Analysis, findings: Iterable[dict[str, Any]]) -> list[_LineView]:
    by_line: dict[int, list[dict[str, Any]]] = {}
    for finding in findings:
        if finding["line"]:
            by_line.setdefault(finding["line"], []).append(finding)
    marks = _marks_by_line(analysis.lines, _marks(analysis))
    shown: dict[Label, tuple[str, str, str]] = {}  # a page's lines share a few labels
    views = []
    for index, (line, label) in enumerate(zip(analysis.lines, analysis.labels, strict=True)):
        described = shown.get(label)
        if described is None:
            kind = label.kind.value
            css = "removed" if not label.kept else ""
            if label.kind in (Kind.TITLE, Kind.BYLINE):
                css += " " + kind
            described = shown[label] = (kind, css.strip(), kind if label.rule is None else f"{kind}: {label.rule}")
        kind, css, why = described
        cut = analysis.cuts.get(index)
        if cut is not None:
            why += f"; end cut by {cut[1]}"
        touching = marks.get(index)
        if touching is None and cut is None:
            parts = [_Part(line.text)]  # most lines: nothing to split
        else:
            parts = _parts(line.text, line.start, touching or (), cut[0] if cut else None)
        views.append(_LineView(line.number, kind, css, why, parts, by_line.get(line.number, [])))
    return views


def _escaped(text: str) -> str:
    """What ``markupsafe.escape`` makes of a text, as a plain string: no Markup object per
    piece (a page escapes about four pieces a line)."""
    return (
        text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")
    )


MAX_SHOWN_LINES = 5_000  # a page past this shows its start and says where the rest is


def _shown_lines(views: Sequence[_LineView]) -> Markup:
    """The line rows, at most ``MAX_SHOWN_LINES`` of them: a page of a huge file stays a page
    a browser opens, and says that the report and the clean text hold every line."""
    if len(views) <= MAX_SHOWN_LINES:
        return _lines_html(views)
    note = (
        f'<p class="truncated">{len(views) - MAX_SHOWN_LINES:,} more lines not shown here: '
        "the JSON report and the clean text hold every line.</p>"
    )
    return _lines_html(views[:MAX_SHOWN_LINES]) + Markup(note)


def _lines_html(views: Sequence[_LineView]) -> Markup:
    """The page's line rows as markup, every text escaped.

    Built here rather than in the template: a page has a row per line and several spans
    per row, and rendering them token by token in jinja cost ~40% more per page.
    """
    rows = []
    labels: dict[tuple[str, str, str], tuple[str, str, str]] = {}  # a page's rows share a few labels
    for view in views:
        label = (view.css, view.kind, view.why)
        shown = labels.get(label)
        if shown is None:
            css = f" {_escaped(view.css)}" if view.css else ""
            shown = labels[label] = (css, _escaped(view.kind), _escaped(view.why))
        css, kind, why = shown
        pieces = view.parts
        if len(pieces) == 1 and pieces[0].kind is None:
            parts = _escaped(pieces[0].text)  # most lines: one plain piece
        else:
            parts = "".join([_part_html(part.text, part.kind) for part in pieces])
        findings = "".join(
            f'<span class="finding {_escaped(f["severity"])}">{_escaped(f["severity"])} · {_escaped(f["rule"])}: '
            f"{_escaped(f['message'])}</span>"
            for f in view.findings
        )
        rows.append(
            f'<div class="line{css}" id="L{view.number}" data-label="{kind}">\n'
            f'<span class="no">{view.number}</span><span class="text" dir="auto">{parts}</span>\n'
            f'<span class="why">{why}</span>\n{findings}\n</div>\n'
        )
    return Markup("".join(rows))


def _part_html(text: str, kind: str | None) -> str:
    if kind is None:
        return _escaped(text)
    tag = "span" if kind == "cut" else "mark"
    return f'<{tag} class="{_escaped(kind)}">{_escaped(text)}</{tag}>'


def file_page(analysis: Analysis, report: dict[str, Any], name: PurePosixPath) -> str:
    """One file's page: its lines as read, what was removed and why, what was extracted."""
    language = report["language"]
    return str(
        _environment()
        .get_template("file.html")
        .render(
            css=_css(),
            report=report,
            article=report["article"],
            language=language,
            direction="rtl" if (language or "").split("-")[0] in RTL_LANGUAGES else "ltr",
            quotes=report["article"]["quotes"] or [],
            file_findings=report["findings"],
            lines_html=_shown_lines(_line_views(analysis, report["findings"])),
            provenance=json.dumps(report["provenance"], ensure_ascii=False, indent=1),
            index_href=_index_href(name),
        )
    )


def _histogram(title: str, labels: Sequence[str], counts: Sequence[int], width: int = 320) -> dict[str, Any]:
    height = 100
    top = max(counts, default=0) or 1
    step = width / max(len(counts), 1)
    bars = [
        {
            "x": round(i * step + 1, 1),
            "y": round(height - count / top * height, 1),
            "w": round(max(step - 2, 1), 1),
            "h": round(count / top * height, 1),
            "label": label,
            "count": count,
        }
        for i, (label, count) in enumerate(zip(labels, counts, strict=True))
    ]
    every = max(1, len(labels) // 5)
    ticks = [{"x": round(i * step + 1, 1), "label": label} for i, label in enumerate(labels) if i % every == 0]
    return {"title": title, "width": width, "height": height, "bars": bars, "ticks": ticks}


def _charts(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The index's histograms, in one pass over the records."""
    bins = [0] * 10
    months: dict[str, int] = {}
    undated = 0
    for record in records:
        ratio = record["boilerplate_ratio"]
        if ratio is not None:
            bins[min(int(ratio * 10), 9)] += 1
        published = record["published"]
        if not published:
            undated += 1
        elif len(published) >= 7:
            months[published[:7]] = months.get(published[:7], 0) + 1
    charts = [_histogram("Boilerplate removed (share of text)", [f"{10 * i}%" for i in range(10)], bins)]
    labels = sorted(months)
    charts.append(
        _histogram(
            f"Published, by month ({undated} undated)",
            labels or ["none"],
            [months[m] for m in labels] or [0],
        )
    )
    return charts


def _index_row(row: dict[str, Any], pages: bool) -> Markup:
    """A file's row in the index table, every value escaped.

    Built here rather than in the template, like a page's line rows: the index has a row
    per file, and rendering each row's cells token by token in jinja cost ~5 times as much.
    """
    relative = f"files/{safe_relative(row['name'])}{PAGE_SUFFIX if pages else REPORT_SUFFIX}"  # page_path, report_path
    href = quote(relative)  # a name holding "#", "?" or "%" is a path, not a fragment or a query
    ratio = row["boilerplate_ratio"]
    verdict = escape(row["verdict"])
    return Markup(
        f'<tr><td><a href="{escape(href)}">{escape(row["name"])}</a></td>'
        f'<td class="verdict-{verdict}">{verdict}</td>\n'
        f"<td>{escape(row['source'] or '')}</td><td>{escape(row['language'] or '')}</td>"
        f"<td>{escape(row['record']['published'] or '')}</td>\n"
        f"<td>{'' if ratio is None else f'{ratio * 100:.0f}%'}</td><td>{len(row['findings'])}</td></tr>\n"
    )


def index_page(summary: dict[str, Any], rows: Iterable[dict[str, Any]], pages: bool = True) -> Iterator[str]:
    """The batch at a glance, with a link to every file's page (``pages``) or else its JSON report.

    Written in pieces as the rows are read. ``rows`` is read twice (the charts, then the
    table): a list, or the run's row store.
    """
    charts = _charts(row["record"] for row in rows)
    table = (_index_row(row, pages) for row in rows)
    template = _environment().get_template("index.html")
    yield from template.generate(css=_css(), summary=summary, rows=table, charts=charts)
