import json
import shutil
from pathlib import Path

from tests.conftest import ARTICLES, FIXTURES, RULES, run_cli


def run(folder: Path, out: Path, *args: str | Path) -> None:
    run_cli("check", folder, "--rules", RULES, "--out", out, "--no-corpus", *args)


def test_identical_runs_have_no_differences(tmp_path: Path) -> None:
    run(ARTICLES / "harbour_gazette_en.txt", tmp_path / "a")
    run(ARTICLES / "harbour_gazette_en.txt", tmp_path / "b", "--no-cache")
    result = run_cli("diff", tmp_path / "a", tmp_path / "b")
    assert result.exit_code == 0 and result.output.strip() == "0 file(s) changed"


def test_changes_in_verdict_findings_fields_and_files_are_listed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("courrier_fr.txt", "harbour_gazette_en.txt", "no_chrome_en.txt"):
        shutil.copy(ARTICLES / name, folder / name)
    run(folder, tmp_path / "old")
    (folder / "no_chrome_en.txt").unlink()
    shutil.copy(ARTICLES / "sahil_ar.txt", folder / "sahil_ar.txt")
    run(folder, tmp_path / "new", "--schema", FIXTURES / "batch" / "strict.schema.yaml")
    result = run_cli("diff", tmp_path / "old", tmp_path / "new")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "changed  courrier_fr.txt: verdict" in lines[0] and "+schema.language.isin" in lines[0]
    assert "removed  no_chrome_en.txt (" in result.output and "added    sahil_ar.txt (fail)" in result.output
    data = json.loads(run_cli("diff", tmp_path / "old", tmp_path / "new", "--format", "json").output)
    assert {change["file"]: change["status"] for change in data} == {
        "courrier_fr.txt": "changed",
        "no_chrome_en.txt": "removed",
        "sahil_ar.txt": "added",
    }


def test_a_field_change_is_named(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    shutil.copy(ARTICLES / "harbour_gazette_en.txt", page)
    run(page, tmp_path / "old")
    text = page.read_text(encoding="utf-8").replace("night shipping trial", "night ferry trial", 1)
    page.write_text(text, encoding="utf-8")
    run(page, tmp_path / "new")
    result = run_cli("diff", tmp_path / "old", tmp_path / "new")
    assert result.exit_code == 1 and "title " in result.output


def test_a_folder_that_is_not_a_run_is_exit_2(tmp_path: Path) -> None:
    result = run_cli("diff", tmp_path, tmp_path)
    assert result.exit_code == 2 and "not a copydesk output folder" in result.output
