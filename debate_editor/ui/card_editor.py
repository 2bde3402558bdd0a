"""Editing a card's text in place: a plain-text box laid over the card.

Enter starts a new line, Ctrl+Enter keeps the text, Esc throws it away; clicking
elsewhere keeps it too. While it has the focus it takes every key, so no shortcut of the
map fires while someone is typing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from debate_editor.render.card_style import body_font
from debate_editor.ui.plain_text import typed_text


class CardEditor(QPlainTextEdit):
    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("card_editor")
        self.setFrameShape(QFrame.Shape.Box)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setStyleSheet(
            "QPlainTextEdit#card_editor { background: #fffdf2; color: #1d1d1f;"
            " border: 2px solid #1a73e8; border-radius: 4px; }"
        )
        self.setPlaceholderText("Type the claim; Ctrl+Enter to keep, Esc to cancel")
        self.hide()
        self._open = False
        self._opened_with = ""
        self.scene_rect = QRectF()

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self, text: str, scene_rect: QRectF, zoom: float) -> None:
        self._open = True
        self.scene_rect = scene_rect
        font = body_font()
        font.setPixelSize(max(9, round(font.pixelSize() * zoom)))
        self.setFont(font)
        self.setPlainText(text)
        self._opened_with = text
        self.selectAll()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_editor(self) -> None:
        self._open = False
        self.hide()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._open:
            event.accept()  # every key is for the text while typing
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._cancel()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._commit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if self._open and event.reason() not in (
            Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.MenuBarFocusReason,
        ):
            self._commit()

    def _commit(self) -> None:
        if not self._open:
            return
        text = typed_text(self, self._opened_with)
        self.close_editor()
        if text:
            self.committed.emit(text)
        else:
            self.cancelled.emit()

    def _cancel(self) -> None:
        if not self._open:
            return
        self.close_editor()
        self.cancelled.emit()
