"""Alt+4, Go to the Inspector (README, "Inspector"), reaches its field by the keyboard:
a one-line field comes selected, as Tab leaves it, so what is typed replaces it."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import LEFT, open_window, press
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from debate_editor.store import DebateDocument
from debate_editor.ui.inspector import Inspector

ALT = Qt.KeyboardModifier.AltModifier


def test_alt_4_then_typing_renames_the_debate(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    pane = window.views["inspector"]
    assert isinstance(pane, Inspector)
    qtbot.mouseClick(window.canvas.view.viewport(), LEFT, pos=QPoint(8, 8))  # the background
    assert pane.heading.text() == "This debate"
    press(qtbot, window, Qt.Key.Key_4, ALT)
    assert QApplication.focusWidget() is pane.debate_title
    qtbot.keyClicks(pane.debate_title, "Who pays for AI safety?")
    qtbot.keyClick(pane.debate_title, Qt.Key.Key_Return)
    assert window.windowTitle().endswith("— Who pays for AI safety?")
    with DebateDocument.open(seed_copy, read_only=True) as doc:
        assert doc.info.title == "Who pays for AI safety?"
