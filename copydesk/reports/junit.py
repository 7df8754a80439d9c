"""JUnit XML: one testcase per file, so any CI shows the gate like a test run.

Written case by case from an iterable of rows, so a run of any size never holds the
whole document; the suite's totals go first, so the caller gives them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from copydesk.text.controls import NOT_XML, escaped


def _xml_safe(text: str) -> str:
    """A file named with a control character used to make the whole document ill-formed."""
    return escaped(text, NOT_XML)


def junit_xml(
    results: Iterable[dict[str, Any]],
    elapsed: float,
    tests: int,
    failures: int,
    batch_failures: Sequence[dict[str, str]] = (),
) -> Iterator[str]:
    """``results`` are per-file summaries: name, verdict, failed (bool), source, findings.

    A run with batch checks (records schema, expectation suite) has one more case, ``batch``,
    failed when any of them failed: the totals then agree with the exit status."""
    if batch_failures:
        tests, failures = tests + 1, failures + 1
    suite = ET.Element(
        "testsuite",
        name="copydesk",
        tests=str(tests),
        failures=str(failures),
        errors="0",
        skipped="0",
        time=f"{elapsed:.3f}",
    )
    opening = ET.tostring(suite, encoding="unicode")  # <testsuite ... /> : reopened around the cases
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + opening[: -len(" />")] + ">\n"
    for result in results:
        yield _written(_testcase(result))
    if batch_failures:
        yield _written(_batch_case(batch_failures))
    yield "</testsuite>\n"


def _written(case: ET.Element) -> str:
    ET.indent(case, space="  ", level=1)
    return "  " + _xml_safe(ET.tostring(case, encoding="unicode")) + "\n"


def _batch_case(failures: Sequence[dict[str, str]]) -> ET.Element:
    case = ET.Element("testcase", classname="copydesk.batch", name="batch", time="0.0000")
    first = failures[0]
    failure = ET.SubElement(case, "failure", message=f"{first['rule']}: {first['message']}", type="fail")
    failure.text = "\n".join(f"{f['rule']}: {f['message']}" for f in failures)
    return case


def _testcase(result: dict[str, Any]) -> ET.Element:
    case = ET.Element(
        "testcase",
        classname=f"copydesk.{result.get('source') or 'unknown'}",
        name=result["name"],
        time=f"{result.get('seconds', 0.0):.4f}",
    )
    findings = result["findings"]
    if result["failed"]:
        worst = next((f for f in findings if f["severity"] == "error"), findings[0] if findings else None)
        message = f"{worst['rule']}: {worst['message']}" if worst else "failed"
        failure = ET.SubElement(case, "failure", message=message, type=result["verdict"])
        failure.text = "\n".join(
            f"{f['severity']} {f['rule']} (line {f['line'] or '-'}): {f['message']}" for f in findings
        )
    elif findings:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(f"{f['severity']} {f['rule']}: {f['message']}" for f in findings)
    return case
