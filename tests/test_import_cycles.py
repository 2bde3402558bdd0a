"""No import circle between the files of `debate_editor/` (the README's architecture).

Every module is parsed with `ast`; each `import` and `from … import` names an edge from
its file to the file it loads, imports inside functions included (a deferred import is
still a dependency, and a circle hidden in a function is still a circle); only imports
under `if TYPE_CHECKING:` are left out, since they never run. A circle fails the test,
listed file by file.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "debate_editor"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported(tree: ast.AST, here: str, is_package: bool) -> set[str]:
    """The module names `tree` imports, resolved (relative ones too)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = here.split(".") if is_package else here.split(".")[:-1]
                package = package[:len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph() -> nx.DiGraph:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(files)
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for target in imported(tree, name, path.name == "__init__.py"):
            # `from debate_editor.ui import edits` names the module edits, not the package.
            while target and target not in files:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(f"{target}."):
                graph.add_edge(name, target)
    return graph


def test_the_graph_sees_imports_inside_functions_and_skips_type_checking() -> None:
    tree = ast.parse("from typing import TYPE_CHECKING\n"
                     "if TYPE_CHECKING:\n    from debate_editor.ui import session\n"
                     "def f():\n    from debate_editor.ui.canvas import Canvas\n")
    found = imported(tree, "debate_editor.ui.x", False)
    assert "debate_editor.ui.canvas" in found
    assert "debate_editor.ui.session" not in found
    graph = import_graph()
    assert graph.has_edge("debate_editor.ui.main_window", "debate_editor.ui.canvas")
    assert graph.has_edge("debate_editor.cli", "debate_editor.ui.app")  # inside a function


def test_no_file_of_the_package_imports_itself_in_a_circle() -> None:
    graph = import_graph()
    circles = [" → ".join([*cycle, cycle[0]]) for cycle in nx.simple_cycles(graph)]
    assert not circles, "import circles:\n" + "\n".join(sorted(circles))
