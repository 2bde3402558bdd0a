"""Work for File → Import beside the window: a worker thread, a progress dialog, Cancel.

Reading a big Kialo, Argdown or thread file takes seconds; on the GUI thread the window
would freeze for all of them. The worker runs a plain function (reading the file, or
writing the new .debate file) and hands its result back to the GUI thread, which alone
touches the open debate. Cancel closes the dialog at once and the result is dropped when
the worker ends: nothing is added, no file is created. Writing a file cannot be cancelled
half-way (it is written whole or not at all), so that dialog has no Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from debate_editor.domain.errors import DebateError

T = TypeVar("T")

RUNNING: list[ImportJob[Any]] = []
"""Jobs in flight (Qt does not keep the Python wrappers alive by itself)."""


class _Worker(QThread, Generic[T]):
    def __init__(self, work: Callable[[], T]) -> None:
        super().__init__()
        self.work = work
        self.result: T | None = None
        self.problem = ""

    def run(self) -> None:
        try:
            self.result = self.work()
        except DebateError as error:
            self.problem = str(error)
        except Exception as error:  # a bug: one line in the dialog, never a lost window
            self.problem = f"internal error: {type(error).__name__}: {error}"


class ImportJob(QObject, Generic[T]):
    """One piece of import work and the dialog that shows it is under way."""

    finished = Signal(str)
    """"done", "failed" or "cancelled", once the worker has ended."""

    def __init__(self, parent: QWidget, text: str, work: Callable[[], T],
                 on_done: Callable[[T], object], on_problem: Callable[[str], object], *,
                 cancellable: bool = True) -> None:
        super().__init__()
        self.on_done, self.on_problem = on_done, on_problem
        self.cancelled = False
        self.outcome = ""
        self.worker: _Worker[T] = _Worker(work)
        self.dialog = QProgressDialog(text, "Cancel", 0, 0, parent)  # 0..0: busy
        self.dialog.setObjectName("import_progress")
        self.dialog.setWindowTitle("Import")
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)  # edits go on meanwhile
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)
        self.worker.finished.connect(self._finished)

    def start(self) -> ImportJob[T]:
        RUNNING.append(self)
        self.dialog.setValue(0)
        self.worker.start()
        return self

    def cancel(self) -> None:
        """Stop waiting: the dialog goes now, and what the worker finds is dropped."""
        self.cancelled = True
        self._close_dialog()

    def _close_dialog(self) -> None:
        try:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        except RuntimeError:  # its window was closed meanwhile
            pass

    def _finished(self) -> None:
        if self in RUNNING:
            RUNNING.remove(self)
        self._close_dialog()
        if self.cancelled:
            self.outcome = "cancelled"
        elif self.worker.problem:
            self.outcome = "failed"
            self.on_problem(self.worker.problem)
        else:
            self.outcome = "done"
            self.on_done(self.worker.result)  # type: ignore[arg-type]
        self.finished.emit(self.outcome)

    def wait(self, msecs: int = 60_000) -> bool:
        return self.worker.wait(msecs)
