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


MAX_BYTES = 5_000_000  # a rule file larger than this is refused before it is parsed
MAX_VALUES = 200_000  # values a rule file may hold once its aliases are expanded


def _index(
    node: yaml.Node, where: tuple[Any, ...], lines: dict[tuple[Any, ...], int], seen: set[int] | None = None
) -> None:
    """The line of every value, each node indexed once: an alias (``*name``) points at a node
    already indexed under its anchor, and walking it again is how a few hundred bytes of
    nested aliases ("billion laughs") would cost gigabytes."""
    seen = set() if seen is None else seen
    lines[where] = node.start_mark.line + 1
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _index(value, (*where, key.value), lines, seen)
            lines[(*where, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*where, i), lines, seen)


def _expanded(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values the document holds with every alias written out (each node sized once)."""
    found = sizes.get(id(node))
    if found is None:
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            children = []
        found = sizes[id(node)] = 1 + sum(_expanded(child, sizes) for child in children)
    return found


def _compose_and_construct(path: Path, text: str) -> tuple[yaml.Node | None, Any]:
    """One parse gives both the node tree (for the lines) and the data built from it; a tree
    whose aliases expand past ``MAX_VALUES`` is refused before anything is built from it."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        if node is not None and _expanded(node, {}) > MAX_VALUES:
            message = f"holds more than {MAX_VALUES:,} values once its aliases are expanded"
            raise RuleFileError(path, node.start_mark.line + 1, message)
        return node, None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def load_yaml(path: Path) -> Located:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise RuleFileError(path, None, f"{size:,} bytes, over the {MAX_BYTES:,}-byte limit for a rule file")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, f"cannot read: {exc}") from exc
    try:
        node, data = _compose_and_construct(path, text)
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
