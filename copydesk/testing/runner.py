"""Running the laws against a rule folder: what ``copydesk rules test`` and ``nox -s props`` do.

Each law runs as its own hypothesis test, so a failure is shrunk to the smallest example
that still breaks that law, and is printed as a page a person can read. The laws are
independent of each other, so they can run side by side in worker processes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
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


Planned = tuple[str, st.SearchStrategy[Any] | None, Any]  # a law's name, strategy and check (or why it is skipped)


def plan(rules: RuleSet, languages: Sequence[str]) -> Iterator[Planned]:
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
    jobs: int = 1,
) -> Iterator[LawRun]:
    """Every planned law's run, in the plan's order; with ``jobs`` above 1, in that many
    forked worker processes (one after another where the platform cannot fork)."""
    planned = [
        entry
        for entry in plan(rules, languages or languages_of(rules))
        if not only or any(entry[0].startswith(prefix) for prefix in only)
    ]
    if jobs > 1 and len(planned) > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _in_workers(planned, examples, seed, jobs)
        return
    for entry in planned:
        yield _run_planned(entry, examples, seed)


def _run_planned(entry: Planned, examples: int, seed: int | None) -> LawRun:
    name, strategy, check = entry
    if strategy is None:
        return LawRun(name, 0, True, skipped=check)
    return run_law(name, strategy, check, examples, seed)


def _in_workers(planned: list[Planned], examples: int, seed: int | None, jobs: int) -> Iterator[LawRun]:
    """The laws in forked workers. A fork hands each worker the plan as it is (strategies and
    checks are closures over the rules, which no pickle carries), and a law is named to it
    by its place in the plan."""
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    workers = min(jobs, len(planned))
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_adopt, initargs=(planned,))
    try:
        yield from pool.map(_run_nth, range(len(planned)), itertools.repeat(examples), itertools.repeat(seed))
    finally:
        # Stopped early (Ctrl-C, a consumer that has seen enough): the laws not started never start.
        pool.shutdown(wait=True, cancel_futures=True)


_PLANNED: list[Planned] = []  # in a worker: the plan it was forked with


def _adopt(planned: list[Planned]) -> None:
    """A worker's start: keep the plan; Ctrl-C is the command's to report, not each worker's."""
    global _PLANNED
    _PLANNED = planned
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_nth(index: int, examples: int, seed: int | None) -> LawRun:
    return _run_planned(_PLANNED[index], examples, seed)
