"""One open debate as the views see it: the document, its events, its undo history.

Every view of a window (canvas, and later columns, outline, presenter) takes the same
session: it reads from `document`, follows `bridge.changed`, and changes the debate only
through `run`, which makes each change one undo step. `selection` is the claim the views
show as chosen, shared by all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import DebateError
from debate_editor.store import DebateDocument
from debate_editor.ui.bridge import DocumentBridge
from debate_editor.ui.commands import EditCommand, push_edit
from debate_editor.ui.selection import ClaimSelection


class Session(QObject):
    problem = Signal(str)
    """A refused edit, in one sentence, for the window to show."""

    def __init__(self, document: DebateDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.bridge = DocumentBridge(document, self)
        self.selection = ClaimSelection(self)
        self.bridge.changed.connect(self.selection.follow)  # before any view hears of it
        self.undo_stack = QUndoStack(self)

    def run(self, edit: Edit) -> bool:
        """Apply `edit` as one undo step. False (and `problem` emitted) if refused or empty."""
        try:
            return push_edit(self.undo_stack, self.document, edit)
        except DebateError as error:
            self.problem.emit(str(error))
            return False

    def undo(self) -> None:
        self._step(self.undo_stack.undo, self.undo_stack.index() - 1)

    def redo(self) -> None:
        self._step(self.undo_stack.redo, self.undo_stack.index())

    def _step(self, step: object, index: int) -> None:
        if not 0 <= index < self.undo_stack.count():
            return
        step()  # type: ignore[operator]
        command = self.undo_stack.command(index)
        if isinstance(command, EditCommand) and command.error is not None:
            self.problem.emit(str(command.error))

    def close(self) -> None:
        self.bridge.detach()
        self.undo_stack.clear()
