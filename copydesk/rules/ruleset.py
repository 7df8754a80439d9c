"""Source profiles and generic boilerplate files, validated into typed, compiled rules.

The YAML shape is the contract in ``design.md``; fields may be added, never re-meant.
Unknown keys are errors, so a typo in a rule file cannot silently disable a rule.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import regex

from copydesk.label.headline import FEATURES as HEADLINE_FEATURES
from copydesk.rules.errors import RuleFileError
from copydesk.rules.layers import BUILTIN, BUILTIN_DIR, RuleFile, names_rule, rule_files, switched_off, unmatched
from copydesk.rules.model_file import FILE_NAME as MODEL_FILE
from copydesk.rules.model_file import LineModel
from copydesk.rules.model_file import load as load_model
from copydesk.rules.page_rules import BOILERPLATE_SECTIONS as BOILERPLATE_SECTIONS  # the sections rule files hold
from copydesk.rules.page_rules import PageRules
from copydesk.rules.patterns import Patterns, RulePattern, compile_pattern
from copydesk.rules.yamlfile import Located, load_yaml

__all__ = ["BOILERPLATE_SECTIONS", "RuleSet", "load_rules"]
PROFILE_KEYS = frozenset(
    {
        "id",
        "publisher",
        "host",
        "language",
        "timezone",
        "fingerprints",
        "boilerplate",
        "bylines",
        "dateline",
        "require",
        "severity",
        "active_years",
        "date_order",
    }
)
GENERIC_KEYS = frozenset({"language", "bylines", "name_stops", *BOILERPLATE_SECTIONS})
DATE_CUE_KEYS = ("published", "updated", "ignore", "today", "yesterday")
REQUIRABLE = frozenset({"title", "author", "published", "dateline", "agencies", "quotes", "language"})
SEVERITIES = frozenset({"error", "warning", "info"})
BUNDLES = 1024  # (source, language) pairs whose rule lists a rule set keeps assembled
MODEL_NAME = "line_model"  # the name builtin.yaml disables the trained model by
AGENCIES_STEM = "agencies"  # attribution/agencies*.yaml: agency names and credit lines, not reporting verbs


class HoldsPatterns:
    """A rule object whose pattern lists are :class:`Patterns`, each with its set kept beside
    it, however the object was built (a rule file, a test, ``replace``)."""

    __slots__ = ()

    def __post_init__(self) -> None:
        for item in fields(self):  # type: ignore[arg-type]
            value = getattr(self, item.name)
            if isinstance(value, tuple) and not isinstance(value, Patterns) and _pattern_list(value):
                object.__setattr__(self, item.name, Patterns(value))


def _pattern_list(value: tuple[Any, ...]) -> bool:
    return bool(value) and all(isinstance(v, RulePattern) for v in value)


@dataclass(frozen=True, slots=True)
class BoilerplateRules(HoldsPatterns):
    """Line rules, in the order the labeller applies them."""

    lines: tuple[RulePattern, ...] = ()
    tail_markers: tuple[RulePattern, ...] = ()
    head_markers: tuple[RulePattern, ...] = ()
    inline_tails: tuple[RulePattern, ...] = ()
    section_markers: tuple[RulePattern, ...] = ()  # chrome headings the article may continue past
    # Lines that are often chrome but not reliably: the line model reads a match as one
    # feature among its others; without the model a match decides, as ``lines`` do.
    hints: tuple[RulePattern, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceProfile(HoldsPatterns):
    id: str
    path: Path
    publisher: str | None = None
    host: str | None = None
    language: str | None = None
    timezone: str | None = None
    fingerprints: tuple[RulePattern, ...] = ()
    boilerplate: BoilerplateRules = field(default_factory=BoilerplateRules)
    bylines: tuple[RulePattern, ...] = ()
    dateline: RulePattern | None = None
    require: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    active_years: tuple[int, int] | None = None  # the years the source published in, for year inference
    date_order: str | None = None  # "DMY" or "MDY": how the source writes 03/04/2021

    def declared(self) -> dict[str, Any]:
        """The profile as the report shows it under ``source.declared``."""
        return {
            "profile": self.path.name,
            "language": self.language,
            "timezone": self.timezone,
            "require": list(self.require),
        }


def for_language(rule_language: str, page_language: str | None) -> bool:
    """A language-scoped rule file applies to its language's pages, or to all when ``any``."""
    return rule_language == "any" or (page_language is not None and page_language == rule_language)


class LanguageScoped:
    """A rule file that declares ``language:`` (a code, or ``any``)."""

    __slots__ = ()
    language: str

    def applies_to(self, language: str | None) -> bool:
        return for_language(self.language, language)


