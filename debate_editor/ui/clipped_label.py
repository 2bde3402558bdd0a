"""A label for a claim's text that stays the size of its box, whatever the text.

A QLabel that wraps words is as wide as the longest word in it (a claim of 100,000
characters without a space made the window 887,696 pixels wide) and lays out every
line of its text at each resize (seconds for 100,000 characters). This one shows the
text as typed while it fits in `max_lines` lines at the label's width; otherwise it shows
the first `max_lines` lines, broken anywhere a word is too long, the last ending in an
ellipsis, and its tooltip holds the whole text. Plain text always.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from debate_editor.render.text_fit import clipped_lines
from debate_editor.ui.plain_text import plain_tip


class ClippedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None, max_lines: int = 12) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        self.full_text = ""
        self.clipped = False
        self._fitted_width = -1
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def set_plain(self, text: str) -> None:
        """Show `text` (plain), cut to what the label holds."""
        self.full_text = text
        self._fitted_width = -1
        self._fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """A line high and a little wide: the label shows less text when squeezed, and
        never holds its box (or the window) open for text it has cut to fit."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 40), min(hint.height(), self.fontMetrics().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if event.size().width() != self._fitted_width:
            self._fit()

    def _fit(self) -> None:
        self.ensurePolished()
        width = max(40, self.contentsRect().width())
        self._fitted_width = self.width()
        text = self.full_text
        lines, cut = clipped_lines(text, self.font(), width, self.max_lines)
        metrics = QFontMetricsF(self.font())
        # Not cut: the text is a few lines long, so its words are few to measure.
        too_wide = not cut and any(
            metrics.horizontalAdvance(word) > width for word in text.split())
        self.clipped = cut or too_wide
        if self.clipped:
            self.setWordWrap(False)
            super().setText("\n".join(lines))
            self.setToolTip(plain_tip(text))
        else:
            self.setWordWrap(True)
            super().setText(text)
            self.setToolTip("")
