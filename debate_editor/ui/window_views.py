"""The window's views: the map in the centre, the outline on the left and the pro/con
columns on the right (dock widgets a person can hide, float or move, remembered between
sessions), and the presentation, a full-screen window of its own.

`WindowViews` keeps them for the window: it adds a view (its Show entry in the View menu,
its keys from the command table, its commands following `Session.editable`), knows the
view that last had the focus, and hands it the menu commands meant for a view. All views
show the one open document through the session: they follow its events and its one
selection, and edit through its undo history.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from debate_editor.render.painter import TEXT_LOD
from debate_editor.render.slide import THEMES
from debate_editor.ui.argdown_pane import ArgdownPane
from debate_editor.ui.columns import ProConColumns
from debate_editor.ui.command_table import follow_editable, with_mnemonic
from debate_editor.ui.inspector import Inspector
from debate_editor.ui.outline import Outline
from debate_editor.ui.presentation import PresentationView
from debate_editor.ui.session import Session
from debate_editor.ui.status_views import StatusViews, give_marks
from debate_editor.ui.view_commands import Finder, View, bind_view_commands

DOCK_SHARES = {"outline": 0.15, "columns": 0.25}
"""Of the window's width, at first (the inspector stands under the columns). The window
remembers what the person makes of them, but opens with them together at most
`MOST_FOR_DOCKS` of its width, so the map is never squeezed to a strip."""
MOST_FOR_DOCKS = 0.40
REFIT_SECONDS = 1.5
LEGIBLE_ZOOM = TEXT_LOD + 0.05
"""The least a map opens at: a little over the zoom below which text turns to bars."""


def as_view(widget: QWidget) -> View:
    if not isinstance(widget, View):
        raise TypeError(f"{type(widget).__name__} is not a view (name, title, handlers)")
    return widget


class WindowViews(QObject):
    """A child of the window, so it lives (and hears focus changes) exactly as long."""

    def __init__(self, window: QMainWindow, session: Session, stack: QStackedWidget,
                 menu: QMenu, say: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window, self.session, self.stack, self.menu, self.say = (
            window, session, stack, menu, say)
        self.views: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.presentation: PresentationView | None = None
        self._active: QWidget | None = None
        self._fitted_zoom: float | None = None
        self._opened_at = 0.0
        self._group = QActionGroup(window)
        self._panels: QMenu | None = None
        QApplication.instance().focusChanged.connect(self._focus_moved)  # type: ignore[union-attr]  # views run under a QApplication

    # ---- adding and showing -----------------------------------------------------------
    def _panels_menu(self) -> QMenu:
        """View → Panels: each dock shown or hidden, with letters of its own."""
        if self._panels is None:
            self._panels = self.menu.addMenu("Pane&ls")
        return self._panels

    def add_view(self, widget: QWidget, dock: QDockWidget | None = None) -> None:
        """Add a view (a widget that is a `View`): in the centre, or in `dock` beside it.
        A view in a dock gets its own keys from the command table."""
        view = as_view(widget)
        self.views[view.name] = widget
        if dock is not None:
            self.docks[view.name] = dock
            toggle = dock.toggleViewAction()
            panels = self._panels_menu()
            toggle.setText(with_mnemonic(view.title, [a.text() for a in panels.actions()]))
            panels.addAction(toggle)
            follow_editable(self.session, bind_view_commands(widget, view.name,
                                                             view.handlers()))
            return
        self.stack.addWidget(widget)
        action = QAction(with_mnemonic(f"Show {view.title}", [
            a.text() for a in self.menu.actions()]), self.window)
        action.setCheckable(True)
        action.setData(view.name)
        action.triggered.connect(lambda _c=False, n=view.name: self.show_view(n))
        self._group.addAction(action)
        shown = self._group.actions()
        if len(shown) == 2:  # a choice only once there are two views for the centre
            self.menu.addAction(shown[0])
        if len(shown) >= 2:
            self.menu.addAction(action)
        if len(self.views) == 1:
            action.setChecked(True)

    def install_docks(self) -> None:
        """Add the outline beside the map, the columns and under them the inspector."""
        area = Qt.DockWidgetArea
        for widget, where in ((Outline(self.session), area.LeftDockWidgetArea),
                              (ProConColumns(self.session), area.RightDockWidgetArea),
                              (Inspector(self.session), area.RightDockWidgetArea)):
            dock = QDockWidget(widget.title, self.window)
            dock.setObjectName(f"{widget.name}_dock")
            dock.setWidget(widget)
            if widget.name == "inspector":
                self.window.splitDockWidget(self.docks["columns"], dock,
                                            Qt.Orientation.Vertical)
            else:
                self.window.addDockWidget(where, dock)
            self.add_view(widget, dock)
        self.status = StatusViews(self)
        """Status marks in every view, the Why and Open Points docks."""
        pane = ArgdownPane(self.session)
        dock = QDockWidget(pane.title, self.window)
        dock.setObjectName(f"{pane.name}_dock")
        dock.setWidget(pane)
        self.window.addDockWidget(area.LeftDockWidgetArea, dock)
        self.window.tabifyDockWidget(self.docks["outline"], dock)
        dock.hide()  # until asked for (a saved window state may show it)
        self.add_view(pane, dock)
        self.docks["outline"].raise_()

    def dock_width(self) -> int:
        """How much of the window's width the docks beside the map take together."""
        window = self.window
        widest: dict[Qt.DockWidgetArea, int] = {}
        for dock in self.docks.values():
            if dock.isVisible() and not dock.isFloating():
                where = window.dockWidgetArea(dock)
                widest[where] = max(widest.get(where, 0), dock.width())
        return sum(widest.values())

    def fit_docks(self, *, only_if_off: bool = False) -> None:
        """Give the docks their shares of the window's width (`only_if_off`: only when
        together they take more than `MOST_FOR_DOCKS` of it, or the outline or the
        columns so little that they are hard to use: a state saved in a smaller window)."""
        width = self.window.width()
        if not only_if_off:
            height = self.window.height()
            self.window.resizeDocks([self.docks["columns"], self.docks["inspector"]],
                                    [round(0.64 * height), round(0.36 * height)],
                                    Qt.Orientation.Vertical)
        elif self.dock_width() <= MOST_FOR_DOCKS * width and all(
                not dock.isVisible() or dock.isFloating()
                or dock.width() >= DOCK_SHARES[name] * width / 2
                for name, dock in self.docks.items() if name in DOCK_SHARES):
            return
        docks = [self.docks["outline"], self.docks["columns"]]
        self.window.resizeDocks(docks, [round(DOCK_SHARES[name] * width)
                                        for name in ("outline", "columns")],
                                Qt.Orientation.Horizontal)

    def open_fitted(self, *, restored: bool) -> None:
        """As the window first shows: the docks take their shares (`restored`: only if
        the saved ones are off, see `fit_docks`), the map is fitted into the rest. Once
        more when the events have run, since Qt lays out a restored state only then."""
        self.fit_docks(only_if_off=restored)
        if (layout := self.window.layout()) is not None:
            layout.activate()
        self.fit_map()
        QTimer.singleShot(0, self._fit_again)
        # A window manager may still resize the new window: until the person has moved
        # the map, or for a moment, the map is fitted again to the size it gets.
        self._opened_at = time.monotonic()
        self.views["canvas"].view.viewport().installEventFilter(self)  # type: ignore[attr-defined]
        self.window.installEventFilter(self)  # narrowed later: the docks give way too

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window:
            if event.type() == QEvent.Type.Resize:  # Qt gives all of a narrowing to the map
                QTimer.singleShot(0, lambda: self.fit_docks(only_if_off=True))
            return False
        if event.type() == QEvent.Type.Resize and self._fitted_zoom is not None:
            view = self.views["canvas"].view  # type: ignore[attr-defined]
            if time.monotonic() - self._opened_at > REFIT_SECONDS or view.zoom != self._fitted_zoom:
                self._fitted_zoom = None
                watched.removeEventFilter(self)
            else:
                QTimer.singleShot(0, self._refit)
        return False

    def _refit(self) -> None:
        """Unless the person (or a key) changed the zoom since."""
        view = self.views["canvas"].view  # type: ignore[attr-defined]
        if self._fitted_zoom is not None and view.zoom == self._fitted_zoom:
            self.fit_map()

    def _fit_again(self) -> None:
        before = self.dock_width()
        self.fit_docks(only_if_off=True)
        if (layout := self.window.layout()) is not None:
            layout.activate()
        if self.dock_width() != before:
            self._refit()  # unless the person has zoomed meanwhile

    def fit_map(self) -> None:
        """The whole map, if its text can be read so; else the first thesis, readable."""
        canvas = self.views["canvas"]
        view, cards = canvas.view, canvas.scene.cards  # type: ignore[attr-defined]
        target = view.fit_target()  # measured once: 10,000 cards are not free
        view.zoom_fit(target)
        view.zoom_fit(target)  # again, in the room the scroll bars the first fit showed leave
        self._fitted_zoom = view.zoom
        theses = self.session.document.graph.theses()
        if view.zoom >= LEGIBLE_ZOOM or not theses or theses[0].id not in cards:
            return
        view.set_zoom(LEGIBLE_ZOOM)
        self._fitted_zoom = view.zoom
        card = cards[theses[0].id].card_rect()
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        view.centerOn(card.center().x(), card.top() - 40 + shown.height() / 2)

    def show_view(self, name: str) -> QWidget:
        widget = self.views[name]
        self.stack.setCurrentWidget(widget)
        for action in self._group.actions():
            action.setChecked(action.data() == name)
        widget.setFocus()
        return widget

    def go_to(self, name: str) -> None:
        """Give a view the keyboard ('map', 'columns', 'outline'), showing its dock if it
        was hidden."""
        name = "canvas" if name == "map" else name
        dock = self.docks.get(name)
        if dock is not None:
            first = not dock.isVisible()
            dock.show()
            dock.raise_()
            if first and name == "argdown":  # text wants room: a third of the window
                self.window.resizeDocks([dock], [self.window.width() // 3],
                                        Qt.Orientation.Horizontal)
        # Reached by a key: a line field comes selected, as Tab leaves it (Alt+4, a title).
        self.views[name].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- the view in use ----------------------------------------------------------------
    def active_view(self) -> QWidget:
        """The view that last had the focus (the map until another one did)."""
        if self._active is not None and self._active in self.views.values():
            return self._active
        return self.stack.currentWidget()  # type: ignore[return-value]  # never empty: the map

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        for widget in self.views.values():
            if new is not None and (widget is new or widget.isAncestorOf(new)):
                self._active = widget
                return

    def run(self, key: str) -> None:
        """A menu command meant for a view: the view in use does it, if it can."""
        handler = as_view(self.active_view()).handlers().get(key)
        if handler is None:
            self.say("Not available in this view.")
            return
        handler()

    def finder(self) -> Finder | None:
        """Where Find looks: the view in use if it can find, else the map."""
        for widget in (self.active_view(), self.views.get("canvas")):
            if isinstance(widget, Finder):
                return widget
        return None

    # ---- presenting and pictures ---------------------------------------------------------
    def present(self, *, here: bool = False) -> PresentationView:
        """Present full screen, from the first thesis or (`here`) the selected claim; when
        it ends, the window has the focus and the selection it had before."""
        if self.presentation is not None:
            self.presentation.activateWindow()
            return self.presentation
        start = self.session.selection.current if here else None
        back_to = QApplication.focusWidget()
        view = PresentationView(self.session, start)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.presentation = view
        view.closed.connect(lambda: self._come_back(back_to))
        view.showFullScreen()
        view.activateWindow()
        view.setFocus()
        return view

    def _come_back(self, widget: QWidget | None) -> None:
        self.presentation = None
        self.window.activateWindow()
        self.window.raise_()
        if widget is not None and self.window.isAncestorOf(widget):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def screenshot(self, name: str, path: Path, size: tuple[int, int]) -> bool:
        """Render one view beside the map (or the presentation's first step) alone, at
        `size`."""
        widget: QWidget
        if name == "presentation":
            widget = PresentationView(self.session)
            widget.theme, widget.map_mode = THEMES["light"], False  # the same every time
        elif name == "argdown":
            widget = ArgdownPane(self.session)
        else:
            widget = ProConColumns(self.session) if name == "columns" else Outline(self.session)
            give_marks(widget, self.session.status.mark)
        widget.resize(QSize(*size))
        widget.show()
        QApplication.processEvents()
        widget.resize(QSize(*size))  # the columns re-wrap their cards at the final width
        QApplication.processEvents()
        ok = widget.grab().save(str(path))
        widget.close()
        widget.deleteLater()
        return ok
