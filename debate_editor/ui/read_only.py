"""A window on a debate it may not change: a banner that says why, and no way to edit.

A debate opens read-only when another window or program is writing it, or when the file
or its folder is read-only (`DebateDocument.read_only_reason`). The window then shows a
coloured bar under the menus with the reason and a "Save a Copy As…" button, the way to
go on working; every command that would change the debate is disabled in every view
(its keys do nothing, its menu entries are grey), and the mouse selects but neither
drags cards, links nor reorders. Saving a copy makes the window writable again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolBar,
    QToolButton,
    QWidget,
)

from debate_editor.store import EXTENSION
from debate_editor.ui.canvas_view import CanvasView
from debate_editor.ui.columns_list import ReasonList
from debate_editor.ui.outline_tree import OutlineTree
from debate_editor.ui.shortcuts import COMMANDS

if TYPE_CHECKING:
    from debate_editor.ui.main_window import MainWindow

EDITING_COMMANDS = frozenset(command.key for command in COMMANDS if command.edits)
"""The commands that change the debate, as the command table marks them."""

ADD_BUTTONS = ("add_support", "add_objection")

BANNER_COLOUR, BANNER_BORDER, BANNER_TEXT = "#fff4ce", "#e0b000", "#3d2f00"


def banner_text(reason: str) -> str:
    """What the banner says: that nothing can be changed here, and why."""
    why = reason or "it was opened read-only"
    return f"Read-only: {why}. Save a copy to edit it."


class ReadOnlyBanner(QFrame):
    """The coloured bar: the reason in words (plain text) and a button to save a copy."""

    save_copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setStyleSheet(
            f"QFrame#read_only_banner {{ background: {BANNER_COLOUR};"
            f" border-bottom: 1px solid {BANNER_BORDER}; }}"
            f" QLabel {{ color: {BANNER_TEXT}; }}")
        self.label = QLabel(self)
        self.label.setObjectName("read_only_reason")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.button = QPushButton("Save a Copy As…", self)
        self.button.setObjectName("save_copy_button")
        self.button.setToolTip("Keep working in a copy of this debate (every edit goes there)")
        self.button.clicked.connect(self.save_copy_requested.emit)
        box = QHBoxLayout(self)
        box.setContentsMargins(12, 6, 8, 6)
        box.addWidget(self.label, 1)
        box.addWidget(self.button)

    def show_reason(self, reason: str) -> None:
        self.label.setText(banner_text(reason))


def install_banner(window: MainWindow) -> ReadOnlyBanner:
    """The banner in a bar of its own across the top of the window (above the docks),
    which a person can neither move nor hide while it applies."""
    bar = QToolBar("Read-only", window)
    bar.setObjectName("read_only_bar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)
    bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
    bar.setStyleSheet("QToolBar#read_only_bar { border: 0; padding: 0; spacing: 0; }")
    banner = ReadOnlyBanner(bar)
    bar.addWidget(banner)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    banner.save_copy_requested.connect(lambda: save_copy(window))
    return banner


def follow_read_only(window: MainWindow) -> None:
    """Show or hide the banner and allow or forbid editing, as the document now is."""
    doc = window.document
    read_only = doc.read_only
    banner = window.read_only_banner
    banner.show_reason(doc.read_only_reason)
    bar = banner.parentWidget()
    assert isinstance(bar, QToolBar)
    bar.setVisible(read_only)
    for action in window.findChildren(QAction):
        if action.objectName().rpartition("action_")[2] in EDITING_COMMANDS:
            action.setEnabled(not read_only)
    for kind in (CanvasView, OutlineTree, ReasonList):
        for widget in window.findChildren(kind):
            widget.read_only = read_only  # the mouse selects, but drags nothing
    for name in ADD_BUTTONS:  # the columns' "+ Pro" and "+ Con"
        for button in window.findChildren(QToolButton, name):
            button.setEnabled(not read_only)


def save_copy(window: MainWindow) -> bool:
    """Ask where, copy the debate there and go on editing the copy in this window."""
    doc = window.document
    folder = doc.path.parent
    if not folder.is_dir() or doc.read_only_reason == "its folder is read-only":
        folder = Path.home()
    suggested = folder / f"{doc.path.stem} (copy){EXTENSION}"
    name, _ = QFileDialog.getSaveFileName(window, "Save a Copy As", str(suggested),
                                          f"Debates (*{EXTENSION})")
    if not name or not window.save_to(Path(name)):
        return False
    window.canvas.store_missing_positions()  # the copy keeps the places the map shows
    return True
