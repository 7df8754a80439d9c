"""The verdict rule, in one place: worst, verdict, fails."""

from __future__ import annotations

import pytest

from copydesk.model import Finding, fails, verdict, worst

ERROR, WARNING, INFO = (Finding("r", severity, "m") for severity in ("error", "warning", "info"))


def test_worst_reads_objects_and_report_dicts_alike() -> None:
    assert worst([]) is None
    assert worst([INFO, WARNING]) == "warning"
    assert worst([INFO.as_dict(), ERROR.as_dict(), WARNING.as_dict()]) == "error"


@pytest.mark.parametrize(
    ("findings", "expected"), [([], "pass"), ([INFO], "pass"), ([INFO, WARNING], "warn"), ([WARNING, ERROR], "fail")]
)
def test_verdict(findings: list[Finding], expected: str) -> None:
    assert verdict(findings) == expected


@pytest.mark.parametrize(
    ("findings", "fail_on", "expected"),
    [
        ([ERROR], "error", True),
        ([WARNING], "error", False),
        ([WARNING], "warning", True),
        ([INFO], "warning", False),
        ([ERROR], "never", False),
        ([], "warning", False),
    ],
)
def test_fails(findings: list[Finding], fail_on: str, expected: bool) -> None:
    assert fails(findings, fail_on) is expected
