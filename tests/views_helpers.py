"""Reading what the columns and the outline show, to compare with the document."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import open_window
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import LinkKind
from debate_editor.ui.main_window import MainWindow
from debate_editor.ui.outline_model import ClaimRole, LinkRole, OutlineModel


def open_views(qtbot, path: Path, size: tuple[int, int] = (1600, 1000)) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window with the outline and the columns shown (whatever an earlier test left in
    the remembered window state), the map with the focus."""
    window = open_window(qtbot, path, size=size)
    for dock in window.docks.values():
        dock.setFloating(False)
        dock.show()
    QApplication.processEvents()
    window.canvas.view.setFocus()
    return window


def outline_rows(model: OutlineModel, parent: QModelIndex | None = None,
                 depth: int = 0) -> list[tuple[int, str, str | None]]:
    """Every row of the outline, opened all the way: (depth, claim, link)."""
    parent = parent if parent is not None else QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append((depth, index.data(ClaimRole), index.data(LinkRole)))
        rows.extend(outline_rows(model, index, depth + 1))
    return rows


def expected_outline(graph: DebateGraph) -> list[tuple[int, str, str | None]]:
    """The outline the brief asks for, straight from the graph: each thesis, under each
    claim its pros then its cons in stored order, then the objections to the link it
    stands by; a claim already above itself is shown and not opened again."""
    rows: list[tuple[int, str, str | None]] = []

    def walk(claim: str, link: str | None, depth: int, above: frozenset[str]) -> None:
        rows.append((depth, claim, link))
        if claim in above:
            return
        kids = [r.link for r in graph.pros(claim)] + [r.link for r in graph.cons(claim)]
        if link is not None:
            kids += [r.link for r in graph.undercuts(link)]
        for kid in kids:
            walk(kid.source, kid.id, depth + 1, above | {claim})

    for thesis in graph.theses():
        walk(thesis.id, None, 0, frozenset())
    return rows


def column_contents(window: MainWindow) -> tuple[str | None, list[tuple], list[tuple]]:
    """The claim on top of the columns, and each column's (link, claim, pros, cons)."""
    columns = window.views["columns"]
    shown = []
    for kind in (LinkKind.SUPPORT, LinkKind.OBJECTION):
        model = columns.lists[kind].reasons  # type: ignore[attr-defined]
        shown.append([(e.link.id, e.claim.id, e.pros, e.cons) for e in model.entries])
    return columns.focus, shown[0], shown[1]  # type: ignore[attr-defined]


def expected_columns(graph: DebateGraph, focus: str, via: str | None = None
                     ) -> tuple[list[tuple], list[tuple]]:
    def entry(link_id: str, claim_id: str) -> tuple:
        return (link_id, claim_id, len(graph.pros(claim_id)), len(graph.cons(claim_id)))

    pros = [entry(r.link.id, r.claim.id) for r in graph.pros(focus)]
    cons = [entry(r.link.id, r.claim.id) for r in graph.cons(focus)]
    if via is not None:
        cons += [entry(r.link.id, r.claim.id) for r in graph.undercuts(via)]
    return pros, cons


def check_views(window: MainWindow) -> None:
    """The outline and the columns show exactly the document's claims and links."""
    graph = window.document.graph
    outline = window.views["outline"]
    rows = outline_rows(outline.model)  # type: ignore[attr-defined]
    assert rows == expected_outline(graph)
    assert {claim for _, claim, _ in rows} == set(graph.claims)
    assert {link for _, _, link in rows if link is not None} == set(graph.links)
    focus, pros, cons = column_contents(window)
    via = window.views["columns"].trail[-1][1] if focus else None  # type: ignore[attr-defined]
    assert (pros, cons) == expected_columns(graph, focus, via) if focus else ([], [])
