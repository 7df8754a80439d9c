"""Peak memory of a one-file ``copydesk check --out`` by the shape of the file's lines.

Every line costs a few hundred bytes of records whatever its length, so the worst files
for memory are not the largest but those with the most lines: one character a line. Each
case runs in its own process (peak RSS of that process, from the kernel); the files are
written to a temporary folder. Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from copydesk.pipeline import MAX_LINES

WORDS = [
    "the",
    "council",
    "said",
    "on",
    "monday",
    "that",
    "the",
    "new",
    "harbour",
    "plan",
    "would",
    "go",
    "ahead",
    "after",
    "a",
    "long",
    "debate",
]


def cases() -> dict[str, str]:
    rng = random.Random(1)
    prose = "\n".join(" ".join(rng.choice(WORDS) for _ in range(7)) + "." for _ in range(MAX_LINES - 1))
    return {
        "one short line": "Short text here.\n",
        f"{MAX_LINES - 1:,} one-character lines (at the line limit)": "a\n" * (MAX_LINES - 1),
        f"{MAX_LINES - 1:,} short prose lines (at the line limit)": prose + "\n",
        "7 MiB of one-character lines (over the line limit: refused)": "a\n" * (7 * 1024 * 1024 // 2),
        "one 8 MiB line": "word " * (8 * 1024 * 1024 // 5) + "\n",
    }


def peak(path: Path, out: Path) -> tuple[float, float]:
    """(peak RSS in MB, wall seconds) of one check of ``path`` in a fresh process."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run([sys.executable, '-m', 'copydesk', 'check', sys.argv[1], '--out', sys.argv[2]],"
        " stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(path), str(out)], capture_output=True, text=True, check=True)
    return int(done.stdout.strip()) / 1024, time.perf_counter() - started


def main() -> int:
    argparse.ArgumentParser(description=__doc__).parse_args()
    with tempfile.TemporaryDirectory(prefix="copydesk-memory-") as work:
        for n, (name, text) in enumerate(cases().items()):
            path = Path(work) / f"case{n}.txt"
            path.write_text(text, encoding="utf-8")
            mb, seconds = peak(path, Path(work) / f"out{n}")
            size = path.stat().st_size / 1024 / 1024
            page = Path(work) / f"out{n}" / "files" / f"case{n}.txt.html"
            html = page.stat().st_size / 1024 / 1024 if page.exists() else 0.0
            print(f"{name}: {size:.2f} MB file, peak RSS {mb:.0f} MB, HTML page {html:.1f} MB, {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
