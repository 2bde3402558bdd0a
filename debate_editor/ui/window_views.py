"""The views around the map: the outline on the left and the pro/con columns on the right
(dock widgets a person can hide, float or move, remembered between sessions), and the
presentation, a full-screen window of its own.

All of them show the one open document through the window's session: they follow its
events and its one selection, and edit through its undo history.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from debate_editor.render.slide import THEMES
from debate_editor.ui.columns import ProConColumns
from debate_editor.ui.outline import Outline
from debate_editor.ui.presentation import PresentationView
from debate_editor.ui.view_commands import bind_view_commands

if TYPE_CHECKING:
    from debate_editor.ui.main_window import MainWindow

DOCK_WIDTHS = {"outline": 270, "columns": 400}
"""At first; the window remembers what the person makes of them."""


def install_views(window: MainWindow) -> None:
    """Add the outline and the columns beside the map."""
    docks = []
    for view, area in ((Outline(window.session), Qt.DockWidgetArea.LeftDockWidgetArea),
                       (ProConColumns(window.session), Qt.DockWidgetArea.RightDockWidgetArea)):
        dock = QDockWidget(view.title, window)
        dock.setObjectName(f"{view.name}_dock")
        dock.setWidget(view)
        window.addDockWidget(area, dock)
        window.add_view(view, dock)
        bind_view_commands(view, view)
        docks.append(dock)
    window.resizeDocks(docks, [DOCK_WIDTHS["outline"], DOCK_WIDTHS["columns"]],
                       Qt.Orientation.Horizontal)


def go_to(window: MainWindow, name: str) -> None:
    """Give a view the keyboard ('map', 'columns', 'outline'), showing its dock if it was
    hidden."""
    name = "canvas" if name == "map" else name
    dock = window.docks.get(name)
    if dock is not None:
        dock.show()
        dock.raise_()
    view = window.views[name]
    (window.canvas.view if name == "canvas" else view).setFocus()


def present(window: MainWindow, *, here: bool = False) -> PresentationView:
    """Present full screen, from the first thesis or (`here`) the selected claim; when it
    ends, the window has the focus and the selection it had before."""
    if window.presentation is not None:
        window.presentation.activateWindow()
        return window.presentation
    start = window.session.selection.current if here else None
    back_to = QApplication.focusWidget()
    view = PresentationView(window.session, start)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.presentation = view
    view.closed.connect(lambda: _come_back(window, back_to))
    view.showFullScreen()
    view.activateWindow()
    view.setFocus()
    return view


def _come_back(window: MainWindow, widget: QWidget | None) -> None:
    window.presentation = None
    window.activateWindow()
    window.raise_()
    if widget is not None and window.isAncestorOf(widget):
        widget.setFocus(Qt.FocusReason.OtherFocusReason)


def screenshot(window: MainWindow, name: str, path: Path, size: tuple[int, int]) -> bool:
    """Render one view beside the map (or the presentation's first step) alone, at `size`."""
    makers = {"columns": ProConColumns, "outline": Outline, "presentation": PresentationView}
    widget: QWidget = makers[name](window.session)  # type: ignore[operator]
    if isinstance(widget, PresentationView):  # the same picture whatever was chosen last
        widget.theme, widget.map_mode = THEMES["light"], False
    widget.resize(QSize(*size))
    widget.show()
    QApplication.processEvents()
    widget.resize(QSize(*size))  # the columns re-wrap their cards at the final width
    QApplication.processEvents()
    ok = widget.grab().save(str(path))
    widget.close()
    widget.deleteLater()
    return ok
