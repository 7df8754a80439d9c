from pathlib import Path

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
