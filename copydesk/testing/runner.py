"""Running the laws against a rule folder: what ``copydesk rules test`` and ``nox -s props`` do.

Each law runs as its own hypothesis test, so a failure is shrunk to the smallest example
that still breaks that law, and is printed as a page a person can read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from copydesk.rules.ruleset import RuleSet
from copydesk.testing import laws
from copydesk.testing.strategies import (
    ARABIC_DATELINE_STYLES,
    DATELINE_STYLES,
    LEGACY_CODECS,
    MOJIBAKE_READS,
    datelines,
    encoded_pages,
    mojibaked,
    pages,
)
from copydesk.testing.vocabulary import vocabulary

# Hypothesis's "explain" phase traces every line the law runs to say which ones mattered:
# over the whole pipeline that multiplies the shrink time, and the page is the explanation.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink)


@dataclass(frozen=True, slots=True)
class LawRun:
    name: str
    examples: int
    ok: bool
    message: str | None = None
    counterexample: str | None = None
    skipped: str | None = None


def run_law(
    name: str, strategy: st.SearchStrategy[Any], check: Callable[[Any], None], examples: int, seed: int | None
) -> LawRun:
    """One law as one hypothesis test; the shrunk counterexample is the last one that failed."""
    failing: list[Any] = []
    ran = [0]

    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=PHASES,
    )
    @given(strategy)
    def law(example: Any) -> None:
        ran[0] += 1
        try:
            check(example)
        except Exception:
            failing.append(example)
            raise

    test = hypothesis_seed(seed)(law) if seed is not None else law
    try:
        test()
    except Exception as exc:
        shown = failing[-1] if failing else None
        message = f"{type(exc).__name__}: {exc}" if not isinstance(exc, AssertionError) else str(exc)
        return LawRun(name, ran[0], False, message, repr(shown))
    return LawRun(name, ran[0], True)


def languages_of(rules: RuleSet) -> list[str]:
    """The languages a rule folder has generic or profile rules for."""
    found = {group.language for group in rules.generic} | {p.language for p in rules.profiles.values() if p.language}
    return sorted(code for code in found if code and code != "any")


def _cleaner(law: Callable[..., None], rules: RuleSet, source: str | None = None) -> Callable[[Any], None]:
    return lambda page: law(page, rules, source)


def plan(rules: RuleSet, languages: Sequence[str]) -> Iterator[tuple[str, st.SearchStrategy[Any] | None, Any]]:
    """Every (law name, strategy, check) to run; a None strategy says why the law is skipped."""
    for language in languages:
        if vocabulary(language, rules.directory) is None:
            yield f"*[{language}]", None, f"no vocabulary for {language!r} (no stop-list): register one"
            continue
        generated = pages(language)
        for law in laws.CLEANER_LAWS:
            yield f"{law.__name__}[{language}]", generated, _cleaner(law, rules)
        if language in LEGACY_CODECS:
            yield (
                f"round_trips[{language}]",
                encoded_pages(generated),
                lambda item, lang=language: laws.round_trips(item[0].text, item[1], item[2], lang),
            )
            wrong = MOJIBAKE_READS.get(language, "cp1252")
            yield (
                f"repairs_mojibake[{language}]",
                mojibaked(generated, wrong),
                lambda item, lang=language: laws.repairs_mojibake(item[0].text, item[1], lang),
            )
    for profile in sorted(rules.profiles.values(), key=lambda p: p.id):
        if profile.language and profile.language in languages and vocabulary(profile.language, rules.directory):
            generated = pages(profile.language)
            for law in laws.CLEANER_LAWS:
                name = f"{law.__name__}[{profile.language}, source {profile.id}]"
                yield name, generated, _cleaner(law, rules, profile.id)
    samples = {style: make("MOSCOW", "May", 1, 2000)[0] for style, make in DATELINE_STYLES.items()}
    samples |= {style: make("القاهرة")[0] for style, make in ARABIC_DATELINE_STYLES.items()}
    for style, sample in samples.items():
        if not laws.claims_dateline(rules, sample):
            continue  # no rule of the folder reads this style: nothing to hold them to
        language = "ar" if style in ARABIC_DATELINE_STYLES else "en"
        yield f"dateline_parses[{style}]", datelines(style, language), lambda item: laws.dateline_parses(item, rules)


def run_all(
    rules: RuleSet,
    languages: Sequence[str] | None = None,
    examples: int = 100,
    seed: int | None = None,
    only: Sequence[str] = (),
) -> Iterator[LawRun]:
    for name, strategy, check in plan(rules, languages or languages_of(rules)):
        if only and not any(name.startswith(prefix) for prefix in only):
            continue
        if strategy is None:
            yield LawRun(name, 0, True, skipped=check)
            continue
        yield run_law(name, strategy, check, examples, seed)