@dataclass(frozen=True, slots=True)
class GenericPatterns(LanguageScoped, HoldsPatterns):
    name: str
    language: str
    boilerplate: BoilerplateRules
    bylines: tuple[RulePattern, ...] = ()
    name_stops: tuple[RulePattern, ...] = ()  # words that end the author's name in a byline ("Updated")


@dataclass(frozen=True, slots=True)
class DateCues(LanguageScoped, HoldsPatterns):
    """Words that tell what a date beside them is, in one language (or ``any``)."""

    language: str
    published: tuple[RulePattern, ...] = ()
    updated: tuple[RulePattern, ...] = ()
    ignore: tuple[RulePattern, ...] = ()
    today: tuple[RulePattern, ...] = ()
    yesterday: tuple[RulePattern, ...] = ()
    forms: tuple[RulePattern, ...] = ()  # date shapes of a script or language: named groups year, month, day
    day_first_hosts: tuple[RulePattern, ...] = ()  # hosts (from the manifest's url) whose sites write the day first
    months: tuple[tuple[str, ...], ...] = ()  # month names dateparser lacks, January first: twelve lists or none


@dataclass(frozen=True, slots=True)
class DatelinePatterns(LanguageScoped, HoldsPatterns):
    """Wire datelines by their shape, with named groups place, agency, month, day, year."""

    name: str
    language: str
    patterns: tuple[RulePattern, ...]


@dataclass(frozen=True, slots=True)
class AttributionWords(LanguageScoped):
    """Reporting verbs, pronouns and nouns that can speak, of one language."""

    language: str
    verbs: tuple[str, ...]
    pronouns: frozenset[str]
    speaker_nouns: frozenset[str] = frozenset()  # "the board", "his campaign": see attribution.speakers


@dataclass(frozen=True, slots=True)
class Agencies(HoldsPatterns):
    """Canonical agency names with the patterns that write them, and where a text credits one."""

    names: tuple[tuple[str, tuple[RulePattern, ...]], ...] = ()
    credits: tuple[RulePattern, ...] = ()

    def __post_init__(self) -> None:
        HoldsPatterns.__post_init__(self)
        object.__setattr__(self, "names", tuple((name, Patterns(found)) for name, found in self.names))


@dataclass(frozen=True, slots=True)
class RuleSet:
    directory: Path | None
    profiles: dict[str, SourceProfile]
    generic: tuple[GenericPatterns, ...]
    digest: str
    date_cues: tuple[DateCues, ...] = ()
    datelines: tuple[DatelinePatterns, ...] = ()
    attribution: tuple[AttributionWords, ...] = ()
    agencies: Agencies = field(default_factory=Agencies)
    files: tuple[RuleFile, ...] = ()  # every file read, with its origin (``copydesk rules show``)
    disabled: tuple[str, ...] = ()  # built-in rule and file names the project switched off
    line_model: LineModel | None = None  # the trained model for the lines the rules leave open
    _bundles: dict[tuple[str | None, str | None], PageRules] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    @property
    def builtin_only(self) -> bool:
        """A run with no project rules folder."""
        return self.directory is None

    def bundle(self, profile: SourceProfile | None, language: str | None) -> PageRules:
        """The rule lists for pages of this source in this language, assembled on first use."""
        key = (profile.id if profile is not None else None, language)
        found = self._bundles.get(key)
        if found is None:
            if len(self._bundles) >= BUNDLES:
                self._bundles.clear()
            found = self._bundles[key] = PageRules.of(self, profile, language)
        return found

    def pattern_sources(self) -> dict[str, str]:
        """Every rule id with its regex, so ``explain`` can show what a rule matched on."""
        found: dict[str, str] = {}
        groups: list[BoilerplateRules] = [p.boilerplate for p in self.profiles.values()]
        groups += [g.boilerplate for g in self.generic]
        for rules in groups:
            for name in BOILERPLATE_SECTIONS:
                found.update((pattern.rule_id, pattern.source) for pattern in getattr(rules, name))
        return found


def _str_or_none(doc: Located, key: str) -> str | None:
    value = doc.data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise doc.error("must be a string", key)


def _string_list(doc: Located, *where: Any) -> list[str]:
    value: Any = doc.data
    for part in where:
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise doc.error("must be a list of strings", *where)
    return list(value)


def _patterns(doc: Located, prefix: str, *where: Any) -> tuple[RulePattern, ...]:
    compiled = []
    for i, source in enumerate(_string_list(doc, *where)):
        rule_id = f"{prefix}.{'.'.join(str(p) for p in where)}[{i}]"
        try:
            compiled.append(compile_pattern(rule_id, source))
        except regex.error as exc:
            raise doc.error(f"bad regular expression {source!r}: {exc}", *where, i) from exc
    return tuple(compiled)


