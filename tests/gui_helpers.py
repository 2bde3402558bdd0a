"""Driving the main window as a person does: key presses and mouse drags, nothing else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from debate_editor.store import DebateDocument
from debate_editor.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def open_window(qtbot, path: Path, size: tuple[int, int] | None = (1200, 800)) -> MainWindow:  # type: ignore[no-untyped-def]
    """A shown, active window on the debate at `path` (created when missing); the
    `close_windows` fixture closes it after the test."""
    doc = DebateDocument.open(path) if path.exists() else DebateDocument.create(path, "Test")
    window = MainWindow(doc)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    with qtbot.waitActive(window):
        pass
    window.canvas.view.setFocus()
    return window


def press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    """A key press where the focus is, as the keyboard would send it."""
    target = QApplication.focusWidget() or window.canvas.view
    qtbot.keyClick(target, key, modifiers)


def type_card(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the open card editor and keep the text with Ctrl+Enter."""
    editor = window.canvas.editor
    assert editor.is_open, "the card editor should be open"
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert not editor.is_open


def card_box(window: MainWindow, claim_id: str):  # type: ignore[no-untyped-def]
    """Where a card is on screen, in viewport pixels."""
    view = window.canvas.view
    card = window.canvas.scene.cards[claim_id]
    return view.mapFromScene(card.card_rect()).boundingRect()


def click_card(qtbot, window: MainWindow, claim_id: str,  # type: ignore[no-untyped-def]
               modifiers=Qt.KeyboardModifier.NoModifier):
    """Click the middle of a card (scrolled into sight first), as a person selects it."""
    view = window.canvas.view
    view.ensureVisible(window.canvas.scene.cards[claim_id].card_rect(), 20, 20)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifiers,
                     card_box(window, claim_id).center())


def drag(qtbot, window: MainWindow, start: QPoint, end: QPoint,  # type: ignore[no-untyped-def]
         modifiers=Qt.KeyboardModifier.NoModifier, steps: int = 6) -> None:
    """Press, move in a few steps, release: a mouse drag on the map."""
    viewport = window.canvas.view.viewport()
    qtbot.mousePress(viewport, LEFT, modifiers, start)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        qtbot.mouseMove(viewport, point)
    qtbot.mouseRelease(viewport, LEFT, modifiers, end)


def map_state(doc: DebateDocument) -> tuple[list[tuple], list[tuple]]:
    """Claims (id, text, kind, position) and links (id, source, target, kind), sorted."""
    claims = sorted((c.id, c.text, c.kind.value, c.position) for c in doc.claims())
    links = sorted((lk.id, lk.source, lk.target, lk.kind.value) for lk in doc.links())
    return claims, links
