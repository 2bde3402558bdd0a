"""Every open window of the process, by the file it shows.

Qt does not keep the Python side of a top-level window alive by itself, so the windows
are held here from opening to closing; Open, Import and a dropped file ask it whether a
file is shown already (by its real path, so a symlink finds the same window).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Generic, Protocol, TypeVar


class _Document(Protocol):
    @property
    def path(self) -> Path: ...


class ShowsDocument(Protocol):
    @property
    def document(self) -> _Document: ...


W = TypeVar("W", bound=ShowsDocument)


class WindowRegistry(Generic[W]):
    def __init__(self) -> None:
        self._windows: list[W] = []

    def add(self, window: W) -> None:
        if window not in self._windows:
            self._windows.append(window)

    def remove(self, window: W) -> None:
        if window in self._windows:
            self._windows.remove(window)

    def showing(self, path: Path) -> W | None:
        """The window that shows the file at `path`, if one does."""
        wanted = Path(path).resolve()
        return next((w for w in self._windows if w.document.path.resolve() == wanted), None)

    def __iter__(self) -> Iterator[W]:
        return iter(list(self._windows))

    def __len__(self) -> int:
        return len(self._windows)

    def __contains__(self, window: object) -> bool:
        return window in self._windows
