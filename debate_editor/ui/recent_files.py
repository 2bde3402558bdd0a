"""Recently opened debates and the window's size, place and docks, kept with QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10


def recent_files() -> list[Path]:
    """The debates opened last, newest first; also those that have gone since (a file
    moved, a drive not mounted): opening one says what is wrong and offers to forget it."""
    value = QSettings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]  # QSettings hands back a list of one as the bare string
    names = value if isinstance(value, list) else []
    return [Path(p) for p in names if isinstance(p, str) and p]


def remember(path: Path) -> None:
    path = path.resolve()
    kept = [p for p in recent_files() if p.resolve() != path]
    QSettings().setValue("recent_files", [str(p) for p in [path, *kept][:MAX_RECENT]])


def forget(path: Path) -> None:
    path = path.resolve()
    kept = [p for p in recent_files() if p.resolve() != path]
    QSettings().setValue("recent_files", [str(p) for p in kept])


def forget_all() -> None:
    QSettings().remove("recent_files")


def saved_geometry() -> QByteArray | None:
    value = QSettings().value("window/geometry")
    return value if isinstance(value, QByteArray) else None


def save_geometry(geometry: QByteArray) -> None:
    QSettings().setValue("window/geometry", geometry)


def saved_state() -> QByteArray | None:
    """Which views beside the map are shown, and where (QMainWindow.saveState)."""
    value = QSettings().value("window/state")
    return value if isinstance(value, QByteArray) else None


def save_state(state: QByteArray) -> None:
    QSettings().setValue("window/state", state)
