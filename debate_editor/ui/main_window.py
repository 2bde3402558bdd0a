"""The main window: one open debate, its views, its menus, its files.

The window owns one `Session` and a set of views on it (`WindowViews`: the canvas in the
centre, the outline and the pro/con columns as docks beside it), so every view edits
through the same undo history, follows the same selection and the same
`Session.editable`. Its actions and menus come from the command table
(`ui/command_table.py`); a view command goes to the view that last had the focus. Its
helpers (File → Import and Export, the read-only bar) take the session and the narrow
`WindowHost` this window is, never the window's widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from debate_editor import __version__
from debate_editor.domain.collector import settle, unsettle
from debate_editor.domain.errors import DebateError
from debate_editor.domain.events import DebateChanged
from debate_editor.store import EXTENSION, DebateDocument
from debate_editor.ui import export_menu, import_actions, recent_files
from debate_editor.ui.canvas import Canvas
from debate_editor.ui.command_table import COMMANDS, SUBMENUS, build_actions, follow_editable
from debate_editor.ui.dialogs import offer, warn
from debate_editor.ui.file_watch import FileWatch
from debate_editor.ui.find_bar import FindBar
from debate_editor.ui.group_commands import group_handlers
from debate_editor.ui.mark_commands import mark_handlers
from debate_editor.ui.plain_text import title_part
from debate_editor.ui.presentation import PresentationView
from debate_editor.ui.read_only import ReadOnlyBar
from debate_editor.ui.session import Session
from debate_editor.ui.shortcut_sheet import ShortcutSheet
from debate_editor.ui.status_views import status_handlers
from debate_editor.ui.team_link import TeamLink
from debate_editor.ui.untitled import is_untitled, open_document
from debate_editor.ui.window_picture import debate_paths, first_size, grab_alone
from debate_editor.ui.window_registry import WindowRegistry
from debate_editor.ui.window_views import WindowViews

WINDOWS: WindowRegistry[MainWindow] = WindowRegistry()
"""Every open window (Qt does not keep Python wrappers alive by itself)."""


class MainWindow(QMainWindow):
    def __init__(self, document: DebateDocument, *, remember: bool = True) -> None:
        """`remember`: add the file to Open Recent and restore the saved window size (not
        for a one-off screenshot)."""
        super().__init__()
        WINDOWS.add(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = document
        self.session = Session(document, self)
        self.session.problem.connect(self.show_problem)
        self.session.notice.connect(self.say)
        self.session.bridge.changed.connect(self._on_changed)
        self.file_watch = FileWatch(self, lambda: self._update_title())
        self.team: TeamLink | None = None
        if document.address is None:
            self.session.file_ok = self.file_watch.file_ok
        self.stack = QStackedWidget()
        self.find_bar = FindBar()
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.stack, 1)
        box.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.actions_by_key = build_actions(self, self._handlers())
        for command in COMMANDS:
            # View commands answer only while a view has the focus (not in the find bar);
            # the views beside the map carry their own (view_commands).
            if command.scope == "window":
                self.addAction(self.actions_by_key[command.key])
            elif not command.views or "canvas" in command.views:
                self.stack.addAction(self.actions_by_key[command.key])
        follow_editable(self.session, self.actions_by_key)
        views_menu = self._build_menus()
        self.window_views = WindowViews(self, self.session, self.stack, views_menu, self.say)
        self.canvas = Canvas(self.session)
        self.window_views.add_view(self.canvas)
        self.window_views.install_docks()
        self.find_bar.attach(self.window_views.finder, self.active_view)
        self._wire_undo()
        self.setAcceptDrops(True)
        self.read_only_bar = ReadOnlyBar(self, self.session, self)
        self.read_only_banner = self.read_only_bar.banner
        self._update_title()
        geometry = recent_files.saved_geometry() if remember else None
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(first_size(self.screen().availableGeometry().size()))
        state = recent_files.saved_state() if remember else None
        self._docks_restored = state is not None and self.restoreState(state)
        self._opened = False
        self.read_only_bar.follow()  # after the saved state, which names the bar
        if document.address is not None:  # README, "Team debates on a server"
            self.team = TeamLink(self.session, self)
            self.team.went_offline.connect(lambda _why: self._update_title())
            self.team.came_back.connect(self._update_title)
        self._remember = remember
        if remember and not self.is_untitled() and document.address is None:
            recent_files.remember(document.path)
        self.canvas.view.setFocus()
        settle()  # the map just built lives as long as the window

    # ---- views (kept by window_views) ---------------------------------------------------
    @property
    def views(self) -> dict[str, QWidget]:
        return self.window_views.views

    @property
    def docks(self) -> dict[str, QDockWidget]:
        return self.window_views.docks

    @property
    def presentation(self) -> PresentationView | None:
        return self.window_views.presentation

    def active_view(self) -> QWidget:
        return self.window_views.active_view()

    def show_view(self, name: str) -> QWidget:
        return self.window_views.show_view(name)

    def present(self, *, here: bool = False) -> PresentationView:
        return self.window_views.present(here=here)

    # ---- what the helpers ask of the window (WindowHost) -----------------------------------
    def dialog_parent(self) -> QWidget:
        return self

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    # ---- actions and menus --------------------------------------------------------------
    def _handlers(self) -> dict[str, Callable[[], object]]:
        # The views are built after the actions: these look them up when run.
        def go_to(name: str) -> Callable[[], object]:
            return lambda: self.window_views.go_to(name)

        def run(key: str) -> Callable[[], object]:
            return lambda: self.window_views.run(key)

        own: dict[str, Callable[[], object]] = {
            "new": self.new_window, "new_from_text": self.new_from_text,
            "open": self.choose_and_open, "save_as": self.save_as,
            "close": self.close, "quit": QApplication.closeAllWindows,
            "undo": self.session.undo, "redo": self.session.redo,
            "find": self.find_bar.open, "find_next": self.find_bar.find_next,
            "shortcuts": self.show_shortcuts, "about": self.show_about,
            "your_name": self._change_name,
            "present": self.present, "present_here": lambda: self.present(here=True),
            **{f"go_{name}": go_to(name)
               for name in ("map", "columns", "outline", "inspector", "argdown")},
            "import_new": lambda: import_actions.import_new(self, WINDOWS),
            "import_into": lambda: import_actions.import_into(self),
            "export": lambda: export_menu.export_dialog(self),
            "copy_rebuttal": lambda: export_menu.copy_rebuttal(self),
            **status_handlers(lambda: self.window_views.status),
            **mark_handlers(self.session, self.say),
            **group_handlers(self.session, self.say, self.active_view),
        }
        return {c.key: own.get(c.key) or run(c.key) for c in COMMANDS}

    def _build_menus(self) -> QMenu:
        """The menus as the command table declares them: its order, its groups (a
        separator above a command that begins one) and its submenus. The View menu."""
        bar = self.menuBar()
        menus: dict[str, QMenu] = {}
        self.submenus: dict[str, QMenu] = {}
        fillers = {"recent": self._fill_recent,
                   "export_as": lambda: export_menu.fill_export_menu(self.export_menu, self)}
        for command in COMMANDS:
            if not command.menu:
                continue
            if command.menu not in menus:
                menus[command.menu] = bar.addMenu(command.menu)
            menu = menus[command.menu]
            if command.submenu:
                sub = menu.addMenu(SUBMENUS[command.submenu])
                sub.setObjectName(f"{command.submenu}_menu")
                sub.aboutToShow.connect(fillers[command.submenu])
                self.submenus[command.submenu] = sub
            if command.separated:
                menu.addSeparator()
            menu.addAction(self.actions_by_key[command.key])
        self.recent_menu: QMenu = self.submenus["recent"]
        self.export_menu: QMenu = self.submenus["export_as"]
        views_menu = menus["&View"]
        views_menu.addSeparator()
        return views_menu

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_files.recent_files():
            # "&&": a file name is shown as it is, never read as a menu mnemonic.
            self.recent_menu.addAction(str(path).replace("&", "&&"),
                                       partial(self.open_path, path, recent=True))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent debates").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear List", recent_files.forget_all)

    def _wire_undo(self) -> None:
        stack = self.session.undo_stack
        undo, redo = self.actions_by_key["undo"], self.actions_by_key["redo"]
        undo.setEnabled(False)
        redo.setEnabled(False)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(lambda t: undo.setText(f"&Undo {t}".strip()))
        stack.redoTextChanged.connect(lambda t: redo.setText(f"&Redo {t}".strip()))

    # ---- files ---------------------------------------------------------------------
    def is_untitled(self) -> bool:
        return self.document.address is None and is_untitled(self.document.path)

    def _update_title(self) -> None:
        doc = self.document
        if doc.address is not None:  # a team debate: its name and its server
            suffix = " (offline)" if doc.read_only else ""
            where = f"{doc.address.debate} on {doc.address.host or 'the local server'}"
            self.setWindowTitle(f"{title_part(where)}{suffix} — {title_part(doc.title)}")
            return
        self.setWindowFilePath(str(doc.path))
        suffix = " (read-only)" if doc.read_only else ""
        self.setWindowTitle(f"{title_part(doc.path.name)}{suffix} — {title_part(doc.title)}")

    def _on_changed(self, event: DebateChanged) -> None:
        if event.info_changed:
            self._update_title()

    def new_window(self) -> MainWindow | None:
        try:
            window = MainWindow(open_document(None))
        except DebateError as error:
            self.show_problem(str(error))
            return None
        window.show()
        return window

    def new_from_text(self) -> MainWindow | None:
        """A new debate whose first view is the Argdown pane, the cursor in it."""
        window = self.new_window()
        if window is not None:
            window.window_views.go_to("argdown")
        return window

    def choose_and_open(self) -> None:
        folder = str(self.document.path.parent) if not self.is_untitled() else ""
        name, _ = QFileDialog.getOpenFileName(self, "Open Debate", folder,
                                              f"Debates (*{EXTENSION});;All files (*)")
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path, *, recent: bool = False) -> MainWindow | None:
        """Open `path` in a window of its own (or bring its window forward); an empty
        untitled window gives way to it. A file that cannot be opened is one plain dialog
        (from Open Recent, it offers to take the file off that list)."""
        path = Path(path)
        shown = WINDOWS.showing(path)
        if shown is not None:
            shown.raise_()
            shown.activateWindow()
            return shown
        try:
            document = DebateDocument.open(path)
        except DebateError as error:
            if recent:
                offer(self, "Debate Editor", f"{error}\n\nRemove it from Open Recent?",
                      "Remove from Open Recent", "Keep It",
                      lambda: recent_files.forget(path))
            else:
                self.show_problem(str(error))
            return None
        window = MainWindow(document)
        window.show()
        if self.is_untitled() and not self.document.graph.claims:
            self.close()
        return window

    def save_as(self) -> None:
        start = str(Path.home() / f"{self.document.title}{EXTENSION}") if self.is_untitled() \
            else str(self.document.path)
        name, _ = QFileDialog.getSaveFileName(self, "Save Debate As", start,
                                              f"Debates (*{EXTENSION})")
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        """Move the debate to `path` (a copy made with SQLite's backup API) and go on there."""
        if path.suffix != EXTENSION:
            path = path.with_name(path.name + EXTENSION)
        old, was_untitled = self.document.path, self.is_untitled()
        try:
            self.file_watch.save_as(path)  # after a deletion, to the same name too
        except DebateError as error:
            self.show_problem(str(error))
            return False
        if was_untitled and old != self.document.path:
            old.unlink(missing_ok=True)  # the work has moved to the real file
        recent_files.remember(self.document.path)
        self._update_title()
        self.session.follow_document()  # a copy of a read-only debate is editable
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if debate_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = debate_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            for path in paths:
                self.open_path(path)

    # ---- dialogs -------------------------------------------------------------------
    def show_problem(self, text: str) -> None:
        """A refused edit or a bad file, in one sentence (plain text: it may quote a claim)."""
        if self.team is not None:
            self.team.edit_failed()  # a lost connection turns the window offline too
        warn(self, "Debate Editor", text)

    def _change_name(self) -> None:
        from debate_editor.ui.team_open import change_name  # the store's server half: on ask

        change_name(self, self.document, self.say)

    def show_shortcuts(self) -> ShortcutSheet:
        sheet = ShortcutSheet(self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        return sheet

    def show_about(self) -> None:
        QMessageBox.about(self, "About Debate Editor",
                          f"Debate Editor {__version__}\nAn offline editor for structured "
                          "debates.")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """The first time: the docks take their shares (at most 40 % of the width, even
        as the person left them), and the map is fitted into the rest."""
        super().showEvent(event)
        if self._opened:
            return
        self._opened = True
        self.window_views.open_fitted(restored=self._docks_restored)

    # ---- pictures and closing ------------------------------------------------------------
    def save_screenshot(self, path: Path, *, view: str, size: tuple[int, int]) -> int:
        """Render one view, laid out and fitted, at exactly `size`; exit status."""
        if view in ("columns", "outline", "argdown", "presentation"):
            ok = self.window_views.screenshot(view, path, size)
        elif view in self.views:
            ok = grab_alone(self, self.show_view(view), path, size, hide=(
                self.menuBar(), self.statusBar(),
                self.read_only_bar.bar,  # a screenshot opens the file read-only
                *self.docks.values()))  # the map alone
        else:
            self.close()
            raise DebateError(f"the {view} view is not available yet.")
        self.close()
        return 0 if ok else 1

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._remember:
            recent_files.save_geometry(self.saveGeometry())
            recent_files.save_state(self.saveState())
        if self.presentation is not None:
            self.presentation.close()
        untitled_and_empty = self.is_untitled() and not self.document.graph.claims
        if self.team is not None:
            self.team.close()
        self.session.close()
        self.document.close()
        if untitled_and_empty and not self.document.read_only:
            self.document.path.unlink(missing_ok=True)
        WINDOWS.remove(self)
        super().closeEvent(event)
        unsettle()

