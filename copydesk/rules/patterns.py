"""User regexes, compiled once and run under a time limit.

A rule file can hold a catastrophic pattern; with the ``regex`` package's timeout it
costs a finding on one file instead of hanging the gate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

TIMEOUT_SECONDS = 0.25


class PatternTimeout(Exception):
    def __init__(self, rule_id: str) -> None:
        super().__init__(f"rule {rule_id} timed out after {TIMEOUT_SECONDS}s")
        self.rule_id = rule_id


@dataclass(frozen=True, slots=True)
class RulePattern:
    """A compiled pattern with the id findings and ``explain`` name it by."""

    rule_id: str
    source: str
    compiled: Any

    def search(self, text: str) -> Any:
        try:
            return self.compiled.search(text, timeout=TIMEOUT_SECONDS)
        except TimeoutError as exc:
            raise PatternTimeout(self.rule_id) from exc


def compile_pattern(rule_id: str, source: str) -> RulePattern:
    """Compile or raise ``regex.error``; callers turn that into a located rule-file error."""
    return RulePattern(rule_id, source, regex.compile(source, regex.VERSION1 | regex.UNICODE))
