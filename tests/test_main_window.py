"""The window around the map: title, files, recent files, drops, shortcut sheet."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, SHIFT, open_window, press, type_card
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from debate_editor.store import DebateDocument
from debate_editor.ui import main_window as main_window_module
from debate_editor.ui.command_table import COMMANDS, key_sequences, mnemonic
from debate_editor.ui.main_window import MainWindow
from debate_editor.ui.untitled import open_document, untitled_folder


def test_title_shows_the_file_name(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    assert seed_copy.name in window.windowTitle()
    assert "Should the DoD" in window.windowTitle()


def test_opening_stores_the_places_it_shows(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    scene = window.canvas.scene
    for claim in window.document.claims():
        assert claim.position == (scene.cards[claim.id].x(), scene.cards[claim.id].y())
    assert window.session.undo_stack.count() == 0  # not something the person did
    thesis = window.document.claim("c1")
    assert all(c.y > thesis.y for c in window.document.claims() if c.id != "c1")


def test_untitled_debate_moves_to_a_real_file_with_save_as(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch) -> None:
    document = open_document(None)
    untitled = document.path
    assert untitled.parent == untitled_folder()
    window = MainWindow(document)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_T)
    type_card(qtbot, window, "Drafted before it had a name")
    target = tmp_path / "named"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    press(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    saved = tmp_path / "named.debate"
    assert window.document.path == saved and not untitled.exists()
    assert "named.debate" in window.windowTitle()
    press(qtbot, window, Qt.Key.Key_T)
    type_card(qtbot, window, "Written after Save As")
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # undo still works across Save As
    window.close()
    with DebateDocument.open(saved, read_only=True) as doc:
        assert list(doc.claims()) == []
    window2 = open_window(qtbot, saved)
    press(qtbot, window2, Qt.Key.Key_Z, CTRL | SHIFT)
    assert list(window2.document.claims()) == []  # a new window starts a new history


def test_an_empty_untitled_debate_leaves_nothing_behind(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(open_document(None))
    path = window.document.path
    assert path.exists()
    window.close()
    assert not path.exists()


def test_recent_files_and_window_size_are_kept(qtbot, tmp_path: Path, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    first = open_window(qtbot, seed_copy)
    first.resize(700, 500)
    first.close()
    other = open_window(qtbot, tmp_path / "other.debate", size=None)
    assert (other.width(), other.height()) == (700, 500)
    other._fill_recent()
    entries = [a.text() for a in other.recent_menu.actions()]
    assert entries[:2] == [str((tmp_path / "other.debate").resolve()),
                           str(seed_copy.resolve())]
    opened = next(a for a in other.recent_menu.actions() if a.text() == str(seed_copy.resolve()))
    opened.trigger()
    window = next(w for w in list(main_window_module.WINDOWS) if w.document.path == seed_copy)
    assert len(window.document.graph.claims) == 7


def test_a_debate_file_dropped_on_the_window_opens(qtbot, tmp_path: Path, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "here.debate")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_copy)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    centre = QPointF(window.rect().center())
    for kind in ("enter", "drop"):
        from PySide6.QtGui import QDragEnterEvent

        cls = QDragEnterEvent if kind == "enter" else QDropEvent
        event = cls(centre.toPoint() if kind == "enter" else centre,
                    Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window, event)
        assert event.isAccepted()
    opened = [w for w in list(main_window_module.WINDOWS) if w.document.path == seed_copy]
    assert len(opened) == 1
    assert len(opened[0].canvas.scene.cards) == 7


def test_shortcut_sheet_lists_every_shortcut_of_every_action(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    press(qtbot, window, Qt.Key.Key_F1)
    sheet = window.findChild(main_window_module.ShortcutSheet)
    assert sheet is not None and sheet.isVisible()
    text = sheet.browser.toPlainText()
    for command in COMMANDS:
        action = window.actions_by_key[command.key]
        assert action.shortcuts() == key_sequences(command)
        for seq in action.shortcuts():
            assert seq.toString(QKeySequence.SequenceFormat.NativeText) in text, command.key
        assert command.text.replace("&", "").rstrip("…") in text
    assert "Drag from a card's edge onto another card" in text


def test_view_shortcuts_do_not_fire_while_typing_in_the_find_bar(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.field, "TSO")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Delete)
    assert not window.canvas.editor.is_open
    assert window.find_bar.field.text() == "TSO"


def test_middle_button_pans_anywhere(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    view = window.canvas.view
    view.set_zoom(1.5)
    viewport = view.viewport()
    before = view.mapToScene(viewport.rect().center())
    start = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(30, 30))
    qtbot.mouseMove(viewport, start + QPoint(60, 60))
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=start + QPoint(60, 60))
    after = view.mapToScene(viewport.rect().center())
    assert before.x() - after.x() > 30 and before.y() - after.y() > 30
    assert window.session.undo_stack.count() == 0


def test_zoom_with_keys_and_ctrl_wheel(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QWheelEvent

    window = open_window(qtbot, seed_copy)
    view = window.canvas.view
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    assert view.zoom == 1.0
    press(qtbot, window, Qt.Key.Key_Plus, CTRL)
    assert view.zoom > 1.0
    press(qtbot, window, Qt.Key.Key_Minus, CTRL)
    press(qtbot, window, Qt.Key.Key_Minus, CTRL)
    assert view.zoom < 1.0
    press(qtbot, window, Qt.Key.Key_0, CTRL)  # the whole map in the window
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(window.canvas.scene.cards_bounds())

    viewport = view.viewport()
    spot = QPointF(viewport.rect().center() + QPoint(200, 100))
    under = view.mapToScene(spot.toPoint())
    before = view.zoom
    wheel = QWheelEvent(spot, viewport.mapToGlobal(spot), QPoint(), QPoint(0, 240),
                        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert view.zoom > before * 1.4
    after = view.mapToScene(spot.toPoint())  # zoomed at the mouse: that point stays put
    assert abs(after.x() - under.x()) < 3 and abs(after.y() - under.y()) < 3
    assert window.session.undo_stack.count() == 0


def test_every_menu_letter_opens_one_entry(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    """In a menu, pressing an underlined letter runs its entry at once only when no other
    entry of that menu has the same letter (Qt cycles between them instead)."""
    window = open_window(qtbot, seed_copy)
    bar = [a for a in window.menuBar().actions() if a.menu() is not None]
    titles = [mnemonic(a.text()) for a in bar]
    assert None not in titles and len(set(titles)) == len(titles)
    menus = [a.menu() for a in bar]
    for menu in menus:  # and every submenu of theirs, Open Recent and Panels among them
        menus += [a.menu() for a in menu.actions() if a.menu() is not None]
    assert "Pane&ls" in [a.text() for a in window.menuBar().actions()[3].menu().actions()]
    for top in menus:
        entries = [a for a in top.actions() if not a.isSeparator()]
        letters = [mnemonic(a.text()) for a in entries]
        assert None not in letters, [a.text() for a in entries]
        twice = {x for x in letters if letters.count(x) > 1}
        assert not twice, (top.title(), [a.text() for a in entries if mnemonic(a.text()) in twice])
