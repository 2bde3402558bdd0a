"""What the window's helpers (File → Import, Export, the read-only bar) may ask of it.

They take this narrow protocol and the session, not the window itself, so none of them
imports the window and none reaches into its widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from debate_editor.ui.session import Session


class WindowHost(Protocol):
    session: Session

    def dialog_parent(self) -> QWidget:
        """What a dialog opens over."""
        ...

    def say(self, text: str) -> None:
        """A short note in the status bar."""
        ...

    def is_untitled(self) -> bool: ...

    def save_to(self, path: Path) -> bool:
        """Move the debate to `path` and go on there; False (said already) if refused."""
        ...

    def open_path(self, path: Path) -> object:
        """Open `path` in a window (or bring its window forward); None if refused."""
        ...
