"""Cross-file repetition and ``copydesk learn`` on a small invented site."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
import yaml

from copydesk.label.corpus import line_key
from copydesk.rules.ruleset import load_profile
from copydesk.run.survey import Survey
from tests.conftest import RULES, reports_in, run_cli

HEADER = "Lakeside Courier\nYour town, every morning\nWeather: 12°C, light rain\n"
FOOTER = "Subscribe to the morning letter\nLakeside Courier is owned by its readers' cooperative since 1921\n"
STORIES = [
    (
        "Ferry fares to rise in spring",
        "The ferry company said on Monday that fares would rise by five percent in April.",
    ),
    ("New library opens on Mill Street", "The new library opened its doors on Saturday with a reading for children."),
    ("Council delays vote on parking", "The council postponed its vote on parking charges until the next session."),
    (
        "School choir wins regional prize",
        "The school choir won first prize at the regional festival on Sunday evening.",
    ),
    (
        "Road works close the bridge",
        "The old bridge will be closed to cars for three weeks while the road is repaired.",
    ),
]


def write_site(folder: Path, count: int = 5) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (title, lead) in enumerate(STORIES[:count]):
        body = f"{lead} Residents were told about it in a letter, and a meeting is planned for next week."
        page = f"{HEADER}\n{title}\n\n{body}\n\n{body.replace('letter', 'notice')}\n\n{FOOTER}"
        (folder / f"story{i}.txt").write_text(page, encoding="utf-8")


def test_survey_thresholds() -> None:
    survey = Survey()
    keys = [line_key("Menu"), line_key("Only here")]
    for i in range(4):
        survey.add("g", {keys[0]} | ({keys[1]} if i == 0 else set()))  # type: ignore[arg-type]
    assert survey.repeated("g") == frozenset({keys[0]})
    small = Survey()
    for _ in range(3):
        small.add("h", {keys[0]})  # type: ignore[arg-type]
    assert small.repeated("h") == frozenset()


def test_survey_counts_on_disk_beyond_its_bound_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    survey = Survey(held=5)
    menu, footer = line_key("Menu"), line_key("Footer")
    for i in range(10):
        survey.add("site", {menu, line_key(f"story {i}")} | ({footer} if i % 2 else set()))  # type: ignore[arg-type]
        survey.add("other", {line_key(f"alone {i}")})  # type: ignore[arg-type]
    assert survey._spool is not None and survey._spool.on_disk
    assert survey.repeated("site") == frozenset({menu, footer})  # footer in exactly half the files
    assert survey.repeated("other") == frozenset()
    assert survey._spool is None and not any(tmp_path.iterdir())  # counted once, then the table is gone
    with pytest.raises(RuntimeError):
        survey.add("site", {menu})  # type: ignore[arg-type]


@pytest.mark.parametrize("held", [1, 7, 40, 10_000])
def test_a_survey_finds_the_same_lines_whatever_it_held_in_memory(held: int) -> None:
    """Counts moved to disk part-way through a group's files add up with those held."""
    keys = {i: line_key(f"line {i}") for i in range(1, 31)}
    survey = Survey(held=held)
    for f in range(12):  # line i is in the files whose number it divides; "c" has the odd ones
        for group in ("a", "b", "c") if f % 2 else ("a", "b"):
            survey.add(group, {k for i, k in keys.items() if f % i == 0} | {line_key(f"{group} {f}")})  # type: ignore[arg-type]
    assert (survey._spool is None) == (held == 10_000)
    # "a" and "b": 12 files, a line is chrome in 6 (line 2 is in files 0, 2, ... 10);
    # "c": 6 files, in 3 (line 3 is in files 3 and 9 only)
    assert survey.repeated("a") == survey.repeated("b") == frozenset({keys[1], keys[2]})
    assert survey.repeated("c") == frozenset({keys[1]})


def test_a_small_survey_keeps_no_table() -> None:
    survey = Survey()
    for i in range(4):
        survey.add("site", {line_key("Menu"), line_key(f"story {i}")})  # type: ignore[arg-type]
    assert survey._spool is None and survey.repeated("site") == frozenset({line_key("Menu")})


def test_without_a_writable_temp_folder_the_survey_counts_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    survey = Survey(held=1)
    menu = line_key("Menu")
    for i in range(4):
        survey.add("site", {menu, line_key(f"story {i}")})  # type: ignore[arg-type]
    assert survey._spool is not None and not survey._spool.on_disk
    assert survey.repeated("site") == frozenset({menu})


