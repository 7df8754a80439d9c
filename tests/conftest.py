"""Shared fixtures: paths to the project's rules and to small files written for the tests."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

# The suite keeps its compiled patterns in a folder of its own, set before copydesk compiles
# its first pattern on import (children it starts inherit it): it neither reads nor fills
# the user's cache.
_CACHE = tempfile.TemporaryDirectory(prefix="copydesk-test-cache-")
os.environ["COPYDESK_CACHE_DIR"] = _CACHE.name

import pytest  # noqa: E402
from click.testing import CliRunner, Result  # noqa: E402

from copydesk.cli import main  # noqa: E402
from copydesk.reports.json_report import validate_report  # noqa: E402
from copydesk.rules.ruleset import RuleSet, load_rules  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
RULES = ROOT / "rules"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def project_rules() -> RuleSet:
    return load_rules(RULES)


def run_cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def reports_in(out: Path) -> dict[str, dict[str, Any]]:
    """Every per-file report under ``out``, validated against the shipped JSON Schema."""
    found = {}
    for path in sorted((out / "files").rglob("*.report.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        validate_report(report)
        found[report["file"]] = report
    return found


# Examples per property in the kit and fuzz tests: few in the quick run, many under `nox -s props`.
PROPERTY_EXAMPLES = int(os.environ.get("COPYDESK_PROPS_EXAMPLES", "15"))
