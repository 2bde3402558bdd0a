"""The Open Points dock: the objections still standing against what the debate's theses
hold (README, "Which claims stand": "In the window").

What is held is each thesis and, transitively, what supports it (`open_points.defended`);
an open point is an objection (or undercut) that stands against one of them. Each entry
gives the objection's text and what it objects to; a click selects the objection in every
view. The list follows every edit and undo and a change of reading while it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from debate_editor.domain.marks import Disagreement, disagreements
from debate_editor.domain.open_points import OpenPoint, defended, open_points
from debate_editor.ui.session import Session
from debate_editor.ui.status_words import quote

PointRole = Qt.ItemDataRole.UserRole + 1


def current_points(session: Session) -> list[OpenPoint]:
    """The open points of the whole debate: against every thesis and what supports it."""
    graph = session.document.graph
    held: set[str] = set()
    for thesis in graph.theses():
        held |= defended(graph, thesis.id)
    return open_points(graph, session.status.labelling, held)


class OpenPointsPanel(QWidget):
    name = "open_points"
    title = "Open Points"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #5a5f66;")
        self.list = QListWidget(self)
        self.list.setObjectName("open_points_list")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._picked)
        self.list.itemActivated.connect(self._picked)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 4, 6, 4)
        box.addWidget(self.summary)
        box.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.setMinimumWidth(160)
        self.points: list[OpenPoint] = []
        self.parted: list[Disagreement] = []
        session.status.changed.connect(lambda _ids: self.refresh())
        session.bridge.changed.connect(lambda _event: self.refresh())  # a mark changed

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {}

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisible():
            return
        points = current_points(self.session)
        graph = self.session.document.graph
        parted = disagreements(graph, self.session.status.labelling)
        if (points, parted) == (self.points, self.parted) and self.list.count() == len(
                points) + (len(parted) + 1 if parted else 0):
            return
        self.points, self.parted = points, parted
        self.list.clear()
        for number, point in enumerate(points, 1):
            objection = graph.claims[point.objection]
            aimed = graph.claims.get(point.against)
            if aimed is not None:
                against = f"against “{quote(aimed.text, 60)}”"
            else:
                link = graph.links[point.against]
                against = f"against the link from “{quote(graph.claims[link.source].text, 50)}”"
            item = QListWidgetItem(f"{number}. “{quote(objection.text)}”\n    {against}")
            item.setData(PointRole, point.objection)
            item.setToolTip("Click to select this objection in every view.")
            self.list.addItem(item)
        if parted:
            heading = QListWidgetItem("Where your marks part from the structure:")
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(heading)
            for one in parted:
                item = QListWidgetItem(f"• “{quote(graph.claims[one.claim].text)}”\n"
                                       f"    {one.why}")
                item.setData(PointRole, one.claim)
                item.setToolTip("Click to select this claim in every view.")
                self.list.addItem(item)
        self.summary.setText(
            "No objection stands against the theses or their reasons." if not points else
            f"{len(points)} objection{'s' if len(points) != 1 else ''} still open: they "
            "stand against a thesis or a reason for it, unanswered.")

    def _picked(self, item: QListWidgetItem) -> None:
        self.session.selection.select(item.data(PointRole), source=self)
