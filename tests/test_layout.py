"""The tree reads the way the data moves: imports point down the flow, and none go round in a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "copydesk"
UPSTREAM = ("text", "decode", "label", "extract")  # the per-file steps and what they share
DOWNSTREAM = ("copydesk.reports", "copydesk.run", "copydesk.cli")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function (a deferred import is still a
    dependency); ``if TYPE_CHECKING:`` blocks are for the type checker and left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in checking:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("copydesk"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("copydesk"))
    return found


MODULES = {_module(path): path for path in PACKAGE.rglob("*.py")}


def test_the_steps_never_import_reports_runs_or_the_cli() -> None:
    wrong = []
    for name, path in MODULES.items():
        if name.split(".")[1:2] and name.split(".")[1] in UPSTREAM:
            wrong += [f"{name} imports {target}" for target in _imports(path) if target.startswith(DOWNSTREAM)]
    assert not wrong


def test_no_import_cycles_between_modules() -> None:
    graph = {
        name: {target for target in _imports(path) if target in MODULES and target != name}
        for name, path in MODULES.items()
    }
    for name in graph:  # a package's __init__ is not an edge to its modules
        graph[name] = {t for t in graph[name] if not name.startswith(t + ".")}
    seen: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if seen.get(target) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(target) :], target]))
            if target not in seen:
                visit(target)
        stack.pop()
        seen[node] = 2

    for node in sorted(graph):
        if node not in seen:
            visit(node)


def test_the_package_root_holds_only_what_every_stage_shares() -> None:
    root = sorted(path.stem for path in PACKAGE.glob("*.py"))
    assert root == ["__init__", "__main__", "api", "io", "model", "pipeline"]
