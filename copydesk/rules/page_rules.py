"""The rules one kind of page is checked against, assembled once per (source, language).

Every page of a source in a language is asked against the same lists: the profile's
boilerplate and then the language's generic files, the bylines of both, the datelines,
the date cues. Assembling them per page would rebuild the same tuples, and every
per-line memo keyed by a list would start empty on each page; built once and kept on
the rule set (:meth:`copydesk.rules.ruleset.RuleSet.bundle`), each list keeps its
pattern set and its memos for the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from copydesk.rules.patterns import Patterns, RulePattern
from copydesk.text.lexicon import Lexicon, lexicon

if TYPE_CHECKING:  # the rule set holds the bundles: it imports this module, not the reverse
    from copydesk.rules.ruleset import BoilerplateRules, DateCues, RuleSet, SourceProfile

BOILERPLATE_SECTIONS = ("lines", "tail_markers", "head_markers", "inline_tails", "section_markers", "hints")
WHOLE_LINE_SECTIONS = ("lines", "tail_markers", "head_markers", "section_markers")  # each removes the line it matches


def _joined(patterns: Iterable[RulePattern]) -> Patterns:
    return Patterns(patterns)


@dataclass(frozen=True, slots=True)
class DateRules:
    """The date cues of a page's language (and ``any``; English cue words always, since
    pages in every language print English stamps), and the lexicon with the rule files'
    month names."""

    language: str | None
    cue_rules: tuple[DateCues, ...]  # every file: the host order and relative words read their own language
    published: Patterns
    updated: Patterns
    ignore: Patterns
    today: Patterns
    yesterday: Patterns
    forms: Patterns  # the date shapes of the language and of every language (a script's own)
    lexicon: Lexicon
    month_names: frozenset[str]  # every case-folded month name and abbreviation the lexicon reads

    @classmethod
    def of(cls, cue_rules: Sequence[DateCues], language: str | None) -> DateRules:
        cue_rules = tuple(cue_rules)
        cued = [c for c in cue_rules if c.applies_to(language) or c.language == "en"]
        applicable = [c for c in cue_rules if c.applies_to(language)]
        months = [c.months for c in applicable if c.months]
        words = lexicon(language).with_months(months)
        return cls(
            language,
            cue_rules,
            _joined(p for c in cued for p in c.published),
            _joined(p for c in cued for p in c.updated),
            _joined(p for c in cued for p in c.ignore),
            _joined(p for c in cued for p in c.today),
            _joined(p for c in cued for p in c.yesterday),
            _joined(p for c in applicable for p in c.forms),
            words,
            frozenset(words.months),
        )


@dataclass(frozen=True, slots=True)
class PageRules:
    """Every rule list a page of one source in one language is checked against."""

    boilerplate: tuple[BoilerplateRules, ...]  # the profile's (first, when declared), then the language's
    generic: tuple[BoilerplateRules, ...]  # the language's generic files alone
    any_boilerplate: Patterns  # every section of ``boilerplate``: what could match a line at all
    whole_lines: Patterns  # the sections that always remove the whole line they match, for the laws
    bylines: Patterns  # the profile's, then the language's
    name_stops: Patterns
    datelines: Patterns  # the profile's dateline, then the language's dateline files
    dates: DateRules

    @classmethod
    def of(cls, rules: RuleSet, profile: SourceProfile | None, language: str | None) -> PageRules:
        generic = tuple(g for g in rules.generic if g.applies_to(language))
        boilerplate = tuple(g.boilerplate for g in generic)
        if profile is not None:
            boilerplate = (profile.boilerplate, *boilerplate)
        dateline = (profile.dateline,) if profile is not None and profile.dateline is not None else ()
        return cls(
            boilerplate=boilerplate,
            generic=tuple(g.boilerplate for g in generic),
            any_boilerplate=_joined(p for b in boilerplate for name in BOILERPLATE_SECTIONS for p in getattr(b, name)),
            whole_lines=_joined(p for b in boilerplate for name in WHOLE_LINE_SECTIONS for p in getattr(b, name)),
            bylines=_joined([*(profile.bylines if profile else ()), *(p for g in generic for p in g.bylines)]),
            name_stops=_joined(p for g in generic for p in g.name_stops),
            datelines=_joined([*dateline, *(p for d in rules.datelines if d.applies_to(language) for p in d.patterns)]),
            dates=DateRules.of(rules.date_cues, language),
        )
