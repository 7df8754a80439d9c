"""Score copydesk's decoder on ../shared/bench/encoding (skips cleanly when absent).

Runs the library directly (the same code `copydesk decode --out` uses), writes the
decoded texts to OUT, and calls the benchmark's own score.py on them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "encoding"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--out", type=Path, default=Path("bench/out/encoding"))
    parser.add_argument("--failures", type=int, default=20)
    args = parser.parse_args()
    manifest = args.bench / "manifest.json"
    if not manifest.exists():
        print(f"skipped: no encoding benchmark at {args.bench}")
        return 0
    from copydesk.decode_file import decode_path

    args.out.mkdir(parents=True, exist_ok=True)
    predictions: dict[str, object] = {}
    started = time.perf_counter()
    records = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    for record in records:
        outcome = decode_path(args.bench / record["file"])
        if outcome.decoded is None:
            predictions[record["file"]] = None
            continue
        target = args.out / (Path(record["file"]).name + ".txt")
        target.write_text(outcome.decoded.text, encoding="utf-8", newline="")
        predictions[record["file"]] = {"text": str(target.resolve())}
    elapsed = time.perf_counter() - started
    pred_file = args.out / "predictions.json"
    pred_file.write_text(json.dumps(predictions), encoding="utf-8")
    print(f"decoded {len(records)} files in {elapsed:.2f}s ({len(records) / elapsed:.0f} files/s)")
    score = args.bench / "score.py"
    cmd = [sys.executable, str(score), str(args.bench), str(pred_file), "--failures", str(args.failures)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
