"""Prove a refactoring kept behaviour: a fingerprint of every output ``copydesk check`` writes.

Runs the installed copydesk over the seeds, the test fixtures and every folder of
../shared/bench (skipped when absent), and records one digest per output file with what
legitimately changes between runs taken out: provenance times and run ids, timings,
the ledger. Run it before a change (``--save before.json``) and after it
(``--compare before.json``): any difference is listed by folder and file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / ".." / "shared" / "bench"
FOLDERS = {
    "seeds": ROOT / "seeds",
    "fixtures": ROOT / "tests" / "fixtures" / "articles",
    "languages": ROOT / "tests" / "fixtures" / "languages",
    **{
        f"boilerplate-{split}-{rendition}": BENCH / "boilerplate" / split / rendition
        for split in ("dev", "train", "silver")
        for rendition in ("inscriptis", "lxml")
    },
    "encoding": BENCH / "encoding" / "files",
    "dates": BENCH / "dates" / "files",
    "attribution": BENCH / "attribution" / "files",
}
VOLATILE_KEYS = frozenset({"startedAtTime", "endedAtTime", "prov:startTime", "prov:endTime", "timings", "wall_seconds"})
TIMES = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")
CHECK_ID = re.compile(rb"(cd:check/[0-9a-f]+)/\d{8}T\d{12}Z")
SECONDS = re.compile(r"\b\d+\.\d+ ?s\b|\b\d+(?:\.\d+)? files/s\b| time=\"[\d.]+\"")


def _scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items() if k not in VOLATILE_KEYS}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, str):
        return TIMES.sub("<time>", value)
    return value


def _digest(path: Path, work: Path) -> str:
    data = path.read_bytes().replace(str(work).encode(), b"<work>").replace(str(ROOT).encode(), b"<root>")
    data = CHECK_ID.sub(rb"\1", data)  # each check's activity id holds its start
    if path.suffix == ".json":
        data = json.dumps(_scrub(json.loads(data)), sort_keys=True).encode()
    elif path.suffix in (".html", ".xml"):
        data = SECONDS.sub("<seconds>", TIMES.sub("<time>", data.decode("utf-8", "replace"))).encode()
    elif path.suffix == ".parquet":
        import pyarrow.parquet as pq

        rows = pq.read_table(path).to_pylist()
        data = json.dumps(rows, sort_keys=True, default=str).encode()
    return hashlib.sha256(data).hexdigest()


def fingerprint(work: Path) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for name, folder in FOLDERS.items():
        if not folder.is_dir():
            print(f"skipped {name}: no {folder}")
            continue
        out = work / name
        command = [
            sys.executable,
            "-m",
            "copydesk",
            "check",
            str(folder),
            "--out",
            str(out),
            "--rules",
            str(ROOT / "rules"),
            "--fail-on",
            "never",
            "--no-cache",
            "--include",
            "*",
            "-j",
            "2",
        ]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found[name] = {
            path.relative_to(out).as_posix(): _digest(path, work)
            for path in sorted(out.rglob("*"))
            if path.is_file() and path.name != "ledger.sqlite" and "gx" not in path.relative_to(out).parts
        }
        print(f"{name}: {len(found[name])} outputs")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the fingerprint here")
    group.add_argument("--compare", type=Path, help="compare with a saved fingerprint")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="copydesk-same-") as work:
        found = fingerprint(Path(work))
    if args.save:
        args.save.write_text(json.dumps(found, indent=1, sort_keys=True))
        print(f"saved {sum(map(len, found.values()))} digests to {args.save}")
        return 0
    before = json.loads(args.compare.read_text())
    differ = 0
    for name in sorted(set(before) | set(found)):
        old, new = before.get(name, {}), found.get(name, {})
        for path in sorted(set(old) | set(new)):
            if old.get(path) != new.get(path):
                differ += 1
                if differ <= 50:
                    print(f"differs: {name}/{path}")
    print(f"{differ} output(s) differ of {sum(map(len, found.values()))}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