def _boilerplate(doc: Located, prefix: str, container: tuple[str, ...]) -> BoilerplateRules:
    section: Any = doc.data
    for part in container:
        section = section.get(part)
    if section is None:
        return BoilerplateRules()
    if not isinstance(section, dict):
        raise doc.error("must be a mapping", *container)
    for key in section:
        if key not in BOILERPLATE_SECTIONS and container:
            raise doc.error(f"unknown key (expected one of {', '.join(BOILERPLATE_SECTIONS)})", *container, key)
    return BoilerplateRules(**{name: _patterns(doc, prefix, *container, name) for name in BOILERPLATE_SECTIONS})


def _check_keys(doc: Located, allowed: frozenset[str]) -> None:
    if not isinstance(doc.data, dict):
        raise doc.error("a rule file must be a YAML mapping")
    for key in doc.data:
        if key not in allowed:
            raise doc.error(f"unknown key (allowed: {', '.join(sorted(allowed))})", key)


def load_profile(path: Path) -> SourceProfile:
    doc = load_yaml(path)
    _check_keys(doc, PROFILE_KEYS)
    profile_id = doc.data.get("id")
    if not isinstance(profile_id, str) or not regex.fullmatch(r"[a-z0-9][a-z0-9._-]*", profile_id):
        raise doc.error("id is required: lower-case letters, digits, '.', '_' or '-'", "id")
    require = _string_list(doc, "require")
    for i, name in enumerate(require):
        if name not in REQUIRABLE:
            raise doc.error(f"cannot require {name!r} (one of {', '.join(sorted(REQUIRABLE))})", "require", i)
    severity = doc.data.get("severity") or {}
    if not isinstance(severity, dict):
        raise doc.error("must be a mapping of finding to severity", "severity")
    for key, value in severity.items():
        if value not in SEVERITIES:
            raise doc.error(f"severity must be error, warning or info, not {value!r}", "severity", key)
    dateline = _str_or_none(doc, "dateline")
    dateline_pattern = None
    if dateline is not None:
        try:
            dateline_pattern = compile_pattern(f"{profile_id}.dateline", dateline)
        except regex.error as exc:
            raise doc.error(f"bad regular expression: {exc}", "dateline") from exc
    active = doc.data.get("active_years")
    if active is not None and not (
        isinstance(active, list)
        and len(active) == 2
        and all(isinstance(y, int) for y in active)
        and active[0] <= active[1]
    ):
        raise doc.error("must be [first_year, last_year]", "active_years")
    order = doc.data.get("date_order")
    if order is not None and order not in ("DMY", "MDY"):
        raise doc.error("must be DMY or MDY", "date_order")
    return SourceProfile(
        id=profile_id,
        path=path,
        publisher=_str_or_none(doc, "publisher"),
        host=_str_or_none(doc, "host"),
        language=_str_or_none(doc, "language"),
        timezone=_str_or_none(doc, "timezone"),
        fingerprints=_patterns(doc, profile_id, "fingerprints"),
        boilerplate=_boilerplate(doc, profile_id, ("boilerplate",)),
        bylines=_patterns(doc, profile_id, "bylines"),
        dateline=dateline_pattern,
        require=tuple(require),
        severity={str(k): str(v) for k, v in severity.items()},
        active_years=(active[0], active[1]) if active else None,
        date_order=order,
    )


def _language_file(path: Path, keys: frozenset[str]) -> tuple[Located, str]:
    """A language-scoped rule file: its document, checked keys, and its ``language``."""
    doc = load_yaml(path)
    _check_keys(doc, keys)
    language = doc.data.get("language")
    if not isinstance(language, str):
        raise doc.error("language is required (an ISO 639-1 code, or 'any')", "language")
    return doc, language


def load_generic(path: Path) -> GenericPatterns:
    doc, language = _language_file(path, GENERIC_KEYS)
    name = f"generic.{path.stem}"
    return GenericPatterns(
        name=name,
        language=language,
        boilerplate=_boilerplate(doc, name, ()),
        bylines=_patterns(doc, name, "bylines"),
        name_stops=_patterns(doc, name, "name_stops"),
    )


DATE_FORM_GROUPS = ("year", "month", "day")


