"""Message boxes that show their text as plain text (it may quote a claim or a file name,
and a QMessageBox would otherwise read markup in it as formatting)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def warn(parent: QWidget | None, title: str, text: str, *, wait: bool = False) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if wait:
        box.exec()
    else:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return box


def offer(parent: QWidget, title: str, text: str, accept: str, reject: str,
          on_accept: Callable[[], object]) -> QMessageBox:
    """A warning (plain text) with a choice of two buttons; `on_accept` runs when the
    person takes the first. It does not block: the window behind goes on."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(reject, QMessageBox.ButtonRole.RejectRole))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_accept() if button is yes else None)
    box.open()
    return box
