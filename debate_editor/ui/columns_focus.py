"""The card on top of the pro/con columns: the claim they show, its kind, its tally and
its note, in plain text, cut to a few lines (the tooltip and the editor hold it all)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from debate_editor.ui.clipped_label import ClippedLabel
from debate_editor.ui.status_mark_widget import StatusMarkWidget


class FocusCard(QFrame):
    def __init__(self, parent: QWidget, text_lines: int, note_lines: int) -> None:
        super().__init__(parent)
        self.setObjectName("focus_card")
        self.kind = QLabel(self)
        self.tally = QLabel(self)
        self.mark = StatusMarkWidget(self)
        """Whether the claim on top stands (the window gives it its source)."""
        self.text = ClippedLabel(self, max_lines=text_lines)
        self.note = ClippedLabel(self, max_lines=note_lines)
        for label in (self.kind, self.tally, self.text, self.note):
            label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.text, self.note):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setObjectName("focus_text")
        self.text.setStyleSheet("font-size: 15px; color: #1d1d1f;")
        self.note.setStyleSheet("color: #5a5f66; font-style: italic;")
        self.tally.setStyleSheet("color: #5a5f66;")
        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.tally)
        top.addWidget(self.mark)
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 10)
        box.addLayout(top)
        box.addWidget(self.note)
        box.addWidget(self.text)
