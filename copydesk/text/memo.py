"""Per-line memos for the pure, per-line steps (boilerplate, dates, speakers, corpus keys).

Scraped pages of one site repeat their chrome line for line (menus, footers, "Related"
lists), and a run sees many pages of few sites; a line's features and whether any rule
could match it depend on the line's text and the rules alone, so they are computed once
per distinct line. Each memo is bounded: past ``LIMIT`` entries it is emptied, so memory
stays flat however many files a run checks. 20,000 lines hold the chrome of a hundred
sites or more; article lines, seen once, only churn a larger memo.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

LIMIT = 20_000
OWNERS = 256  # rule lists, stop-lists and lexicons a run asks lines against


class LineMemo(dict[K, V]):
    """A bounded memo of one pure function, read as ``memo[key]``.

    A dict whose ``__missing__`` computes the value: a hit is a plain dict lookup in C,
    with no Python frame, and most lookups are hits (a run's lines repeat). Past its
    limit it is emptied before the next value goes in.
    """

    def __init__(self, function: Callable[[K], V], limit: int = LIMIT) -> None:
        super().__init__()
        self._function = function
        self._limit = limit

    def __missing__(self, key: K) -> V:
        value = self._function(key)
        self.remember(key, value)
        return value

    def remember(self, key: K, value: V) -> None:
        """Keep a value the caller computed another way (it must be the function's)."""
        if len(self) >= self._limit:
            self.clear()
        self[key] = value


Owner = TypeVar("Owner")


class MemoFamily(Generic[Owner, K, V]):
    """One :class:`LineMemo` per owner: a rule list's pattern set, a stop-list, a lexicon.

    A line's answer depends on the line and on what it is asked against; the owner's memo
    is then read with the line alone. Keyed by the owner itself (a pattern set hashes by
    identity, a stop-list by value), which the family holds, so a key can never come to
    name another owner; or by a ``key`` that holds, by value, all the function reads of an
    unhashable owner. Bounded too: past ``OWNERS`` owners the family starts afresh.
    """

    def __init__(self, function: Callable[[Owner, K], V]) -> None:
        self._function = function
        self._memos: dict[Hashable, LineMemo[K, V]] = {}

    def of(self, owner: Owner, key: Hashable | None = None) -> LineMemo[K, V]:
        key = owner if key is None else key
        memo = self._memos.get(key)
        if memo is None:
            if len(self._memos) >= OWNERS:
                self._memos.clear()
            function = self._function
            memo = self._memos[key] = LineMemo(lambda line: function(owner, line))
        return memo
