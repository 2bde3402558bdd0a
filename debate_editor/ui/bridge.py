"""The document's events as a Qt signal, so widgets connect to it like to any other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from debate_editor.domain.events import DebateChanged
from debate_editor.store import DebateDocument


class DocumentBridge(QObject):
    """Re-emits each `DebateChanged` of one document as `changed` (synchronously, so a
    view has caught up by the time the edit that caused it returns)."""

    changed = Signal(object)

    def __init__(self, document: DebateDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._unsubscribe = document.subscribe(self._forward)

    def _forward(self, event: DebateChanged) -> None:
        self.changed.emit(event)

    def detach(self) -> None:
        self._unsubscribe()
