"""The pro/con columns driven with the keyboard and the mouse."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, SHIFT
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from views_helpers import column_contents, open_views

from debate_editor.domain.model import LinkKind
from debate_editor.formats import registry
from debate_editor.formats.registry import ExportOptions
from debate_editor.ui.columns import ProConColumns
from debate_editor.ui.main_window import MainWindow

K = Qt.Key
LEFT = Qt.MouseButton.LeftButton
PRO, CON = LinkKind.SUPPORT, LinkKind.OBJECTION


def columns_of(window: MainWindow) -> ProConColumns:
    columns = window.views["columns"]
    assert isinstance(columns, ProConColumns)
    return columns


def entry_centre(columns: ProConColumns, kind: LinkKind, row: int) -> QPoint:
    reasons = columns.lists[kind]
    return reasons.visualRect(reasons.reasons.index(row)).center()


def test_click_and_enter_drill_in_backspace_and_the_trail_go_back(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1600, 1000))
    columns = columns_of(window)
    assert columns.focus == "c1" and columns.trail == [("c1", None)]
    assert [e[1] for e in column_contents(window)[1]] == ["c2", "c3", "c4", "c5"]

    # A click on a reason opens it: it goes on top with its own cons.
    pros = columns.lists[PRO]
    qtbot.mouseClick(pros.viewport(), LEFT, pos=entry_centre(columns, PRO, 1))
    assert columns.focus == "c3"
    assert [e[1] for e in column_contents(window)[2]] == ["c6"]
    assert columns.text_label.text().startswith("There is this constant push")
    # Enter on a chosen reason opens it too.
    cons = columns.lists[CON]
    cons.setFocus()
    qtbot.keyClick(cons, K.Key_Down)
    qtbot.keyClick(cons, K.Key_Return)
    assert columns.focus == "c6" and [cid for cid, _ in columns.trail] == ["c1", "c3", "c6"]
    assert columns.trail_bar.buttons[0].text().startswith("The DoD should")

    # Backspace goes up one, the reason we came from chosen again.
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Backspace)
    assert columns.focus == "c3" and columns.selected_claim() == "c6"
    # The trail's first button goes back to the thesis, c3 chosen in its column.
    qtbot.mouseClick(columns.trail_bar.buttons[0], LEFT)
    assert columns.focus == "c1" and columns.selected_claim() == "c3"
    assert pros.currentIndex().row() == 1
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Backspace)  # a thesis: nowhere up
    assert columns.focus == "c1"
    assert window.session.undo_stack.count() == 0


def test_add_a_pro_and_a_con_from_the_columns(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1600, 1000))
    columns = columns_of(window)
    doc = window.document
    columns.lists[PRO].setFocus()
    qtbot.keyClick(columns.lists[PRO], K.Key_S)
    adder = columns.adders[PRO]
    assert adder.is_open and QApplication.focusWidget() is adder
    qtbot.keyClicks(adder, "Two budgets are better than one")
    qtbot.keyClick(adder, K.Key_Return)
    new = next(c for c in doc.claims() if c.text == "Two budgets are better than one")
    assert [r.claim.id for r in doc.graph.pros("c1")][-1] == new.id
    assert columns.selected_claim() == new.id  # chosen in its column, and on the map
    assert window.canvas.scene.selected_claims() == [new.id]

    button = columns.findChild(QToolButton, "add_objection")
    qtbot.mouseClick(button, LEFT)
    qtbot.keyClicks(columns.adders[CON], "The DoD moves slowly")
    qtbot.keyClick(columns.adders[CON], K.Key_Escape)  # dropped
    assert not doc.graph.cons("c1")
    qtbot.mouseClick(button, LEFT)
    qtbot.keyClicks(columns.adders[CON], "The DoD moves slowly")
    qtbot.keyClick(columns.adders[CON], K.Key_Return, SHIFT)  # a second line
    qtbot.keyClicks(columns.adders[CON], "and secretly")
    qtbot.keyClick(columns.adders[CON], K.Key_Return)
    assert [r.claim.text for r in doc.graph.cons("c1")] == ["The DoD moves slowly\nand secretly"]
    assert [e[1] for e in column_contents(window)[2]] == [doc.graph.cons("c1")[0].claim.id]
    assert window.session.undo_stack.count() == 2


def test_reorder_by_shortcut_and_by_drag_is_stored_and_numbers_exports(qtbot,  # type: ignore[no-untyped-def]
                                                                       seed_copy: Path) -> None:
    window = open_views(qtbot, seed_copy, (1600, 1000))
    columns = columns_of(window)
    doc = window.document
    pros = columns.lists[PRO]
    pros.setFocus()
    for _ in range(4):
        qtbot.keyClick(pros, K.Key_Down)  # c5, the last reason
    assert columns.selected_claim() == "c5"
    qtbot.keyClick(pros, K.Key_Up, CTRL)
    qtbot.keyClick(pros, K.Key_Up, CTRL)
    assert [r.claim.id for r in doc.graph.pros("c1")] == ["c2", "c5", "c3", "c4"]
    assert columns.selected_claim() == "c5"  # it moved, and stayed chosen
    assert [e[1] for e in column_contents(window)[1]] == ["c2", "c5", "c3", "c4"]

    # Drag the first reason below the third.
    start = entry_centre(columns, PRO, 0)
    third = pros.visualRect(pros.reasons.index(2))
    end = QPoint(third.center().x(), third.bottom() - 3)
    qtbot.mousePress(pros.viewport(), LEFT, pos=start)
    for step in range(1, 7):
        qtbot.mouseMove(pros.viewport(), start + (end - start) * (step / 6))
    qtbot.mouseRelease(pros.viewport(), LEFT, pos=end)
    assert [r.claim.id for r in doc.graph.pros("c1")] == ["c5", "c3", "c2", "c4"]
    assert columns.focus == "c1"  # a drag is not a click: nothing opened
    # The order is in the file, and is the order of the reasons in an export.
    orders = [link.order for link in doc.graph.incoming("c1")]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    markdown = registry.get("markdown").write(doc.snapshot(), ExportOptions())  # type: ignore[misc]
    places = [markdown.index(doc.claim(c).text[:30]) for c in ("c5", "c3", "c2", "c4")]
    assert places == sorted(places)

    assert window.session.undo_stack.count() == 3  # two moves and a drag
    window.session.undo()
    window.session.undo()
    window.session.undo()
    assert [r.claim.id for r in doc.graph.pros("c1")] == ["c2", "c3", "c4", "c5"]
    assert [e[1] for e in column_contents(window)[1]] == ["c2", "c3", "c4", "c5"]


def test_left_and_right_switch_columns_and_k_turns_a_pro_into_a_con(qtbot,  # type: ignore[no-untyped-def]
                                                                     seed_copy: Path) -> None:
    window = open_views(qtbot, seed_copy, (1600, 1000))
    columns = columns_of(window)
    pros = columns.lists[PRO]
    pros.setFocus()
    qtbot.keyClick(pros, K.Key_Down)
    qtbot.keyClick(pros, K.Key_Down)  # c3
    qtbot.keyClick(pros, K.Key_K)
    assert [r.claim.id for r in window.document.graph.cons("c1")] == ["c3"]
    assert [e[1] for e in column_contents(window)[2]] == ["c3"]
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Right)
    assert QApplication.focusWidget() is columns.lists[CON]
    assert columns.selected_claim() == "c3"
    qtbot.keyClick(columns.lists[CON], K.Key_Left)
    assert QApplication.focusWidget() is pros and columns.selected_claim() == "c2"
    qtbot.keyClick(pros, K.Key_Up)  # above the first reason: the claim on top
    assert columns.selected_claim() == "c1"


def test_the_add_box_opens_under_its_button_above_its_list(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1600, 1000))
    columns = columns_of(window)

    def top(widget: QWidget) -> int:
        return widget.mapTo(columns, QPoint(0, 0)).y()

    for kind, text in ((PRO, "Another reason"), (CON, "Another objection")):
        button = columns.add_buttons[kind]
        qtbot.mouseClick(button, LEFT)
        adder = columns.adders[kind]
        assert adder.isVisible() and QApplication.focusWidget() is adder
        assert 0 <= top(adder) - (top(button) + button.height()) < 12  # right under "+"
        assert top(adder) < top(columns.lists[kind])  # next to its list, not at the bottom
        qtbot.keyClicks(adder, text)
        qtbot.keyClick(adder, K.Key_Return)
        assert text in [entry.claim.text for entry in columns.column_entries(kind)]
