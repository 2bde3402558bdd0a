"""Giving a view its keys from the command table.

A view answers the "view" commands it has a `command_<key>` method for. Its keys work
while the focus is inside it, and where a command that names the view claims a key
(Enter opens a reason in the columns), a general command's use of that key is left out
there, so no key means two things in one place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from debate_editor.ui.shortcuts import COMMANDS, Command, key_sequences


def answered_by(view: object) -> list[Command]:
    """The view commands `view` answers, in table order."""
    name = getattr(view, "name", "")
    return [c for c in COMMANDS
            if c.scope == "view" and (not c.views or name in c.views)
            and callable(getattr(view, f"command_{c.key}", None))]


def bind_view_commands(widget: QWidget, view: object) -> dict[str, QAction]:
    """One QAction per command `view` answers, on `widget`, with the keys it owns there."""
    commands = answered_by(view)
    name = getattr(view, "name", "")
    claimed = {seq.toString() for c in commands if name in c.views for seq in key_sequences(c)}
    actions: dict[str, QAction] = {}
    for command in commands:
        own = name in command.views
        keys = [seq for seq in key_sequences(command) if own or seq.toString() not in claimed]
        action = QAction(command.text, widget)
        action.setObjectName(f"{name}_action_{command.key}")
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        handler = getattr(view, f"command_{command.key}")
        action.triggered.connect(lambda _checked=False, h=handler: h())
        widget.addAction(action)
        actions[command.key] = action
    return actions
