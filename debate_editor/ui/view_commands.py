"""What a view is to the window, and giving a view its keys from the command table.

A view lists what it does for the table's "view" commands (`View.handlers`, keyed by the
table's keys). Its keys work while the focus is inside it, and where a command that
names the view claims a key (Enter opens a reason in the columns), a general command's
use of that key is left out there, so no key means two things in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from debate_editor.ui.command_table import COMMANDS, TableCommand, key_sequences

Handlers = Mapping[str, Callable[[], object]]


@runtime_checkable
class View(Protocol):
    """A view of the window (the map, the outline, the columns, the presentation)."""

    name: str
    title: str

    def handlers(self) -> Handlers:
        """What it does for the command table's entries it answers, by key."""
        ...


@runtime_checkable
class Finder(Protocol):
    """A view Find can filter (Ctrl+F): it dims what does not match and steps through
    what does."""

    def set_filter(self, text: str) -> list[str]:
        """Show the matches of `text`; their ids, in reading order."""
        ...

    def find_next(self, backwards: bool = False) -> str | None:
        ...


def answered_by(name: str, handlers: Handlers) -> list[TableCommand]:
    """The view commands a view called `name` answers with `handlers`, in table order."""
    return [c for c in COMMANDS
            if c.scope == "view" and (not c.views or name in c.views) and c.key in handlers]


def bind_view_commands(widget: QWidget, name: str, handlers: Handlers) -> dict[str, QAction]:
    """One QAction per command the view answers, on `widget`, with the keys it owns
    there."""
    commands = answered_by(name, handlers)
    claimed = {seq.toString() for c in commands if name in c.views for seq in key_sequences(c)}
    actions: dict[str, QAction] = {}
    for command in commands:
        own = name in command.views
        keys = [seq for seq in key_sequences(command) if own or seq.toString() not in claimed]
        action = QAction(command.text, widget)
        action.setObjectName(f"{name}_action_{command.key}")
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        handler = handlers[command.key]
        action.triggered.connect(lambda _checked=False, h=handler: h())
        widget.addAction(action)
        actions[command.key] = action
    return actions
