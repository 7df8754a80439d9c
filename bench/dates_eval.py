"""Score publication dates on ../shared/bench/dates (skips cleanly when absent).

Runs the whole per-file pipeline (the dates step needs the article the boilerplate step
finds) with the project's rules and no manifest, writes one JSONL line per page, and
calls the benchmark's own score.py. Prints the per-file cost of the dates step.
``--with-urls`` declares each page's URL (from the gold's provenance) as a crawl's
manifest would: the host can settle an English page's day/month order.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"  # bench/out, from whatever folder the script is run
BENCH = ROOT / ".." / "shared" / "bench" / "dates"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--out", type=Path, default=OUT / "dates.jsonl")
    parser.add_argument("--by", choices=["set", "lang"], default=None)
    parser.add_argument("--with-urls", action="store_true", help="declare each page's URL, as a manifest would")
    args = parser.parse_args()
    files = sorted((args.bench / "files").glob("*.txt"))
    if not files:
        print(f"skipped: no dates benchmark at {args.bench}")
        return 0
    from copydesk.pipeline import analyse
    from copydesk.rules.manifest import ManifestEntry
    from copydesk.rules.ruleset import load_rules

    rules = load_rules(ROOT / "rules")
    urls: dict[str, str] = {}
    if args.with_urls:
        for line in (args.bench / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            urls[record["file"]] = record.get("url")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    spent = 0.0
    with args.out.open("w", encoding="utf-8") as out:
        for path in files:
            entry = ManifestEntry(path, url=urls[path.name]) if urls.get(path.name) else None
            analysis = analyse(path, path.name, rules, entry)
            spent += analysis.timings.get("dates", 0.0)
            out.write(json.dumps({"file": path.name, "published": analysis.article.published}) + "\n")
    print(f"dates step: {spent / len(files) * 1000:.2f} ms per file over {len(files)} files")
    cmd = [sys.executable, str(args.bench / "score.py"), str(args.out)] + (["--by", args.by] if args.by else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
