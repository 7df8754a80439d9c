"""copydesk: a pre-ingestion gate for scraped news text.

The Python API (see :mod:`copydesk.api`)::

    import copydesk

    rules = copydesk.load_rules("rules")          # or None: the built-in rules alone
    report = copydesk.check_text(text, name="a.txt", rules=rules)
    report.verdict, report.clean_text, report.article.title, report.to_dict()

The names are imported on first use, so ``import copydesk`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Report", "RuleSet", "__version__", "check_text", "load_rules"]

if TYPE_CHECKING:
    from copydesk.api import Report, RuleSet, check_text, load_rules


def __getattr__(name: str) -> Any:
    if name in ("Report", "RuleSet", "check_text", "load_rules"):
        from copydesk import api

        return getattr(api, name)
    raise AttributeError(f"module 'copydesk' has no attribute {name!r}")
