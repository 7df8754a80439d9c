"""The article's language: declared by the manifest or profile, else chardet's guess.

chardet 7 names a language for every text it sees, cheaply (well under a millisecond on
an article), so a file with no declaration still gets the language its generic rules
are chosen by.
"""

from __future__ import annotations

SAMPLE_BYTES = 20_000


def guess_language(text: str) -> str | None:
    import chardet

    sample = text[:SAMPLE_BYTES].encode("utf-8", errors="replace")
    if not sample.strip():
        return None
    language = chardet.detect(sample).get("language")
    return language or None


def choose_language(*declared: str | None, text: str, guessed: str | None = None) -> tuple[str | None, str]:
    """The first declaration, else a guess; and where it came from."""
    for value in declared:
        if value:
            return value, "declared"
    if guessed:
        return guessed, "detected"
    found = guess_language(text)
    return found, "detected" if found else "none"
