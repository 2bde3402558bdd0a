"""Starting the GUI: one QApplication, one main window per open debate."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from debate_editor.domain.errors import DebateError
from debate_editor.store import DebateDocument
from debate_editor.ui import fault_dialog
from debate_editor.ui.dialogs import warn
from debate_editor.ui.main_window import MainWindow
from debate_editor.ui.untitled import open_document

APP_NAME = "Debate Editor"
ORGANISATION = "Debate Editor"
DESKTOP_FILE = "debate-editor"  # packaging/debate-editor.desktop: Wayland finds the icon by it


def app_icon() -> QIcon:
    """The application's icon in every size it ships (package data, so bundles have it too)."""
    icon = QIcon()
    for entry in (files("debate_editor") / "resources" / "icons").iterdir():
        if entry.name.startswith("debate-editor-") and entry.name.endswith(".png"):
            icon.addFile(str(entry))
    return icon


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(ORGANISATION)
        app.setApplicationDisplayName(APP_NAME)
        app.setDesktopFileName(DESKTOP_FILE)
        app.setWindowIcon(app_icon())
    fault_dialog.install()  # an exception nothing caught is a dialog, never silence
    return app  # type: ignore[return-value]


def run(
    path: Path | None,
    *,
    screenshot: Path | None = None,
    view: str = "canvas",
    size: tuple[int, int] | None = None,
) -> int:
    """Open the window (or render it to `screenshot` and return). Exit status."""
    app = application()
    if screenshot is not None:
        doc = DebateDocument.open(path, read_only=True) if path else open_document(None)
        window = MainWindow(doc, remember=False)
        return window.save_screenshot(screenshot, view=view, size=size or (1200, 800))
    try:
        doc = open_document(path)
    except DebateError as error:
        warn(None, APP_NAME, str(error), wait=True)
        return 1
    window = MainWindow(doc)
    window.show()
    return app.exec()
