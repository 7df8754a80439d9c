"""W3C PROV for each checked file, and one bundle for a run (PROV-JSON, built with ``prov``).

The raw file is an entity (path, sha256, bytes, and from the manifest where it was fetched,
when and under which licence); each check is an activity of its own (start, end,
tool version, rules digest) that used it and generated the cleaned text, which was
derived from it; copydesk is the software agent associated with the check; the
publisher, the agencies and the author the text names are agents the raw file is
attributed to.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from copydesk import __version__

# A URN: copydesk's terms are names, not pages to fetch, and no address pretends otherwise.
NAMESPACE = ("cd", "urn:copydesk:")


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)[:80] or "_"


def file_provenance(
    *,
    name: str,
    sha256: str | None,
    size: int | None,
    started: dt.datetime,
    ended: dt.datetime,
    rules_digest: str,
    clean_text: str | None,
    publisher: str | None,
    agencies: Iterable[str],
    author: str | None,
    declared: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The PROV-JSON document for one file, as a JSON-ready dict.

    Written directly in PROV-JSON: building it through prov's object model costs about a
    millisecond a file, as much as the checks themselves. The tests parse every document
    with prov to prove it is PROV-JSON, and the run bundle is assembled with prov.
    """
    key = sha256 or hashlib.sha256(name.encode()).hexdigest()
    # The raw file is the same entity in every run; each check of it is an activity of its own.
    raw_id, check_id = f"cd:raw/{key}", f"cd:check/{key}/{started.strftime('%Y%m%dT%H%M%S%fZ')}"
    software_id = f"cd:software/copydesk-{__version__}"
    raw: dict[str, Any] = {"prov:label": name, "cd:path": name}
    if sha256:
        raw["cd:sha256"] = sha256
    if size is not None:
        raw["cd:bytes"] = {"$": str(size), "type": "xsd:int"}
    declared = declared or {}
    if declared.get("url"):
        raw["prov:location"] = declared["url"]  # where the scraper fetched it
    if declared.get("fetched_at"):
        raw["cd:fetched_at"] = {"$": declared["fetched_at"], "type": "xsd:dateTime"}
    if declared.get("license"):
        raw["cd:license"] = declared["license"]
    document: dict[str, Any] = {
        "prefix": {NAMESPACE[0]: NAMESPACE[1]},
        "entity": {raw_id: raw},
        "activity": {
            check_id: {
                "prov:startTime": started.isoformat(),
                "prov:endTime": ended.isoformat(),
                "prov:label": f"copydesk check of {name}",
                "cd:tool_version": __version__,
                "cd:rules_digest": rules_digest,
            }
        },
        "agent": {software_id: {"prov:type": "prov:SoftwareAgent", "prov:label": "copydesk"}},
    }
    relations = _Relations(document)
    relations.add("used", {"prov:activity": check_id, "prov:entity": raw_id})
    relations.add("wasAssociatedWith", {"prov:activity": check_id, "prov:agent": software_id})
    if clean_text is not None:
        digest = hashlib.sha256(clean_text.encode("utf-8")).hexdigest()
        clean_id = f"cd:clean/{digest}"
        document["entity"][clean_id] = {"prov:label": f"{name} (clean text)", "cd:sha256": digest}
        relations.add("wasGeneratedBy", {"prov:entity": clean_id, "prov:activity": check_id})
        relations.add("wasDerivedFrom", {"prov:generatedEntity": clean_id, "prov:usedEntity": raw_id})
    named = [(publisher, "prov:Organization", "publisher")]
    named += [(agency, "prov:Organization", "agency") for agency in agencies]
    named += [(author, "prov:Person", "author")]
    for who, kind, role in named:
        if who:
            agent_id = f"cd:{role}/{_slug(who)}"
            document["agent"][agent_id] = {"prov:type": kind, "prov:label": who, "cd:role": role}
            relations.add("wasAttributedTo", {"prov:entity": raw_id, "prov:agent": agent_id})
    return document


class _Relations:
    """PROV-JSON relations keyed by blank-node ids, numbered in order as prov numbers them."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.count = 0

    def add(self, kind: str, members: dict[str, str]) -> None:
        self.count += 1
        self.document.setdefault(kind, {})[f"_:id{self.count}"] = members


def run_bundle(documents: Iterable[dict[str, Any]], started: dt.datetime, ended: dt.datetime) -> dict[str, Any]:
    """One PROV-JSON document holding a bundle with every file's records."""
    from prov.model import PROV_LABEL, ProvDocument

    run = ProvDocument()
    run.add_namespace(*NAMESPACE)
    stamp = started.strftime("%Y%m%dT%H%M%S%fZ")
    merged = ProvDocument()
    for document in documents:
        merged.update(ProvDocument.deserialize(content=json.dumps(document), format="json"))
    # One record per identifier: every file shares the software agent, some share a publisher.
    run.bundle(f"cd:run/{stamp}").update(merged.unified())
    run.activity(
        f"cd:run-activity/{stamp}", started, ended, {PROV_LABEL: "copydesk run", "cd:tool_version": __version__}
    )
    return _as_json(run)


def _as_json(document: Any) -> dict[str, Any]:
    """A ProvDocument as the PROV-JSON dict it serialises to."""
    text = document.serialize(format="json")
    assert isinstance(text, str)  # serialize returns the text when given no destination
    parsed: dict[str, Any] = json.loads(text)
    return parsed
