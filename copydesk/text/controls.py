"""Control characters written as visible escapes, for output that must stay one line or well-formed.

A file name, a rule or a scraped title is data; printed raw, a newline in one starts a line
of its own (``::stop-commands::`` in a GitHub log), an ESC moves the terminal's cursor, and
a character XML 1.0 cannot hold makes a JUnit file unreadable.
"""

from __future__ import annotations

import re

# C0 and C1 controls (newlines and ESC among them), DEL, and the line and paragraph separators.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# What XML 1.0 cannot hold at all, escaped or not (tab, newline and carriage return it can).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def escaped(text: str, characters: re.Pattern[str] = CONTROLS) -> str:
    """``text`` with each of ``characters`` written as ``\\xNN`` or ``\\uNNNN``."""
    return characters.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
