from pathlib import Path

import pytest

from copydesk.rules.errors import RuleFileError
from copydesk.rules.manifest import load_manifest, missing


def test_csv_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    csv = tmp_path / "m.csv"
    csv.write_text(
        "path,url,source,fetched_at,language,license\na.txt,https://www.x.example/1,x,2021-05-25T10:00:00Z,en,\n"
    )
    entry = load_manifest(csv)[(tmp_path / "a.txt").resolve()]
    assert entry.source == "x" and entry.language == "en" and entry.license is None and entry.line == 2
    jsonl = tmp_path / "m.jsonl"
    jsonl.write_text('{"path": "a.txt", "source": "x"}\n\n{"path": "sub/b.txt"}\n')
    entries = load_manifest(jsonl)
    assert set(entries) == {(tmp_path / "a.txt").resolve(), (tmp_path / "sub" / "b.txt").resolve()}


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("path,source\n../outside.txt,x\n", 2, "outside the manifest's folder"),
        ("path,source\n/etc/passwd,x\n", 2, "outside the manifest's folder"),
        ("path,fetched_at\na.txt,yesterday\n", 2, "not an ISO 8601"),
        ("path,colour\na.txt,red\n", 1, "unknown column"),
        ("url\nhttps://x.example\n", 1, "path at least"),
        ("path\na.txt\na.txt\n", 3, "already listed on line 2"),
    ],
)
def test_broken_csv_manifests(tmp_path: Path, text: str, line: int, needle: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(text)
    with pytest.raises(RuleFileError) as caught:
        load_manifest(path)
    assert caught.value.line == line and needle in caught.value.reason


def test_broken_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text('{"path": "a.txt"}\n{oops\n')
    with pytest.raises(RuleFileError) as caught:
        load_manifest(path)
    assert caught.value.line == 2 and "invalid JSON" in caught.value.reason


def test_declared_files_that_do_not_exist_are_named_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "here.txt").write_text("x")
    (tmp_path / "news").mkdir()
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,source\nhere.txt,a\nnews/gone.txt,a\nlost.txt,b\n", encoding="utf-8")
    assert missing(load_manifest(manifest)) == [
        f"{manifest}:3: declares 'news/gone.txt', which does not exist",
        f"{manifest}:4: declares 'lost.txt', which does not exist",
    ]
