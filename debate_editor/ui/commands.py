"""Undo commands: an `Edit` and the inverse the document handed back. Nothing else.

A command never touches a view; the views follow the document's events. The edit is
applied once before the command is pushed (so a refused edit never reaches the stack
and the user sees one plain message), which is why the first `redo` does nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import DebateError
from debate_editor.store import DebateDocument


class EditCommand(QUndoCommand):
    """One step of the undo history: apply `forward` to redo, `backward` to undo."""

    def __init__(self, document: DebateDocument, forward: Edit, backward: Edit) -> None:
        super().__init__(forward.label or "Edit")
        self.document = document
        self.forward = forward
        self.backward = backward
        self._fresh = True
        self.error: DebateError | None = None
        """Set when undoing or redoing was refused (say, the file became read-only);
        the caller shows it, since Qt calls these methods and cannot pass it on."""

    def redo(self) -> None:
        if self._fresh:  # applied already, just before the push
            self._fresh = False
            return
        try:
            self.backward = self.document.apply(self.forward)
            self.error = None
        except DebateError as error:
            self.error = error

    def undo(self) -> None:
        try:
            self.forward = self.document.apply(self.backward)
            self.error = None
        except DebateError as error:
            self.error = error


def push_edit(stack: QUndoStack, document: DebateDocument, edit: Edit) -> bool:
    """Apply `edit` and put it on the undo stack as one step. False if it changed nothing.

    Raises the document's DebateError (nothing written) when the edit is refused.
    """
    if edit.is_empty():
        return False
    backward = document.apply(edit)
    stack.push(EditCommand(document, edit, backward))
    return True
