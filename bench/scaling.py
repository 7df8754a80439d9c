"""Cost per line as one page grows: a step that is quadratic in the number of lines shows here.

Pages of 1,000 to 16,000 lines, each of one kind that stresses a different step (prose,
menus, chrome markers, headline lists, quotes, dated lines), go through every per-file
step in memory. A flat column of microseconds per line is linear time; one that doubles
with the page is quadratic. Prints figures; asserts nothing (timing belongs here, not in
the tests).
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

from copydesk.pipeline import analyse_data
from copydesk.rules.ruleset import load_rules

ROOT = Path(__file__).resolve().parents[1]


def page_kinds(rng: random.Random) -> dict[str, Callable[[int], str]]:
    """Line makers, one per kind of page; each line differs, so no memo hides the work."""
    menu = ["Home", "World", "Sport", "News", "Contact"]
    markers = ["Related stories", "Share this", "Leave a comment"]
    return {
        "prose": lambda i: f"The council met on day {i} and said that the harbour plan would go ahead, officials said.",
        "menus": lambda i: f"{rng.choice(menu)} {i}",
        "markers": lambda i: rng.choice([*markers, f"Body text number {i} is long enough to count as a sentence."]),
        "headlines": lambda i: f"Storm Warning Lifted For The Islands Number {i}",
        "quotes": lambda i: f'"We will build it," said Mayor Anna Berg {i}. "It is time," she added.',
        "dates": lambda i: f"Posted on 12 March 2021 at 10:{i % 60:02d} by staff {i}",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000])
    args = parser.parse_args()
    rules = load_rules(ROOT / "rules")
    analyse_data(b"warm up\n", "warm.txt", rules)  # stop-lists and lexicons load outside the timing
    for kind, make in page_kinds(random.Random(1)).items():
        figures = []
        for size in args.sizes:
            data = ("\n".join(make(i) for i in range(size)) + "\n").encode("utf-8")
            started = time.process_time()
            analyse_data(data, f"{kind}.txt", rules)
            figures.append(f"{size}: {(time.process_time() - started) / size * 1e6:.0f}")
        print(f"{kind:10s} µs per line by page size (lines) — " + ", ".join(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
