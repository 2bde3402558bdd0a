"""Undo steps: an `Edit`, and the inverse the document handed back when it was applied.

A step never touches a view; the views follow the document's events. It is pushed first
and the stack's own `redo` applies it, so the stack holds exactly the steps the file has
taken. When the document refuses a step (a full disk, a file that turned read-only), the
step records the error and marks itself obsolete (a refused new edit never reaches the
stack), and `Session` puts a refused undo or redo back where it was (`sync_without_applying`),
so the stack's index, the file and the views keep agreeing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QUndoCommand

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import DebateError
from debate_editor.store import DebateDocument


class EditStep(QUndoCommand):
    """One step of the undo history: apply `forward` to redo, `backward` to undo."""

    def __init__(self, document: DebateDocument, forward: Edit) -> None:
        super().__init__(forward.label or "Edit")
        self.document = document
        self.forward = forward
        self.backward: Edit | None = None
        """Known once the step has been applied (the document hands it back)."""
        self.done = False
        """The file holds this step now (redone and not undone since)."""
        self.error: DebateError | None = None
        """Set when the last redo or undo was refused; the session shows it, since Qt
        calls these methods and cannot pass it on."""
        self._moving_index_only = False

    def redo(self) -> None:
        if self._moving_index_only:
            return
        try:
            self.backward = self.document.apply(self.forward)
        except DebateError as error:
            self.error = error
            if self.backward is None:  # never applied: the stack must not keep it
                self.setObsolete(True)
            return
        self.error = None
        self.done = True

    def undo(self) -> None:
        if self._moving_index_only or self.backward is None:
            return
        try:
            self.forward = self.document.apply(self.backward)
        except DebateError as error:
            self.error = error
            return
        self.error = None
        self.done = False

    @contextmanager
    def sync_without_applying(self) -> Iterator[None]:
        """Let the stack move its index over this step without touching the file: how a
        refused undo or redo is put back where it was."""
        self._moving_index_only = True
        try:
            yield
        finally:
            self._moving_index_only = False
