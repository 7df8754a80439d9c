"""YAML with positions: load a rule file and remember the line of every key and item.

PyYAML's safe loader forgets where values came from; composing the node tree first
lets every validation error name the line the user has to fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from copydesk.rules.errors import RuleFileError

# libyaml's loader builds the same nodes and marks as the pure-Python one at a tenth of the
# cost, and every run reads the whole rule folder before its first file.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located:
    """A loaded document plus the 1-based line of each value, keyed by its path tuple."""

    def __init__(self, path: Path, data: Any, lines: dict[tuple[Any, ...], int]) -> None:
        self.path = path
        self.data = data
        self.lines = lines

    def line(self, *where: Any) -> int | None:
        while where:
            if where in self.lines:
                return self.lines[where]
            where = where[:-1]
        return self.lines.get((), 1)

    def error(self, reason: str, *where: Any) -> RuleFileError:
        dotted = ".".join(str(part) if isinstance(part, str) else f"[{part}]" for part in where).replace(".[", "[")
        return RuleFileError(self.path, self.line(*where), f"{dotted}: {reason}" if dotted else reason)


def _index(node: yaml.Node, where: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _index(value, (*where, key.value), lines)
            lines[(*where, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*where, i), lines)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """One parse gives both the node tree (for the lines) and the data built from it."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        return node, None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def load_yaml(path: Path) -> Located:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, f"cannot read: {exc}") from exc
    try:
        node, data = _compose_and_construct(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RuleFileError(path, line, f"invalid YAML: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise RuleFileError(path, None, f"invalid YAML: {exc}") from exc
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _index(node, (), lines)
    return Located(path, data, lines)
