"""Speed of the boilerplate step alone (labelling and reversible cleaning), decoding excluded.

Three corpora: synthetic ~5 KB pages built from the test fixtures; when present, the real
pages of ../shared/bench/boilerplate/dev as a crawl sees them (each site's chrome on many
pages, a fresh article on each: ``crawl.py``), all of them and those of 4 to 6 KB (the
"typical 5 KB page" the step's speed goal names); and those pages each once, both
renditions (every line new: the step's worst case). Prints files/s and KB/s on one core;
asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from crawl import crawl_pages

from copydesk.label.cleaning import clean
from copydesk.pipeline import label_lines
from copydesk.rules.ruleset import load_rules
from copydesk.text.lines import split_lines
from copydesk.text.memo import LineMemo
from copydesk.text.stopwords import stopwords

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "bench" / "boilerplate" / "dev"


def synthetic_pages(count: int, size: int = 5000) -> list[tuple[str, str]]:
    """Pages shaped like scraped news: masthead and menu, headline, byline, paragraphs of
    40-90 words, a related list with time stamps, a footer; about ``size`` bytes each."""
    rng = random.Random(3)
    sentences = []
    for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*_en.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "|" not in line and line.endswith((".", '"')) and len(line.split()) >= 8:
                sentences.append(line.strip())
    menu = ["Home", "World", "Business", "Sport", "Culture", "Opinion", "Weather", "Video", "Podcasts", "Contact"]
    pages = []
    for i in range(count):
        head = [
            "The Daily Example",
            *rng.sample(menu, rng.randint(5, 10)),
            "",
            f"Council approves harbour plan number {i}",
            "",
            "By Jane Doe",
            "3 hours ago",
            "",
        ]
        body: list[str] = []
        while sum(map(len, head + body)) < size - 900:
            body.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(3, 5))))
            body.append("")
        tail = ["Related stories", ""]
        for j in range(6):
            tail += [f"Storm warning lifted for the islands {i + j}", f"{j + 1} hours ago", ""]
        tail += ["About Us | Contact Us | Privacy Policy", "© 2024 The Daily Example. All rights reserved."]
        pages.append(("\n".join(head + body + tail) + "\n", "en"))
    return pages


def real_pages() -> list[tuple[str, str]]:
    pages = []
    for rendition in ("inscriptis", "lxml"):
        folder = DEV / rendition
        if folder.is_dir():
            pages += [(p.read_text(encoding="utf-8"), "en") for p in sorted(folder.glob("*.txt"))]
    return pages


def measure(label: str, pages: list[tuple[str, str]], repeat: int, line_model: bool = True) -> None:
    rules = load_rules(ROOT / "rules", line_model=line_model)
    for _, language in pages:
        stopwords(language, rules.directory)  # load stop-lists outside the timing
    size = sum(len(text.encode("utf-8")) for text, _ in pages)

    def run() -> float:
        _forget_memos()  # each repetition pays for every distinct line it sees
        started = time.process_time()
        for text, language in pages:
            lines = split_lines(text)
            labelling, _, _ = label_lines(lines, rules, None, language)
            clean(text, lines, labelling.finish(), labelling.cuts)
        return time.process_time() - started

    # One pass untimed: the rule tables a run builds per line opening (a compilation each,
    # ~3 ms) are kept in the pattern cache, so a user's runs after the first load them.
    run()
    best = min(run() for _ in range(repeat))
    print(
        f"{label}: {len(pages)} pages, mean {size / len(pages) / 1024:.1f} KB: "
        f"{len(pages) / best:.0f} files/s, {size / 1024 / best:.0f} KB/s per core (CPU time, best of {repeat})"
    )


def _forget_memos() -> None:
    """Empty every per-line memo alive in the process (the benchmark's own reset, not the package's)."""
    import gc

    for found in gc.get_objects():
        if isinstance(found, LineMemo):
            found.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rules-only", action="store_true", help="with the trained line model off")
    args = parser.parse_args()
    model = not args.rules_only
    measure("synthetic 5 KB", synthetic_pages(args.files), args.repeat, model)
    crawl = crawl_pages(args.files * 3)
    real = real_pages()
    if crawl and real:
        measure("crawl-shaped (bench pages' chrome, fresh articles)", crawl[: args.files], args.repeat, model)
        typical = [page for page in crawl if 4000 <= len(page[0].encode("utf-8")) < 6000][: args.files]
        measure("crawl-shaped pages of 4-6 KB", typical, args.repeat, model)
        measure("bench dev pages, each once", real, args.repeat, model)
    else:
        print("bench pages: skipped (../shared/bench absent)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