def _date_forms(doc: Located, name: str) -> tuple[RulePattern, ...]:
    """Date shapes the built-in ones miss (``2020年7月1日``, ``2020. 06. 04.``): each names
    its numbers, so the rule, not the page's language, says which is the day."""
    forms = _patterns(doc, name, "forms")
    for i, form in enumerate(forms):
        missing = [group for group in DATE_FORM_GROUPS if group not in form.compiled.groupindex]
        if missing:
            raise doc.error(f"needs the named group(s) {', '.join(missing)}", "forms", i)
    return forms


def _month_names(doc: Located) -> tuple[tuple[str, ...], ...]:
    """Twelve lists of names, January's first; a name may be two words ("تشرين الأول")."""
    value = doc.data.get("months")
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) != 12:
        raise doc.error("must be twelve lists of names, January's first", "months")
    for i, names in enumerate(value):
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise doc.error("must be a list of month names", "months", i)
    return tuple(tuple(" ".join(str(n).split()) for n in names) for names in value)


def load_date_cues(path: Path) -> DateCues:
    keys = frozenset({"language", "forms", "day_first_hosts", "months", *DATE_CUE_KEYS})
    doc, language = _language_file(path, keys)
    name = f"dates.{path.stem}"
    cues = {key: _patterns(doc, name, key) for key in DATE_CUE_KEYS}
    hosts = _patterns(doc, name, "day_first_hosts")
    return DateCues(language, **cues, forms=_date_forms(doc, name), day_first_hosts=hosts, months=_month_names(doc))


def load_datelines(path: Path) -> DatelinePatterns:
    doc, language = _language_file(path, frozenset({"language", "patterns"}))
    return DatelinePatterns(path.stem, language, _patterns(doc, f"datelines.{path.stem}", "patterns"))


def _words(doc: Located, key: str) -> list[str]:
    value = doc.data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise doc.error("must be a list of words", key)
    return [item.strip() for item in value]


def load_attribution(path: Path) -> AttributionWords:
    doc, language = _language_file(path, frozenset({"language", "verbs", "pronouns", "speaker_nouns"}))
    return AttributionWords(
        language,
        tuple(_words(doc, "verbs")),
        frozenset(w.casefold() for w in _words(doc, "pronouns")),
        frozenset(w.casefold() for w in _words(doc, "speaker_nouns")),
    )


def load_agencies(path: Path) -> Agencies:
    doc, _ = _language_file(path, frozenset({"language", "agencies", "credits"}))
    table = doc.data.get("agencies") or {}
    if not isinstance(table, dict):
        raise doc.error("must map agency names to lists of patterns", "agencies")
    prefix = path.stem  # "agencies" for the built-in file; a project's agencies-extra.yaml has ids of its own
    names = tuple((str(name), _patterns(doc, f"{prefix}.{name}", "agencies", name)) for name in table)
    return Agencies(names, _patterns(doc, prefix, "credits"))


def _digest(files: list[RuleFile], switches: Path | None) -> str:
    """One hash of every file read, named by origin and place, so a built-in rule that changes
    with a copydesk release re-checks files as a project rule that changes does."""
    hasher = hashlib.sha256()
    named = [(_digest_name(file), file.path) for file in files]
    if switches is not None:
        named.append((f"project/{switches.name}", switches))
    for name, path in named:
        hasher.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def _digest_name(file: RuleFile) -> str:
    return f"{file.kind}/{file.path.name}" if file.builtin else f"project/{file.kind}/{file.path.name}"


def _kept(patterns: tuple[RulePattern, ...], names: tuple[str, ...], used: set[str]) -> tuple[RulePattern, ...]:
    kept = []
    for pattern in patterns:
        hits = [name for name in names if names_rule(name, pattern.rule_id)]
        used.update(hits)
        if not hits:
            kept.append(pattern)
    return tuple(kept)


def _switch_off(rules: Any, names: tuple[str, ...], used: set[str]) -> Any:
    """A built-in rule object without the patterns ``names`` disable (nested rule groups too)."""
    changes: dict[str, Any] = {}
    for item in fields(rules):
        value = getattr(rules, item.name)
        if isinstance(value, BoilerplateRules):
            changes[item.name] = _switch_off(value, names, used)
        elif isinstance(value, tuple) and value and all(isinstance(v, RulePattern) for v in value):
            changes[item.name] = _kept(value, names, used)
        elif item.name == "names" and isinstance(rules, Agencies):
            changes[item.name] = tuple((name, _kept(found, names, used)) for name, found in value)
    return replace(rules, **changes)


def _agency_file(file: RuleFile) -> bool:
    """``attribution/agencies*.yaml`` name agencies; every other attribution file holds words."""
    return file.path.stem.startswith(AGENCIES_STEM)


