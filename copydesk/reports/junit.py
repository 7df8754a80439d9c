"""JUnit XML: one testcase per file, so any CI shows the gate like a test run.

Written case by case from an iterable of rows, so a run of any size never holds the
whole document; the suite's totals go first, so the caller gives them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from typing import Any


def junit_xml(results: Iterable[dict[str, Any]], elapsed: float, tests: int, failures: int) -> Iterator[str]:
    """``results`` are per-file summaries: name, verdict, failed (bool), source, findings."""
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
        case = _testcase(result)
        ET.indent(case, space="  ", level=1)
        yield "  " + ET.tostring(case, encoding="unicode") + "\n"
    yield "</testsuite>\n"


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
