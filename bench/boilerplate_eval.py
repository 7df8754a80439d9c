"""Score boilerplate removal on ../shared/bench/boilerplate (skips cleanly when absent).

Runs ``copydesk check`` on both renditions and hands the outputs to the benchmark's
own score.py, exactly as its README describes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "boilerplate"
OUT = Path(__file__).resolve().parent / "out"  # bench/out, from whatever folder the script is run
RENDITIONS = ("inscriptis", "lxml")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--out", type=Path, default=OUT / "boilerplate")
    args = parser.parse_args()
    dev = args.bench / "dev"
    if not dev.is_dir():
        print(f"skipped: no boilerplate benchmark at {args.bench}")
        return 0
    for rendition in RENDITIONS:
        cmd = [
            sys.executable,
            "-m",
            "copydesk",
            "check",
            str(dev / rendition),
            "--out",
            str(args.out / rendition),
            "--fail-on",
            "never",
            "-j",
            "2",
            "--no-cache",  # the ledger keys on rules and version, not on the code being measured
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    score = [sys.executable, str(args.bench / "score.py"), str(dev), str(args.out), "--bootstrap", "200"]
    return subprocess.call(score)


if __name__ == "__main__":
    raise SystemExit(main())
