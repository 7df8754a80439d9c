"""A crawl-shaped corpus from the boilerplate bench pages, when ../shared/bench is present.

A gate sees many pages of each site it checks: the site's chrome (menus, footers, related
lists) on every page, a different article in each. The bench pages are real scraper text
from 55 sites, each seen once; here each page's own chrome is kept and its article lines
(the lines its gold body holds) are replaced by other articles' paragraphs of the same
language, two words swapped in each so no paragraph repeats. The pages are read, never
copied into the project.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "bench" / "boilerplate" / "dev"


def _templates(rendition: str) -> list[tuple[list[str], list[int], str]]:
    """Per page: its lines, the indices of its article lines, its language."""
    found = []
    for line in (DEV / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        gold = {
            text.strip()
            for text in (DEV / "gold" / f"{entry['id']}.txt").read_text(encoding="utf-8").splitlines()
            if text.strip()
        }
        lines = (DEV / rendition / f"{entry['id']}.txt").read_text(encoding="utf-8").split("\n")
        article = [i for i, text in enumerate(lines) if text.strip() in gold]
        if article:
            found.append((lines, article, entry["language"]))
    return found


def _varied(paragraph: str, rng: random.Random) -> str:
    """The paragraph with two of its inner words swapped: the same shape, another line."""
    words = paragraph.split(" ")
    if len(words) >= 6:
        i, j = rng.sample(range(1, len(words) - 1), 2)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)


def crawl_pages(count: int, rendition: str = "inscriptis", seed: int = 1) -> list[tuple[str, str]] | None:
    """``count`` pages, the bench pages in turn, each with a fresh article; None without the bench."""
    if not (DEV / "manifest.jsonl").is_file():
        return None
    templates = _templates(rendition)
    pool: dict[str, list[str]] = {}
    for lines, article, language in templates:
        pool.setdefault(language, []).extend(lines[i].strip() for i in article)
    rng = random.Random(seed)
    pages = []
    for n in range(count):
        lines, article, language = templates[n % len(templates)]
        text = list(lines)
        for i in article:
            text[i] = _varied(rng.choice(pool[language]), rng)
        pages.append(("\n".join(text), language))
    return pages
