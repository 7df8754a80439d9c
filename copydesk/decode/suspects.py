"""Which text ftfy could change: a test of characters in front of its badness pattern.

ftfy repairs text only where its badness pattern (``ftfy.badness.BADNESS_RE``) finds
something; under copydesk's configuration no other fixer runs. That pattern is a long
alternation searched character by character, and most non-ASCII lines of real pages
(curly quotes, accents, dashes) hold nothing it finds. Each of its branches needs certain
characters: one from each of its classes that hold no ASCII. The non-ASCII characters a
text holds are found in one scan, and a text that lacks some character every branch needs
cannot match. The branches are read from the pattern itself, so a new ftfy brings its
own; where the pattern cannot be read, every text counts as a suspect, as before.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

Needs = tuple[tuple[frozenset[str], ...], ...]


class Gate(NamedTuple):
    """The needs as bits: one per class, so a text's characters are tested in one pass."""

    bits: dict[str, int]  # character -> the classes holding it
    branches: tuple[int, ...]  # per branch, the classes it needs
    chars: re.Pattern[str]  # any character of ``bits``: a page in another script has none
    verdicts: dict[int, bool]  # the classes a text holds -> whether some branch has all it needs


def may_change(text: str) -> bool:
    """False only when ftfy's badness pattern cannot match anywhere in ``text``."""
    gate = _gate()
    if gate is None:
        return True
    found = 0
    for char in set(gate.chars.findall(text)):
        found |= gate.bits.get(char, 0)
    verdict = gate.verdicts.get(found)
    if verdict is None:  # texts hold few combinations of classes: each is judged once
        verdict = gate.verdicts[found] = any(found & need == need for need in gate.branches)
    return verdict


@cache
def _gate() -> Gate | None:
    from ftfy.badness import BADNESS_RE

    try:
        needs = needs_of(BADNESS_RE)
    except Exception:  # the stdlib's private parser changed: no gate, nothing lost but time
        return None
    return None if needs is None else gate_of(needs)


def gate_of(needs: Needs) -> Gate:
    bits: dict[str, int] = {}
    branches = []
    bit = 1
    for branch in needs:
        need = 0
        for chars in branch:
            for char in chars:
                bits[char] = bits.get(char, 0) | bit
            need |= bit
            bit <<= 1
        branches.append(need)
    named = re.compile("[" + "".join(map(re.escape, sorted(bits))) + "]") if bits else re.compile("(?!)")
    return Gate(bits, tuple(branches), named, {0: False})


def needs_of(pattern: re.Pattern[str]) -> Needs | None:
    """For each top-level branch, the non-ASCII classes it must match a character of.

    Only the branch's own single-character items count (a literal or a class of literals
    and ranges); items in groups or repeats may match nothing and are left out, which can
    only make the test let more through. None when some branch needs no non-ASCII
    character, or case folding would widen the classes.
    """
    from re import _constants, _parser  # type: ignore[attr-defined]

    if pattern.flags & re.IGNORECASE:
        return None
    tree = list(_parser.parse(pattern.pattern, pattern.flags))
    branches = tree[0][1][1] if len(tree) == 1 and tree[0][0] is _constants.BRANCH else [tree]
    needs = []
    for branch in branches:
        classes = [chars for chars in (_chars_of(item, _constants) for item in branch) if chars is not None]
        non_ascii = tuple(chars for chars in classes if not any(ch.isascii() for ch in chars))
        if not non_ascii:
            return None
        needs.append(non_ascii)
    return tuple(needs)


def _chars_of(item: tuple[Any, Any], constants: Any) -> frozenset[str] | None:
    """The characters a single-character item matches; None for anything else."""
    op, argument = item
    if op is constants.LITERAL:
        return frozenset(chr(argument))
    if op is not constants.IN:
        return None
    chars: set[str] = set()
    for kind, value in argument:
        if kind is constants.LITERAL:
            chars.add(chr(value))
        elif kind is constants.RANGE:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a negated class or a category (\s, \w): not a set worth naming
            return None
    return frozenset(chars)
