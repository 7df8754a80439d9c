"""What each boilerplate rule costs per page: the rules to look at first when the step slows down.

A rule that is not anchored is first searched over the whole page (one search rules it
out for every line); it stays cheap only when it opens with a literal the search can skip
ahead to. One that opens with an alternation of case-insensitive words, say, tries every
position of the page and then every line. Prints, for each rule of the chosen language
(and ``any``), its page search and the search of every line with it alone (an upper bound:
the pipeline tries anchored rules in one alternation, and the others only on pages their
page search keeps) in microseconds per page, on the
synthetic pages of ``boilerplate_speed.py`` or on the files given; rules below
``--above`` are left out. Asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from boilerplate_speed import ROOT, synthetic_pages

from copydesk.rules.patterns import RulePattern, _page_form, anchored
from copydesk.rules.ruleset import BOILERPLATE_SECTIONS, load_rules


def cost(pattern: RulePattern, pages: list[str], lines: list[str]) -> tuple[float, float]:
    """Microseconds per page: the page-wide search (0 when the rule has none), the line searches."""
    form = _page_form(pattern.source)
    started = time.perf_counter()
    if form is not None and not anchored(pattern.source):
        for page in pages:
            form.search(page)
    page_cost = time.perf_counter() - started
    started = time.perf_counter()
    for line in lines:
        pattern.compiled.search(line)
    line_cost = time.perf_counter() - started
    return page_cost / len(pages) * 1e6, line_cost / len(pages) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules")
    parser.add_argument("--language", default="en")
    parser.add_argument("--above", type=float, default=5.0, help="µs per page; cheaper rules are not listed")
    args = parser.parse_args()
    if args.files:
        pages = [path.read_text(encoding="utf-8", errors="replace") for path in args.files]
    else:
        pages = [text for text, _ in synthetic_pages(300)]
    lines = [line.strip() for page in pages for line in page.splitlines() if line.strip()]
    rules = load_rules(args.rules)
    rows = []
    for generic in rules.generic:
        if not generic.applies_to(args.language):
            continue
        for section in BOILERPLATE_SECTIONS:
            for pattern in getattr(generic.boilerplate, section):
                page_cost, line_cost = cost(pattern, pages, lines)
                rows.append((page_cost + line_cost, page_cost, line_cost, pattern))
    print(f"{len(rows)} rules over {len(pages)} pages; µs per page (page search + line searches)")
    for total, page_cost, line_cost, pattern in sorted(rows, key=lambda row: -row[0]):
        if total >= args.above:
            print(f"{total:7.1f} = {page_cost:6.1f} + {line_cost:6.1f}  {pattern.rule_id}  {pattern.source[:80]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
