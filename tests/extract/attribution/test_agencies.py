from pathlib import Path

from copydesk.pipeline import analyse
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.ruleset import RuleSet

BODY = "Officials said the talks would continue next week, and both sides described the meeting as useful."


def run(tmp_path: Path, rules: RuleSet, text: str, **entry: str) -> tuple[list[str], list[str]]:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    manifest = ManifestEntry(path=path, **entry) if entry else None  # type: ignore[arg-type]
    analysis = analyse(path, "story.txt", rules, manifest)
    return analysis.article.agencies or [], [f.rule for f in analysis.findings]


def test_dateline_credit_and_republication(tmp_path: Path, project_rules: RuleSet) -> None:
    text = f"Talks resume\n\nWASHINGTON (AP) — {BODY}\n\n{BODY}\n"
    agencies, rules = run(tmp_path, project_rules, text, url="https://www.example-news.com/a", source="example")
    assert agencies == ["AP"]
    assert "attribution.republished" in rules


def test_a_mention_is_not_a_credit(tmp_path: Path, project_rules: RuleSet) -> None:
    text = (
        f"Talks resume\n\n{BODY}\n\nThe minister told Reuters in an interview that he was hopeful about it.\n\n{BODY}\n"
    )
    assert run(tmp_path, project_rules, text)[0] == []


def test_copyright_and_carried_by_credits(tmp_path: Path, project_rules: RuleSet) -> None:
    text = f"Talks resume\n\n{BODY}\n\n{BODY}\n\nCopyright 2016 United Press International, Inc.\n"
    assert run(tmp_path, project_rules, text)[0] == ["UPI"]
    arabic = "وقال الوزير في تصريحات نقلتها وكالة أنباء تاس الروسية إن المحادثات ستستمر الأسبوع المقبل بين الطرفين."
    assert run(tmp_path, project_rules, f"{arabic}\n{arabic}\n")[0] == ["TASS"]
