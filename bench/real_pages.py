"""copydesk against trafilatura on the same real pages, in one run: per-file rate, steps and end to end.

The pages are the boilerplate pools of ../shared/bench (dev, train, silver): real scraper
text, both renditions of each page, ~1,800 files from ~720 sites in twenty-odd languages.
``dev/`` and ``train/`` keep each page's HTML, so trafilatura extracts those pages from
their HTML in the same run, and copydesk checks the same pages' text: the comparison the
speed goal names ("at least 3x trafilatura's extraction rate on the same pages"). Then
copydesk alone on ``--files`` pages of all three pools: the per-file steps in-process with
one worker (seconds per step, and with ``--profile`` where the time goes inside them), and
``copydesk check`` end to end as a user runs it, ``-j 1`` and ``-j 2``.

Rates on the same pages are alternated ``--rounds`` times (trafilatura, copydesk, ...), so
both see the same spell of this shared machine. Skips cleanly without ../shared/bench, and
the trafilatura half without trafilatura installed. No number is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POOLS = ROOT / ".." / "shared" / "bench" / "boilerplate"
RENDITIONS = ("inscriptis", "lxml")


def page_ids(pool: str) -> list[str]:
    manifest = POOLS / pool / "manifest.jsonl"
    if not manifest.is_file():
        return []
    return [json.loads(line)["id"] for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_texts(folder: Path, pages: list[tuple[str, str]]) -> int:
    """Each (pool, id) page's renditions as ``<id>.<rendition>.txt`` in ``folder``; bytes written."""
    folder.mkdir(parents=True)
    total = 0
    for pool, page in pages:
        for rendition in RENDITIONS:
            source = POOLS / pool / rendition / f"{page}.txt"
            if source.is_file():
                data = source.read_bytes()
                (folder / f"{page}.{rendition}.txt").write_bytes(data)
                total += len(data)
    return total


def trafilatura_rate(htmls: list[str]) -> float | None:
    """Pages a second (wall, one core) trafilatura extracts from their HTML (its default settings, text output)."""
    try:
        import trafilatura
    except ImportError:
        return None
    started = time.perf_counter()
    for html in htmls:
        trafilatura.extract(html)
    return len(htmls) / (time.perf_counter() - started)


def steps(folder: Path, jobs: int = 1) -> tuple[float, dict[str, float]]:
    """The per-file steps in-process (no reports written): files a second, seconds per step.

    The first pass (each file read and decoded, its lines keyed for the corpus signal) is
    its own entry: the check starts from the pages it decoded, so "encoding" is near 0.
    """
    from copydesk.run.discover import discover
    from copydesk.run.executor import RunConfig, run, summary, survey_corpus

    config = RunConfig(ROOT / "rules", (), None)
    items = discover([folder])
    started = time.perf_counter()
    surveyed = survey_corpus(items, config, jobs)
    result = run(items, config, jobs, surveyed=surveyed)
    elapsed = time.perf_counter() - started
    seconds = dict(summary(result, config)["timings"]["step_seconds"])
    if surveyed is not None:
        seconds["first pass"] = surveyed.seconds
    return len(items) / elapsed, seconds


def end_to_end(folder: Path, out: Path, jobs: int) -> float:
    """``copydesk check`` in a child process as a user runs it (reports, HTML, the batch
    schema and suite): files a second, wall time."""
    command = [sys.executable, "-m", "copydesk", "check", str(folder), "--rules", str(ROOT / "rules")]
    command += ["--out", str(out), "-j", str(jobs), "--fail-on", "never", "--no-cache"]
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=out.parent)
    elapsed = time.perf_counter() - started
    return sum(1 for _ in folder.iterdir()) / elapsed


def profile(folder: Path, top: int) -> None:
    """Where the in-process steps spend their time on these pages: the functions of the
    package (and the libraries it calls) by their own time, then by time including callees."""
    profiler = cProfile.Profile()
    profiler.enable()
    steps(folder)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(order).print_stats(top)
        print(text.getvalue().split("\n", 6)[-1].rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="pages (renditions) of all pools for copydesk alone")
    parser.add_argument("--rounds", type=int, default=3, help="alternations: trafilatura and copydesk, -j 1 and -j 2")
    parser.add_argument("--workdir", type=Path, default=None, help="where copies and reports go (/dev/shm: no disk)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = parser.parse_args()
    if args.workdir is not None and not args.workdir.is_dir():
        parser.error(f"--workdir {args.workdir}: no such folder")
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    same = [(pool, page) for pool in ("dev", "train") for page in page_ids(pool)]
    if not same:
        print("real pages: skipped (../shared/bench absent)")
        return 0
    htmls = [gzip.decompress((POOLS / pool / "html" / f"{page}.html.gz").read_bytes()).decode() for pool, page in same]
    every = [(pool, page) for pool in ("dev", "train", "silver") for page in page_ids(pool)]
    random.Random(1).shuffle(every)
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        both = Path(tmp) / "same"
        size = write_texts(both, same)
        count = sum(1 for _ in both.iterdir())
        print(
            f"same pages: {len(same)} pages of dev and train, their HTML for trafilatura, "
            f"{count} text files ({size / count / 1024:.1f} KB) for copydesk"
        )
        steps(both)  # untimed: the pattern cache and the stop-lists, as a user's later runs have them
        for round_ in range(1, args.rounds + 1):
            theirs = trafilatura_rate(htmls)
            ours, _ = steps(both)
            whole = end_to_end(both, Path(tmp) / f"out-same-{round_}", 1)
            versus = f"trafilatura {theirs:.0f} pages/s, " if theirs else "trafilatura not installed, "
            ratio = f"; {ours / theirs:.2f}x and {whole / theirs:.2f}x" if theirs else ""
            print(f"  round {round_}: {versus}copydesk steps {ours:.0f} files/s, check -j 1 {whole:.0f} files/s{ratio}")
        corpus = Path(tmp) / "corpus"
        write_texts(corpus, every[: (args.files + 1) // 2])  # both renditions of each page
        for extra in sorted(corpus.iterdir())[args.files :]:
            extra.unlink()
        files = list(corpus.iterdir())
        count, size = len(files), sum(path.stat().st_size for path in files)
        print(f"all pools: {count} files ({size / count / 1024:.1f} KB a file)")
        rate, seconds = steps(corpus)
        print(f"  steps in-process, one worker: {rate:.0f} files/s; per file:")
        for step, spent in sorted(seconds.items(), key=lambda item: -item[1]):
            print(f"    {step:12} {1000 * spent / count:.2f} ms")
        for round_ in range(1, args.rounds + 1):
            one = end_to_end(corpus, Path(tmp) / f"out-1-{round_}", 1)
            two = end_to_end(corpus, Path(tmp) / f"out-2-{round_}", 2)
            print(f"  round {round_}: copydesk check -j 1 {one:.0f} files/s, -j 2 {two:.0f} files/s ({two / one:.2f}x)")
        if args.profile:
            profile(corpus, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
