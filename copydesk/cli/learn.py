"""``copydesk learn``: a source profile from the lines a folder's pages repeat, for review."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from copydesk.cli.common import default_manifests, die, manifest_option, say
from copydesk.rules.errors import RuleFileError
from copydesk.run.discover import discover


@click.command(name="learn")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--source", "source_id", required=True, help="The profile id to write (lower case).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write the profile here, not stdout.")
@manifest_option
def learn(folder: Path, source_id: str, out: Path | None, manifest: Path | None) -> None:
    """Write a source profile from the lines FOLDER's files repeat, for review."""
    import regex

    from copydesk.io import os_problem, write_atomic
    from copydesk.rules.learn import learn as learn_profile
    from copydesk.rules.learn import profile_yaml
    from copydesk.rules.manifest import load_manifests

    if not regex.fullmatch(r"[a-z0-9][a-z0-9._-]*", source_id):
        die(f"--source {source_id!r}: use lower-case letters, digits, '.', '_' or '-'")
    manifests = default_manifests(manifest, (folder,))
    try:
        entries = load_manifests(manifests)
    except RuleFileError as exc:
        die(str(exc))
    items = discover([folder], frozenset(path.resolve() for path in manifests))
    found = learn_profile(items, entries)
    if found.files < 4:
        die(f"{folder}: {found.files} readable file(s); learning needs 4 or more pages of the source")
    text = profile_yaml(source_id, found, str(folder))
    if out is None:
        sys.stdout.write(text)
    else:
        try:
            write_atomic(out, text)
        except OSError as exc:
            die(f"cannot write the profile: {os_problem(exc)}")
        say(f"wrote {out}: {len(found.repeated())} repeated line(s) from {found.files} files", err=True)
