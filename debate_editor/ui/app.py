"""Starting the GUI: one QApplication, one main window per open debate."""

from __future__ import annotations

import os
import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from debate_editor.domain.errors import DebateError
from debate_editor.store import DebateDocument
from debate_editor.store.server_url import ServerAddress
from debate_editor.ui import desktop_libs, fault_dialog, first_frame
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
    return app  # type: ignore[return-value]  # instance() is typed as QCoreApplication


def no_terminal() -> bool:
    """Started from a desktop icon or a file manager: nobody reads standard error there."""
    return not all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stderr))


def dialog_wanted() -> bool:
    """A sentence on standard error alone would go unseen: there is no terminal, and
    there is a screen to show a dialog on (a display; not the offscreen platform of
    headless runs)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in ("offscreen", "minimal") or not no_terminal():
        return False
    return not sys.platform.startswith("linux") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def refuse(text: str) -> None:
    """A file the command line cannot open: its sentence goes to standard error (the
    caller), and in a dialog as well when no terminal would show it."""
    if dialog_wanted():
        application()
        warn(None, APP_NAME, text, wait=True)


def run(
    path: Path | ServerAddress | None,
    *,
    screenshot: Path | None = None,
    view: str = "canvas",
    size: tuple[int, int] | None = None,
) -> int:
    """Open the window (or render it to `screenshot` and return). Exit status."""
    fallback = desktop_libs.fallback_platform() if screenshot is None else None
    if fallback is not None:  # a broken xcb plugin falls back instead of aborting Qt
        os.environ["QT_QPA_PLATFORM"] = fallback
        # Qt's own lines about the plugin name one library at best; ours names them all.
        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.plugin=false;qt.qpa.xcb=false")
    app = application()
    if fallback is not None:
        sentence = desktop_libs.after_start(app.platformName())
        if sentence is not None:
            print(f"debate-editor: {sentence}", file=sys.stderr)
            return 1
    if isinstance(path, ServerAddress):  # README, "Team debates on a server"
        from debate_editor.ui.team_open import open_team_debate

        asks = screenshot is None and app.platformName() not in ("offscreen", "minimal")
        try:
            doc: DebateDocument = open_team_debate(path, interactive=asks)
        except DebateError as error:
            refuse(str(error))  # a dialog where no terminal shows the caller's one line
            raise
        if screenshot is not None:
            window = MainWindow(doc, remember=False)
            return window.save_screenshot(screenshot, view=view, size=size or (1200, 800))
        return _show(app, MainWindow(doc), doc, view)
    if screenshot is not None:
        doc = DebateDocument.open(path, read_only=True) if path else open_document(None)
        window = MainWindow(doc, remember=False)
        return window.save_screenshot(screenshot, view=view, size=size or (1200, 800))
    try:
        doc = open_document(path)
    except DebateError as error:
        warn(None, APP_NAME, str(error), wait=True)
        return 1
    return _show(app, MainWindow(doc), doc, view)


def _show(app: QApplication, window: MainWindow, doc: DebateDocument, view: str) -> int:
    first_frame.quit_after_first_paint(window.canvas.view.viewport())  # a benchmark hook
    first_frame.after_first_paint(window.canvas.view.viewport(), doc.prepare_writing)
    window.show()
    if view == "presentation":
        window.present()
    elif view != "canvas":
        window.window_views.go_to(view)
    return app.exec()
