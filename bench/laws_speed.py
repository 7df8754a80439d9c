"""How long ``copydesk rules test`` makes a user wait: a sound rules folder, and one with a destructive rule.

Runs the installed command as a user does (``python -m copydesk rules test``, a fresh
process each time) on the repository's ``rules/`` with the defaults, then on a copy of it
with one generic rule that removes any line holding three lowercase Latin letters in a
row, and prints the wall time of each run and, for the destructive one, when its first
failure and shrunk counterexample were printed. Set ``PYTHONPATH`` to a checkout to time
other code the same way. Asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESTRUCTIVE = "language: any\nlines: ['[a-z]{3,}']\n"


def run(rules: Path, extra: list[str]) -> tuple[float, float | None, str]:
    """(wall seconds, seconds until the first counterexample was printed or None, last line)."""
    command = [sys.executable, "-m", "copydesk", "rules", "test", str(rules), *extra]
    started = time.perf_counter()
    first: float | None = None
    last = ""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if first is None and "counterexample (shrunk)" in line:
                first = time.perf_counter() - started
            if line.strip():
                last = line.strip()
    return time.perf_counter() - started, first, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, default=ROOT / "rules")
    parser.add_argument("--seed", type=int, default=None, help="the same examples run after run")
    args = parser.parse_args()
    extra = ["--seed", str(args.seed)] if args.seed is not None else []
    wall, _, last = run(args.rules, extra)
    print(f"rules test {args.rules} (defaults): {wall:.1f} s wall, {last}")
    with tempfile.TemporaryDirectory() as folder:
        broken = Path(folder) / "rules"
        shutil.copytree(args.rules, broken)
        (broken / "boilerplate").mkdir(exist_ok=True)
        (broken / "boilerplate" / "destructive.yaml").write_text(DESTRUCTIVE, encoding="utf-8")
        wall, first, last = run(broken, extra)
    shown = f"{first:.1f} s" if first is not None else "never"
    print(f"with a destructive rule: first shrunk counterexample after {shown}, {wall:.1f} s wall, {last}")


if __name__ == "__main__":
    main()