def _loader(file: RuleFile) -> Any:
    if file.kind == "attribution":
        return load_agencies if _agency_file(file) else load_attribution
    return {
        "sources": load_profile,
        "boilerplate": load_generic,
        "dates": load_date_cues,
        "datelines": load_datelines,
    }[file.kind]


def _patterns_in(rules: Any) -> Iterator[RulePattern]:
    """Every pattern a loaded rule object holds, in field order (nested groups too)."""
    for item in fields(rules):
        value = getattr(rules, item.name)
        if isinstance(value, RulePattern):
            yield value
        elif isinstance(value, BoilerplateRules):
            yield from _patterns_in(value)
        elif isinstance(value, tuple):
            for part in value:
                if isinstance(part, RulePattern):
                    yield part
                elif isinstance(part, tuple) and len(part) == 2 and isinstance(part[1], tuple):
                    yield from (p for p in part[1] if isinstance(p, RulePattern))


def describe(file: RuleFile, disabled: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """What one file of the effective set contributes: (rule id, pattern) pairs, or for a
    word list one line that counts its words; rules ``disabled`` switches off are left out."""
    if file.kind == "model":
        model = load_model(file.path)
        shown = f"{len(model.names)} features, {len(model.nodes.roots)} trees, {model.cutoffs}"
        return [(f"{MODEL_NAME} {model.version} ({model.digest})", shown)]
    rules = _loader(file)(file.path)
    if file.builtin and disabled:
        rules = _switch_off(rules, disabled, set())
    if isinstance(rules, AttributionWords):
        counts = f"{len(rules.verbs)} verbs, {len(rules.pronouns)} pronouns, {len(rules.speaker_nouns)} speaker nouns"
        return [(f"attribution.{file.path.stem}", counts)]
    return [(pattern.rule_id, pattern.source) for pattern in _patterns_in(rules)]


def load_rules(directory: Path | str | None, *, builtin: bool = True, line_model: bool | None = None) -> RuleSet:
    """The built-in rules plus every rule file under ``directory`` (see :mod:`copydesk.rules.layers`).

    ``directory=None`` is a run with no project rules: the built-in ones alone.
    ``builtin=False`` leaves the built-in rules out (tests of one rule file). The trained line
    model is used unless the project's ``builtin.yaml`` says ``disable: [line_model]``;
    ``line_model=True`` or ``False`` overrides that (training needs it off).
    """
    if directory is not None:
        directory = Path(directory)
        if not directory.is_dir():
            raise RuleFileError(directory, None, "rules directory does not exist")
    switches, disabled, _ = switched_off(directory) if builtin else (None, (), ())
    every = rule_files(directory, builtin)
    files = [file for file in every if file.name not in disabled]
    used = {file.name for file in every if file.name in disabled and file.builtin}

    def loaded(kind: str) -> list[Any]:
        out = []
        for file in (f for f in files if f.kind == kind):
            rules = _loader(file)(file.path)
            out.append(_switch_off(rules, disabled, used) if file.builtin and disabled else rules)
        return out

    profiles: dict[str, SourceProfile] = {}
    for profile in loaded("sources"):
        if profile.id in profiles:
            message = f"profile id {profile.id!r} already declared in {profiles[profile.id].path}"
            raise RuleFileError(profile.path, 1, message)
        profiles[profile.id] = profile
    agency_files = [file for file in files if file.kind == "attribution" and _agency_file(file)]
    word_files = [file for file in files if file.kind == "attribution" and not _agency_file(file)]
    agencies = Agencies()
    for file in agency_files:
        found = load_agencies(file.path)
        found = _switch_off(found, disabled, used) if file.builtin and disabled else found
        agencies = Agencies(agencies.names + found.names, agencies.credits + found.credits)
    words = tuple(load_attribution(file.path) for file in word_files)
    generic, cues, datelines = tuple(loaded("boilerplate")), tuple(loaded("dates")), tuple(loaded("datelines"))
    model_path = BUILTIN_DIR / MODEL_FILE
    model = None
    wanted = line_model if line_model is not None else True
    if builtin and wanted and MODEL_NAME not in disabled and model_path.is_file():
        model = load_model(model_path)
        if model.headline is not None and model.headline.names != HEADLINE_FEATURES:
            raise RuleFileError(
                model_path, None, "its headline scorer was trained on other features than this copydesk reads"
            )
        files.append(RuleFile("model", model_path, BUILTIN))
    if MODEL_NAME in disabled:
        used.add(MODEL_NAME)
    if switches is not None:
        unmatched(switches, disabled, used)
    digest = _digest(files, switches)
    return RuleSet(
        directory, profiles, generic, digest, cues, datelines, words, agencies, tuple(files), disabled, model
    )
