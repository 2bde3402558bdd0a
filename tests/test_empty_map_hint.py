"""An empty map says how to begin (README, "The canvas"), as the outline and the columns
do: the largest view, the one with the focus, is never a blank page."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, open_window, press, type_card
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage

from debate_editor.ui.main_window import MainWindow


def inked(window: MainWindow, band: QRect) -> int:
    """How many pixels of the map's top band are darker than its background."""
    view = window.canvas.view
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ground = view.map.backgroundBrush().color().lightness()
    return sum(1 for y in range(band.top(), band.bottom())
               for x in range(band.left(), band.right())
               if image.pixelColor(x, y).lightness() < ground - 60)


def test_an_empty_map_says_press_t_until_it_has_a_claim(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "new.debate")
    view = window.canvas.view
    band = QRect(0, 0, min(360, view.viewport().width()), 34)
    assert view.empty_hint() == "No claims yet. Press T for a thesis."
    assert inked(window, band) > 50  # the hint is drawn in the map's top left corner
    press(qtbot, window, Qt.Key.Key_T)
    type_card(qtbot, window, "A first thesis.")
    assert window.document.graph.claims
    view.centerOn(window.canvas.scene.cards[next(iter(window.document.graph.claims))]
                  .sceneBoundingRect().center())
    qtbot.waitUntil(lambda: inked(window, band) == 0, timeout=1000)  # a card: no hint
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # empty again: the hint is back
    assert not window.document.graph.claims
    qtbot.waitUntil(lambda: inked(window, band) > 50, timeout=1000)
