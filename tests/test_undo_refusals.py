"""A refused edit, undo or redo leaves the undo history, the views and the file agreeing.

The file refuses for real: SQLite's `PRAGMA max_page_count` on the open connection makes
the disk full ("database or disk is full"), and `PRAGMA query_only` makes the file
read-only under the open window ("attempt to write a readonly database"), the way a file
does when its permissions change or its disk is unplugged. (Tests run as root, who could
write a chmod-ed file through the open descriptor, so a chmod would not refuse here.)

What a person sees: a message in the window; the step that was refused is still the one
Ctrl+Z or Ctrl+Shift+Z offers; for a new card, the editor stays open with what was typed.
Before, a refused undo moved the history anyway, and the next edit dropped a step that
could then never be undone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gui_helpers import CTRL, SHIFT, map_state, open_window, press, type_card
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from debate_editor.store import DebateDocument
from debate_editor.ui.main_window import MainWindow

K = Qt.Key
LONG = ("A reason pasted from a long forum post. " * 400).strip()  # more pages than there are


def sql(doc: DebateDocument, statement: str) -> object:
    """Run `statement` on the document's own open connection (and end the transaction
    SQLAlchemy began for it, as the document's next edit begins its own)."""
    connection = doc._live()
    result = connection.exec_driver_sql(statement)
    value = result.scalar() if result.returns_rows else None
    connection.commit()
    return value


@contextmanager
def disk_full(doc: DebateDocument) -> Iterator[None]:
    pages = sql(doc, "PRAGMA page_count")
    sql(doc, f"PRAGMA max_page_count = {pages}")
    try:
        yield
    finally:
        sql(doc, "PRAGMA max_page_count = 1073741823")


@contextmanager
def file_read_only(doc: DebateDocument) -> Iterator[None]:
    sql(doc, "PRAGMA query_only = ON")
    try:
        yield
    finally:
        sql(doc, "PRAGMA query_only = OFF")


def messages() -> list[str]:
    """The message boxes open now (then closed, so the next step starts clean)."""
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
             and w.isVisible()]
    texts = [box.text() for box in boxes]
    for box in boxes:
        box.close()
    return texts


def in_file(path: Path) -> list[str]:
    with DebateDocument.open(path, read_only=True) as doc:
        return sorted(c.text for c in doc.claims())


def history(window: MainWindow) -> tuple[int, int]:
    stack = window.session.undo_stack
    return stack.index(), stack.count()


def add_thesis(qtbot, window: MainWindow, text: str) -> str:  # type: ignore[no-untyped-def]
    window.canvas.view.setFocus()
    press(qtbot, window, K.Key_T)
    type_card(qtbot, window, text)
    return next(c.id for c in window.document.claims() if c.text == text)


def test_a_new_card_refused_by_a_full_disk_keeps_what_was_typed(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    add_thesis(qtbot, window, "First")
    press(qtbot, window, K.Key_Z, CTRL)  # a step to redo, which the refusal must keep
    before, file_before = map_state(window.document), in_file(seed_copy)
    editor = window.canvas.editor
    with disk_full(window.document):
        press(qtbot, window, K.Key_T)
        QGuiApplication.clipboard().setText(LONG)
        qtbot.keyClick(editor, K.Key_V, CTRL)  # pasted into the card being typed
        qtbot.keyClicks(editor, "!")
        qtbot.keyClick(editor, K.Key_Return, CTRL)
        assert any("disk is full" in text for text in messages())
        assert editor.is_open and editor.toPlainText() == LONG + "!"
        assert history(window) == (0, 1)
        assert map_state(window.document) == before
        assert in_file(seed_copy) == file_before
        assert len(window.canvas.scene.cards) == len(before[0])
    qtbot.keyClick(editor, K.Key_Return, CTRL)  # room again: the same text goes in
    assert not editor.is_open
    assert LONG + "!" in in_file(seed_copy)
    assert history(window) == (1, 1)  # the new card replaced the step to redo, as usual


def test_a_refused_redo_tail_survives_a_refused_edit(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    add_thesis(qtbot, window, "First")
    press(qtbot, window, K.Key_Z, CTRL)
    with disk_full(window.document):
        press(qtbot, window, K.Key_T)
        QGuiApplication.clipboard().setText(LONG)
        qtbot.keyClick(window.canvas.editor, K.Key_V, CTRL)
        qtbot.keyClick(window.canvas.editor, K.Key_Return, CTRL)
        messages()
    qtbot.keyClick(window.canvas.editor, K.Key_Escape)  # the person gives up on it
    assert history(window) == (0, 1)
    press(qtbot, window, K.Key_Z, CTRL | SHIFT)  # "First" can still be redone
    assert "First" in in_file(seed_copy)
    assert "First" in [c.text for c in window.document.claims()]


def test_an_undo_refused_by_a_read_only_file_changes_nothing(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    original = in_file(seed_copy)
    window = open_window(qtbot, seed_copy)
    first = add_thesis(qtbot, window, "First")
    undo = window.actions_by_key["undo"]
    offered = undo.text()
    with file_read_only(window.document):
        press(qtbot, window, K.Key_Z, CTRL)
        assert any("readonly" in text or "read-only" in text for text in messages())
        assert history(window) == (1, 1)  # Ctrl+Z still offers the same step
        assert undo.isEnabled() and undo.text() == offered != "&Undo"
        assert first in window.canvas.scene.cards and first in window.document.graph.claims
        assert "First" in in_file(seed_copy)
    # The bug this guards against: the history had moved, so this edit dropped "First"
    # from it, and "First" could never be undone.
    add_thesis(qtbot, window, "Second")
    assert history(window) == (2, 2)
    press(qtbot, window, K.Key_Z, CTRL)
    press(qtbot, window, K.Key_Z, CTRL)
    assert in_file(seed_copy) == original
    assert first not in window.canvas.scene.cards
    assert history(window) == (0, 2)


def test_a_redo_refused_by_a_read_only_file_changes_nothing(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    first = add_thesis(qtbot, window, "First")
    press(qtbot, window, K.Key_Z, CTRL)
    after_undo, file_after_undo = map_state(window.document), in_file(seed_copy)
    with file_read_only(window.document):
        press(qtbot, window, K.Key_Z, CTRL | SHIFT)
        assert any("readonly" in text or "read-only" in text for text in messages())
        assert history(window) == (0, 1)  # Ctrl+Shift+Z still offers it
        assert window.actions_by_key["redo"].isEnabled()
        assert map_state(window.document) == after_undo
        assert in_file(seed_copy) == file_after_undo
        assert first not in window.canvas.scene.cards
    press(qtbot, window, K.Key_Z, CTRL | SHIFT)
    assert history(window) == (1, 1)
    assert "First" in in_file(seed_copy) and first in window.canvas.scene.cards
    press(qtbot, window, K.Key_Z, CTRL)  # and it undoes once more: nothing was lost
    assert "First" not in in_file(seed_copy)
