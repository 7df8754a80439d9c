"""The article's language: declarations win; a guess is settled among close languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.extract.language import _close_languages, choose_language, settle
from tests.conftest import FIXTURES

TEXTS = sorted((FIXTURES / "languages").glob("*.txt"))  # the same short news story, written in each


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.stem)
def test_any_wrong_guess_among_close_languages_is_settled(path: Path) -> None:
    """Russian read as Bulgarian, Danish as Norwegian: the text's own function words decide."""
    text = path.read_text(encoding="utf-8")
    for guess in _close_languages()[path.stem]:
        assert settle(guess, text) == path.stem, guess


def test_a_guess_outside_every_group_stands() -> None:
    text = (FIXTURES / "languages" / "ru.txt").read_text(encoding="utf-8")
    assert settle("en", text) == "en"
    assert settle("ar", "") == "ar"


def test_declared_language_wins_and_a_guess_is_settled() -> None:
    text = (FIXTURES / "languages" / "ru.txt").read_text(encoding="utf-8")
    assert choose_language("bg", None, text=text) == ("bg", "declared")
    assert choose_language(None, None, text=text, guessed="bg") == ("ru", "detected")
    assert choose_language(None, text="   ", guessed=None) == (None, "none")
