"""Which rule files a run reads: the built-in ones, then the project's, minus what it switches off.

Everything copydesk knows about news in general (generic boilerplate patterns per
language, date words, wire dateline styles, reporting verbs, agencies) ships in the
package under ``copydesk/rules/builtin`` and is always read, so a run gives the same
answer from any folder. A project's rules folder is a layer on top:

- a file of its own (``boilerplate/my-site-chrome.yaml``) adds to the built-in rules;
- a file with a built-in file's name (``boilerplate/en.yaml``) takes that file's place;
- ``builtin.yaml`` with ``disable: [...]`` switches built-in rules off by name: a whole
  file (``boilerplate/ko``), a section (``generic.en.tail_markers``) or one rule
  (``generic.en.lines[3]``). A name that matches nothing is an error, so a typo cannot
  leave a rule on. ``disable: [line_model]`` leaves the decision the trained line model
  makes to the rules and the prose region alone (see :mod:`copydesk.label.line_model`);
  ``enable: [line_model]``, from when it was not the default, is still read.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from copydesk.rules.yamlfile import load_yaml

BUILTIN_DIR = Path(str(resources.files("copydesk.rules").joinpath("builtin")))
KINDS = ("sources", "boilerplate", "dates", "datelines", "attribution")
BUILTIN_KINDS = KINDS[1:]  # source profiles are only ever a project's own
SWITCHES_NAME = "builtin.yaml"
BUILTIN = "built-in"


@dataclass(frozen=True, slots=True)
class RuleFile:
    """One rule file of the effective set, and where it came from."""

    kind: str  # the folder it sits in: sources, boilerplate, dates, datelines, attribution
    path: Path
    origin: str  # "built-in", or the project's rules folder as given

    @property
    def name(self) -> str:
        """The name ``disable`` and ``rules show`` use: ``boilerplate/en``."""
        return f"{self.kind}/{self.path.stem}"

    @property
    def builtin(self) -> bool:
        return self.origin == BUILTIN


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.y*ml")) if folder.is_dir() else []


def rule_files(project: Path | None, builtin: bool = True) -> list[RuleFile]:
    """The effective rule files, kind by kind, each kind's files in name order.

    A project file replaces the built-in file of the same stem; the rest of the project's
    files are added.
    """
    found: list[RuleFile] = []
    for kind in KINDS:
        by_stem: dict[str, RuleFile] = {}
        if builtin and kind in BUILTIN_KINDS:
            by_stem.update((p.stem, RuleFile(kind, p, BUILTIN)) for p in _yaml_files(BUILTIN_DIR / kind))
        if project is not None:
            by_stem.update((p.stem, RuleFile(kind, p, str(project))) for p in _yaml_files(project / kind))
        found.extend(sorted(by_stem.values(), key=lambda f: f.path.name))
    return found


OPTIONAL = ("line_model",)  # built-ins a project may name under ``enable`` (all are on by default)


def switched_off(project: Path | None) -> tuple[Path | None, tuple[str, ...], tuple[str, ...]]:
    """The project's ``builtin.yaml`` (when it has one), the names it disables and the
    optional built-ins it enables."""
    if project is None or not (project / SWITCHES_NAME).is_file():
        return None, (), ()
    path = project / SWITCHES_NAME
    doc = load_yaml(path)
    if doc.data is None:
        return path, (), ()
    if not isinstance(doc.data, dict) or set(doc.data) - {"disable", "enable"}:
        raise doc.error("the keys are 'disable' (built-in rule or file names) and 'enable' (line_model)")
    names = doc.data.get("disable") or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise doc.error("must be a list of names (boilerplate/ko, generic.en.lines[3], ...)", "disable")
    enabled = doc.data.get("enable") or []
    if not isinstance(enabled, list) or not all(n in OPTIONAL for n in enabled):
        raise doc.error(f"must be a list of optional built-ins ({', '.join(OPTIONAL)})", "enable")
    return path, tuple(n.strip() for n in names), tuple(enabled)


def names_rule(name: str, rule_id: str) -> bool:
    """Whether a disable ``name`` covers ``rule_id``: the id itself, or a prefix ending at a part."""
    return rule_id == name or (rule_id.startswith(name) and rule_id[len(name)] in ".[")


def unmatched(path: Path, names: tuple[str, ...], used: set[str]) -> None:
    """Fail on the first disable name that switched nothing off."""
    for i, name in enumerate(names):
        if name not in used:
            doc = load_yaml(path)
            raise doc.error(f"{name!r} names no built-in rule or file (see 'copydesk rules show')", "disable", i)
