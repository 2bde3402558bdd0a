"""Linking on the map by mouse: a dashed line from a card's edge to where the pointer
is, the card (or arrow badge) it would link to outlined, and Alt+drop of a dragged card
onto another (a reason of it) or onto an arrow (a co-premise of that reason). A part of
`CanvasView` (which inherits it), kept apart to keep files small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsView

from debate_editor.layout.geometry import badge_centre, link_curve
from debate_editor.render.arrow_geometry import curve_path
from debate_editor.ui.map_items import ClaimCard, LinkArrow

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from debate_editor.ui.canvas_scene import DebateScene

LINK_MODIFIER = Qt.KeyboardModifier.AltModifier
"""Held while dropping a dragged card onto another: link it there instead of moving it."""
TARGET_COLOUR = QColor("#2f7de1")


if TYPE_CHECKING:
    _View = QGraphicsView  # the checker sees the view this part belongs to
else:
    _View = object


class LinkDragging(_View):
    map: DebateScene
    link_requested: SignalInstance
    join_requested: SignalInstance
    _link_source: ClaimCard | None
    _link_line: QGraphicsPathItem | None
    _target_mark: QGraphicsPathItem | None
    link_target: str | None
    """The card (or arrow) a link would go to if the button were let go now."""
    if TYPE_CHECKING:  # what CanvasView, which inherits this part, adds to QGraphicsView
        def item_at(self, pos: QPoint) -> QGraphicsItem | None: ...


    def _card_under(self, pos: QPoint, excluding: set[str] | frozenset[str] = frozenset()
                    ) -> ClaimCard | None:
        """The topmost card under the pointer that is not one of `excluding`."""
        for item in self.items(pos):
            if isinstance(item, ClaimCard) and item.claim_id not in excluding:
                return item
        return None

    def _drop_target(self, pos: QPoint, moving: set[str]) -> ClaimCard | LinkArrow | None:
        """What an Alt+drop of the moving cards here would answer: the topmost card that
        is not one of them, or else an arrow none of them is an end of (the card then
        joins that reason as a co-premise; README, "The canvas")."""
        card = self._card_under(pos, moving)
        if card is not None:
            return card
        for item in self.items(pos):
            if isinstance(item, LinkArrow) and moving.isdisjoint(item.link.sources) \
                    and item.link.target not in moving:
                return item
        return None

    def _put_back(self, origins: dict[str, QPointF]) -> None:
        for cid, origin in origins.items():
            card = self.map.cards.get(cid)
            if card is not None:
                card.setPos(origin)
        self.map.reroute(origins)

    def _mark_target(self, item: QGraphicsItem | None) -> None:
        """Outline the card (or the badge of the arrow) a link would go to now."""
        if item is None:
            if self._target_mark is not None:
                self.map.removeItem(self._target_mark)
                self._target_mark = None
            self.link_target = None
            return
        if self._target_mark is None:
            mark = QGraphicsPathItem()
            pen = QPen(TARGET_COLOUR)
            pen.setWidthF(3.0)
            pen.setCosmetic(True)
            mark.setPen(pen)
            fill = QColor(TARGET_COLOUR)
            fill.setAlpha(40)
            mark.setBrush(fill)
            mark.setZValue(11)
            self.map.addItem(mark)
            self._target_mark = mark
        path = QPainterPath()
        if isinstance(item, ClaimCard):
            path.addRoundedRect(item.card_rect().adjusted(-5, -5, 5, 5), 8, 8)
            self.link_target = item.claim_id
        elif isinstance(item, LinkArrow):
            x, y = badge_centre(item.curve)
            path.addEllipse(QPointF(x, y), 16, 16)
            self.link_target = item.link_id
        self._target_mark.setPath(path)

    def _start_link(self, card: ClaimCard) -> None:
        self._link_source = card
        line = QGraphicsPathItem()
        pen = QPen(QColor("#444444"))
        pen.setWidthF(2.0)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        line.setPen(pen)
        line.setZValue(10)
        self.map.addItem(line)
        self._link_line = line

    def _drag_link_to(self, pos: QPoint) -> None:
        assert self._link_source is not None and self._link_line is not None
        point = self.mapToScene(pos)
        target = self.item_at(pos)
        if isinstance(target, ClaimCard) and target is not self._link_source:
            path = curve_path(link_curve(self._link_source.rect(), target.rect()))
            self._mark_target(target)
        else:
            path = QPainterPath(self._link_source.card_rect().center())
            path.lineTo(point)
            undercut = isinstance(target, LinkArrow) \
                and self._link_source.claim_id not in target.link.sources
            self._mark_target(target if undercut else None)
        self._link_line.setPath(path)

    def _finish_link(self, pos: QPoint, modifiers: Qt.KeyboardModifier) -> None:
        source = self._link_source
        self._link_source = None
        self._mark_target(None)
        if self._link_line is not None:
            self.map.removeItem(self._link_line)
            self._link_line = None
        if source is None:
            return
        target = self.item_at(pos)
        objection = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        if isinstance(target, ClaimCard) and target is not source:
            self.link_requested.emit(source.claim_id, target.claim_id, objection)
        elif isinstance(target, LinkArrow) and source.claim_id not in target.link.sources:
            self.link_requested.emit(source.claim_id, target.link_id, True)
        elif target is source:  # let go where it began: a click on the edge selects
            if not modifiers & Qt.KeyboardModifier.ControlModifier:
                self.map.clearSelection()
            source.setSelected(True)
