"""Arbitrary bytes through every step and through the command line: a finding, never an exception.

Run with many more examples by ``nox -s props`` (COPYDESK_PROPS_EXAMPLES).
"""

import tempfile
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.check.records import record_of
from copydesk.pipeline import analyse_data
from copydesk.reports.html import file_page
from copydesk.reports.json_report import build_report, validate_report
from copydesk.rules.ruleset import RuleSet
from copydesk.run.executor import provenance_of
from copydesk.testing import pages
from tests.conftest import PROPERTY_EXAMPLES, RULES, run_cli

FUZZ = settings(
    max_examples=PROPERTY_EXAMPLES * 10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Bytes that look like the inputs scrapers make: text in many encodings, with binary
# junk, NULs, BOMs, truncated multi-byte sequences and control characters spliced in.
texts = st.text(max_size=600).flatmap(
    lambda text: st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "cp1256", "cp1251", "latin-1"]).map(
        lambda codec: text.encode(codec, errors="ignore")
    )
)
spliced = st.tuples(texts, st.binary(max_size=64), texts).map(lambda parts: b"".join(parts))
any_bytes = st.one_of(st.binary(max_size=4096), texts, spliced)


def _full_report(data: bytes, rules: RuleSet) -> dict[str, object]:
    analysis = analyse_data(data, "fuzz.txt", rules)
    report = build_report(analysis, provenance_of(analysis, rules.digest))
    validate_report(report)
    record_of(report, len(analysis.lines), len(analysis.article_text))
    assert "<script" not in file_page(analysis, report, PurePosixPath("fuzz.txt")).lower()
    if analysis.outcome.decoded is None:
        assert any(f.severity == "error" for f in analysis.findings)  # refused with a finding
    return report


@FUZZ
@given(any_bytes)
def test_every_step_survives_arbitrary_bytes(project_rules: RuleSet, data: bytes) -> None:
    report = _full_report(data, project_rules)
    assert report["verdict"] in ("pass", "warn", "fail")


@FUZZ
@given(pages("en"), st.integers(0, 4000), st.binary(min_size=1, max_size=32))
def test_a_page_with_bytes_spliced_in_survives(project_rules: RuleSet, page, at: int, junk: bytes) -> None:  # type: ignore[no-untyped-def]
    data = page.text.encode("utf-8")
    _full_report(data[:at] + junk + data[at:], project_rules)


@pytest.mark.slow
@settings(max_examples=PROPERTY_EXAMPLES, deadline=None)
@given(st.lists(any_bytes, min_size=1, max_size=3))
def test_the_cli_survives_arbitrary_files(contents: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for number, data in enumerate(contents):
            (Path(folder) / f"f{number}.txt").write_bytes(data)
        out = Path(folder) / "out"
        result = run_cli("check", folder, "--rules", RULES, "--out", out, "--no-corpus")
        assert result.exit_code in (0, 1), result.output
        assert (out / "summary.json").is_file() and (out / "index.html").is_file()
        assert "Traceback" not in result.output
