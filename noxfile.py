"""Developer sessions: tests, props, gate, report, lint, typecheck, bench.

Each session installs the project into its own virtual environment, so a session that
passes here passes on a fresh machine with only Python and pip.
"""

from __future__ import annotations

import os

import nox

nox.options.sessions = ["lint", "typecheck", "tests", "gate"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite (the README's test command)."""
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session(python=PYTHON)
def gate(session: nox.Session) -> None:
    """Run the gate on seeds/ and write reports/ (fails when a seed breaks the rules)."""
    session.install("-e", ".[gx]")  # GX writes the suite's Data Docs, a CI artefact
    args = session.posargs or ["seeds"]
    session.run(
        "copydesk",
        "check",
        *args,
        "--out",
        "reports",
        "--rules",
        "rules",
        "--junit",
        "reports/junit.xml",
        "--data-docs",
    )


@nox.session(python=PYTHON)
def report(session: nox.Session) -> None:
    """Build the HTML report for seeds/ (or the paths given) whatever the verdicts, and say where it is."""
    session.install("-e", ".[gx]")
    args = session.posargs or ["seeds"]
    session.run("copydesk", "check", *args, "--out", "reports", "--rules", "rules", "--data-docs", success_codes=[0, 1])
    session.log("report: reports/index.html (Data Docs: reports/gx/index.html)")


@nox.session(python=PYTHON)
def props(session: nox.Session) -> None:
    """The rule laws on rules/ and the fuzz tests with many more examples than the test run.

    ``nox -s props -- --examples N`` sets the count for both halves, the laws and the
    pytest properties (default 1000 for the laws, 300 for the tests); other arguments go to
    ``copydesk rules test``.
    """
    session.install("-e", ".[test]")
    args = list(session.posargs) or ["--examples", "1000"]
    session.run("copydesk", "rules", "test", "rules", *args)
    examples = _option(args, "--examples") or os.environ.get("COPYDESK_PROPS_EXAMPLES", "300")
    env = {"COPYDESK_PROPS_EXAMPLES": examples}
    session.run("python", "-m", "pytest", "tests/test_fuzz.py", "tests/testing", env=env)


def _option(args: list[str], name: str) -> str | None:
    """The value given to ``name`` (``--examples 50`` or ``--examples=50``), if any."""
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


@nox.session(python=PYTHON)
def train(session: nox.Session) -> None:
    """Rebuild the line model from labelled pages (default ../shared/bench/boilerplate) and print its
    cross-validated figures; ``nox -s train -- FOLDER`` trains on your own pages (same layout)."""
    session.install("-e", ".[train]")
    args = session.posargs or ["../shared/bench/boilerplate"]
    session.run("python", "-m", "copydesk.label.training", *args)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", "copydesk", "tests", "bench", "noxfile.py")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    session.install("-e", ".[dev]")
    session.run("mypy")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Accuracy on ../shared/bench (skipped when absent) and speed figures."""
    session.install("-e", ".[testing]", "trafilatura")  # trafilatura: the rate real_pages.py compares with
    session.run("python", "bench/encoding_eval.py")
    session.run("python", "bench/boilerplate_eval.py")
    session.run("python", "bench/throughput.py", *session.posargs)
    session.run("python", "bench/real_pages.py")
    session.run("python", "bench/one_file.py")
    session.run("python", "bench/boilerplate_speed.py")
    session.run("python", "bench/scaling.py")
    session.run("python", "bench/rule_cost.py")
    session.run("python", "bench/laws_speed.py")
