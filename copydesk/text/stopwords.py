"""Stop-words by ISO 639 code, from the stop-lists of jusText for 100 languages.

Stop-word density is the surest text-only sign of running prose: menus, link lists and
headlines are made of content words, sentences of function words. The lists ship in the
package (``copydesk/data/stoplists``, with jusText's licence beside them), so a run needs
neither jusText nor the lxml it would bring; a rules folder may add or override a
language with ``rules/languages/<code>.txt`` (one word per line): more languages by
adding files, not code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


@cache
def _list_names() -> dict[str, str]:
    text = resources.files("copydesk.data").joinpath("stoplists.json").read_text(encoding="utf-8")
    names: dict[str, str] = json.loads(text)
    return names


def _read_words(path: Path | Traversable) -> frozenset[str]:
    words = (line.strip().casefold() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(word for word in words if word and not word.startswith("#"))


@cache
def stopwords(language: str | None, rules_dir: Path | None = None) -> frozenset[str]:
    """The stop-words of a language (empty when none are known)."""
    if not language:
        return frozenset()
    code = language.lower().split("-")[0]
    if rules_dir is not None:
        own = rules_dir / "languages" / f"{code}.txt"
        if own.is_file():
            return _read_words(own)
    name = _list_names().get(code)
    if name is None:
        return frozenset()
    path = resources.files("copydesk.data").joinpath("stoplists", f"{name}.txt")
    return _read_words(path) if path.is_file() else frozenset()
