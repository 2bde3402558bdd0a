"""The Argdown pane: the whole debate as Argdown text, kept in step with the map both ways
(README, "The Argdown pane").

Typing re-reads the text after a pause (`PAUSE_MS`); what parses becomes one edit through
the session, so a burst of typing is one undo step and the map, the columns and the
outline follow it as any edit. A text that does not parse keeps the last good map and
marks the line and column of the fault. An edit made anywhere else changes only the
lines it concerns (`formats/argdown/follow.py`): the user's own order, blank lines and
comments stay. Undo and redo in the pane are the session's, the same steps as the map's.
While the dock is hidden the pane does no work; it catches up when shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import DebateError, ImportFormatError
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.model import ClaimKind, Debate
from debate_editor.ui.argdown_highlight import ArgdownHighlighter
from debate_editor.ui.session import Session

PAUSE_MS = 400
"""How long typing rests before the text is read into the map."""
FAULT_COLOUR = QColor("#d55e00")
CLASH = ("An edit made elsewhere changed the lines you are typing in; your text is kept "
         "as typed and is read into the map as it stands.")
_OPENING = re.compile(r"([\[<])([^\]>\n]*)$")
"""A `[title` or `<argument` being typed, up to the cursor."""


class ArgdownPane(QWidget):
    name = "argdown"
    title = "Argdown"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.editor = _Editor(self)
        self.editor.setObjectName("argdown_text")
        self.editor.setUndoRedoEnabled(False)  # one history: the session's
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.editor.setFont(font)
        self.highlighter = ArgdownHighlighter(self.editor.document())
        self.fault = QLabel(self)
        self.fault.setObjectName("argdown_fault")
        self.fault.setWordWrap(True)
        self.fault.setStyleSheet(f"color: {FAULT_COLOUR.name()};")
        self.fault.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.editor, 1)
        box.addWidget(self.fault)
        self.setFocusProxy(self.editor)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self.read_text)
        self.completer = QCompleter(self)
        self.completer.setWidget(self.editor)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self._complete)
        self._names = QStringListModel(self)
        self.completer.setModel(self._names)
        self._agreed: Debate | None = None
        """The debate as it was when pane and map last agreed (its export, written only
        when an edit from elsewhere needs it, is the merge's base)."""
        self._agreed_text: str | None = None
        self._last_read: str | None = None
        """The pane's text that the debate says now, when known: a keystroke's change
        from it may take the quick path (`formats/argdown/quick.py`)."""
        self._order: tuple[str, ...] = ()
        """The claim ids in the order the text names them, at the last reading."""
        self._made_up: dict[str, str] = {}
        """Titles the export gave claims that have none (`sync.reconcile`)."""
        self._setting = False
        self._applying = False
        self._unread = False
        """Typed since the text was last read into the map (or typed and not parsing)."""
        self._stale = True
        """The map changed while the pane was hidden: show it afresh when shown."""
        self.editor.textChanged.connect(self._typed)
        self.editor.undo_requested.connect(lambda: self._history(session.undo))
        self.editor.redo_requested.connect(lambda: self._history(session.redo))
        session.bridge.changed.connect(self._changed)
        # A window that may not write its file: the text can be read, not typed into.
        self.editor.setReadOnly(not session.editable)
        session.editable_changed.connect(lambda editable: self.editor.setReadOnly(not editable))

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {}

    # ---- the map to the text ----------------------------------------------------------
    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.show_debate()

    def show_debate(self) -> None:
        """The whole debate written afresh (on first showing, or after a refused merge)."""
        self._agree()
        text = self._base()
        empty = not self.session.document.graph.claims
        # An empty debate: a blank line after its heading, the cursor on the next line,
        # where a first statement begins a paragraph of its own.
        self._set_text(text + "\n" if empty else text)
        if empty:
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self._order = tuple(self.session.document.graph.claims)
        self._read_order()
        self._stale, self._unread = False, False
        self._show_fault(None)

    def _agree(self) -> None:
        """Pane and map agree now: remember the debate, write its export when needed."""
        self._agreed, self._agreed_text = self.session.document.snapshot(), None

    def _base(self) -> str:
        if self._agreed_text is None:
            from debate_editor.formats.argdown import write_argdown  # not before shown

            debate = self._agreed or self.session.document.snapshot()
            self._agreed_text = write_argdown(debate)
        return self._agreed_text

    def _export(self) -> str:
        from debate_editor.formats.argdown import write_argdown

        return write_argdown(self.session.document.snapshot())

    def _changed(self, _event: DebateChanged) -> None:
        if self._applying:
            return  # our own edit: the text says it already
        if not self.isVisible():
            self._stale = True
            return
        if self._stale:
            self.show_debate()
            return
        from debate_editor.formats.argdown.follow import follow

        base = self._base()
        theirs = self._export()
        merged = follow(base, self.editor.toPlainText(), theirs)
        self._agreed, self._agreed_text = self.session.document.snapshot(), theirs
        if merged is None and self._unread:
            # The edit changed lines the user is typing in (or left unparsed): what was
            # typed is never thrown away; it stays, and is read as typed.
            self.fault.setText(CLASH)
            self.fault.show()
            self.timer.start()
            return
        # A changed line the user rewrote in their own words: the debate's text.
        self._set_text(theirs if merged is None else merged)
        self._read_order()

    def _read_order(self) -> None:
        """Which claim each of the text's claims is, for the next reading's positions."""
        from debate_editor.formats.argdown import import_argdown
        from debate_editor.formats.argdown.sync import reconcile

        text = self.editor.toPlainText()
        self._last_read = None
        try:
            read = import_argdown(text).debate
        except DebateError:
            return
        graph, ids = self.session.document.graph, self.session.document.ids
        done = reconcile(graph, read, ids, self._order)
        self._order = done.order
        self._made_up = {cid: claim.title for claim, cid in zip(read.claims, done.order,
                                                                strict=True)
                         if claim.title and cid in graph.claims and not graph.claims[cid].title}
        if reconcile(graph, read, ids, self._order, self._made_up).edit.is_empty():
            self._last_read = text

    def _set_text(self, text: str) -> None:
        """Replace only the lines that differ, so the cursor and the view stay put."""
        from debate_editor.formats.argdown.quick import changed_span

        old = self.editor.toPlainText()
        if old == text:
            return
        start, end_old, end_new = changed_span(old, text)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end_old, QTextCursor.MoveMode.KeepAnchor)
        self._setting = True
        try:
            cursor.insertText(text[start:end_new])
        finally:
            self._setting = False

    # ---- the text to the map ----------------------------------------------------------
    def _typed(self) -> None:
        if self._setting:
            return
        self._unread = True
        self.timer.start()
        self._offer_names()

    def read_text(self) -> bool:
        """Read the text into the map now; False when it does not parse (the map stays)."""
        from debate_editor.formats.argdown import import_argdown
        from debate_editor.formats.argdown.quick import quick_edit
        from debate_editor.formats.argdown.sync import reconcile

        self.timer.stop()
        text = self.editor.toPlainText()
        doc = self.session.document
        if self._last_read is not None:
            quick = quick_edit(self._last_read, text, doc.graph)
            if quick is not None:
                self._show_fault(None)
                return self._apply(quick, text, self._order)
        try:
            read = import_argdown(text).debate
        except ImportFormatError as error:
            self._show_fault(error)
            return False
        except DebateError as error:
            self._show_fault(ImportFormatError(str(error)))
            return False
        self._show_fault(None)
        done = reconcile(doc.graph, read, doc.ids, self._order, self._made_up)
        return self._apply(done.edit, text, done.order)

    def _apply(self, edit: Edit, text: str, order: tuple[str, ...]) -> bool:
        """Run the edit the text made; then pane and map agree again."""
        if not edit.is_empty():
            self._applying = True
            try:
                if not self.session.run(edit):
                    return False
            finally:
                self._applying = False
        self._order, self._last_read, self._unread = order, text, False
        self._agree()
        return True

    def _history(self, step: Callable[[], object]) -> None:
        """Ctrl+Z / Ctrl+Shift+Z in the pane: the typing not yet read becomes its step
        first, then the session's history moves, as it would from the map."""
        if self.timer.isActive():
            self.read_text()
        step()

    def _show_fault(self, error: ImportFormatError | None) -> None:
        """Mark the line (and column) the reading stopped at, as a code editor does."""
        if error is None:
            self.fault.hide()
            self.editor.setExtraSelections([])
            return
        self.fault.setText(str(error))
        self.fault.show()
        if error.line is None:
            self.editor.setExtraSelections([])
            return
        block = self.editor.document().findBlockByNumber(max(error.line - 1, 0))
        mark = QTextEdit.ExtraSelection()
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        underline.setUnderlineColor(FAULT_COLOUR)
        underline.setBackground(QColor(213, 94, 0, 40))
        mark.format = underline
        cursor = QTextCursor(block)
        column = max((error.column or 1) - 1, 0)
        cursor.setPosition(block.position() + min(column, max(block.length() - 1, 0)))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                            QTextCursor.MoveMode.KeepAnchor)
        if not cursor.hasSelection():
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
        mark.cursor = cursor
        self.editor.setExtraSelections([mark])

    # ---- completion of [titles] and <arguments> ---------------------------------------
    def names(self) -> tuple[list[str], list[str]]:
        """The statements' titles and the arguments' titles the debate has."""
        graph = self.session.document.graph
        statements = sorted({c.title for c in graph.claims.values()
                             if c.title and c.kind is not ClaimKind.ARGUMENT})
        arguments = sorted({c.title for c in graph.claims.values()
                            if c.title and c.kind is ClaimKind.ARGUMENT})
        return statements, arguments

    def _offer_names(self) -> None:
        cursor = self.editor.textCursor()
        before = cursor.block().text()[:cursor.positionInBlock()]
        found = _OPENING.search(before)
        popup = self.completer.popup()
        assert popup is not None  # a completer always has its list
        if found is None:
            popup.hide()
            return
        statements, arguments = self.names()
        names = statements if found.group(1) == "[" else arguments
        if not names:
            popup.hide()
            return
        self._names.setStringList(names)
        self.completer.setCompletionPrefix(found.group(2))
        if self.completer.completionCount() == 0:
            popup.hide()
            return
        rect = self.editor.cursorRect()
        rect.setWidth(max(200, popup.sizeHintForColumn(0) + 30))
        self.completer.complete(rect)

    def _complete(self, name: str) -> None:
        cursor = self.editor.textCursor()
        before = cursor.block().text()[:cursor.positionInBlock()]
        found = _OPENING.search(before)
        if found is None:
            return
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor,
                            len(found.group(2)))
        closing = "]" if found.group(1) == "[" else ">"
        cursor.insertText(name + closing)
        self.editor.setTextCursor(cursor)


class _Editor(QPlainTextEdit):
    """The pane's text field: undo and redo go to the session, not to the field's own
    history, and Enter or Tab pick a completion while its list is open."""

    undo_requested = Signal()
    redo_requested = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and _history_key(event) is not None:
            event.accept()  # the field's, not the window's: the pane says what comes first
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        which = _history_key(event)
        if which == "undo":
            self.undo_requested.emit()
            return
        if which == "redo":
            self.redo_requested.emit()
            return
        pane = self.parent()
        completer = pane.completer if isinstance(pane, ArgdownPane) else None
        popup = completer.popup() if completer is not None else None
        if popup is not None and popup.isVisible() and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape):
            event.ignore()  # the completer's list takes it
            return
        super().keyPressEvent(event)


def _history_key(event: QKeyEvent) -> str | None:
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo):
        return "redo"
    return None
