"""An empty map says how to begin (README, "The canvas"), as the outline and the columns
do: the largest view, the one with the focus, is never a blank page; and the hint goes
from the screen with the first card."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, open_window, press
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QImage, QPaintEvent, QRegion

from debate_editor.ui.main_window import MainWindow


def inked(window: MainWindow, band: QRect) -> int:
    """How many pixels of the map's top band are darker than its background."""
    view = window.canvas.view
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ground = view.map.backgroundBrush().color().lightness()
    return sum(1 for y in range(band.top(), band.bottom())
               for x in range(band.left(), band.right())
               if image.pixelColor(x, y).lightness() < ground - 60)


class Repaints(QObject):
    """What of the map's viewport is painted again: the screen shows only that anew."""

    def __init__(self) -> None:
        super().__init__()
        self.region = QRegion()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.region = self.region.united(event.region())
        return False

    def covers(self, band: QRect) -> bool:
        return self.region.intersected(QRegion(band)) == QRegion(band)


def test_an_empty_map_says_press_t_until_it_has_a_claim(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "new.debate")
    view = window.canvas.view
    band = QRect(0, 0, min(360, view.viewport().width()), 34)
    assert view.empty_hint() == "No claims yet. Press T for a thesis."
    assert inked(window, band) > 50  # the hint is drawn in the map's top left corner
    press(qtbot, window, Qt.Key.Key_T)
    editor = window.canvas.editor
    qtbot.keyClicks(editor, "A first thesis.")
    repaints = Repaints()
    view.viewport().installEventFilter(repaints)
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert window.document.graph.claims
    # Where the hint was is painted again, so the screen no longer shows it.
    qtbot.waitUntil(lambda: repaints.covers(band), timeout=1000)
    card = window.canvas.scene.cards[next(iter(window.document.graph.claims))]
    if not view.mapFromScene(card.sceneBoundingRect()).boundingRect().intersects(band):
        assert inked(window, band) == 0
    window.canvas.view.setFocus()
    repaints.region = QRegion()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # empty again: the hint is back
    assert not window.document.graph.claims
    qtbot.waitUntil(lambda: repaints.covers(band), timeout=1000)
    assert inked(window, band) > 50
