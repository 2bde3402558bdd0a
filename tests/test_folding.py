"""Folding a branch (README, "The canvas"): Space folds a claim's whole subtree into its
card ("+N"), the outline's rows fold with it and back, Find and the arrow keys unfold what
they reach, and the folds are remembered per file in the user's settings, not the file."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, LEFT, card_box, click_card, open_window, press, type_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from debate_editor.ui.main_window import MainWindow

K = Qt.Key


def build(qtbot, window: MainWindow) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """thesis: first (with "because"), second, against."""
    for key, text in ((K.Key_T, "thesis"), (K.Key_Tab, "first"), (K.Key_Tab, "because")):
        press(qtbot, window, key)
        type_card(qtbot, window, text)
    press(qtbot, window, K.Key_Up)
    press(qtbot, window, K.Key_Return)
    type_card(qtbot, window, "second")
    press(qtbot, window, K.Key_Up)
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, "against")
    press(qtbot, window, K.Key_Up)
    return {c.text: c.id for c in window.document.claims()}


def shown(window: MainWindow) -> set[str]:
    """The texts of the cards one can see on the map."""
    doc = window.document
    return {doc.claim(cid).text for cid, card in window.canvas.scene.cards.items()
            if card.isVisible()}


def row_open(window: MainWindow, claim_id: str) -> bool:
    outline = window.views["outline"]
    (node,) = outline.model.nodes_of(claim_id)
    return outline.tree.isExpanded(outline.model.index_of(node))


def test_space_folds_a_branch_into_its_card_and_the_outline_follows(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.debate"
    window = open_window(qtbot, path)
    ids = build(qtbot, window)
    scene = window.canvas.scene
    steps, before = window.session.undo_stack.count(), path.read_bytes()
    press(qtbot, window, K.Key_Space)  # the thesis is selected
    assert shown(window) == {"thesis"}
    assert scene.cards[ids["thesis"]].folded == 4
    assert not any(a.isVisible() for a in scene.arrows.values())
    assert not row_open(window, ids["thesis"])
    press(qtbot, window, K.Key_0, CTRL)  # fit: the folded card alone fills the view
    assert window.canvas.view.zoom == 1.0
    window.grab().save("/tmp/keys-fold-badge.png")
    # Folding is no edit: no undo step, the file untouched.
    assert window.session.undo_stack.count() == steps and path.read_bytes() == before
    press(qtbot, window, K.Key_Space)
    assert shown(window) == set(ids) and scene.cards[ids["thesis"]].folded == 0
    assert row_open(window, ids["thesis"])

    # Closing a row in the outline folds the branch on the map.
    outline = window.views["outline"]
    click_card(qtbot, window, ids["first"])
    QApplication.processEvents()
    outline.tree.setFocus()
    qtbot.keyClick(outline.tree, K.Key_Left)
    assert not row_open(window, ids["first"])
    assert shown(window) == set(ids) - {"because"}
    assert scene.cards[ids["first"]].folded == 1
    qtbot.keyClick(outline.tree, K.Key_Right)
    assert shown(window) == set(ids)


def test_the_arrow_keys_find_and_the_badge_unfold_what_they_reach(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "f.debate")
    ids = build(qtbot, window)
    canvas, scene = window.canvas, window.canvas.scene
    press(qtbot, window, K.Key_Space)
    press(qtbot, window, K.Key_Down)  # into the folded branch: it opens
    assert scene.selected_claims() == [ids["first"]] and "first" in shown(window)
    assert row_open(window, ids["thesis"])
    # Find reaches into a fold.
    press(qtbot, window, K.Key_Up)
    press(qtbot, window, K.Key_Space)
    assert shown(window) == {"thesis"}
    press(qtbot, window, K.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.field, "because")
    qtbot.keyClick(window.find_bar.field, K.Key_Return)
    assert scene.selected_claims() == [ids["because"]] and "because" in shown(window)
    qtbot.keyClick(window.find_bar.field, K.Key_Escape)
    # A click on the "+N" unfolds.
    click_card(qtbot, window, ids["first"])
    canvas.view.setFocus()
    press(qtbot, window, K.Key_Space)
    assert "because" not in shown(window)
    card = scene.cards[ids["first"]]
    badge = canvas.view.mapFromScene(card.mapToScene(card.badge_rect().center()))
    qtbot.mouseClick(canvas.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, badge)
    assert "because" in shown(window) and card.folded == 0


def test_folds_are_remembered_per_file_not_in_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.debate"
    window = open_window(qtbot, path)
    ids = build(qtbot, window)
    press(qtbot, window, K.Key_Space)
    window.close()
    again = open_window(qtbot, path)
    assert shown(again) == {"thesis"} and again.canvas.scene.cards[ids["thesis"]].folded == 4
    assert not row_open(again, ids["thesis"])
    again.close()
    # Another file with the same ids is not folded: the folds belong to the path.
    other = open_window(qtbot, tmp_path / "other.debate")
    build(qtbot, other)
    assert shown(other) == set(ids)


def test_the_cards_context_menu_folds_also_in_a_read_only_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    from debate_editor.store import DebateDocument

    path = tmp_path / "f.debate"
    writer = open_window(qtbot, path)
    ids = build(qtbot, writer)
    reader = MainWindow(DebateDocument.open(path))  # read-only: the writer has it
    reader.resize(1200, 800)
    reader.show()
    qtbot.waitExposed(reader)
    assert not reader.session.editable
    view = reader.canvas.view
    view.ensureVisible(reader.canvas.scene.cards[ids["thesis"]].card_rect())
    where = card_box(reader, ids["thesis"]).center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.RightButton, pos=where)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, pos=where)
    # The window system follows a right click with a context-menu event; QTest does not.
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where)))
    QApplication.processEvents()
    (menu,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    texts = [a.text() for a in menu.actions()]
    assert "Fold or Unfold Branch" in texts and "Add Supporting Reason" not in texts
    next(a for a in menu.actions() if a.text() == "Fold or Unfold Branch").trigger()
    menu.close()
    assert shown(reader) == {"thesis"} and shown(writer) == set(ids)  # each window its own
