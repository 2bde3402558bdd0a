"""The window under faults (README, "What we guarantee"): the open file renamed, deleted,
replaced or made read-only under it; a full disk at Save As and File → Import; and an
exception nothing caught. Driven by keys and the dialogs' own buttons; what is checked is
what the person sees (dialogs, the title, the read-only bar, an editor still holding
what was typed) and what the files hold.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from gui_helpers import CTRL, open_window, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from debate_editor.store import DebateDocument
from debate_editor.ui.app import application
from debate_editor.ui.main_window import MainWindow

K = Qt.Key


def boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
            and w.isVisible()]


def close_boxes() -> list[str]:
    texts = [box.text() for box in boxes()]
    for box in boxes():
        box.close()
    QApplication.processEvents()
    return texts


def in_file(path: Path) -> list[str]:
    with DebateDocument.open(path, read_only=True) as doc:
        return sorted(c.text for c in doc.claims())


def type_thesis(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    """T on the map, the text, Ctrl+Enter: what a person does to add a thesis."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.view.setFocus()
    press(qtbot, window, K.Key_T)
    editor = window.canvas.editor
    assert editor.is_open
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, K.Key_Return, CTRL)


def answer_save(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def click_button(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Press the button of that name in the dialog on screen, with the mouse."""
    shown = boxes()
    assert shown, "a dialog should be showing"
    button = next(b for box in shown for b in box.findChildren(QPushButton)
                  if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()


# ---- the open file moves under the window -------------------------------------------------
def test_a_renamed_file_is_followed_and_written_under_its_new_name(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    renamed = seed_copy.with_name("renamed by a file manager.debate")
    os.rename(seed_copy, renamed)
    type_thesis(qtbot, window, "Written after the rename")
    assert close_boxes() == []  # no "attempt to write a readonly database"
    assert not window.canvas.editor.is_open
    assert "renamed by a file manager.debate" in window.windowTitle()
    assert window.document.path == renamed and not seed_copy.exists()
    assert "Written after the rename" in in_file(renamed)
    press(qtbot, window, K.Key_Z, CTRL)  # the history goes on in the renamed file
    assert "Written after the rename" not in in_file(renamed)
    assert not renamed.with_name(renamed.name + "-journal").exists()


@pytest.mark.parametrize("fate", ["deleted", "replaced"])
def test_a_deleted_or_replaced_file_stops_edits_and_keeps_the_text_until_saved(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path, tmp_path: Path, monkeypatch, fate: str) -> None:
    window = open_window(qtbot, seed_copy)
    if fate == "deleted":
        seed_copy.unlink()
    else:
        other = tmp_path / "other.debate"
        DebateDocument.create(other, "Another program's debate").close()
        os.replace(other, seed_copy)
        theirs = seed_copy.read_bytes()
    type_thesis(qtbot, window, "Typed after the file went")
    said = " ".join(box.text() for box in boxes())
    words = "was deleted" if fate == "deleted" else "another file was put in its place"
    assert words in said and "Save it as a file" in said and "readonly database" not in said
    assert window.canvas.editor.is_open  # what was typed is still there
    assert window.canvas.editor.toPlainText() == "Typed after the file went"
    assert window.read_only_bar.bar.isVisible() and "(read-only)" in window.windowTitle()
    if fate == "replaced":
        assert seed_copy.read_bytes() == theirs  # the other file is never written
    answer_save(monkeypatch, seed_copy)  # Save As… under the same name
    click_button(qtbot, "Save As…")
    assert not window.read_only_bar.bar.isVisible()
    window.canvas.editor.setFocus()
    qtbot.keyClick(window.canvas.editor, K.Key_Return, CTRL)  # now it goes in
    assert not window.canvas.editor.is_open
    assert close_boxes() == []
    texts = in_file(seed_copy)
    assert "Typed after the file went" in texts and len(texts) == 8  # the seed's 7 too


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_file_or_folder_made_read_only_while_open_stops_taking_edits(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path, what: str) -> None:
    window = open_window(qtbot, seed_copy)
    target = seed_copy if what == "file" else seed_copy.parent
    mode = target.stat().st_mode
    before = seed_copy.read_bytes()
    target.chmod(0o444 if what == "file" else 0o555)
    try:
        type_thesis(qtbot, window, "Typed after the chmod")
        said = " ".join(close_boxes())
        words = "the file was made read-only" if what == "file" else \
            "its folder was made read-only"
        assert words in said
        assert window.canvas.editor.is_open
        assert window.canvas.editor.toPlainText() == "Typed after the chmod"
        assert window.read_only_bar.bar.isVisible()
        assert seed_copy.read_bytes() == before  # (root could have written it anyway)
    finally:
        target.chmod(mode)


# ---- a full disk at Save As and File → Import ---------------------------------------------
@contextmanager
def small_disk() -> Iterator[None]:
    """Every write past 8 KiB is refused by the kernel, as a full disk refuses it."""
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    old = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, old[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old)
        signal.signal(signal.SIGXFSZ, old_handler)


def test_save_as_on_a_full_disk_is_one_dialog_and_the_window_stays(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    target = tmp_path / "copy on a full disk.debate"
    answer_save(monkeypatch, target)
    with small_disk():
        press(qtbot, window, K.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    said = close_boxes()
    assert len(said) == 1 and "cannot be written" in said[0], said
    assert not target.exists() and window.document.path == seed_copy
    assert [p.name for p in tmp_path.iterdir()] == [seed_copy.name]  # no temporary left
    type_thesis(qtbot, window, "Still editing the old file")
    assert "Still editing the old file" in in_file(seed_copy)


def test_import_onto_a_full_disk_is_one_dialog_and_no_file(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path, tmp_path: Path, monkeypatch) -> None:
    from debate_editor.ui import import_job

    window = open_window(qtbot, seed_copy)
    source = big_kialo(tmp_path / "cars.txt", 300)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(source), "")))
    target = tmp_path / "imported on a full disk.debate"
    answer_save(monkeypatch, target)
    with small_disk():
        press(qtbot, window, K.Key_I, CTRL)  # read, then written on a worker
        qtbot.waitUntil(lambda: not import_job.RUNNING, timeout=60_000)
    said = close_boxes()
    assert len(said) == 1 and "cannot be written" in said[0], said
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([seed_copy.name, "cars.txt"])
    assert len(window.document.graph.claims) == 7


# ---- an exception nothing caught ----------------------------------------------------------
@pytest.fixture
def fault_dialogs() -> Iterator[None]:
    """The application's hook, as `debate-editor` installs it (pytest-qt's is off)."""
    hook, thread_hook = sys.excepthook, threading.excepthook
    application()
    yield
    sys.excepthook, threading.excepthook = hook, thread_hook


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_ends_in_a_dialog_with_the_details(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path, tmp_path: Path, monkeypatch, fault_dialogs) -> None:
    window = open_window(qtbot, seed_copy)
    other = tmp_path / "bad row.debate"
    DebateDocument.create(other, "Other").close()

    def bad_row(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("claims row 3: x is not a number")

    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(other), "")))
    monkeypatch.setattr(DebateDocument, "open", staticmethod(bad_row))
    press(qtbot, window, K.Key_O, CTRL)  # File → Open: open_path raises in the slot
    qtbot.waitUntil(lambda: any(b.objectName() == "fault_dialog" for b in boxes()))
    box = next(b for b in boxes() if b.objectName() == "fault_dialog")
    assert "ValueError: claims row 3: x is not a number" in box.text()
    assert "\n" not in box.text()
    assert "Traceback" in box.detailedText() and "open_path" in box.detailedText()
    assert any(b.text().startswith("Show Details") for b in box.findChildren(QPushButton))
    click_button(qtbot, "OK")
    monkeypatch.undo()
    type_thesis(qtbot, window, "The window goes on")
    assert "The window goes on" in in_file(seed_copy)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_ends_in_a_dialog(qtbot, seed_copy: Path,  # type: ignore[no-untyped-def]
                                                          fault_dialogs) -> None:
    open_window(qtbot, seed_copy)

    def work() -> None:
        raise RuntimeError("the worker fell over")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: any("the worker fell over" in b.text() for b in boxes()))
    close_boxes()


# ---- a big import reads beside the window -------------------------------------------------
def big_kialo(path: Path, reasons: int) -> Path:
    lines = ["Discussion Title: A big discussion", "", "1. The thesis of a big discussion."]
    lines += [f"1.{i}. {'Pro' if i % 3 else 'Con'}: Reason {i}, in a few more words."
              for i in range(1, reasons + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_big_import_is_read_on_a_worker_with_cancel_while_editing_goes_on(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path, tmp_path: Path, monkeypatch) -> None:
    from debate_editor.ui import import_job

    window = open_window(qtbot, seed_copy)
    chosen = [big_kialo(tmp_path / "big.txt", 40_000)]  # seconds to read
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(chosen[0]), "")))
    press(qtbot, window, K.Key_I, CTRL | Qt.KeyboardModifier.ShiftModifier)
    job = import_job.RUNNING[-1]
    qtbot.waitUntil(lambda: job.outcome != "" or job.dialog.isVisible())
    assert job.outcome == "", "the file should take longer to read than this"
    type_thesis(qtbot, window, "Typed while the import is read")
    assert job.worker.isRunning()  # the window took the keys while the file was read
    cancel = next(b for b in job.dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # progress, with Cancel
    qtbot.waitUntil(lambda: not import_job.RUNNING, timeout=120_000)
    assert job.outcome == "cancelled"
    assert len(window.document.graph.claims) == 8  # the seed's 7 and the typed thesis
    assert window.session.undo_stack.count() == 1
    chosen[0] = big_kialo(tmp_path / "smaller.txt", 2_000)
    press(qtbot, window, K.Key_I, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not import_job.RUNNING, timeout=60_000)
    assert len(window.document.graph.claims) == 8 + 2_001
    assert window.session.undo_stack.count() == 2  # the import is one step
    assert len(in_file(seed_copy)) == 8 + 2_001


def test_export_from_the_window_never_overwrites_the_open_debate(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path, tmp_path: Path, monkeypatch) -> None:
    from debate_editor.ui import export_job

    window = open_window(qtbot, seed_copy)
    before = seed_copy.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(seed_copy), "Markdown (*.md)")))
    press(qtbot, window, K.Key_E, CTRL)  # File → Export…, the open debate's own name
    qtbot.waitUntil(lambda: not export_job._RUNNING, timeout=60_000)
    said = close_boxes()
    assert len(said) == 1 and "being exported" in said[0], said
    assert seed_copy.read_bytes() == before
    type_thesis(qtbot, window, "The debate goes on taking edits")
    assert "The debate goes on taking edits" in in_file(seed_copy)
