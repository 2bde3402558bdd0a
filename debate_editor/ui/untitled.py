"""Where a new debate lives before it has a name: every edit is kept from the first.

A new window's debate is a real file in the application's data folder ("Untitled 1"),
moved to a place of the person's choosing by Save As.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from debate_editor.store import DebateDocument


def untitled_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".debate-editor") / "untitled"


def untitled_path() -> Path:
    """A free name in the untitled folder."""
    folder = untitled_folder()
    folder.mkdir(parents=True, exist_ok=True)
    number = 1
    while (folder / f"Untitled {number}.debate").exists():
        number += 1
    return folder / f"Untitled {number}.debate"


def is_untitled(path: Path) -> bool:
    return path.parent.resolve() == untitled_folder().resolve()


def open_document(path: Path | None) -> DebateDocument:
    """The debate at `path`, or a new untitled one."""
    if path is None:
        return DebateDocument.create(untitled_path(), "Untitled debate")
    return DebateDocument.open(path)
