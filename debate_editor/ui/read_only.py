"""A window on a debate it may not change: a banner that says why, and no way to edit.

A debate opens read-only when another window or program is writing it, or when the file
or its folder is read-only (`DebateDocument.read_only_reason`). The window then shows a
coloured bar under the menus with the reason and a "Save a Copy As…" button, the way to
go on working. The bar, like every view and every action, follows `Session.editable`:
every command that would change the debate is disabled in every view (its keys do
nothing, its menu entries are grey; `command_table.follow_editable`), and the mouse
selects but neither drags cards, links nor reorders. Saving a copy makes the window
writable again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QWidget,
)

from debate_editor.store import EXTENSION
from debate_editor.ui.live_follow import LiveFollow
from debate_editor.ui.session import Session
from debate_editor.ui.window_host import WindowHost

BANNER_COLOUR, BANNER_BORDER, BANNER_TEXT = "#fff4ce", "#e0b000", "#3d2f00"


def banner_text(reason: str) -> str:
    """What the banner says: that nothing can be changed here, and why (and that the
    other window's edits show here as they are made: `ui/live_follow.py`)."""
    why = reason or "it was opened read-only"
    return f"Read-only: {why}. Its changes show here as they are made; save a copy to edit."


def offline_text(reason: str) -> str:
    """What the banner says over a team debate that cannot reach its server."""
    return (f"Offline: {reason or 'the server cannot be reached'}. Edits are paused; "
            "anything you are typing stays here, and others' edits appear once it is back.")


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


class ReadOnlyBar:
    """The banner in a bar of its own across the top of the window (above the docks),
    which a person can neither move nor hide while it applies; it follows
    `Session.editable`, as every view and action does."""

    def __init__(self, window: QMainWindow, session: Session, host: WindowHost) -> None:
        self.session = session
        self.bar = bar = QToolBar("Read-only", window)
        bar.setObjectName("read_only_bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        bar.setStyleSheet("QToolBar#read_only_bar { border: 0; padding: 0; spacing: 0; }")
        self.banner = ReadOnlyBanner(bar)
        bar.addWidget(self.banner)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.banner.save_copy_requested.connect(lambda: save_copy(host))
        session.editable_changed.connect(lambda _editable: self.follow())
        self.live = LiveFollow(session, window)

    def follow(self) -> None:
        """Show the bar, with the reason, exactly while the debate may not be changed."""
        doc = self.session.document
        if doc.address is not None:  # a team debate offline: it comes back by itself
            self.banner.label.setText(offline_text(doc.read_only_reason))
            self.banner.button.hide()
        else:
            self.banner.show_reason(doc.read_only_reason)
        self.bar.setVisible(not self.session.editable)


def save_copy(host: WindowHost) -> bool:
    """Ask where, copy the debate there and go on editing the copy in this window (the
    views follow: the map stores the places it shows once the debate is editable)."""
    doc = host.session.document
    folder = doc.path.parent
    if not folder.is_dir() or doc.read_only_reason == "its folder is read-only":
        folder = Path.home()
    suggested = folder / f"{doc.path.stem} (copy){EXTENSION}"
    name, _ = QFileDialog.getSaveFileName(host.dialog_parent(), "Save a Copy As",
                                          str(suggested), f"Debates (*{EXTENSION})")
    return bool(name) and host.save_to(Path(name))
