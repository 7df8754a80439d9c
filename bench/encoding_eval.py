"""Score ``copydesk decode --out`` on ../shared/bench/encoding (skips cleanly when absent).

Decodes every benchmark file with the CLI in one run, maps each input to the text file
it wrote (an undecodable file gets no answer), and calls the benchmark's own score.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / ".." / "shared" / "bench" / "encoding"
OUT = Path(__file__).resolve().parent / "out"  # bench/out, from whatever folder the script is run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--out", type=Path, default=OUT / "encoding")
    parser.add_argument("--failures", type=int, default=20)
    args = parser.parse_args()
    manifest = args.bench / "manifest.json"
    if not manifest.exists():
        print(f"skipped: no encoding benchmark at {args.bench}")
        return 0
    decoded = args.out / "decoded"
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "copydesk", "decode", str(args.bench / "files"), "--out", str(decoded)]
    subprocess.run(cmd, check=False, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    records = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    predictions: dict[str, object] = {}
    for record in records:
        text = decoded / (Path(record["file"]).name + ".txt")
        predictions[record["file"]] = {"text": str(text.resolve())} if text.exists() else None
    pred_file = args.out / "predictions.json"
    pred_file.write_text(json.dumps(predictions), encoding="utf-8")
    print(f"copydesk decode: {len(records)} files in {elapsed:.2f}s, start-up included")
    score = args.bench / "score.py"
    cmd = [sys.executable, str(score), str(args.bench), str(pred_file), "--failures", str(args.failures)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
