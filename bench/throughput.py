"""Speed and memory of the per-file steps, and start-up time of a one-file run.

Builds a corpus from the test fixtures (varied so no two files are equal), checks it
in-process with one worker and with two, and prints files/s, MB/s, per-step seconds
and peak memory. No numbers are asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def build_corpus(folder: Path, count: int) -> int:
    rng = random.Random(1)
    templates = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    total = 0
    for i in range(count):
        base = templates[i % len(templates)]
        extra = f"\n\nPara {i}: the council will meet again on day {rng.randint(1, 28)} to review it.\n"
        data = (base + extra * rng.randint(1, 12)).encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def measure(folder: Path, jobs: int, out: Path | None) -> None:
    from copydesk.discover import discover
    from copydesk.executor import RunConfig, run, summary

    config = RunConfig(ROOT / "rules", (), out)
    items = discover([folder])
    started = time.perf_counter()
    result = run(items, config, jobs)
    elapsed = time.perf_counter() - started
    data = summary(result, config)
    size = sum(p.stat().st_size for p in folder.iterdir())
    what = "reports written" if out else "steps only, no reports written"
    print(
        f"-j {jobs}: {len(items)} files, {size / 1e6:.1f} MB in {elapsed:.2f}s: "
        f"{len(items) / elapsed:.0f} files/s, {size / 1e6 / elapsed:.2f} MB/s ({what})"
    )
    if jobs == 1 and out is None:
        steps = data["timings"]["step_seconds"]
        for step, seconds in steps.items():
            print(f"   {step:12} {seconds:.3f}s  ({len(items) / seconds:.0f} files/s)" if seconds else f"   {step}")


def startup() -> None:
    sample = FIXTURES / "harbour_gazette_en.txt"
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "copydesk", "check", str(sample)], capture_output=True, check=False)
        runs.append(time.perf_counter() - started)
    print(f"one-file run, wall: best {min(runs):.3f}s, median {sorted(runs)[2]:.3f}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        build_corpus(folder, args.files)
        for jobs in (1, 2):
            measure(folder, jobs, None)
        for jobs in (1, 2):
            measure(folder, jobs, Path(tmp) / f"out{jobs}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB")
    startup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
