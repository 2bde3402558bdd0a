"""Plain-text boxes for typing a claim where it stands: in a list (the columns and the
outline) and over a card on the map.

Both take every key while open, so no shortcut fires while someone is typing; Esc throws
the text away and clicking elsewhere keeps it; text stays plain text. They differ only in
Enter: in a list Enter keeps the text (Ctrl+Enter too, as on the map) and Shift+Enter
starts a new line; on the map Enter starts a new line and Ctrl+Enter keeps the text
(`debate_editor.ui.card_editor`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from debate_editor.render.card_style import body_font
from debate_editor.ui.plain_text import typed_text


class PlainTextBox(QPlainTextEdit):
    """What every in-place editor shares; a subclass says what Enter does."""

    committed = Signal(str)
    """The text to keep (stripped, never empty)."""
    cancelled = Signal()

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.Box)
        self.setTabChangesFocus(True)
        self.setFont(body_font())
        self.setStyleSheet(
            f"QPlainTextEdit#{name} {{ background: #fffdf2; color: #1d1d1f;"
            " border: 2px solid #1a73e8; border-radius: 4px; }"
        )
        self.hide()
        self._open = False
        self._opened_with = ""
        self.started_from = ""
        """The claim's text the person began typing over (`edits.text_edit`): after a
        refusal the box opens again with what was typed, and this becomes what shows."""

    @property
    def is_open(self) -> bool:
        return self._open

    def _show_with(self, text: str) -> None:
        self._open = True
        self.setPlainText(text)
        self._opened_with = self.started_from = text
        self.selectAll()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enter(self, event: QKeyEvent) -> bool:
        """Act on Enter or Return; False leaves the key to the text box."""
        raise NotImplementedError

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._open:
            event.accept()  # every key is for the text while typing
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._finish(keep=False)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._enter(event):
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if self._open and event.reason() not in (
            Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.MenuBarFocusReason,
        ):
            self._finish(keep=True)

    def _finish(self, *, keep: bool) -> None:
        if not self._open:
            return
        self._open = False
        text = typed_text(self, self._opened_with)
        self.hide()
        if keep and text:
            self.committed.emit(text)
        else:
            self.cancelled.emit()


class InlineEditor(PlainTextBox):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "inline_editor")

    def text_height(self) -> int:
        """The height that shows all its text at its present width, without scrolling
        (and room for the line being started)."""
        lines = 1 + max(1, round(self.document().documentLayout().documentSize().height()))
        return (lines * self.fontMetrics().lineSpacing() + 2 * self.frameWidth()
                + 2 * round(self.document().documentMargin()) + 4)

    def open(self, text: str = "", hint: str = "") -> None:
        """Show with `text` selected; place it (setGeometry) before or after."""
        self.setPlaceholderText(hint or "Type the claim — Enter keeps it, Esc cancels")
        self._show_with(text)

    def _enter(self, event: QKeyEvent) -> bool:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.insertPlainText("\n")
        else:
            self._finish(keep=True)
        return True
