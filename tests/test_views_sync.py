"""All views show one document: edits and undos made on the map show in the columns and
the outline at once, and a claim selected in one view is selected in the others."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, SHIFT, card_box, drag, press, type_card
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from views_helpers import check_views, column_contents, open_views

from debate_editor.domain.model import LinkKind

K = Qt.Key


def test_canvas_edits_and_undos_show_in_columns_and_outline(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1500, 900))
    doc = window.document
    outline, columns = window.views["outline"], window.views["columns"]
    model_before = outline.model
    check_views(window)
    assert column_contents(window)[0] == "c1"  # the columns start on the thesis

    window.canvas.select("c1")
    press(qtbot, window, K.Key_S)
    type_card(qtbot, window, "A new reason for the thesis")
    check_views(window)
    new_pro = next(c.id for c in doc.claims() if c.text == "A new reason for the thesis")
    assert new_pro in [e[1] for e in column_contents(window)[1]]

    press(qtbot, window, K.Key_O)  # an objection to the new reason (it is selected)
    type_card(qtbot, window, "That reason is weak")
    check_views(window)

    window.canvas.select("c1")
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, "The DoD is the wrong place for it")
    check_views(window)
    assert [e[1] for e in column_contents(window)[2]] != []  # a con of the thesis at once

    # A claim under a second parent: drag from c6's edge onto c5.
    press(qtbot, window, K.Key_0, CTRL)
    source, target = card_box(window, "c6"), card_box(window, "c5")
    drag(qtbot, window, QPoint(source.center().x(), source.top() + 2), target.center())
    assert {lk.target for lk in doc.graph.outgoing("c6")} == {"c3", "c5"}
    check_views(window)

    window.canvas.select("c3")
    press(qtbot, window, K.Key_Delete)  # c3 goes, and c6 stays under c5
    check_views(window)
    window.canvas.select("c4")
    press(qtbot, window, K.Key_K, SHIFT)  # its kind changes: the rows redraw
    steps = window.session.undo_stack.count()
    for _ in range(steps):
        press(qtbot, window, K.Key_Z, CTRL)
        check_views(window)
    assert len(doc.graph.claims) == 7
    for _ in range(steps):
        press(qtbot, window, K.Key_Z, CTRL | SHIFT)
        check_views(window)
    assert outline.model is model_before  # updated in place, never rebuilt
    assert columns.focus == "c1"


def test_selecting_in_each_view_selects_in_the_others(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1500, 900))
    outline, columns, canvas = (window.views["outline"], window.views["columns"],
                                window.canvas)

    # On the map: click a card.
    press(qtbot, window, K.Key_0, CTRL)
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=card_box(window, "c6").center())
    assert canvas.scene.selected_claims() == ["c6"]
    assert outline.current_claim() == "c6"
    assert columns.selected_claim() == "c6" and columns.focus == "c6"
    assert [cid for cid, _ in columns.trail] == ["c1", "c3", "c6"]

    # In the outline: arrow keys move the selection; the map and the columns follow.
    outline.tree.setFocus()
    qtbot.keyClick(outline.tree, K.Key_Up)  # c6's parent, c3
    assert outline.current_claim() == "c3"
    assert canvas.scene.selected_claims() == ["c3"]
    assert columns.focus == "c3"
    qtbot.keyClick(outline.tree, K.Key_Home)
    assert canvas.scene.selected_claims() == ["c1"] and columns.focus == "c1"

    # In the columns: choosing a reason selects it everywhere, without leaving the claim.
    pros = columns.lists[LinkKind.SUPPORT]
    pros.setFocus()
    qtbot.keyClick(pros, K.Key_Down)
    qtbot.keyClick(pros, K.Key_Down)
    assert columns.selected_claim() == "c3" and columns.focus == "c1"
    assert canvas.scene.selected_claims() == ["c3"]
    assert outline.current_claim() == "c3"
    # Opening it with Enter keeps it selected elsewhere; Backspace comes back to c1 with
    # c3 still the chosen reason, so nothing else moves.
    qtbot.keyClick(pros, K.Key_Return)
    assert columns.focus == "c3" and canvas.scene.selected_claims() == ["c3"]
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Backspace)
    assert columns.focus == "c1" and columns.selected_claim() == "c3"
    assert canvas.scene.selected_claims() == ["c3"] and outline.current_claim() == "c3"
    assert window.session.undo_stack.count() == 0  # choosing is not editing


def test_a_claim_under_two_parents_shows_under_each_and_edits_as_one(qtbot,  # type: ignore[no-untyped-def]
                                                                      seed_copy: Path) -> None:
    window = open_views(qtbot, seed_copy, (1500, 900))
    doc = window.document
    window.session.run(__import__("debate_editor.ui.edits", fromlist=["link_edit"])
                       .link_edit(doc, "c6", "c5", LinkKind.OBJECTION))
    outline = window.views["outline"]
    rows = outline.model.nodes_of("c6")
    assert sorted(node.parent.claim_id for node in rows) == ["c3", "c5"]
    indexes = [outline.model.index_of(node) for node in rows]
    from debate_editor.ui.outline_model import ElsewhereRole

    assert [index.data(ElsewhereRole) for index in indexes] == [1, 1]
    assert "also stands under" in indexes[0].data(Qt.ItemDataRole.ToolTipRole)
    # Edit the text in one row of the outline: both rows, and the map, show the new text.
    outline.tree.setFocus()
    outline.tree.setCurrentIndex(indexes[0])
    qtbot.keyClick(outline.tree, K.Key_F2)
    assert outline.editor.is_open
    outline.editor.selectAll()
    qtbot.keyClicks(outline.editor, "Safety and capability go together")
    qtbot.keyClick(outline.editor, K.Key_Return)
    assert not outline.editor.is_open
    assert doc.claim("c6").text == "Safety and capability go together"
    assert [index.data() for index in indexes] == ["Safety and capability go together"] * 2
    assert window.canvas.scene.cards["c6"].face.lines[0].text.startswith("Safety and")
