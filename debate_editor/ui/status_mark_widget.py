"""A status mark as a small widget, for a claim shown by a widget rather than drawn by a
delegate (the claim on top of the pro/con columns)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from debate_editor.domain.status_labels import Label
from debate_editor.render.status_mark import MARK_RADIUS, draw_status_mark, status_tip


class StatusMarkWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source: Callable[[], Label | None] | None = None
        """What the mark shows, asked at each paint (None, or None from it: nothing)."""
        self._said: Label | None = None
        side = round(2 * MARK_RADIUS + 4)
        self.setFixedSize(QSize(side, side))

    def label(self) -> Label | None:
        return self.source() if self.source is not None else None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        label = self.label()
        if label is not self._said:
            self._said = label
            self.setToolTip(status_tip(label) if label is not None else "")
        if label is None:
            return
        painter = QPainter(self)
        draw_status_mark(painter, QPointF(self.width() / 2, self.height() / 2), label)
        painter.end()
