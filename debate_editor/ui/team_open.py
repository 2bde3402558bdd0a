"""Opening a team debate in a window (README, "Team debates on a server").

The password comes from `~/.pgpass` (libpq reads it by itself) or the URL; when the server
asks for one that neither gave, the window asks for it, hidden as it is typed, and keeps
it only in memory for this window's connections. Edits are signed with the name set in
the window (File → Your Name…, kept in the settings), else with the database role.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from debate_editor.domain.errors import DebateFileError
from debate_editor.store.server_document import ServerDocument
from debate_editor.store.server_url import ServerAddress

NAME_KEY = "team/name"
_ASKS_PASSWORD = ("no password supplied", "password authentication failed")


def team_name() -> str:
    """The name set in the window, or "" for the database role."""
    value = QSettings().value(NAME_KEY, "")
    return value.strip() if isinstance(value, str) else ""


def ask_name(parent: QWidget | None) -> str | None:
    """Ask for the name others see beside this window's edits; None if cancelled."""
    name, ok = QInputDialog.getText(parent, "Your Name", "The name others see beside your "
                                    "edits (empty: your database role):",
                                    QLineEdit.EchoMode.Normal, team_name())
    if not ok:
        return None
    QSettings().setValue(NAME_KEY, name.strip())
    return name.strip()


def change_name(parent: QWidget | None, document: object, say: Callable[[str], None]) -> None:
    """File → Your Name…: asked, kept for every team debate opened from now on, used at
    once for this window's edits when it shows one, and the change said."""
    name = ask_name(parent)
    if name is None:
        return
    if isinstance(document, ServerDocument):
        document.sign_as(name)
    say(f"Your edits on team debates are signed \u201c{name}\u201d." if name
        else "Your edits on team debates are signed with your database role.")


def wants_password(error: DebateFileError) -> bool:
    return any(words in error.reason for words in _ASKS_PASSWORD)


def open_team_debate(address: ServerAddress, parent: QWidget | None = None, *,
                     interactive: bool = True) -> ServerDocument:
    """The debate open for editing, asking for a password if the server wants one;
    DebateFileError when it cannot be opened (or the person cancelled the password)."""
    while True:
        try:
            return ServerDocument.open_server(address, by=team_name())
        except DebateFileError as error:
            if not (interactive and wants_password(error)):
                raise
            password, ok = QInputDialog.getText(
                parent, "Password", f"Password for {address.user or 'you'} on "
                f"{address.host or 'the server'}:", QLineEdit.EchoMode.Password)
            if not ok:
                raise
            address = dataclasses.replace(address, password=password)
