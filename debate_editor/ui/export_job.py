"""An export running beside the window: a worker thread, a progress dialog, Cancel.

The worker gets a snapshot of the debate (immutable), so the person can go on editing
while a big PDF is written; what is exported is the debate as it was when they asked.
The file is written whole or not at all: an existing file is replaced only by a complete
export, and a cancelled or failed one leaves it as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from debate_editor.domain.errors import DebateError
from debate_editor.domain.model import Debate
from debate_editor.formats import files, registry

_RUNNING: list[ExportJob] = []
"""Jobs in flight (Qt does not keep the Python wrappers alive by itself)."""


class ExportCancelledError(Exception):
    """The person pressed Cancel; raised inside the writer to stop it."""


class ExportWorker(QThread):
    progressed = Signal(int)
    """Per mille done."""
    failed = Signal(str)
    done = Signal(str)
    """The path written."""

    def __init__(self, fmt: registry.Format, debate: Debate, options: registry.ExportOptions,
                 target: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fmt, self.debate, self.options, self.target = fmt, debate, options, target
        self.cancelled = False
        self.outcome = ""
        """"done", "failed" or "cancelled" once the thread has finished."""

    def _progress(self, fraction: float) -> None:
        if self.cancelled:
            raise ExportCancelledError
        self.progressed.emit(int(1000 * min(max(fraction, 0.0), 1.0)))

    def run(self) -> None:
        try:
            data = self._write()
            if self.cancelled:
                raise ExportCancelledError
            files.write_whole(self.target, data)
        except ExportCancelledError:
            self.outcome = "cancelled"
            return
        except DebateError as error:
            self.outcome = "failed"
            self.failed.emit(str(error))
            return
        except Exception as error:  # a bug: say so in one line, never lose the window
            self.outcome = "failed"
            self.failed.emit(f"internal error: {type(error).__name__}: {error}")
            return
        self.outcome = "done"
        self.done.emit(str(self.target))

    def _write(self) -> str | bytes:
        if self.fmt.binary:
            from debate_editor.render.exports import WRITERS

            writer = WRITERS.get(self.fmt.name)
            if writer is not None:
                return writer(self.debate, self.options, self._progress)
        assert self.fmt.write is not None
        return self.fmt.write(self.debate, self.options)


class ExportJob(QObject):
    """One export: its worker and the dialog that shows how far it is."""

    finished = Signal(str)
    """"done", "failed" or "cancelled"."""

    def __init__(self, window: QWidget, fmt: registry.Format, debate: Debate,
                 options: registry.ExportOptions, target: Path,
                 on_message: Callable[[str], object], on_problem: Callable[[str], object]) -> None:
        super().__init__(window)
        self.worker = ExportWorker(fmt, debate, options, target, self)
        self.dialog = QProgressDialog(f"Exporting {target.name}…", "Cancel", 0, 1000, window)
        self.dialog.setWindowTitle("Export")
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.cancel)
        self.worker.progressed.connect(self.dialog.setValue)
        self.worker.done.connect(lambda path: on_message(f"Exported {Path(path).name}."))
        self.worker.failed.connect(on_problem)
        self.worker.finished.connect(self._finished)

    def start(self) -> ExportJob:
        _RUNNING.append(self)
        self.worker.start()
        return self

    def cancel(self) -> None:
        self.worker.cancelled = True

    def _finished(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        if self in _RUNNING:
            _RUNNING.remove(self)
        self.finished.emit(self.worker.outcome)

    def wait(self, msecs: int = 60_000) -> bool:
        return self.worker.wait(msecs)
