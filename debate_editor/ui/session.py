"""One open debate as the views see it: the document, its events, its undo history, and
whether it may be changed.

Every view of a window takes the same session: it reads from `document`, follows
`bridge.changed`, and changes the debate only through `run`, which makes each change one
undo step. `selection` is the claim the views show as chosen, shared by all of them.
`editable` is the one answer to "may this debate be changed here?": every view and every
action follows it (`editable_changed`), and `may_edit` says so when it may not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from debate_editor.domain.edit import Edit
from debate_editor.store import DebateDocument
from debate_editor.ui.bridge import DocumentBridge
from debate_editor.ui.folding import FoldState
from debate_editor.ui.selection import ClaimSelection
from debate_editor.ui.status_live import LiveStatus
from debate_editor.ui.undo_step import EditStep

READ_ONLY_NOTE = "This debate is open read-only."


class Session(QObject):
    problem = Signal(str)
    """A refused edit, undo or redo, in one sentence, for the window to show."""
    notice = Signal(str)
    """A short note for the status bar (from any view: "Select a card first.")."""
    editable_changed = Signal(bool)
    """The debate became editable (a copy was saved) or stopped being so."""

    def __init__(self, document: DebateDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.bridge = DocumentBridge(document, self)
        self.selection = ClaimSelection(self)
        self.bridge.changed.connect(self.selection.follow)  # before any view hears of it
        self.status = LiveStatus(document, self)
        """Whether each claim stands, relabelled edit by edit (also before the views)."""
        self.bridge.changed.connect(self.status.follow)
        self.undo_stack = QUndoStack(self)
        self.folds = FoldState(document.path, self)
        """Which branches are folded, in the map and the outline alike."""
        self.folds.forget_missing(document.graph)
        self._editable = not document.read_only
        self.file_ok: Callable[[], bool] = lambda: True
        """Asked before every edit, undo and redo, and after a refusal: may the file take
        it? The window's `FileWatch` follows a renamed file and stops at a deleted one,
        saying so itself."""

    # ---- may it be changed ------------------------------------------------------------
    @property
    def editable(self) -> bool:
        return self._editable

    def follow_document(self) -> None:
        """Read again whether the document may be written (after Save As, say)."""
        self.folds.follow_path(self.document.path)
        editable = not self.document.read_only
        if editable != self._editable:
            self._editable = editable
            self.editable_changed.emit(editable)

    def may_edit(self) -> bool:
        """True if the debate may be changed; else the status bar says why not."""
        if not self._editable:
            self.notice.emit(READ_ONLY_NOTE)
        return self._editable

    # ---- changing it ----------------------------------------------------------------
    def run(self, edit: Edit) -> bool:
        """Apply `edit` as one undo step: pushed, then applied by the stack's redo.

        False if it changed nothing or was refused; a refusal leaves the stack as it was
        (the step never joins it) and is said through `problem`."""
        if edit.is_empty() or not self.may_edit() or not self.file_ok():
            return False
        stack = self.undo_stack
        redoable = [(old.forward, old.backward) for i in range(stack.index(), stack.count())
                    if isinstance(old := stack.command(i), EditStep)
                    and old.backward is not None]
        step = EditStep(self.document, edit)
        stack.push(step)  # applies it; a refused step marks itself obsolete and is dropped
        if step.error is not None:
            self._put_back(redoable)  # Qt dropped them as for a new step; none was taken
            if self.file_ok():  # else the file's fate was said instead
                self.problem.emit(str(step.error))
            return False
        return True

    def _put_back(self, redoable: list[tuple[Edit, Edit]]) -> None:
        """Give the stack back the steps that could be redone before a refused edit."""
        stack = self.undo_stack
        again = []
        for forward, backward in redoable:
            step = EditStep(self.document, forward)
            step.backward = backward
            with step.sync_without_applying():
                stack.push(step)
            again.append(step)
        for step in reversed(again):
            with step.sync_without_applying():
                stack.undo()

    def undo(self) -> None:
        self._step(back=True)

    def redo(self) -> None:
        self._step(back=False)

    def _step(self, *, back: bool) -> None:
        stack = self.undo_stack
        index = stack.index() - 1 if back else stack.index()
        if not 0 <= index < stack.count() or not self.file_ok():
            return
        step = stack.command(index)
        (stack.undo if back else stack.redo)()
        if isinstance(step, EditStep) and step.error is not None:
            error, step.error = step.error, None
            with step.sync_without_applying():  # the file did not move: nor does the index
                (stack.redo if back else stack.undo)()
            if self.file_ok():
                self.problem.emit(str(error))

    def close(self) -> None:
        self.bridge.detach()
        self.undo_stack.clear()
