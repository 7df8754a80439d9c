"""JUnit XML: one testcase per file, so any CI shows the gate like a test run."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any


def junit_xml(results: Sequence[dict[str, Any]], elapsed: float) -> str:
    """``results`` are per-file summaries: name, verdict, failed (bool), source, findings."""
    failures = sum(1 for r in results if r["failed"])
    suite = ET.Element(
        "testsuite",
        name="copydesk",
        tests=str(len(results)),
        failures=str(failures),
        errors="0",
        skipped="0",
        time=f"{elapsed:.3f}",
    )
    for result in results:
        case = ET.SubElement(
            suite,
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
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
