"""Opening (README, "Command line" and "The canvas"): a path that does not exist yet
becomes a new debate there; a file that cannot be opened is a dialog too when no
terminal shows standard error; the window opens with the map fitted and the docks at
most 40 % of its width, and a long claim never widens a dock."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import LEFT, card_box, open_window, press
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from debate_editor import cli
from debate_editor.domain.model import LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui import app as gui_app
from debate_editor.ui.main_window import WINDOWS, MainWindow
from debate_editor.ui.window_views import MOST_FOR_DOCKS


def run_gui_until_shown(argv: list[str]) -> tuple[int, list[str]]:
    """Run the command line in this process; once its window is up, note its title and
    close it, as a person would."""
    titles: list[str] = []

    def close_when_shown() -> None:
        shown = [w for w in WINDOWS if w.isVisible()]
        if not shown:
            QTimer.singleShot(50, close_when_shown)
            return
        titles.extend(w.windowTitle() for w in shown)
        for window in shown:
            window.close()

    QTimer.singleShot(50, close_when_shown)
    return cli.main(argv), titles


def test_a_path_that_does_not_exist_becomes_a_new_debate_there(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Ideas for Tuesday.debate"
    status, titles = run_gui_until_shown([str(path)])
    assert status == 0
    assert titles == ["Ideas for Tuesday.debate — Ideas for Tuesday"]
    with DebateDocument.open(path, read_only=True) as doc:  # kept, though still empty
        assert doc.title == "Ideas for Tuesday" and not doc.graph.claims


def test_with_a_terminal_a_bad_file_is_one_line_and_no_dialog(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                               capsys, monkeypatch) -> None:
    monkeypatch.setattr(gui_app, "dialog_wanted", lambda: False)
    missing = tmp_path / "no such folder" / "x.debate"
    shown: list[str] = []
    QTimer.singleShot(200, lambda: shown.extend(
        w.text() for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()))
    assert cli.main([str(missing)]) == 1
    qtbot.wait(300)
    assert shown == []
    assert capsys.readouterr().err.count("\n") == 1
    assert not missing.parent.exists()


@pytest.mark.parametrize("kind", ["missing folder", "not a debate"])
def test_without_a_terminal_a_bad_file_is_a_dialog_as_well(qtbot, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                           monkeypatch, kind: str) -> None:
    monkeypatch.setattr(gui_app, "dialog_wanted", lambda: True)  # as from a desktop icon
    if kind == "missing folder":
        path = tmp_path / "no such folder" / "x.debate"
    else:
        path = tmp_path / "notes.debate"
        path.write_text("shopping list\n", encoding="utf-8")
    before = path.read_bytes() if path.exists() else None
    said: list[str] = []

    def read_and_dismiss() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_dismiss)
            return
        said.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), LEFT)

    QTimer.singleShot(50, read_and_dismiss)
    assert cli.main([str(path)]) == 1
    line = capsys.readouterr().err.strip()
    assert len(said) == 1 and line == f"debate-editor: {said[0]}"
    assert str(path) in said[0]
    if before is None:
        assert not path.parent.exists()
    else:
        assert path.read_bytes() == before
    assert not [w for w in WINDOWS if w.isVisible()]


def first_run() -> None:
    """No window size or docks remembered from an earlier window."""
    QSettings().remove("window/geometry")
    QSettings().remove("window/state")


def docks_share(window: MainWindow) -> float:
    return window.window_views.dock_width() / window.width()


def test_the_window_opens_fitted_and_the_docks_at_most_40_percent(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    first_run()
    window = open_window(qtbot, seed_copy, size=(1200, 800))
    assert 0.3 < docks_share(window) <= MOST_FOR_DOCKS + 0.01
    view = window.canvas.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(window.canvas.scene.cards_bounds())  # the whole map
    assert view.zoom > 0.6  # and its text readable, not grey bars
    # Someone drags the docks wide; the next window opens within the 40 % again.
    window.resizeDocks([window.docks["outline"], window.docks["columns"]], [400, 500],
                       Qt.Orientation.Horizontal)
    QApplication.processEvents()
    assert docks_share(window) > 0.6
    window.close()
    again = open_window(qtbot, seed_copy, size=None)
    assert docks_share(again) <= MOST_FOR_DOCKS + 0.01
    assert again.canvas.width() >= 0.55 * again.width()


def test_narrowing_the_window_narrows_the_docks_too(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """Two windows side by side (a team, a debate and its source): Qt alone would give
    the whole narrowing to the map, leaving it a sliver between the docks."""
    first_run()
    window = open_window(qtbot, seed_copy, size=(1400, 900))
    window.resize(800, 900)
    qtbot.waitUntil(lambda: docks_share(window) <= MOST_FOR_DOCKS + 0.01, timeout=3000)
    assert window.canvas.width() >= 0.55 * window.width()
    assert window.docks["outline"].isVisible() and window.docks["columns"].isVisible()


def test_a_long_claim_never_widens_a_dock(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.debate"
    with DebateDocument.create(path, "Long") as doc:
        thesis = doc.add_claim("A thesis " + "and more words " * 40)
        doc.add_claim("x" * 600, answers=thesis.id)
        doc.add_claim("https://example.org/" + "a/b" * 200, answers=thesis.id,
                      link_kind=LinkKind.OBJECTION)
    first_run()
    window = open_window(qtbot, path, size=(1200, 800))
    widths = {name: dock.width() for name, dock in window.docks.items()}
    map_width = window.canvas.width()
    for claim_id in window.document.graph.claims:
        box = card_box(window, claim_id)
        qtbot.mouseClick(window.canvas.view.viewport(), LEFT, pos=box.center())
        assert window.session.selection.current == claim_id
        window.views["columns"].setFocus()
        press(qtbot, window, Qt.Key.Key_Return)  # the long one on top of the columns
        QApplication.processEvents()
        assert {n: d.width() for n, d in window.docks.items()} == widths, claim_id
        assert window.canvas.width() == map_width
    assert docks_share(window) <= MOST_FOR_DOCKS + 0.01
    assert window.canvas.width() > 0.55 * window.width()


class Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(("stdin", "stderr", "env", "wanted"), [
    (True, True, {"DISPLAY": ":0"}, False),  # a terminal: the line on stderr is seen
    (False, False, {"DISPLAY": ":0"}, True),  # a desktop icon
    (True, False, {"WAYLAND_DISPLAY": "wayland-0"}, True),  # stderr to a log
    (False, False, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),  # headless
    (False, False, {}, False),  # no display to show a dialog on
])
def test_when_a_dialog_is_wanted(monkeypatch, stdin: bool, stderr: bool,  # type: ignore[no-untyped-def]
                                 env: dict[str, str], wanted: bool) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdin", Stream(stdin))
    monkeypatch.setattr("sys.stderr", Stream(stderr))
    monkeypatch.setattr("sys.platform", "linux")
    assert gui_app.dialog_wanted() is wanted
