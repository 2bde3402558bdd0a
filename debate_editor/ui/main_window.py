"""The main window. For now it lists the claims in reading order; the canvas replaces it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem, QMainWindow

from debate_editor.domain.events import DebateChanged
from debate_editor.store import DebateDocument


class MainWindow(QMainWindow):
    def __init__(self, document: DebateDocument) -> None:
        super().__init__()
        self.document = document
        self.claim_list = QListWidget()
        self.claim_list.setWordWrap(True)
        self.setCentralWidget(self.claim_list)
        self._unsubscribe = document.subscribe(self._on_change)
        self._refresh()

    def _on_change(self, event: DebateChanged) -> None:
        self._refresh()

    def _refresh(self) -> None:
        doc = self.document
        name = doc.path.name + (" (read-only)" if doc.read_only else "")
        self.setWindowTitle(f"{doc.title} — {name}")
        self.claim_list.clear()
        depths = doc.graph.depths()
        for claim in doc.graph.reading_order():
            item = QListWidgetItem("    " * depths[claim.id] + claim.text)
            item.setData(Qt.ItemDataRole.UserRole, claim.id)
            self.claim_list.addItem(item)

    def save_screenshot(self, path: Path, *, view: str, size: tuple[int, int]) -> int:
        self.resize(QSize(*size))
        self.show()
        QApplication.processEvents()
        ok = self.grab().save(str(path))
        self.close()
        return 0 if ok else 1

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._unsubscribe()
        self.document.close()
        super().closeEvent(event)
