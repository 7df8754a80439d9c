from pathlib import Path

import pytest

from copydesk.pipeline import analyse, declared_language
from copydesk.rules.manifest import ManifestEntry
from copydesk.rules.ruleset import RuleSet

ARABIC = "أعلنت البلدية افتتاح الميناء الجديد صباح اليوم، وقال رئيسها إن العمل بدأ منذ عامين.\n" * 3


def test_declared_language_comes_from_manifest_then_profile(project_rules: RuleSet) -> None:
    assert declared_language(project_rules, None) is None
    assert declared_language(project_rules, ManifestEntry(Path("x"), source="arabic-outlet")) == "ar"
    assert declared_language(project_rules, ManifestEntry(Path("x"), source="arabic-outlet", language="fa")) == "fa"
    assert declared_language(project_rules, ManifestEntry(Path("x"), source="nobody")) is None


def test_profile_language_guides_legacy_decoding(project_rules: RuleSet, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    analysis = analyse(path, "a.txt", project_rules, ManifestEntry(path, source="arabic-outlet"))
    assert analysis.outcome.decoded is not None
    assert analysis.outcome.decoded.text == ARABIC and analysis.language == "ar"
    assert analysis.cleaning is not None and analysis.cleaning.rebuild() == ARABIC


SCIENCE = [
    "Researchers at the coastal laboratory spent four winters counting the mussels that cling to the old pier, "
    "and the numbers they published this week surprised even the most cautious members of the team.",
    "The count rose in every season they measured, which the authors link to cooler water flowing in from the "
    "north after the harbour wall was rebuilt and the currents around the pier changed direction.",
    "Local fishermen had noticed the change first, the study says, because their nets came up heavier with "
    "shells each spring and the gulls that feed on the mussels stayed longer into the summer months.",
    "Other biologists urged caution about the result, saying that four winters is a short record for animals "
    "that can live for decades, and that one pier cannot speak for a whole stretch of the coast.",
    "The team plans to widen the survey next year to six more piers along the bay, with help from volunteers "
    "who will photograph the same patches of wall at every low tide for the whole of the season.",
]


def test_a_share_bar_inside_the_article_does_not_end_it(tmp_path: Path, project_rules: RuleSet) -> None:
    """Share bars sit above, inside and below articles; the comments after the article still go."""
    page = "\n\n".join(
        [
            "Mussels return to the old pier",
            "Share this article",
            *SCIENCE[:3],
            "Share this article",
            "Newsletter",
            *SCIENCE[3:],
            "Leave a comment",
            "Great piece, thanks for writing it up so clearly, I have sent it to my whole family already.",
        ]
    )
    path = tmp_path / "mussels.txt"
    path.write_text(page + "\n", encoding="utf-8")
    analysis = analyse(path, "mussels.txt", project_rules)
    assert analysis.article_text.strip().split("\n\n") == SCIENCE


def test_boilerplate_ratio_counts_what_the_removed_spans_hold(tmp_path: Path, project_rules: RuleSet) -> None:
    """The ratio is taken as text minus kept; it must equal the removed spans' own count,
    an in-line cut included (kept text and spans partition the text)."""
    fixtures = Path(__file__).parent / "fixtures" / "articles"
    reposted = tmp_path / "repost.txt"  # the profile cuts the headline's trailing "More:"
    reposted.write_text(
        "Talks on the harbour plan will go on More:\n\n" + "\n\n".join(SCIENCE) + "\n", encoding="utf-8"
    )
    pages = [(fixtures / name, None) for name in ("harbour_gazette_en.txt", "sahil_ar.txt", "all_chrome_en.txt")]
    pages.append((reposted, ManifestEntry(reposted, source="blogger-repost")))
    for page, entry in pages:
        result = analyse(page, page.name, project_rules, entry)
        assert result.cleaning is not None and result.outcome.decoded is not None
        total = sum(map(len, result.outcome.decoded.text.split()))
        removed = sum(len("".join(span.text.split())) for span in result.cleaning.removed)
        assert removed > 0
        assert result.boilerplate_ratio == round(removed / total, 4)
    assert result.cuts  # the last page's line was cut, not removed whole


def test_a_file_of_more_lines_than_the_limit_is_refused_after_decoding(
    tmp_path: Path, project_rules: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Millions of one-character lines under --max-bytes used to take gigabytes."""
    from copydesk import pipeline

    monkeypatch.setattr(pipeline, "MAX_LINES", 100)
    path = tmp_path / "lines.txt"
    path.write_text("a\n" * 150, encoding="utf-8")
    analysis = pipeline.analyse(path, "lines.txt", project_rules)
    assert [f.rule for f in analysis.findings if f.severity == "error"] == ["input.too_many_lines"]
    assert analysis.verdict == "fail" and analysis.lines == []
    path.write_text("a\n" * 50, encoding="utf-8")
    assert "input.too_many_lines" not in {f.rule for f in pipeline.analyse(path, "lines.txt", project_rules).findings}
