"""PROV-JSON per file and for a run: round-trips through prov's own parser, holds the chain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from prov.model import ProvDocument

from tests.conftest import FIXTURES, RULES, SEEDS, reports_in, run_cli

PROV_JSON_SECTIONS = {
    "prefix",
    "entity",
    "activity",
    "agent",
    "used",
    "wasGeneratedBy",
    "wasDerivedFrom",
    "wasAssociatedWith",
    "wasAttributedTo",
    "bundle",
}


SCHEMA = json.loads((FIXTURES / "prov-json.schema.json").read_text(encoding="utf-8"))


def round_trips(document: dict[str, Any]) -> ProvDocument:
    """Parse with prov's PROV-JSON reader, serialise and parse again: the same provenance.

    Compared as parsed documents, since anonymous relation ids may be renumbered.
    """
    assert set(document) <= PROV_JSON_SECTIONS
    jsonschema.validate(document, SCHEMA, format_checker=jsonschema.FormatChecker())
    parsed = ProvDocument.deserialize(content=json.dumps(document), format="json")
    again = ProvDocument.deserialize(content=parsed.serialize(format="json"), format="json")
    assert again == parsed
    assert len(list(parsed.get_records())) + sum(len(list(b.get_records())) for b in parsed.bundles) > 0
    return parsed


def test_each_report_carries_the_chain(tmp_path: Path) -> None:
    run_cli("check", SEEDS, "--out", tmp_path / "out", "--rules", RULES)
    reports = reports_in(tmp_path / "out")
    urdupoint = reports["000_47e23669010a2640.txt"]
    document = urdupoint["provenance"]
    round_trips(document)
    raw = next(v for k, v in document["entity"].items() if k.startswith("cd:raw/"))
    assert raw["cd:sha256"] == urdupoint["sha256"] and raw["cd:bytes"]["$"] == str(urdupoint["bytes"])
    (activity,) = document["activity"].values()
    assert activity["cd:rules_digest"] and activity["prov:startTime"] <= activity["prov:endTime"]
    labels = {agent["prov:label"] for agent in document["agent"].values()}
    assert {"copydesk", "UrduPoint Network", "Sputnik", "Faizan Hashmi"} <= labels
    assert len(document["wasDerivedFrom"]) == 1 and len(document["wasAttributedTo"]) == 3
    for report in reports.values():
        round_trips(report["provenance"])


def test_run_bundle(tmp_path: Path) -> None:
    bundle_path = tmp_path / "run.prov.json"
    result = run_cli("check", SEEDS, "--rules", RULES, "--prov", bundle_path)
    assert result.exit_code == 0
    document = json.loads(bundle_path.read_text(encoding="utf-8"))
    parsed = round_trips(document)
    (bundle,) = parsed.bundles
    raw = [record for record in bundle.get_records() if str(record.identifier).startswith("cd:raw/")]
    assert len(raw) == 4


def test_the_schema_rejects_what_is_not_prov_json() -> None:
    bad = {"entity": {"cd:x": {"cd:bytes": {"type": "xsd:int"}}}}  # a typed literal without its value
    try:
        jsonschema.validate(bad, SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema accepted a typed literal without a value")


def test_unreadable_file_still_has_provenance(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run_cli("check", tmp_path / "empty.txt", "--out", tmp_path / "out")
    document = reports_in(tmp_path / "out")["empty.txt"]["provenance"]
    round_trips(document)
    assert not any(key.startswith("cd:clean/") for key in document["entity"])


def test_the_manifest_fetch_is_in_the_provenance_and_each_run_is_its_own_activity(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((FIXTURES / "articles" / "no_chrome_en.txt").read_text(encoding="utf-8"))
    declared = {
        "path": "a.txt",
        "url": "https://example.org/a",
        "fetched_at": "2024-05-01T12:00:00Z",
        "license": "CC-BY",
    }
    (folder / "manifest.jsonl").write_text(json.dumps(declared) + "\n", encoding="utf-8")
    activities = []
    for out in (tmp_path / "one", tmp_path / "two"):
        assert run_cli("check", folder, "--rules", RULES, "--out", out).exit_code in (0, 1)
        report = json.loads((out / "files" / "a.txt.report.json").read_text(encoding="utf-8"))
        document = report["provenance"]
        round_trips(document)
        (raw,) = [e for key, e in document["entity"].items() if key.startswith("cd:raw/")]
        assert raw["prov:location"] == "https://example.org/a" and raw["cd:license"] == "CC-BY"
        assert raw["cd:fetched_at"] == {"$": "2024-05-01T12:00:00Z", "type": "xsd:dateTime"}
        assert ".invalid" not in document["prefix"]["cd"]
        activities += list(document["activity"])
    assert len(set(activities)) == 2  # the same file checked twice: two checks, one raw entity


def test_records_parquet_says_which_run_wrote_it(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    run_cli("check", SEEDS, "--rules", RULES, "--out", out)
    metadata = pq.read_schema(out / "records.parquet").metadata
    run = json.loads(metadata[b"copydesk.run"])
    assert run["tool"]["name"] == "copydesk" and run["rules"]["digest"] and run["started"]
