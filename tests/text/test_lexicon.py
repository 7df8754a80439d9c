"""Date names from dateparser, and the copy of them kept in the cache folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk.text import lexicon as lexicon_module

PROBE = (
    "import sys\n"
    "from copydesk.text.lexicon import lexicon\n"
    "words = lexicon('de')\n"
    "print(words.months['märz'], words.weekdays['montag'], words.day_first, 'dateparser' in sys.modules)\n"
)


def _probe(cache: Path) -> str:
    environment = {**os.environ, "COPYDESK_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=environment, check=True)
    return done.stdout.strip()


def test_a_second_run_reads_the_names_without_dateparser(tmp_path: Path) -> None:
    assert _probe(tmp_path) == "3 0 True True"  # read from dateparser, then kept
    (saved,) = tmp_path.glob("date-names-*.json")
    assert "märz" in json.loads(saved.read_text(encoding="utf-8"))["de"][0]
    assert _probe(tmp_path) == "3 0 True False"  # the same names, dateparser never imported


def test_a_damaged_copy_is_read_from_dateparser_again(tmp_path: Path) -> None:
    _probe(tmp_path)
    (saved,) = tmp_path.glob("date-names-*.json")
    for damage in ("{not json", '{"de": [{"märz": "three"}, {}, "DMY"]}', "[]"):
        saved.write_text(damage, encoding="utf-8")
        assert _probe(tmp_path) == "3 0 True True"


def test_without_a_cache_folder_nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPYDESK_CACHE_DIR", "")
    assert lexicon_module._saved_path() is None
    lexicon_module._save()  # nowhere to write: nothing happens
