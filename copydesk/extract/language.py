"""The article's language: declared by the manifest or profile, else chardet's guess.

chardet 7 names a language for every text it sees, cheaply (well under a millisecond on
an article), so a file with no declaration still gets the language its generic rules
are chosen by. Its guess comes from byte statistics, which languages sharing a script
and many words can fool (Russian read as Bulgarian); among such close languages the
text's own function words decide (:func:`settle`).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from copydesk.text.shape import to_space
from copydesk.text.stopwords import stopwords

# chardet scores a text's language on its first 2 KB (``chardet.pipeline.language``); the
# rest of a longer sample only fed an encoding detection the decoded text does not need.
SAMPLE_BYTES = 2048
SETTLE_CHARS = 5_000  # enough words to count function words on; the page's start is chrome-heavy anyway


def guess_language(text: str) -> str | None:
    import chardet

    sample = text[:SAMPLE_BYTES].encode("utf-8", errors="replace")  # chardet cuts it at SAMPLE_BYTES bytes
    if not sample.strip():
        return None
    language = chardet.detect(sample, max_bytes=SAMPLE_BYTES).get("language")
    return language or None


def choose_language(
    *declared: str | None, text: str, guessed: str | None = None, rules_dir: Path | None = None
) -> tuple[str | None, str]:
    """The first declaration, else a guess settled among close languages; and where it came from."""
    for value in declared:
        if value:
            return value, "declared"
    found = guessed or guess_language(text)
    if not found:
        return None, "none"
    return settle(found, text, rules_dir), "detected"


@cache
def _close_languages() -> dict[str, tuple[str, ...]]:
    """Each language of a close group, with every language it is grouped with (itself first)."""
    data = json.loads(resources.files("copydesk.data").joinpath("close_languages.json").read_text(encoding="utf-8"))
    close: dict[str, list[str]] = {}
    for group in data["groups"]:
        for code in group:
            members = close.setdefault(code, [code])
            members.extend(other for other in group if other not in members)
    return {code: tuple(members) for code, members in close.items()}


def settle(guess: str, text: str, rules_dir: Path | None = None) -> str:
    """The close language whose stop-words make up most of the text; the guess on a tie.

    Only a guess in a group of close languages is reconsidered, so most pages (English,
    Arabic, Japanese) pay nothing.
    """
    candidates = _close_languages().get(guess)
    if candidates is None:
        return guess
    words = to_space(text[:SETTLE_CHARS].casefold()).split()
    best, best_count = guess, -1
    for code in candidates:  # the guess first: another language must do strictly better
        known = stopwords(code, rules_dir)
        count = sum(map(known.__contains__, words)) if known else -1
        if count > best_count:
            best, best_count = code, count
    return best
