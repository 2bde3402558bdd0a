"""The inspector in a short dock (README, "Inspector"): it scrolls, and what it shows is
never hidden by where it was scrolled to. Driven with real clicks and keys."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import LEFT, card_box
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from views_helpers import open_views

from debate_editor.ui.inspector import Inspector
from debate_editor.ui.main_window import MainWindow


def parts(window: MainWindow) -> tuple[Inspector, QScrollArea]:
    pane = window.views["inspector"]
    assert isinstance(pane, Inspector)
    scroll = pane.findChild(QScrollArea)
    assert scroll is not None
    return pane, scroll


def in_sight(scroll: QScrollArea, widget: QWidget) -> bool:
    """The whole widget lies inside the part of the inspector the dock shows."""
    viewport = scroll.viewport()
    box = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(box)


def click_card(qtbot, window: MainWindow, claim_id: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.canvas.view.viewport(), LEFT,
                     pos=card_box(window, claim_id).center())


def tab_to_tags(qtbot, pane: Inspector) -> None:  # type: ignore[no-untyped-def]
    """Into the note with a click, then Tab, Tab: the source, then the tags."""
    qtbot.mouseClick(pane.note, LEFT, pos=pane.note.rect().center())
    qtbot.keyClick(pane.note, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is pane.source
    qtbot.keyClick(pane.source, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is pane.tags


def test_nothing_selected_after_the_tags_the_debate_shows_whole(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    pane, scroll = parts(window)
    click_card(qtbot, window, "c3")
    tab_to_tags(qtbot, pane)
    assert scroll.verticalScrollBar().value() > 0, "the dock should be too short here"
    qtbot.waitUntil(lambda: in_sight(scroll, pane.tags), timeout=1000)
    qtbot.mouseClick(window.canvas.view.viewport(), LEFT, pos=QPoint(8, 8))  # background
    assert pane.heading.text() == "This debate"
    assert in_sight(scroll, pane.heading)
    assert in_sight(scroll, pane.about)


def test_a_source_typed_then_tab_shows_the_whole_tags_field(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    pane, scroll = parts(window)
    click_card(qtbot, window, "c3")
    assert not pane.source_link.isVisible()
    qtbot.mouseClick(pane.note, LEFT, pos=pane.note.rect().center())
    qtbot.keyClick(pane.note, Qt.Key.Key_Tab)
    qtbot.keyClicks(pane.source, "https://example.org/thread")
    qtbot.keyClick(pane.source, Qt.Key.Key_Tab)  # keeps it; the link to it appears
    assert window.document.claim("c3").source == "https://example.org/thread"
    qtbot.waitUntil(pane.source_link.isVisible)
    assert QApplication.focusWidget() is pane.tags
    qtbot.waitUntil(lambda: in_sight(scroll, pane.tags), timeout=1000)
