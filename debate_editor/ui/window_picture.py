"""How big a window opens, what a drop onto it opens, and a picture of one of its views
alone: the window's plain geometry, kept out of the window so it stays about the debate."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMainWindow, QWidget

from debate_editor.store import EXTENSION


def first_size(screen: QSize) -> QSize:
    """A first window: most of the screen, 1200×800 where the screen has room for it."""
    return QSize(min(screen.width(), max(1200, round(0.9 * screen.width()))),
                 min(screen.height(), max(800, round(0.9 * screen.height()))))


def debate_paths(mime: QMimeData | None) -> list[Path]:
    """The `.debate` files a drag carries (others are not ours to open)."""
    urls = mime.urls() if mime is not None and mime.hasUrls() else []
    return [Path(u.toLocalFile()) for u in urls
            if u.isLocalFile() and u.toLocalFile().endswith(EXTENSION)]


def grab_alone(window: QMainWindow, shown: QWidget, path: Path, size: tuple[int, int],
               hide: Iterable[QWidget]) -> bool:
    """`shown` (a view in `window`) saved to `path` with `hide` hidden and no scroll bars,
    the window at exactly `size`, after the view's own `prepare_screenshot` (a fit)."""
    for widget in hide:
        widget.hide()
    for policy in ("setHorizontalScrollBarPolicy", "setVerticalScrollBarPolicy"):
        for scroller in shown.findChildren(QAbstractScrollArea):
            getattr(scroller, policy)(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    window.resize(QSize(*size))
    window.show()
    QApplication.processEvents()
    prepare = getattr(shown, "prepare_screenshot", None)
    if prepare is not None:
        prepare()
    QApplication.processEvents()
    return window.grab().save(str(path))
