"""A benchmark hook: quit right after the window's first painted frame.

With DEBATE_EDITOR_FIRST_FRAME_EXIT=1 in the environment, the program exits (status 0)
as soon as the map has painted once, without tearing the window down, so a benchmark can
time a whole process, from its start to the first frame a user would see, as spawn → exit
(README, "Performance"; `tests/benchmarks/bench_startup.py`). Nothing is saved on that
exit, and without the variable nothing is installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

VARIABLE = "DEBATE_EDITOR_FIRST_FRAME_EXIT"


class _AfterPaint(QObject):
    """Runs `then` once, after the watched widget's first paint."""

    def __init__(self, parent: QObject, then: Callable[[], None]) -> None:
        super().__init__(parent)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.then)
        return False


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """`then`, once the first frame is on screen: work a start need not wait for (the
    store's SQLAlchemy, which only the first edit needs: README, "Performance")."""
    widget.installEventFilter(_AfterPaint(widget, then))


class _QuitOnPaint(QObject):
    """Quits the application once the watched widget has handled a paint event."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Once this paint is done: the frame is drawn, then the process ends at once.
            QTimer.singleShot(0, lambda: os._exit(0))
        return False


def wanted() -> bool:
    return os.environ.get(VARIABLE, "") not in ("", "0")


def quit_after_first_paint(widget: QWidget) -> None:
    """Under the hook's variable, end the event loop after `widget`'s first paint."""
    if wanted():
        watch = _QuitOnPaint(widget)
        widget.installEventFilter(watch)
