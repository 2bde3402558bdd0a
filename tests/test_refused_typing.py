"""What was typed is never thrown away by a refused edit (README, "What we guarantee"):
on a full disk, the map's card editor (a new card, a card's text, kept by a click
elsewhere), the outline's in-place editor and the columns' add box stay open holding the
text, and the same keys write it once there is room. The disk fills for real, as in
`tests/test_undo_refusals.py`: SQLite's `max_page_count` on the window's own connection.
"""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, LEFT, open_window, press
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from test_undo_refusals import LONG, disk_full, in_file, messages
from views_helpers import open_views

from debate_editor.domain.model import LinkKind
from debate_editor.ui.columns import ProConColumns
from debate_editor.ui.outline import Outline

K = Qt.Key
TYPED = LONG + " Typed while the disk was full."


def test_a_card_kept_by_a_click_elsewhere_keeps_its_text_when_refused(qtbot,  # type: ignore[no-untyped-def]
                                                                     seed_copy: Path) -> None:
    window = open_window(qtbot, seed_copy)
    editor, view = window.canvas.editor, window.canvas.view
    press(qtbot, window, K.Key_T)
    qtbot.keyClicks(editor, TYPED[:200])
    editor.insertPlainText(TYPED[200:])  # a long paste, as the person would paste it
    with disk_full(window.document):
        empty = view.viewport().rect().bottomLeft() + QPoint(20, -20)
        qtbot.mouseClick(view.viewport(), LEFT, pos=empty)  # clicking elsewhere keeps it
        assert any("disk is full" in text for text in messages())
        assert editor.is_open and editor.toPlainText() == TYPED
        assert TYPED not in in_file(seed_copy)
    editor.setFocus()
    qtbot.keyClick(editor, K.Key_Return, CTRL)
    assert not editor.is_open and TYPED in in_file(seed_copy)


def test_a_cards_new_text_refused_stays_in_its_editor(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    window.canvas.select("c2")
    press(qtbot, window, K.Key_F2)
    editor = window.canvas.editor
    assert editor.is_open
    editor.selectAll()
    editor.insertPlainText(TYPED)
    with disk_full(window.document):
        qtbot.keyClick(editor, K.Key_Return, CTRL)
        assert any("disk is full" in text for text in messages())
        assert editor.is_open and editor.toPlainText() == TYPED
    qtbot.keyClick(editor, K.Key_Return, CTRL)
    assert not editor.is_open and window.document.claim("c2").text == TYPED
    assert TYPED in in_file(seed_copy)


def test_the_outlines_editor_keeps_a_refused_reason_and_a_refused_rewording(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path) -> None:
    window = open_views(qtbot, seed_copy)
    outline = window.views["outline"]
    assert isinstance(outline, Outline)
    tree, editor = outline.tree, outline.editor
    tree.setFocus()
    qtbot.keyClick(tree, K.Key_Home)
    for key, check in ((K.Key_S, lambda: TYPED in [r.claim.text for r in
                                                   window.document.graph.pros("c1")]),
                       (K.Key_Return, lambda: window.document.claim("c1").text == TYPED)):
        qtbot.keyClick(tree, key)  # S: a reason typed in place; Enter: the row's text
        assert editor.is_open
        editor.selectAll()
        editor.insertPlainText(TYPED)
        with disk_full(window.document):
            qtbot.keyClick(editor, K.Key_Return)
            assert any("disk is full" in text for text in messages())
            assert editor.is_open and editor.toPlainText() == TYPED
            assert not check()
        editor.setFocus()
        qtbot.keyClick(editor, K.Key_Return)
        assert not editor.is_open and check()
        tree.setFocus()
        qtbot.keyClick(tree, K.Key_Home)
    assert in_file(seed_copy).count(TYPED) == 2


def test_the_columns_add_box_keeps_a_refused_reason(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy)
    columns = window.views["columns"]
    assert isinstance(columns, ProConColumns)
    columns.lists[LinkKind.OBJECTION].setFocus()
    qtbot.keyClick(columns.lists[LinkKind.OBJECTION], K.Key_O)
    adder = columns.adders[LinkKind.OBJECTION]
    assert adder.is_open and QApplication.focusWidget() is adder
    adder.insertPlainText(TYPED)
    with disk_full(window.document):
        qtbot.keyClick(adder, K.Key_Return)
        assert any("disk is full" in text for text in messages())
        assert adder.is_open and adder.toPlainText() == TYPED
    adder.setFocus()
    qtbot.keyClick(adder, K.Key_Return)
    assert not adder.is_open
    assert TYPED in [r.claim.text for r in window.document.graph.cons("c1")]
    assert TYPED in in_file(seed_copy)
