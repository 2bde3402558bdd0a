"""Editing a card's text in place: a plain-text box laid over the card.

Enter starts a new line, Ctrl+Enter keeps the text, Esc throws it away; clicking
elsewhere keeps it too. While it has the focus it takes every key, so no shortcut of the
map fires while someone is typing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from debate_editor.render.card_style import body_font
from debate_editor.ui.inline_editor import PlainTextBox


class CardEditor(PlainTextBox):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "card_editor")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText("Type the claim; Ctrl+Enter to keep, Esc to cancel")
        self.scene_rect = QRectF()

    def open(self, text: str, scene_rect: QRectF, zoom: float) -> None:
        """Over the card at `scene_rect`, in the card's type at the map's zoom."""
        self.scene_rect = scene_rect
        font = QFont(body_font())  # a copy: the map, the outline and the columns share it
        font.setPixelSize(max(9, round(font.pixelSize() * zoom)))
        self.setFont(font)
        self._show_with(text)

    def _enter(self, event: QKeyEvent) -> bool:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._finish(keep=True)
            return True
        return False