def test_line_keys_fit_sqlite_integers() -> None:
    keys = [line_key(f"line number {i}") for i in range(2000)]
    assert all(key is not None and -(2**63) <= key < 2**63 for key in keys)
    assert any(key is not None and key < 0 for key in keys)  # the whole signed range is used


def test_repeated_lines_are_chrome_and_articles_stay(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    out = tmp_path / "out"
    result = run_cli("check", tmp_path / "site", "--out", out, "--rules", RULES, "--format", "json")
    assert result.exit_code == 0, result.output
    for name, report in reports_in(out).items():
        rules = {removed["rule"] for removed in report["boilerplate"]["removed"]}
        assert "corpus.repeated_across_files" in rules, name
        clean = (out / "files" / f"{name}.clean.txt").read_text()
        assert "Lakeside Courier" not in clean and "Subscribe" not in clean
        assert clean.count("Residents were told about it") == 2


def test_no_corpus_flag_and_small_runs(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    out = tmp_path / "out"
    run_cli("check", tmp_path / "site", "--out", out, "--rules", RULES, "--no-corpus")
    rules = {r["rule"] for report in reports_in(out).values() for r in report["boilerplate"]["removed"]}
    assert "corpus.repeated_across_files" not in rules
    write_site(tmp_path / "few", count=3)
    out = tmp_path / "out_few"
    run_cli("check", tmp_path / "few", "--out", out, "--rules", RULES)
    rules = {r["rule"] for report in reports_in(out).values() for r in report["boilerplate"]["removed"]}
    assert "corpus.repeated_across_files" not in rules


def test_learn_writes_a_profile_that_loads_and_cleans(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    profile = tmp_path / "rules" / "sources" / "lakeside.yaml"
    result = run_cli("learn", tmp_path / "site", "--source", "lakeside", "--out", profile)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(profile.read_text())
    lines = data["boilerplate"]["lines"]
    assert "^Lakeside Courier$" in lines and not any("Ferry" in line for line in lines)
    loaded = load_profile(profile)
    assert loaded.id == "lakeside" and len(loaded.boilerplate.lines) == len(lines)
    cleaned = run_cli("clean", tmp_path / "site" / "story0.txt", "--rules", tmp_path / "rules").output
    assert "Lakeside Courier" not in cleaned and "Subscribe" not in cleaned and "ferry company" in cleaned


def test_learn_needs_enough_pages(tmp_path: Path) -> None:
    write_site(tmp_path / "site", count=2)
    result = run_cli("learn", tmp_path / "site", "--source", "lakeside")
    assert result.exit_code == 2 and "learning needs 4 or more pages" in result.output
    assert run_cli("learn", tmp_path / "site", "--source", "Bad Id").exit_code == 2


def test_learn_says_in_one_line_when_the_profile_cannot_be_written(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    profile = tmp_path / "lakeside.yaml"
    profile.mkdir()  # a folder where the profile goes
    result = run_cli("learn", tmp_path / "site", "--source", "lakeside", "--out", profile)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"copydesk: error: cannot write the profile: {profile}: Is a directory" in result.output


@pytest.mark.parametrize("given", ["list", "inputs"])
def test_a_first_pass_run_by_the_caller_is_the_one_the_run_uses(tmp_path: Path, given: str) -> None:
    """``survey_corpus`` then ``run`` over the same items, as a list or on disk: the lines the
    pass learned are removed, as when ``run`` makes the pass itself."""
    from copydesk.run.discover import discover
    from copydesk.run.executor import RunConfig, run, survey_corpus
    from copydesk.run.inputs import Inputs

    write_site(tmp_path / "site")
    config = RunConfig(RULES, (), tmp_path / "out")
    found = discover([tmp_path / "site"])
    items = found if given == "list" else Inputs(found)
    surveyed = survey_corpus(items, config)
    assert surveyed is not None
    run(items, config, surveyed=surveyed)
    for name, report in reports_in(tmp_path / "out").items():
        assert "corpus.repeated_across_files" in {removed["rule"] for removed in report["boilerplate"]["removed"]}, name


def test_learn_quotes_what_the_manifest_gave_it(tmp_path: Path) -> None:
    """A host such as "!x.example" (a YAML tag) used to be written bare and break the profile."""
    site = tmp_path / "site"
    write_site(site)
    rows = [{"path": f"story{i}.txt", "url": f"https://!x.example/{i}"} for i in range(5)]
    (site / "manifest.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    profile = tmp_path / "rules" / "sources" / "lakeside.yaml"
    result = run_cli("learn", site, "--source", "lakeside", "--out", profile)
    assert result.exit_code == 0, result.output
    assert load_profile(profile).host == "!x.example"
