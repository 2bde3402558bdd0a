"""Editing a card on a zoomed-out map (README, "The canvas": F2 edits in place, in the
card's type at the map's zoom) leaves every view's type as it was: the outline's rows,
the cards and the next editor do not shrink each time an editor opens."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, card_box, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from views_helpers import open_views

from debate_editor.ui.main_window import MainWindow


def thesis_row_height(window: MainWindow) -> int:
    tree = window.views["outline"].tree
    return tree.visualRect(tree.model().index(0, 0)).height()


def test_f2_on_a_zoomed_out_map_leaves_the_type_of_every_view(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    view = window.canvas.view
    press(qtbot, window, Qt.Key.Key_1, CTRL)  # actual size
    row = thesis_row_height(window)
    editor = window.canvas.editor
    for _ in range(3):  # zoom out, edit, leave it: three times over
        press(qtbot, window, Qt.Key.Key_Minus, CTRL)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=card_box(window, "c1").center())
        press(qtbot, window, Qt.Key.Key_F2)
        assert editor.is_open and QApplication.focusWidget() is editor
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    press(qtbot, window, Qt.Key.Key_1, CTRL)  # actual size again
    press(qtbot, window, Qt.Key.Key_F2)
    assert editor.font().pixelSize() == 13  # the card's own type at 100 %
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    window.views["outline"].tree.doItemsLayout()
    assert thesis_row_height(window) == row
