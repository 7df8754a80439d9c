"""Required fields: what a source profile promises every one of its articles carries."""

from __future__ import annotations

from typing import Any

from copydesk.model import Finding


def missing_required(require: tuple[str, ...], record: dict[str, Any]) -> list[Finding]:
    findings = []
    for name in require:
        value = record.get(name)
        if value is None or value == [] or value == "":
            findings.append(Finding(f"required.missing_{name}", "error", f"required field {name} is missing"))
    return findings


def apply_severity(findings: list[Finding], overrides: dict[str, str]) -> list[Finding]:
    """A profile re-grades findings by full rule name or by its last part (``missing_date``)."""
    if not overrides:
        return findings
    graded = []
    for finding in findings:
        short = finding.rule.rsplit(".", 1)[-1]
        severity = overrides.get(finding.rule, overrides.get(short))
        if severity and severity != finding.severity:
            finding = Finding(finding.rule, severity, finding.message, finding.line)  # type: ignore[arg-type]
        graded.append(finding)
    return graded
