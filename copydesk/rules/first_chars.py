"""Which rules a line's first character leaves in play, asked of the regex engine itself.

Anchored rules are tried together, one alternation at the start of every line; with
dozens of rules the engine tries every branch on every line. Most branches open with a
word or a symbol, so a line opening with "T" need not try the rules that open with
"Share" or "©". Whether a rule can open with a character is a partial match of that one
character (``regex``'s ``partial=True``: could a longer text starting so match?), so
case folding ("ſ" for "s"), classes, look-arounds and Unicode properties are read by the
same engine that runs the rule, never by a second parser.
"""

from __future__ import annotations

from typing import Any


def can_open(compiled: Any, head: str) -> bool:
    """Whether some match of the compiled rule, tried at the start of a text, opens with ``head``."""
    return compiled.match(head, partial=True) is not None
