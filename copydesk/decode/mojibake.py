"""Mojibake repair: text that was UTF-8, read as a single-byte code page, and saved again.

ftfy does the Latin code pages under a configuration that changes nothing but the
encoding damage (curly quotes, full-width forms and line endings are evidence later steps
need). ftfy does not repair Arabic or Cyrillic mojibake (UTF-8 read as Windows-1256 or
Windows-1251: the result is letters of the same script, which ftfy takes for text); those
are reversed here with the same test ftfy applies: the reversal must produce valid UTF-8.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from copydesk.decode.suspects import may_change
from copydesk.model import Repair
from copydesk.text.lines import iter_chunks

# Code pages whose misreading of a script's UTF-8 ftfy does not undo, with the UTF-8 lead
# bytes of that script and of the signs its pages use (C2-C3: « » © °; E2: — “ ” …): a lead
# byte's rendering followed by a continuation byte's (80-BF) is the shape of the mojibake.
# Only the shape is searched; the repair is made only when the whole line reverses to UTF-8.
_SIGNS = (0xC2, 0xC3, 0xE2)
_SCRIPT_MOJIBAKE = (("cp1256", (*range(0xD8, 0xDC), *_SIGNS)), ("cp1251", (0xD0, 0xD1, *_SIGNS)))


def _shape(codec: str, leads: tuple[int, ...]) -> re.Pattern[str]:
    lead_chars = bytes(leads).decode(codec)
    continuations = bytes(range(0x80, 0xC0)).decode(codec, errors="ignore")
    return re.compile(f"[{re.escape(lead_chars)}][{re.escape(continuations)}]")


_SHAPES = tuple((codec, _shape(codec, leads)) for codec, leads in _SCRIPT_MOJIBAKE)


@cache
def _ftfy_config() -> Any:
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


def _unmojibake_script(line: str) -> tuple[str, str] | None:
    """The line as it was before a script's UTF-8 was read as ``codec``, and the codec."""
    for codec, shape in _SHAPES:
        if not shape.search(line):
            continue
        try:
            fixed = line.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != line:
            return fixed, codec
    return None


def _ftfy_line(line: str) -> tuple[str, list[tuple[str, str]]]:
    from ftfy import fix_and_explain

    fixed, explanation = fix_and_explain(line, config=_ftfy_config())
    steps = [(step.action, step.parameter) for step in (explanation or [])]
    return fixed, steps


def repair_mojibake(text: str) -> tuple[str, list[Repair]]:
    """Repair line by line, so one bad line never drags good ones through a codec.

    Returns the repaired text and one :class:`Repair` per distinct fix plan, naming the
    1-based lines it was applied to. Line terminators are never changed.
    """
    if text.isascii():
        return text, []
    # Both shapes are two adjacent characters and neither is a line break: a page without
    # them has no line with them.
    scripts = any(shape.search(text) for _, shape in _SHAPES)
    if not scripts and not may_change(text):
        return text, []  # no line holds what ftfy looks for: the page's characters say so at once
    plans: dict[tuple[tuple[str, str], ...], list[int]] = {}
    out: list[str] = []
    for number, (body, ending) in enumerate(iter_chunks(text), start=1):
        if body.isascii():
            out.append(body + ending)
            continue
        reversed_ = _unmojibake_script(body) if scripts else None
        if reversed_ is not None:
            body, codec = reversed_
            plans.setdefault((("encode", codec), ("decode", "utf-8")), []).append(number)
        elif not may_change(body):  # ftfy would change nothing: most lines of real pages
            out.append(body + ending)
            continue
        fixed, steps = _ftfy_line(body)
        if fixed != body:
            plans.setdefault(tuple(steps), []).append(number)
            body = fixed
        out.append(body + ending)
    repairs = [
        Repair("mojibake", {"plan": [list(step) for step in plan], "lines": lines}) for plan, lines in plans.items()
    ]
    return "".join(out), repairs
