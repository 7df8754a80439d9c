"""Speed and memory of the gate: per-file steps, ``copydesk check`` end to end, start-up.

Builds a corpus (10,000 files by default, no two equal): the bench pages as a crawl sees
them, each site's chrome around fresh articles (``crawl.py``), or, with ``--corpus
fixtures`` or without ../shared/bench, ~5 KB pages from the test fixtures. Then measures:
the per-file steps in-process with one worker and with two (and seconds per validator);
``copydesk check`` end to end as a user runs it (reports, batch schema and expectations,
HTML index), with -j 1 and -j 2, and its peak memory at a tenth of the corpus and at all
of it (how memory grows with the file count). One-file runs: ``one_file.py``. No number
is asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crawl import crawl_pages

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def build_corpus(folder: Path, count: int, size: int = 5000) -> int:
    """~5 KB English pages: a fixture page (chrome and all) with other fixtures' paragraphs,
    each used once per page, inserted after its first paragraph, so the chrome stays around
    the article and no page repeats itself."""
    rng = random.Random(1)
    templates = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*_en.txt")) if "all_chrome" not in p.name]
    pool = sorted({line for text in templates for line in text.splitlines() if len(line) > 120})
    total = 0
    for i in range(count):
        base = templates[i % len(templates)]
        lines = base.splitlines()
        used = set(lines)
        extra = [f"Update {i}: the council will meet again on day {rng.randint(1, 28)} to review the plan."]
        for paragraph in rng.sample(pool, len(pool)):
            if len(base) + sum(len(p) + 2 for p in extra) >= size:
                break
            if paragraph not in used:
                extra.append(paragraph)
        k = 0
        while len(base) + sum(len(p) + 2 for p in extra) < size:
            k += 1
            extra.append(f"Officials said item {i}.{k} of the plan would be reviewed by the council on day {k}.")
        at = next((n + 1 for n, line in enumerate(lines) if len(line) > 120), len(lines))
        text = "\n".join([*lines[:at], "", *"\n\n".join(extra).splitlines(), *lines[at:]]) + "\n"
        data = text.encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def build_crawl(folder: Path, count: int) -> int | None:
    """The bench pages as a crawl sees them (``crawl.py``); None when ../shared/bench is absent."""
    pages = crawl_pages(count)
    if pages is None:
        return None
    total = 0
    for i, (text, _) in enumerate(pages):
        data = text.encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def measure(folder: Path, jobs: int, out: Path | None) -> None:
    from copydesk.run.discover import discover
    from copydesk.run.executor import RunConfig, run, summary

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


def end_to_end(folder: Path, out: Path, jobs: int, label: str) -> float:
    """``copydesk check`` in a child process, as a user runs it; wall time and the child's peak RSS (returned, MB)."""
    command = [sys.executable, "-m", "copydesk", "check", str(folder), "--rules", str(ROOT / "rules")]
    command += ["--out", str(out), "-j", str(jobs), "--fail-on", "never", "--no-cache"]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, _, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    count = sum(1 for _ in folder.iterdir())
    size = sum(p.stat().st_size for p in folder.iterdir())
    print(
        f"copydesk check -j {jobs} ({label}): {count} files, {size / 1e6:.1f} MB in {elapsed:.2f}s wall: "
        f"{count / elapsed:.0f} files/s, {size / 1e6 / elapsed:.2f} MB/s; peak RSS {usage.ru_maxrss / 1024:.0f} MB"
    )
    return float(usage.ru_maxrss / 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="Where the corpus and the reports go (default: the system's temp folder). A tmpfs "
        "such as /dev/shm takes the disk out of the figures: creating 30,000 small files costs "
        "from 0.05 to 0.6 ms each on a shared virtual disk, whatever the checks cost.",
    )
    parser.add_argument(
        "--corpus",
        choices=("crawl", "fixtures"),
        default="crawl",
        help="crawl: the bench pages' chrome around fresh articles (the default when ../shared/bench "
        "is present); fixtures: the test fixtures' pages filled to 5 KB.",
    )
    args = parser.parse_args()
    if args.workdir is not None and not Path(args.workdir).is_dir():
        parser.error(f"--workdir {args.workdir}: no such folder")
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        built = build_crawl(folder, args.files) if args.corpus == "crawl" else None
        if built is None:
            built = build_corpus(folder, args.files)
            print(f"corpus: the test fixtures' pages, {built / args.files / 1024:.1f} KB a file")
        else:
            print(f"corpus: bench pages as a crawl sees them, {built / args.files / 1024:.1f} KB a file")
        for jobs in (1, 2):
            measure(folder, jobs, None)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process (steps in-process): {peak:.0f} MB")
        tenth = Path(tmp) / "tenth"
        tenth.mkdir()
        for path in sorted(folder.iterdir())[: max(1, args.files // 10)]:
            shutil.copy(path, tenth / path.name)
        small = end_to_end(tenth, Path(tmp) / "out-tenth", 1, "a tenth of the corpus")
        large = [end_to_end(folder, Path(tmp) / f"out{jobs}", jobs, "the whole corpus") for jobs in (1, 2)]
        added = args.files - len(list(tenth.iterdir()))
        if added:
            growth = (large[0] - small) * 1024 / added
            print(f"memory growth end to end (-j 1): {growth:.1f} KB a file from a tenth of the corpus to all of it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
