"""The inspector's fields: text boxes that hand over what was typed once, when the person
is done with the field (Enter or leaving it), never a change per keystroke.

Each field shows a value (`show`) and says `committed(text)` when the person leaves it
changed; Esc puts back what it showed. While the person is typing in it, a new value
from the document waits: what is typed is never thrown away under their hands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QPlainTextEdit, QWidget

from debate_editor.ui.plain_text import typed_text

TAG_SEPARATOR = ","


class CommitLine(QLineEdit):
    """One line (a title, a source, tags): Enter or leaving it keeps it, Esc undoes it."""

    committed = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._shown = ""
        self.editingFinished.connect(self.finish)

    def show_value(self, text: str) -> None:
        """Show `text`, unless the person is changing the field right now."""
        if self.hasFocus() and self.isModified():
            return
        self._shown = text
        self.setText(text)
        self.setCursorPosition(0)
        self.setModified(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and self.isModified():
            self.setText(self._shown)
            self.setModified(False)
            return
        super().keyPressEvent(event)

    def keep_typed(self) -> None:
        """The edit was refused: the text stays as typed, and leaving it tries again."""
        self.setModified(True)

    def finish(self) -> None:
        """Hand over the text if it was changed."""
        if not self.isModified():
            return
        self.setModified(False)
        if self.text() != self._shown:
            self.committed.emit(self.text())


class CommitText(QPlainTextEdit):
    """Several lines (a claim, a note, a description): leaving it or Ctrl+Enter keeps it,
    Enter starts a new line, Esc undoes what was typed."""

    committed = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None, *, lines: int = 3) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTabChangesFocus(True)
        self._shown = ""
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)  # it scrolls

    def show_value(self, text: str) -> None:
        if self.hasFocus() and self.document().isModified():
            return
        self._shown = text
        self.setPlainText(text)
        self.document().setModified(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                mods & Qt.KeyboardModifier.ControlModifier):
            self.finish()
            return
        if key == Qt.Key.Key_Escape and self.document().isModified():
            self.setPlainText(self._shown)
            self.document().setModified(False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason):
            self.finish()

    def keep_typed(self) -> None:
        self.document().setModified(True)

    def finish(self) -> None:
        """Hand over the text if it was changed."""
        if not self.document().isModified():
            return
        text = typed_text(self, self._shown)
        self.document().setModified(False)
        if text != self._shown:
            self.committed.emit(text)


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as typed: separated by commas, each stripped, none twice, none empty."""
    seen: list[str] = []
    for part in text.split(TAG_SEPARATOR):
        tag = part.strip().lstrip("#").strip()
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


def join_tags(tags: Iterable[str]) -> str:
    return f"{TAG_SEPARATOR} ".join(tags)


class TagLine(CommitLine):
    """Tags, separated by commas, completed from the tags the debate already uses (the
    completion is for the tag being typed, after the last comma)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.setPlaceholderText("tags, separated by commas")
        self.known = QStringListModel(self)
        self.tag_completer = QCompleter(self.known, self)
        self.tag_completer.setWidget(self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_completer.activated.connect(self._complete_with)
        self.textEdited.connect(self._offer)
        self.known_tags: Callable[[], Iterable[str]] = tuple
        """Where the tags to complete from come from, asked when the field is entered
        (not at every edit: a debate of 10,000 claims has many to gather)."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.set_known(self.known_tags())

    def set_known(self, tags: Iterable[str]) -> None:
        known = sorted(set(tags), key=str.casefold)
        if known != self.known.stringList():  # a reset would lose the popup's choice
            self.known.setStringList(known)

    def finish(self) -> None:
        """Not while the completions are open (they take the focus for a moment)."""
        if not self._popup_shown():
            super().finish()

    def _popup_shown(self) -> bool:
        popup = self.tag_completer.popup()
        return popup is not None and popup.isVisible()

    def _hide_popup(self) -> None:
        if (popup := self.tag_completer.popup()) is not None:
            popup.hide()

    def _typing(self) -> str:
        return self.text()[:self.cursorPosition()].rsplit(TAG_SEPARATOR, 1)[-1].strip()

    def _offer(self, _text: str) -> None:
        prefix = self._typing()
        taken = set(split_tags(self.text()))
        if not prefix:
            self._hide_popup()
            return
        self.tag_completer.setCompletionPrefix(prefix)
        current = self.tag_completer.currentCompletion()
        if self.tag_completer.completionCount() and not (
                self.tag_completer.completionCount() == 1 and current in taken
                and current == prefix):
            self.tag_completer.complete()
        else:
            self._hide_popup()

    def _complete_with(self, tag: str) -> None:
        before = self.text()[:self.cursorPosition()]
        after = self.text()[self.cursorPosition():]
        head = before.rsplit(TAG_SEPARATOR, 1)[0] + f"{TAG_SEPARATOR} " \
            if TAG_SEPARATOR in before else ""
        self.setText(f"{head}{tag}{after}")
        self.setCursorPosition(len(head) + len(tag))
        self.setModified(True)
