"""Per-line memos for the pure, per-line steps of the boilerplate pass.

Scraped pages of one site repeat their chrome line for line (menus, footers, "Related"
lists), and a run sees many pages of few sites; a line's features and whether any rule
could match it depend on the line's text and the rules alone, so they are computed once
per distinct line. The memo is bounded: past ``LIMIT`` entries it is emptied, so memory
stays flat however many files a run checks.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

LIMIT = 50_000

_ALL: list[LineMemo[object, object]] = []


class LineMemo(Generic[K, V]):
    """A bounded memo of one pure function."""

    def __init__(self, function: Callable[[K], V], limit: int = LIMIT) -> None:
        self._function = function
        self._limit = limit
        self._values: dict[K, V] = {}
        _ALL.append(self)  # type: ignore[arg-type]

    def __call__(self, key: K) -> V:
        try:
            return self._values[key]
        except KeyError:
            pass
        if len(self._values) >= self._limit:
            self._values.clear()
        value = self._values[key] = self._function(key)
        return value

    def clear(self) -> None:
        self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


def clear_all() -> None:
    """Forget every memo: benchmarks call it so each repetition pays for what it computes."""
    for memo in _ALL:
        memo.clear()
