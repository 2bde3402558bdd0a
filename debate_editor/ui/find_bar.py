"""Find (Ctrl+F): type to filter the view in use (words, or `#tag`), Enter to jump to
the next match."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from debate_editor.ui.view_commands import Finder


class FindField(QLineEdit):
    next_requested = Signal(bool)
    """True to go back (Shift+Enter)."""
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_requested.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """A bar under the views; the shown view does the filtering (`set_filter`,
    `find_next`), so each view finds in its own way. `attach` says where it finds
    (asked at each keystroke, since the view in use changes) and where focus goes back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = FindField(self)
        self.field.setObjectName("find_field")
        self.field.setPlaceholderText(
            "Find words or a #tag — Enter: next, Shift+Enter: back, Esc: close")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.field.closed.emit)
        box = QHBoxLayout(self)
        box.setContentsMargins(6, 3, 6, 3)
        box.addWidget(QLabel("Find:", self))
        box.addWidget(self.field, 1)
        box.addWidget(self.count)
        box.addWidget(close)
        self.hide()

    def open(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def show_count(self, matches: int, text: str) -> None:
        if not text.strip():
            self.count.setText("")
        else:
            self.count.setText("no match" if not matches else
                               f"{matches} match" + ("es" if matches != 1 else ""))

    def attach(self, finder: Callable[[], Finder | None],
               back_to: Callable[[], QWidget]) -> None:
        self._finder, self._back_to = finder, back_to
        self.field.textChanged.connect(self._filter)
        self.field.next_requested.connect(self.find_next)
        self.field.closed.connect(self._close)

    def _filter(self, text: str) -> None:
        finder = self._finder()
        if finder is not None:
            self.show_count(len(finder.set_filter(text)), text)

    def find_next(self, backwards: bool = False) -> None:
        finder = self._finder()
        if finder is not None:
            finder.find_next(backwards)

    def _close(self) -> None:
        self.field.clear()
        self.hide()
        self._back_to().setFocus()
