"""``copydesk rules``: show the effective rule set, property-test a rules folder."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from copydesk.cli.common import default_rules, die, rules_line, rules_option
from copydesk.rules.errors import RuleFileError


@click.group(name="rules")
def rules() -> None:
    """Work with a rules folder."""


@rules.command(name="test")
@click.argument("rules_dir", required=False, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--examples", type=click.IntRange(min=1), default=100, show_default=True, help="Examples per law.")
@click.option("--seed", type=int, default=None, help="Hypothesis seed, to replay a run.")
@click.option("--language", "languages", multiple=True, help="Only these languages (default: those the rules have).")
@click.option("--law", "only", multiple=True, help="Only laws whose name starts with this (repeatable).")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Laws run side by side [the machine's cores]."
)
def rules_test(
    rules_dir: Path | None,
    examples: int,
    seed: int | None,
    languages: tuple[str, ...],
    only: tuple[str, ...],
    jobs: int | None,
) -> None:
    """Property-test a rules folder: generated pages must keep their article and lose covered chrome.

    Laws: the cleaner never removes a body paragraph, keeps order, removes every chrome
    line a rule covers, is idempotent and reversible (per language, and per source
    profile); the encoding step round-trips and repairs mojibake; every dateline style a
    rule reads parses with its place and agency. A broken law prints its shrunk
    counterexample and the command exits 1.
    """
    import importlib.util

    if importlib.util.find_spec("hypothesis") is None:
        die("copydesk rules test needs hypothesis: pip install 'copydesk[test]'")
    from copydesk.rules.ruleset import load_rules
    from copydesk.testing.runner import run_all

    folder = default_rules(rules_dir)
    try:
        ruleset = load_rules(folder)
    except RuleFileError as exc:
        die(str(exc))
    broken = ran = 0
    workers = jobs or os.cpu_count() or 1
    for outcome in run_all(ruleset, list(languages) or None, examples, seed, only, workers):
        if outcome.skipped:
            click.echo(f"skip {outcome.name}: {outcome.skipped}")
            continue
        ran += 1
        if outcome.ok:
            click.echo(f"ok   {outcome.name} ({outcome.examples} examples)")
            continue
        broken += 1
        click.echo(f"FAIL {outcome.name} after {outcome.examples} examples: {outcome.message}")
        click.echo(f"     counterexample (shrunk): {outcome.counterexample}")
    click.echo(f"{ran - broken} passed, {broken} failed")
    sys.exit(1 if broken else 0)


@rules.command(name="show")
@rules_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_show(rules: Path | None, fmt: str) -> None:
    """Print the effective rule set: every rule, the file it is in and where that file came from.

    Built-in rules ship with copydesk and are always read; a project's rules folder adds
    files, replaces a built-in file by giving one of the same name, and switches built-in
    rules off by name in builtin.yaml (disable: [boilerplate/ko, generic.en.lines[3]]).
    """
    from copydesk.rules.ruleset import describe, load_rules

    folder = default_rules(rules)
    try:
        ruleset = load_rules(folder)
        listing = [(file, describe(file, ruleset.disabled)) for file in ruleset.files]
    except RuleFileError as exc:
        die(str(exc))
    if fmt == "json":
        files = [
            {"origin": file.origin, "file": str(file.path), "name": file.name, "rules": dict(found)}
            for file, found in listing
        ]
        click.echo(json.dumps({"digest": ruleset.digest, "disabled": list(ruleset.disabled), "files": files}))
        return
    click.echo(rules_line(folder))
    for file, found in listing:
        shown = file.name + file.path.suffix if file.builtin else str(file.path)
        click.echo(f"{file.origin:<10}  {shown}  ({len(found)} rule(s))")
        for rule_id, source in found:
            click.echo(f"    {rule_id}  {source}")
    if ruleset.disabled:
        click.echo("disabled: " + ", ".join(ruleset.disabled))
    click.echo(f"digest: {ruleset.digest}")
