"""Score quotes, speakers and agencies on ../shared/bench/attribution (skips cleanly when absent).

Runs the whole per-file pipeline with the project's rules, writes the benchmark's
prediction format (agency names lower-cased, as the gold writes them) and calls its score.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"  # bench/out, from whatever folder the script is run
BENCH = ROOT / ".." / "shared" / "bench" / "attribution"


def main() -> int:
    files = sorted((BENCH / "files").glob("*.txt"))
    if not files:
        print(f"skipped: no attribution benchmark at {BENCH}")
        return 0
    from copydesk.pipeline import analyse
    from copydesk.rules.ruleset import load_rules

    rules = load_rules(ROOT / "rules")
    out = OUT / "attribution.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    spent = 0.0
    with out.open("w", encoding="utf-8") as handle:
        for path in files:
            analysis = analyse(path, path.name, rules)
            spent += analysis.timings.get("attribution", 0.0)
            # The benchmark scores the speaker as the text writes it ("he"); the report also
            # resolves it ("speaker": the named person, "said_as": the pronoun).
            quotes = [
                {"text": q["text"], "speaker": q.get("said_as") or q["speaker"]} for q in analysis.article.quotes or []
            ]
            agencies = analysis.article.agencies or []
            record = {"file": path.name, "quotes": quotes, "agency": agencies[0].lower() if agencies else None}
            handle.write(json.dumps(record) + "\n")
    print(f"attribution step: {spent / len(files) * 1000:.2f} ms per file over {len(files)} files")
    return subprocess.call([sys.executable, str(BENCH / "score.py"), str(out)])


if __name__ == "__main__":
    raise SystemExit(main())
