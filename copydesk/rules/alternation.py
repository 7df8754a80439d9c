"""Alternations of literal words, factored by their shared beginnings.

The ``regex`` engine tries the branches of ``said|says|sang|told|…`` one after another at
every place a search reaches: with the 174 reporting verbs of the English rules, about a
microsecond a place, and the speaker forms reach each place of a sentence many times.
Factored into a tree (``s(?:a(?:id|ys|ng))|told|…``) it tries one branch per first letter.

The tree matches exactly what the flat alternation matches, and in the same order. A word
is a run of literal characters and single spaces (each space matching any run of white
space), so at one place of a text the words that can match are those whose tokens are
prefixes of one another; they share one path of the tree, and the longer comes first on
it, as in the flat alternation sorted longest first. Where that argument does not hold
(a word with a character whose case folding is longer than itself, leading, trailing or
doubled spaces, an empty word) the flat alternation is returned.

One more case: matched ignoring case, one character of a text can stand for two of a
word ("ß" for "ss", "ﬁ" for "fi"), but only inside one literal run of the pattern, never
across a branch point ("s(?:s|x)" does not match "ß" where "ss|sx" does). A branch point
is made only where no such character could straddle it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import cache

import regex

SPACE = r"\s+"


def alternation(words: Sequence[str], *, ignore_case: bool) -> str:
    """The words as one regex alternation, longest first; factored when that is exact.

    ``ignore_case``: the alternation is matched case-insensitively, so words that differ
    only in case share their branches.
    """
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        return "(?!)"
    if not all(_factorable(word) for word in ordered):
        return "|".join(_literal(word) for word in ordered)
    return _tree(ordered, "", ignore_case)


def _factorable(word: str) -> bool:
    return bool(word) and word == word.strip() and "  " not in word and all(len(c.casefold()) == 1 for c in word)


def _literal(text: str) -> str:
    return "".join(SPACE if char == " " else regex.escape(char) for char in text)


def _tree(words: list[str], before: str, ignore_case: bool) -> str:
    """Words (longest first) grouped by first character, each group's rests factored in turn;
    ``before``: what the words follow in the tree."""
    groups: dict[str, tuple[str, list[str]]] = {}
    ends_here = False
    for word in words:
        if not word:
            ends_here = True
            continue
        key = word[0].casefold() if ignore_case else word[0]
        groups.setdefault(key, (word[0], []))[1].append(word[1:])
    branches = []
    for first, rests in groups.values():
        if len(rests) == 1:
            branches.append(_literal(first + rests[0]))
        elif ignore_case and _straddled(before + first, rests):
            branches.append("|".join(_literal(first + rest) for rest in rests))
        else:
            branches.append(f"{_literal(first)}(?:{_tree(rests, before + first, ignore_case)})")
    if ends_here:  # a word that is a prefix of the others: shorter, so tried after them
        branches.append("")
    return "|".join(branches)


def _straddled(head: str, rests: Sequence[str]) -> bool:
    """Whether one character's case folding could end ``head`` and begin one of ``rests``."""
    folded_head = head.casefold()
    folded_rests = [rest.casefold() for rest in rests]
    splits = _fold_splits()
    longest = max(map(len, splits), default=0)
    for cut in range(1, min(len(folded_head), longest) + 1):
        for tail in splits.get(folded_head[-cut:], ()):
            if any(rest.startswith(tail) for rest in folded_rests):
                return True
    return False


@cache
def _fold_splits() -> dict[str, tuple[str, ...]]:
    """Each way to cut a multi-character folding in two: the head it ends a word part with,
    and the tails it could then begin the next part with (built once: the speaker forms
    are built on a run's first quotation, start-up included)."""
    splits: dict[str, set[str]] = {}
    for folding in multi_foldings():
        for cut in range(1, len(folding)):
            splits.setdefault(folding[:cut], set()).add(folding[cut:])
    return {head: tuple(sorted(tails)) for head, tails in splits.items()}


# Where Unicode puts the characters whose full case folding is several characters (Latin
# ligatures and ß, Greek with iota subscript, Armenian ligatures); a test checks every
# code point, so a Unicode version that adds one elsewhere is caught.
_FOLDING_RANGES = ((0x80, 0x600), (0x1E00, 0x2000), (0xFB00, 0xFB50))


@cache
def multi_foldings() -> frozenset[str]:
    """The case foldings longer than the character folded."""
    found = set()
    for low, high in _FOLDING_RANGES:
        for point in range(low, min(high, sys.maxunicode + 1)):
            folded = chr(point).casefold()
            if len(folded) > 1:
                found.add(folded)
    return frozenset(found)
