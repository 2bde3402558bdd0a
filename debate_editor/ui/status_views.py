"""Whether each claim stands, in every view of a window (README, "Which claims stand":
"In the window").

`StatusViews` gives the map's cards, the outline's rows and the columns' entries the
session's one live labelling to draw their marks from, and repaints what an edit, an
undo or a change of reading relabelled (no view labels anything itself). It adds the Why
and Open Points docks, and drives the View menu's Status Marks toggle and its choice of
reading (grounded or evidential, remembered per file).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QWidget

from debate_editor.domain.status import Semantics
from debate_editor.render.status_mark import StatusOf
from debate_editor.ui.columns import ProConColumns
from debate_editor.ui.open_points_dock import OpenPointsPanel
from debate_editor.ui.outline import Outline
from debate_editor.ui.why_dock import WhyPanel

if TYPE_CHECKING:
    from debate_editor.ui.window_views import WindowViews

READINGS = {"reading_grounded": Semantics.GROUNDED,
            "reading_evidential": Semantics.EVIDENTIAL}
MANY = 200
"""Past this many relabelled cards the whole map is repainted at once."""


class StatusViews(QObject):
    def __init__(self, views: WindowViews) -> None:
        super().__init__(views)
        self.views = views
        self.status = views.session.status
        self._attach()
        self._add_docks()
        self._actions: dict[str, QAction] = dict(getattr(views.window, "actions_by_key", {}))
        self._set_up_actions()
        self.status.changed.connect(self._relabelled)
        self.status.shown_changed.connect(self._shown)

    # ---- the views' marks -------------------------------------------------------------
    def _attach(self) -> None:
        views, mark = self.views.views, self.status.mark
        if "canvas" in views:
            views["canvas"].scene.status_of = mark  # type: ignore[attr-defined]
        for name in ("outline", "columns"):
            if name in views:
                give_marks(views[name], mark)
        if (columns := views.get("columns")) is not None:
            top = columns.focus_card.mark  # type: ignore[attr-defined]
            self.views.session.selection.changed.connect(lambda _source: top.update())

    def _lists(self) -> list[QAbstractItemView]:
        views = self.views.views
        found: list[QAbstractItemView] = []
        if "outline" in views:
            found.append(views["outline"].tree)  # type: ignore[attr-defined]
        if "columns" in views:
            found.extend(views["columns"].lists.values())  # type: ignore[attr-defined]
        return found

    def _relabelled(self, ids: set[str]) -> None:
        canvas = self.views.views.get("canvas")
        if canvas is not None:
            cards = canvas.scene.cards  # type: ignore[attr-defined]
            if len(ids) > MANY:
                canvas.scene.update()  # type: ignore[attr-defined]
            else:
                for item in ids:
                    if (card := cards.get(item)) is not None:
                        card.update()
        for view in self._lists():
            view.viewport().update()
        if (columns := self.views.views.get("columns")) is not None:
            columns.focus_card.mark.update()  # type: ignore[attr-defined]
        if self.views.presentation is not None:
            self.views.presentation.update()

    def _shown(self, shown: bool) -> None:
        if (action := self._actions.get("toggle_status")) is not None:
            action.setChecked(shown)
        self._relabelled(set(self.status.labelling.labels))
        for view in self._lists():
            view.doItemsLayout()  # an outline row's text makes room for the mark, or not

    # ---- docks and menu ----------------------------------------------------------------
    def _add_docks(self) -> None:
        window, session = self.views.window, self.views.session
        beside = self.views.docks.get("inspector")
        for panel in (WhyPanel(session), OpenPointsPanel(session)):
            dock = QDockWidget(panel.title, window)
            dock.setObjectName(f"{panel.name}_dock")
            dock.setWidget(panel)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if beside is not None:
                window.tabifyDockWidget(beside, dock)
            dock.hide()  # until asked for (a saved window state may show it)
            self.views.add_view(panel, dock)
        if beside is not None:
            beside.raise_()

    def _set_up_actions(self) -> None:
        toggle = self._actions.get("toggle_status")
        if toggle is not None:
            toggle.setCheckable(True)
            toggle.setChecked(self.status.shown)
        group = QActionGroup(self)
        for key, semantics in READINGS.items():
            if (action := self._actions.get(key)) is not None:
                action.setCheckable(True)
                action.setChecked(self.status.semantics is semantics)
                group.addAction(action)

    # ---- what the commands do ---------------------------------------------------------
    def run(self, key: str) -> None:
        if key == "toggle_status":
            self.status.set_shown(not self.status.shown)
        elif key in READINGS:
            self.status.set_semantics(READINGS[key])
            self.views.say(f"Which claims stand, in the {READINGS[key].value} reading.")
            for name, action in self._actions.items():
                if name in READINGS:
                    action.setChecked(READINGS[name] is self.status.semantics)
        elif key == "go_why":
            self.views.go_to("why")
        elif key == "go_open_points":
            self.views.go_to("open_points")


def give_marks(widget: QWidget, mark: StatusOf) -> None:
    """Let an outline or the columns draw status marks from `mark`."""
    if isinstance(widget, Outline):
        widget.tree.delegate.status_of = mark
    elif isinstance(widget, ProConColumns):
        for reasons in widget.lists.values():
            reasons.itemDelegate().status_of = mark  # type: ignore[attr-defined]
        widget.focus_card.mark.source = lambda: mark(widget.focus)


STATUS_COMMANDS = ("toggle_status", "reading_grounded", "reading_evidential", "go_why",
                   "go_open_points")


def status_handlers(get: Callable[[], StatusViews]) -> dict[str, Callable[[], object]]:
    """The window's handlers for the status commands (the views are built after them)."""
    def runs(key: str) -> Callable[[], object]:
        return lambda: get().run(key)

    return {key: runs(key) for key in STATUS_COMMANDS}
