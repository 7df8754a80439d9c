"""``copydesk learn``: turn lines a source repeats across its files into a profile to review.

The run's corpus pass uses the same evidence silently; writing it out lets a person read
the lines, delete any that are really article text, and commit the profile to
``rules/sources/`` so that single files of that source are cleaned as well as batches.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import regex

from copydesk import __version__
from copydesk.decode.input import decode_path
from copydesk.extract.language import choose_language
from copydesk.label import corpus
from copydesk.rules.manifest import ManifestEntry
from copydesk.run.inputs import InputFile
from copydesk.text.controls import escaped
from copydesk.text.lines import split_lines

EDGE = 5  # lines this close to the top or bottom of a page can fingerprint its source


@dataclass(slots=True)
class Learned:
    files: int = 0
    counts: Counter[int] = field(default_factory=Counter)
    texts: dict[int, str] = field(default_factory=dict)
    at_edge: Counter[int] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    hosts: Counter[str] = field(default_factory=Counter)

    def repeated(self) -> list[int]:
        floor = max(corpus.MIN_FILES, corpus.MIN_SHARE * self.files)
        keys = [key for key, count in self.counts.items() if count >= floor]
        return sorted(keys, key=lambda key: (-self.counts[key], self.texts[key]))


def learn(items: list[InputFile], manifest: dict[Path, ManifestEntry]) -> Learned:
    found = Learned()
    for item in items:
        outcome = decode_path(item.path)
        if outcome.decoded is None:
            continue
        found.files += 1
        lines = [line for line in split_lines(outcome.decoded.text) if not line.is_blank]
        edges = {id(line) for line in lines[:EDGE] + lines[-EDGE:]}
        seen: set[int] = set()
        for line in lines:
            key = corpus.line_key(line.text)
            if key is None or key in seen:
                continue
            seen.add(key)
            found.counts[key] += 1
            found.texts.setdefault(key, line.stripped)
            if id(line) in edges:
                found.at_edge[key] += 1
        language, _ = choose_language(text=outcome.decoded.text, guessed=outcome.decoded.language)
        if language:
            found.languages[language] += 1
        entry = manifest.get(item.path.resolve())
        if entry is not None and entry.url:
            host = urlsplit(entry.url).hostname
            if host:
                found.hosts[host.removeprefix("www.")] += 1
    return found


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _scalar(value: str) -> str:
    """A value as a double-quoted YAML scalar (JSON's string syntax is YAML's): a host or an
    id from a manifest may hold a colon, a ``!tag`` or a ``#`` that YAML would read as syntax."""
    return json.dumps(value, ensure_ascii=False)


def _exact_line(text: str) -> str:
    """A YAML-quoted regex matching exactly this stripped line, spaces left readable."""
    return _quoted("^" + regex.escape(text, special_only=True, literal_spaces=True) + "$")


def profile_yaml(source_id: str, found: Learned, folder: str) -> str:
    """The profile as YAML, each learned line commented with how many files hold it."""
    keys = found.repeated()
    language = found.languages.most_common(1)[0][0] if found.languages else None
    host = found.hosts.most_common(1)[0][0] if found.hosts else None
    edge_keys = [key for key in keys if found.at_edge[key] >= corpus.MIN_SHARE * found.files][:2]
    out = [
        f"# Learned by copydesk {__version__} from {found.files} files in {escaped(str(folder))}.",
        "# Every line below was found in at least half of them. Review before committing:",
        "# delete any that is article text, and fill in publisher, host and timezone.",
        f"id: {_scalar(source_id)}",
        "publisher: null",
        f"host: {_scalar(host)}" if host else "host: null",
        f"language: {_scalar(language)}" if language else "language: null",
        "timezone: null",
        "fingerprints:",
        *(f"  - {_exact_line(found.texts[key])}" for key in edge_keys),
        "boilerplate:",
        "  lines:",
        *(f"    - {_exact_line(found.texts[key])}  # {found.counts[key]}/{found.files} files" for key in keys),
        "  tail_markers: []",
        "  head_markers: []",
        "  inline_tails: []",
        "require: []",
        "severity: {}",
    ]
    if not edge_keys:
        out[out.index("fingerprints:")] = "fingerprints: []"
    if not keys:
        out[out.index("  lines:")] = "  lines: []"
    return "\n".join(out) + "\n"
