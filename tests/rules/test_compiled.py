import hashlib
import os
import pickle
from pathlib import Path

import pytest
import regex

from copydesk.rules import compiled
from copydesk.rules.compiled import Store, frozen, location, read_store, write_store

FLAGS = regex.VERSION1 | regex.UNICODE
SOURCE = r"(?i)^(?:related (?:topics|stories)|more from)\b"


def _file(tmp_path: Path) -> Path:
    return tmp_path / "patterns.pickle"


def test_a_second_process_loads_what_the_first_compiled(tmp_path: Path) -> None:
    first = Store(_file(tmp_path))
    first.compile(SOURCE, FLAGS)
    assert first.fresh == 1
    first.persist()
    second = Store(_file(tmp_path))
    pattern = second.compile(SOURCE, FLAGS)
    assert second.fresh == 0  # loaded, not parsed
    assert pattern.match("Related Stories") and not pattern.match("Unrelated stories")
    assert pattern.pattern == SOURCE and pattern.flags == regex.compile(SOURCE, FLAGS).flags


def test_the_same_source_with_other_flags_is_another_pattern(tmp_path: Path) -> None:
    store = Store(_file(tmp_path))
    plain = store.compile("^a$", FLAGS)
    multiline = store.compile("^a$", FLAGS | regex.MULTILINE)
    assert plain is not multiline
    assert multiline.search("b\na") and not plain.search("b\na")


def test_a_broken_pattern_still_raises_with_a_warm_cache(tmp_path: Path) -> None:
    store = Store(_file(tmp_path))
    store.compile(SOURCE, FLAGS)
    store.persist()
    with pytest.raises(regex.error):
        Store(_file(tmp_path)).compile("(unclosed", FLAGS)


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    store = Store(_file(tmp_path))
    store.compile(SOURCE, FLAGS)
    store.persist()
    data = bytearray(_file(tmp_path).read_bytes())
    data[-5] ^= 0xFF
    _file(tmp_path).write_bytes(bytes(data))
    assert read_store(_file(tmp_path)) == {}
    again = Store(_file(tmp_path))
    assert again.compile(SOURCE, FLAGS).match("more from")
    assert again.fresh == 1  # compiled afresh


def _planted(path: Path, table: object) -> None:
    """A well-formed file (its digest right) holding ``table``: only the unpicklers stop it."""
    payload = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
    path.write_bytes(hashlib.blake2b(payload, digest_size=32).digest() + payload)


def test_a_file_that_would_build_anything_but_patterns_is_refused(tmp_path: Path) -> None:
    _planted(_file(tmp_path), {("x", 0): os.getcwd})
    assert read_store(_file(tmp_path)) == {}


def test_a_stored_pattern_that_would_build_anything_else_is_compiled_afresh(tmp_path: Path) -> None:
    key = (SOURCE, int(FLAGS))
    _planted(_file(tmp_path), {key: pickle.dumps(os.getcwd)})
    store = Store(_file(tmp_path))
    assert store.compile(SOURCE, FLAGS).match("Related topics")
    assert store.fresh == 1


def test_a_stored_pattern_under_another_key_is_compiled_afresh(tmp_path: Path) -> None:
    _planted(_file(tmp_path), {(SOURCE, int(FLAGS)): frozen(regex.compile("anything", FLAGS))})
    store = Store(_file(tmp_path))
    assert store.compile(SOURCE, FLAGS).match("More from")
    assert store.fresh == 1


def test_only_the_patterns_asked_for_are_unpickled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = {(f"p{i}", int(FLAGS)): frozen(regex.compile(f"p{i}", FLAGS)) for i in range(200)}
    write_store(_file(tmp_path), table)
    built: list[str] = []
    thaw = compiled.thawed
    monkeypatch.setattr(compiled, "thawed", lambda stored, key: built.append(key[0]) or thaw(stored, key))
    store = Store(_file(tmp_path))
    assert store.compile("p7", FLAGS).match("p7") and store.compile("p7", FLAGS).match("p7")
    assert built == ["p7"] and store.fresh == 0
    store.compile("new", FLAGS)
    store.persist()
    assert read_store(_file(tmp_path)) == {**table, ("new", int(FLAGS)): frozen(store.compile("new", FLAGS))}


def test_nothing_is_written_where_nothing_can_be(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = Store(blocker / "patterns.pickle")
    assert store.compile(SOURCE, FLAGS).match("Related topics")
    store.persist()  # no error: the cache only ever speeds things up
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_later_writes_wait_for_a_batch_unless_forced(tmp_path: Path) -> None:
    store = Store(_file(tmp_path))
    store.compile("first", FLAGS)
    store.persist()
    store.compile("second", FLAGS)
    store.persist()
    assert set(read_store(_file(tmp_path))) == {("first", int(FLAGS))}
    store.persist(force=True)
    assert set(read_store(_file(tmp_path))) == {("first", int(FLAGS)), ("second", int(FLAGS))}


def test_the_file_keeps_this_process_patterns_first_and_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_store(_file(tmp_path), {(f"old{i}", int(FLAGS)): frozen(regex.compile(f"old{i}", FLAGS)) for i in range(5)})
    monkeypatch.setattr(compiled, "MAX_PATTERNS", 3)
    store = Store(_file(tmp_path))
    store.compile("new", FLAGS)
    store.persist()
    kept = read_store(_file(tmp_path))
    assert len(kept) == 3 and ("new", int(FLAGS)) in kept


def test_another_process_additions_are_merged(tmp_path: Path) -> None:
    one, other = Store(_file(tmp_path)), Store(_file(tmp_path))
    one.compile("one", FLAGS)
    other.compile("other", FLAGS)
    one.persist()
    other.persist()
    assert {("one", int(FLAGS)), ("other", int(FLAGS))} <= set(read_store(_file(tmp_path)))


def test_where_the_file_goes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COPYDESK_CACHE_DIR", "")
    assert location() is None
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "mine"))
    assert location() is not None and location().parent == tmp_path / "mine"  # type: ignore[union-attr]
    monkeypatch.delenv("COPYDESK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    found = location()
    assert found is not None and found.parent == tmp_path / "xdg" / "copydesk"
    assert regex.__version__ in found.name  # another regex release writes another file


def test_without_a_file_every_pattern_is_compiled_once_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(None)
    assert store.compile(SOURCE, FLAGS) is store.compile(SOURCE, FLAGS)
    store.persist(force=True)  # nowhere to write: nothing happens


@pytest.mark.parametrize("how", ["files", "stream"])
def test_a_run_leaves_its_patterns_for_the_next(tmp_path: Path, how: str) -> None:
    import json
    import subprocess
    import sys

    from tests.conftest import ARTICLES, RULES

    article = ARTICLES / "harbour_gazette_en.txt"
    command = [sys.executable, "-m", "copydesk", "check", "--rules", str(RULES), "--fail-on", "never"]
    stdin = None
    if how == "files":
        command.append(str(article))
    else:
        command.append("-")
        stdin = json.dumps({"path": "a.txt", "text": article.read_text(encoding="utf-8")}) + "\n"
    environment = {**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, env=environment, check=False)
    assert done.returncode == 0, done.stderr
    (written,) = (tmp_path / "cache").glob("patterns-*.pickle")
    assert len(read_store(written)) > 50  # the rules' patterns, and those the steps build
    assert list((tmp_path / "cache").glob("date-names-*.json"))  # and the date names read from dateparser
