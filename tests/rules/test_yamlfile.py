"""The rule loader reads with libyaml when it can: same data and same lines as PyYAML's own."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from copydesk.rules import yamlfile
from copydesk.rules.errors import RuleFileError
from tests.conftest import RULES

FILES = sorted(RULES.rglob("*.yaml"))


def python_lines(text: str) -> dict[tuple[Any, ...], int]:
    lines: dict[tuple[Any, ...], int] = {}
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is not None:
        yamlfile._index(node, (), lines)
    return lines


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_rule_file_loads_as_the_pure_python_loader_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    located = yamlfile.load_yaml(path)
    assert located.data == yaml.safe_load(text)
    assert located.lines == python_lines(text)


LOADERS = [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)]


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both loaders: the pure-Python one is what runs where PyYAML was built without libyaml."""
    monkeypatch.setattr(yamlfile, "_LOADER", request.param)


@pytest.mark.usefixtures("loader")
def test_an_empty_file_is_no_data(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert yamlfile.load_yaml(path).data is None


@pytest.mark.usefixtures("loader")
def test_a_second_document_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("a: 1\n---\nb: 2\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        yamlfile.load_yaml(path)
    assert caught.value.line == 2


@pytest.mark.usefixtures("loader")
def test_data_and_lines_agree_whichever_loader_reads(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("language: en\nmarkers:\n  - id: a\n    pattern: 'x'\n  - id: b\n", encoding="utf-8")
    located = yamlfile.load_yaml(path)
    assert located.data == {"language": "en", "markers": [{"id": "a", "pattern": "x"}, {"id": "b"}]}
    assert located.line("markers", 1, "id") == 5


def test_nested_aliases_are_refused_before_they_are_expanded(tmp_path: Path) -> None:
    """A few hundred bytes of nested aliases ("billion laughs") used to take gigabytes."""
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    path = tmp_path / "laughs.yaml"
    path.write_text("language: en\n" + "\n".join(levels) + "\nlines: *i\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="once its aliases are expanded"):
        yamlfile.load_yaml(path)


def test_an_alias_used_a_few_times_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "shared.yaml"
    path.write_text("language: en\nlines: &menu ['^Home$', '^Menu$']\nsection_markers: *menu\n", encoding="utf-8")
    assert yamlfile.load_yaml(path).data["section_markers"] == ["^Home$", "^Menu$"]


def test_a_rule_file_over_the_size_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlfile, "MAX_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text("language: en\nlines:\n" + "  - '^x$'\n" * 50, encoding="utf-8")
    with pytest.raises(RuleFileError, match="over the 100-byte limit"):
        yamlfile.load_yaml(path)
