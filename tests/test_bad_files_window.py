"""Damaged and foreign files given to the window: one plain dialog, nothing else happens.

Through File → Open, a drop on the window and Open Recent, every kind of bad file of
tests/test_bad_files.py (and a file cut short, a missing folder) gives one dialog with
the store's sentence as plain text; the window stays and goes on working, no other
window opens, and the file keeps every byte. A recent entry that fails offers to leave
the list. The command line refuses each kind with one line before any window opens.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_helpers import CTRL, open_window, press, type_card
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from test_bad_files import BAD_FILES, MESSAGES, truncated

from debate_editor.store import DebateDocument
from debate_editor.ui import main_window as main_window_module
from debate_editor.ui import recent_files
from debate_editor.ui.main_window import MainWindow

KINDS = [*BAD_FILES, "cut short", "missing folder"]
ODD_NAME = "<b>bold & 論証 مناظرة"
"""Markup, an ampersand, spaces and two scripts: shown as they are in the dialog."""


def bad_file(kind: str, folder: Path, good: Path) -> Path:
    """A file of that kind named ODD_NAME (a path in a missing folder for that kind)."""
    if kind == "missing folder":
        return folder / "no such folder" / f"{ODD_NAME}.debate"
    if kind == "cut short":
        made = truncated(good, folder, good.stat().st_size // 3)
    else:
        made = BAD_FILES[kind](folder, good)
    return made.rename(folder / f"{ODD_NAME} {kind}.debate")


def words(kind: str) -> str:
    return {"cut short": "damaged", "missing folder": "does not exist",
            "gone": "no such file"}.get(kind) or MESSAGES[kind]


@pytest.fixture
def good(tmp_path_factory: pytest.TempPathFactory, seed_file: Path) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.debate"
    path.write_bytes(seed_file.read_bytes())
    return path


def the_dialog() -> QMessageBox:
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def refused_in_a_dialog(qtbot, window: MainWindow, path: Path, kind: str,  # type: ignore[no-untyped-def]
                        before: bytes | None, open_it: Callable[[], None]) -> QMessageBox:
    """Open `path` the way `open_it` does; one plain dialog, no new window, same bytes."""
    windows = list(main_window_module.WINDOWS)
    open_it()
    box = the_dialog()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert words(kind) in box.text() and ODD_NAME in box.text()
    assert windows == list(main_window_module.WINDOWS)
    assert (path.read_bytes() if path.exists() else None) == before
    return box


def still_works(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitActive(window):
        window.activateWindow()
    window.canvas.view.setFocus()
    count = len(window.document.graph.claims)
    press(qtbot, window, Qt.Key.Key_T)
    type_card(qtbot, window, "The window goes on")
    assert len(window.document.graph.claims) == count + 1


@pytest.mark.parametrize("kind", KINDS)
def test_file_open(qtbot, kind: str, tmp_path: Path, good: Path,  # type: ignore[no-untyped-def]
                   monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, tmp_path / "current.debate")
    path = bad_file(kind, tmp_path, good)
    before = path.read_bytes() if path.exists() else None
    listing = sorted(p.name for p in tmp_path.iterdir())
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    box = refused_in_a_dialog(qtbot, window, path, kind, before,
                              lambda: press(qtbot, window, Qt.Key.Key_O, CTRL))
    box.accept()
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    still_works(qtbot, window)


@pytest.mark.parametrize("kind", KINDS)
def test_a_drop(qtbot, kind: str, tmp_path: Path, good: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "current.debate")
    path = bad_file(kind, tmp_path, good)
    before = path.read_bytes() if path.exists() else None
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPointF(window.rect().center())

    def drop() -> None:
        enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window, enter)
        assert enter.isAccepted()
        event = QDropEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window, event)

    refused_in_a_dialog(qtbot, window, path, kind, before, drop).accept()
    still_works(qtbot, window)


@pytest.mark.parametrize("kind", ["gone", "damaged pages", "another program's database"])
@pytest.mark.parametrize("answer", ["remove", "keep"])
def test_a_recent_file_that_fails_offers_to_leave_the_list(  # type: ignore[no-untyped-def]
    qtbot, kind: str, answer: str, tmp_path: Path, good: Path
) -> None:
    recent_files.forget_all()
    path = tmp_path / f"{ODD_NAME} recent.debate"
    DebateDocument.create_from(path, DebateDocument.open(good, read_only=True).snapshot()
                               ).close()
    recent_files.remember(path)
    window = open_window(qtbot, tmp_path / "current.debate")
    if kind == "gone":
        path.unlink()
    else:
        BAD_FILES[kind](tmp_path, good).replace(path)
    before = path.read_bytes() if path.exists() else None
    window._fill_recent()
    entry = next(a for a in window.recent_menu.actions()
                 if a.text().replace("&&", "&") == str(path.resolve()))
    box = refused_in_a_dialog(qtbot, window, path, kind, before, entry.trigger)
    assert "Open Recent" in box.text()
    button = next(b for b in box.buttons()
                  if b.text().replace("&", "").lower().startswith(answer))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    listed = [p.resolve() for p in recent_files.recent_files()]
    assert (path.resolve() in listed) == (answer == "keep")
    still_works(qtbot, window)


@pytest.mark.parametrize("kind", KINDS)
def test_the_command_line_refuses_before_any_window(kind: str, tmp_path: Path,
                                                    good: Path) -> None:
    path = bad_file(kind, tmp_path, good)
    before = path.read_bytes() if path.exists() else None
    result = subprocess.run([sys.executable, "-m", "debate_editor", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words(kind) in lines[0] and ODD_NAME in lines[0]
    assert "Traceback" not in result.stderr
    assert (path.read_bytes() if path.exists() else None) == before
