"""Wall time of a one-file ``copydesk check``: what a pre-commit hook or an editor pays per call.

Measured as a user runs it (a new process each time, a cache folder of its own per set-up:
the first run compiles every pattern it uses, the others load them), for the rule set-ups
that decide what gets imported: rules without a records schema or suite; the repository's
rules (a schema and a suite copydesk decides itself); the same with ``--data-docs`` (GX runs
the suite and writes its Data Docs); and a schema with a declaration only pandera decides.
A user's cache also holds the patterns of their other projects, languages and rules since
edited (up to 8,192): the repository's rules are run again with ``--filled N`` (3,000 by
default) other patterns of the size rules compile to in the cache before the first run.
With ``--base DIR`` (a checkout of earlier code) every run is alternated with the same run
of that code, so both see the same machine. No number is asserted: this is a measurement.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "articles" / "harbour_gazette_en.txt"


# Fills a cache with other patterns, through the code under test's own cache (its format).
FILL = """
import random, sys
from copydesk.rules import compiled
words = random.Random(0)
for n in range(int(sys.argv[1])):
    alternatives = "|".join("".join(words.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(12))
    compiled.compile(rf"(?i)^(?:{alternatives})\\b {n}")
compiled.persist(force=True)
"""


def setups(tmp: Path, filled: int) -> list[tuple[str, Path, list[str], int]]:
    plain = tmp / "plain"
    shutil.copytree(ROOT / "rules", plain)
    (plain / "records.schema.yaml").unlink()
    (plain / "expectations.json").unlink()
    strict = tmp / "strict"
    shutil.copytree(ROOT / "rules", strict)
    (strict / "expectations.json").unlink()
    schema = strict / "records.schema.yaml"
    schema.write_text(schema.read_text(encoding="utf-8").replace("strict: false", "strict: true"), encoding="utf-8")
    out = ["--out", str(tmp / "out")]
    return [
        ("rules without schema or suite", plain, [], 0),
        ("rules/ (records schema and suite)", ROOT / "rules", [], 0),
        (f"rules/, {filled:,} other patterns in the cache", ROOT / "rules", [], filled),
        ("rules/ with --out --data-docs", ROOT / "rules", [*out, "--data-docs"], 0),
        ("a schema only pandera decides (strict: true)", strict, [], 0),
    ]


def _environment(code: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code), "COPYDESK_CACHE_DIR": str(cache)}


def knows_data_docs(code: Path) -> bool:
    return "--data-docs" in (code / "copydesk" / "cli" / "check.py").read_text(encoding="utf-8")


def one_run(rules: Path, extra: list[str], environment: dict[str, str], cwd: Path) -> float:
    """One run from ``cwd``, a folder without a package of its own (``python -m`` looks there first)."""
    command = [sys.executable, "-m", "copydesk", "check", str(SAMPLE), "--rules", str(rules), *extra]
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, env=environment, cwd=cwd)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per set-up (the first, cold, is shown apart)")
    parser.add_argument("--base", type=Path, default=None, help="a checkout of earlier code to alternate with")
    parser.add_argument("--filled", type=int, default=3000, help="other patterns in the cache of one set-up")
    args = parser.parse_args()
    if args.base is not None and not (args.base / "copydesk").is_dir():
        parser.error(f"--base {args.base}: no copydesk package there")
    codes = [("now", ROOT)] + ([("base", args.base.resolve())] if args.base else [])
    with tempfile.TemporaryDirectory() as tmp:
        for number, (label, rules, extra, filled) in enumerate(setups(Path(tmp), args.filled)):
            times: dict[str, list[float]] = {name: [] for name, _ in codes}
            environments = {name: _environment(code, Path(tmp) / f"cache-{name}-{number}") for name, code in codes}
            for environment in environments.values() if filled else ():
                subprocess.run([sys.executable, "-c", FILL, str(filled)], check=True, env=environment, cwd=tmp)
            for _ in range(args.runs):
                for name, code in codes:
                    environment = environments[name]
                    # Code from before --data-docs wrote them whenever a suite ran with --out.
                    asked = extra if knows_data_docs(code) else [arg for arg in extra if arg != "--data-docs"]
                    times[name].append(one_run(rules, asked, environment, Path(tmp)))
            for name, runs in times.items():
                warm = sorted(runs[1:])
                print(
                    f"{name:>4} one-file run, {label}: best {warm[0]:.3f}s, median {statistics.median(warm):.3f}s "
                    f"(first, the rules' patterns not cached yet: {runs[0]:.3f}s)"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
