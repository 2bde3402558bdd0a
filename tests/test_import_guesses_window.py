"""File → Import of a file its format's tools read by a guess: the import stands, and a
dialog lists the warnings with their lines (README: Argdown)."""

from __future__ import annotations

from pathlib import Path

from argdown_samples import REPOSITORY
from gui_helpers import CTRL, SHIFT, open_window, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from debate_editor.ui import import_job
from debate_editor.ui.main_window import MainWindow


def _open_file(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def _shown(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_import_into_with_a_guess_adds_the_cards_and_says_where(  # type: ignore[no-untyped-def]
    qtbot, seed_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(qtbot, seed_copy)
    before = len(window.document.graph.claims)
    source = tmp_path / "lexer-indentation.argdown"
    source.write_bytes(
        (REPOSITORY / "packages/argdown-core/test/lexer-indentation.argdown").read_bytes())
    _open_file(monkeypatch, source)
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)  # read on a worker, then one step
    qtbot.waitUntil(lambda: len(window.document.graph.claims) > before, timeout=60_000)
    assert len(window.document.graph.claims) == before + 10  # A … J (K continues J)
    qtbot.waitUntil(lambda: bool(_shown(window)), timeout=5_000)
    [text] = _shown(window)
    assert text.startswith("lexer-indentation.argdown was imported, read by a guess here:")
    assert "• line 7, column 5: this line is indented to a level" in text
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _shown(window), timeout=5_000)
    qtbot.waitUntil(lambda: not import_job.RUNNING, timeout=60_000)
    window.activateWindow()  # back from the dialogs, as a click on the window does
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the import is one step, warnings or not
    assert len(window.document.graph.claims) == before


def test_a_clean_import_shows_no_dialog(qtbot, seed_copy: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                        monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    source = tmp_path / "clean.argdown"
    source.write_text("[T]: A thesis.\n  + A reason.\n", encoding="utf-8")
    _open_file(monkeypatch, source)
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    qtbot.waitUntil(lambda: not import_job.RUNNING, timeout=60_000)
    assert any(c.text == "A reason." for c in window.document.claims())
    assert _shown(window) == []
