"""``copydesk clean`` and ``copydesk explain``: one file's article body, and why each line went where it did."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from copydesk.cli.common import (
    STDIN_ARG,
    default_manifests,
    default_rules,
    die,
    manifest_option,
    rules_option,
    say,
    stdin_bytes,
)
from copydesk.io import resolved
from copydesk.model import Kind
from copydesk.rules.errors import RuleFileError


def _analyse_one(file: Path, rules: Path | None, manifest: Path | None) -> tuple[Any, Any]:
    """Analyse one file with the rules, and the manifest given or found beside it."""
    from copydesk.pipeline import analyse, analyse_data
    from copydesk.rules import compiled
    from copydesk.rules.manifest import load_manifests
    from copydesk.rules.ruleset import load_rules

    stdin = str(file) == STDIN_ARG
    manifests = default_manifests(manifest, () if stdin else (file.parent,))
    try:
        ruleset = load_rules(default_rules(rules))
        entries = load_manifests(manifests)
    except RuleFileError as exc:
        die(str(exc))
    if stdin:
        analysis = analyse_data(stdin_bytes(), "<stdin>", ruleset)
    else:
        entry = entries.get(resolved(file)) if entries else None
        analysis = analyse(file, file.name, ruleset, entry)
    compiled.persist()
    return analysis, ruleset


def _fail_unreadable(file: Path, analysis: Any) -> None:
    if analysis.outcome.decoded is None:
        problem = "; ".join(f.message for f in analysis.findings)
        say(f"copydesk: {file}: {problem}", err=True)
        sys.exit(1)


@click.command(name="clean")
@click.argument("file", type=click.Path(path_type=Path))
@rules_option
@manifest_option
def clean(file: Path, rules: Path | None, manifest: Path | None) -> None:
    """Print the cleaned article body. FILE '-' reads stdin."""
    analysis, _ = _analyse_one(file, rules, manifest)
    _fail_unreadable(file, analysis)
    sys.stdout.write(analysis.article_text)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@rules_option
@manifest_option
@click.option("--width", type=click.IntRange(min=20), default=100, show_default=True, help="Text column width.")
def explain(file: Path, rules: Path | None, manifest: Path | None, width: int) -> None:
    """Show every line with its label and the rule that decided it."""
    from copydesk.pipeline import explain_model

    analysis, ruleset = _analyse_one(file, rules, manifest)
    _fail_unreadable(file, analysis)
    patterns = ruleset.pattern_sources()
    why = explain_model(analysis, ruleset)
    decoded = analysis.outcome.decoded
    article = analysis.article
    say(f"file      {file}")
    click.echo(
        f"encoding  {decoded.codec} (confidence {decoded.confidence}, bom {decoded.bom}), "
        f"{len(decoded.repairs)} repair(s)"
    )
    say(f"source    {analysis.source.id or '-'} (matched by {analysis.source.matched_by})")
    say(f"language  {analysis.language or '-'}")
    say(f"title     {article.title or '-'}")
    say(f"author    {article.author or '-'}")
    say(f"dateline  {article.dateline['text'] if article.dateline else '-'}")
    say(f"verdict   {analysis.verdict}")
    model = ruleset.line_model
    say(f"model     {model.version} ({model.digest}), {model.cutoffs}" if model else "model     -")
    click.echo("")
    for number, label, rule, text in line_rows(analysis, why):
        shown = text if len(text) <= width else text[: width - 1] + "…"
        say(f"{number:5}  {label:<12.12}  {rule or '':<40}  {shown}")
    used = sorted({label.rule for label in analysis.labels if label.rule in patterns})
    used += sorted({rule for _, rule in analysis.cuts.values() if rule in patterns})
    if used:
        click.echo("\nrules")
        for rule_id in dict.fromkeys(used):
            say(f"  {rule_id}: {patterns[rule_id]}")
    if analysis.findings:
        click.echo("")
        for finding in analysis.findings:
            where = f" line {finding.line}" if finding.line else ""
            say(f"{finding.severity:7}  {finding.rule}{where}: {finding.message}")


def line_rows(analysis: Any, why: dict[int, Any] | None = None) -> list[tuple[int, str, str | None, str]]:
    """``(number, label, rule, text)`` for every line, for ``explain``: the rule that decided
    it, or the model's probability and the three features that pushed it most."""
    rows = []
    why = why or {}
    for index, (line, label) in enumerate(zip(analysis.lines, analysis.labels, strict=True)):
        rule = str(why[index]) if index in why else label.rule
        cut = analysis.cuts.get(index)
        if cut is not None and label.kind is Kind.BODY:
            rule = f"{rule or 'body'}; cut {line.text[cut[0] :]!r} by {cut[1]}"
        rows.append((line.number, label.kind.value, rule, line.text))
    return rows
