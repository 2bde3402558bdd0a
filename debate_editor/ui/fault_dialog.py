"""Every exception nothing caught ends in a dialog: one sentence, the details behind a
button. Without this, an exception in a slot is printed where nobody looks and the window
goes on as if the action had worked (README, "What we guarantee").

`install` makes it the interpreter's `sys.excepthook` (and `threading.excepthook`, for
workers); a fault in another thread is handed to the GUI thread by a queued signal.
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

TITLE = "Debate Editor"


def sentence(error: BaseException) -> str:
    """What went wrong, in one line a person can read and quote in a report."""
    words = " ".join(str(error).split())
    if len(words) > 200:
        words = words[:197] + "…"
    what = f"{type(error).__name__}: {words}" if words else type(error).__name__
    return (f"Something went wrong inside Debate Editor ({what}). Every edit made before "
            "it is in your file; the action that failed may not have finished.")


class FaultDialogs(QObject):
    """Shows faults in the GUI thread, one dialog at a time (more are printed only)."""

    fault = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.showing: QMessageBox | None = None
        self.fault.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, trace))
        sys.stderr.write(details)
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if threading.current_thread() is threading.main_thread():
            self._show(sentence(error), details)
        else:
            self.fault.emit(sentence(error), details)

    def _show(self, text: str, details: str) -> None:
        if self.showing is not None and self.showing.isVisible():
            return  # one at a time: the first is what matters, the rest were printed
        parent: QWidget | None = QApplication.activeWindow()
        box = QMessageBox(QMessageBox.Icon.Critical, TITLE, text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("fault_dialog")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._closed)
        self.showing = box
        box.open()

    def _closed(self) -> None:
        self.showing = None


_DIALOGS: list[FaultDialogs] = []


def install() -> FaultDialogs:
    """Make faults end in a dialog from now on (once per process); returns the reporter."""
    if _DIALOGS:
        dialogs = _DIALOGS[0]
    else:
        dialogs = FaultDialogs()
        _DIALOGS.append(dialogs)

    def hook(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
        try:
            dialogs.report(kind, error, trace)
        except Exception:  # the dialog itself failed: at least the original is printed
            sys.__excepthook__(kind, error, trace)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return dialogs
