"""A window that may not write its file says so in a banner, and nothing in it edits.

The same file in two windows of one process, or in a window while another process
writes it, or a file or folder made read-only: the window shows a coloured bar across
the top with the reason and "Save a Copy As…"; the keys and the mouse gestures that
edit, in the map, the outline and the columns, change nothing and raise no dialog; the
file's bytes stay as they were. Saving a copy lets the person go on, in the copy.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import CTRL, SHIFT, card_box, drag, map_state, open_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QToolButton

from debate_editor.domain.model import LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.command_table import EDITING_COMMANDS
from debate_editor.ui.main_window import MainWindow

K = Qt.Key
CHILD = Path(__file__).with_name("crash_child.py")
EDIT_KEYS = [(K.Key_T, None), (K.Key_S, None), (K.Key_O, None), (K.Key_Insert, None),
             (K.Key_Delete, None), (K.Key_Backspace, None), (K.Key_K, None),
             (K.Key_K, SHIFT), (K.Key_L, CTRL), (K.Key_X, CTRL), (K.Key_V, CTRL),
             (K.Key_Up, CTRL), (K.Key_Down, CTRL), (K.Key_F2, None), (K.Key_Return, None),
             (K.Key_T, CTRL), (K.Key_Z, CTRL), (K.Key_I, CTRL | SHIFT), (K.Key_Tab, None)]


def show(qtbot, document: DebateDocument) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(document)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    for dock in window.docks.values():
        dock.setFloating(False)
        dock.show()
    QApplication.processEvents()
    return window


def dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
            and w.isVisible()]


def assert_banner(window: MainWindow, reason: str) -> None:
    banner = window.read_only_banner
    assert banner.isVisible()
    label = banner.findChild(QLabel, "read_only_reason")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert f"Read-only: {reason}" in label.text()
    # Across the whole window, right under the menus.
    top_left = banner.mapTo(window, QPoint(0, 0))
    assert top_left.y() <= window.menuBar().height() + 4
    assert banner.width() >= window.width() - 4
    for key in EDITING_COMMANDS:
        assert not window.actions_by_key[key].isEnabled(), key
    for view in window.views.values():  # the views' own keys too
        for action in view.actions():
            key = action.objectName().rpartition("action_")[2]
            assert action.isEnabled() == (key not in EDITING_COMMANDS), key
    buttons = {b.text(): b.isEnabled() for b in window.views["columns"].findChildren(QToolButton)}
    assert buttons["+ Pro"] is buttons["+ Con"] is False


def try_to_edit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Every editing key in every view, and every editing gesture of the mouse."""
    canvas, outline, columns = window.canvas, window.views["outline"], window.views["columns"]
    canvas.select("c3")
    targets = [canvas.view, outline.tree, columns.lists[LinkKind.SUPPORT]]
    window.session.selection.select("c3", ["c3"], source=None)
    for target in targets:
        target.setFocus()
        for key, modifiers in EDIT_KEYS:
            qtbot.keyClick(target, key, modifiers or Qt.KeyboardModifier.NoModifier)
            qtbot.keyClicks(QApplication.focusWidget() or target, "typed")
            qtbot.keyClick(QApplication.focusWidget() or target, K.Key_Return, CTRL)
    # The mouse: move a card, link two cards by their edges, double-click to edit.
    a, b = card_box(window, "c3"), card_box(window, "c4")
    drag(qtbot, window, a.center(), a.center() + QPoint(150, 90))
    drag(qtbot, window, QPoint(a.left() + 2, a.center().y()), b.center())
    qtbot.mouseDClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=b.center())
    # Drag an outline row onto another, and a reason down its column.
    tree = outline.tree
    first, second = (tree.visualRect(outline.reveal(c)).center() for c in ("c3", "c4"))
    qtbot.mousePress(tree.viewport(), Qt.MouseButton.LeftButton, pos=first)
    for step in range(1, 7):
        qtbot.mouseMove(tree.viewport(), first + (second - first) * (step / 6))
    qtbot.mouseRelease(tree.viewport(), Qt.MouseButton.LeftButton, pos=second)
    window.session.selection.select("c1", ["c1"], source=None)
    pros = columns.lists[LinkKind.SUPPORT]
    top, low = (pros.visualRect(pros.reasons.index(r)).center() for r in (0, 2))
    qtbot.mousePress(pros.viewport(), Qt.MouseButton.LeftButton, pos=top)
    for step in range(1, 7):
        qtbot.mouseMove(pros.viewport(), top + (low - top) * (step / 6))
    qtbot.mouseRelease(pros.viewport(), Qt.MouseButton.LeftButton, pos=low)
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def no_file_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+Shift+I asks for a file where editing is allowed: answer "none"."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))


