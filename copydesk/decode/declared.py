"""Charset declarations inside the document: XML prologs, HTML meta tags, CSS @charset.

Scrapers sometimes hand over markup or feeds, and their declaration names the exact
vendor table (GB2312 rather than GB18030, Shift_JIS rather than CP932), which no
frequency model can tell apart. A declaration is only a hint: it must decode the bytes.
"""

from __future__ import annotations

import re

from copydesk.decode.detect import python_codec

_HEAD = 4096
_PATTERNS = (
    re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{2,40})["']""", re.I),
    re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{2,40})""", re.I),
    re.compile(rb"""@charset\s+["']([A-Za-z0-9._:-]{2,40})["']""", re.I),
)


def declared_codec(data: bytes) -> str | None:
    """The Python codec a document declares near its top, if Python knows it."""
    head = data[:_HEAD]
    for pattern in _PATTERNS:
        match = pattern.search(head)
        if match:
            return python_codec(match.group(1).decode("ascii"))
    return None