def test_the_same_file_in_two_windows_of_one_process(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_window(qtbot, seed_copy)
    assert not first.read_only_banner.isVisible()
    assert all(first.actions_by_key[key].isEnabled() for key in EDITING_COMMANDS)
    before, state = seed_copy.read_bytes(), map_state(first.document)
    second = show(qtbot, DebateDocument.open(seed_copy))
    assert_banner(second, "it is open in another window")
    try_to_edit(qtbot, second)
    assert not dialogs()
    assert second.session.undo_stack.count() == 0
    assert map_state(second.document) == state
    assert seed_copy.read_bytes() == before
    assert not second.canvas.editor.is_open
    # The first window edits on, undisturbed.
    second.close()
    with qtbot.waitActive(first):
        first.activateWindow()
    first.canvas.view.setFocus()
    qtbot.keyClick(first.canvas.view, K.Key_T)
    qtbot.keyClicks(first.canvas.editor, "Still mine")
    qtbot.keyClick(first.canvas.editor, K.Key_Return, CTRL)
    assert "Still mine" in [c.text for c in first.document.claims()]
    # The same keys and gestures do edit where editing is allowed (so they reached the
    # views above, and it was the window that refused them).
    state = map_state(first.document)
    try_to_edit(qtbot, first)
    assert map_state(first.document) != state
    assert first.session.undo_stack.count() > 5


@pytest.fixture
def held_elsewhere(seed_copy: Path) -> Iterator[Path]:
    proc = subprocess.Popen([sys.executable, str(CHILD), "hold", str(seed_copy)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield seed_copy
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)


def test_a_file_another_process_writes_opens_read_only_and_a_copy_goes_on(
    qtbot, held_elsewhere: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    before = held_elsewhere.read_bytes()
    window = show(qtbot, DebateDocument.open(held_elsewhere))
    assert_banner(window, "it is open in another window")
    try_to_edit(qtbot, window)
    assert not dialogs() and held_elsewhere.read_bytes() == before

    copy = tmp_path / "my copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(copy), "")))
    qtbot.mouseClick(window.read_only_banner.button, Qt.MouseButton.LeftButton)
    assert window.document.path == tmp_path / "my copy.debate"
    assert not window.document.read_only and not window.read_only_banner.isVisible()
    assert all(window.actions_by_key[key].isEnabled() for key in ("add_thesis", "delete"))
    window.canvas.view.setFocus()
    qtbot.keyClick(window.canvas.view, K.Key_T)
    qtbot.keyClicks(window.canvas.editor, "Written in the copy")
    qtbot.keyClick(window.canvas.editor, K.Key_Return, CTRL)
    window.close()
    with DebateDocument.open(tmp_path / "my copy.debate", read_only=True) as doc:
        assert "Written in the copy" in [c.text for c in doc.claims()]
        assert all(c.position is not None for c in doc.claims())  # as the map showed them
    assert held_elsewhere.read_bytes() == before


def test_a_read_only_file_and_a_read_only_folder_say_which(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    seed_copy.chmod(0o444)
    try:
        window = show(qtbot, DebateDocument.open(seed_copy))
        assert_banner(window, "the file is read-only")
        window.close()
    finally:
        seed_copy.chmod(0o644)
    folder = seed_copy.parent
    folder.chmod(0o555)
    try:
        before = seed_copy.read_bytes()
        window = show(qtbot, DebateDocument.open(seed_copy))
        assert_banner(window, "its folder is read-only")
        try_to_edit(qtbot, window)
        assert not dialogs() and seed_copy.read_bytes() == before
        window.close()
        assert sorted(p.name for p in folder.iterdir()) == [seed_copy.name]
    finally:
        folder.chmod(0o755)
