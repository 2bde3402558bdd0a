"""The canvas's QGraphicsView: what the mouse and the wheel do on the map.

Drag a card to move it (and every selected card); drag from a card's edge to link it to
another card or arrow; drag the background to pan, Shift+drag it to select with a
rubber band; Ctrl+wheel zooms at the mouse. The view only reports what the person did
(signals); the canvas turns that into edits.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsView,
)

from debate_editor.render.card_style import MATCH_COLOUR, MUTED_COLOUR, SELECTION_COLOUR
from debate_editor.render.painter import SHAPE_LOD
from debate_editor.ui.canvas_link_drag import LINK_MODIFIER, LinkDragging
from debate_editor.ui.canvas_scene import DebateScene
from debate_editor.ui.map_items import ClaimCard, LinkArrow
from debate_editor.ui.plain_text import paint_empty_hint, quiet_hint

EDGE_PIXELS = 9.0
"""How close to a card's border (on screen) a drag starts a link instead of a move."""
MIN_EDGE_PIXELS = 6.0
"""The edge zone is never narrower than this, however far the map is zoomed out."""
MIN_ZOOM, MAX_ZOOM = 0.002, 4.0
ZOOM_STEP = 1.25
OVERVIEW_ZOOM = SHAPE_LOD
"""Below this zoom cards are plain rectangles: the view draws the scene's overview (all
cards and arrows in a few batched calls, kept as a picture until something changes)
instead of asking every item to paint itself."""


class CanvasView(LinkDragging, QGraphicsView):
    link_requested = Signal(str, str, bool)
    join_requested = Signal(str, str)
    """An Alt+drop of a card onto an arrow: (link id, claim id) to join as a co-premise."""
    """(source claim, target claim or link, objection?) from a drag between cards."""
    cards_moved = Signal(dict)
    """{claim id: (x, y)} once a drag of cards ends."""
    edit_requested = Signal(str)
    unfold_requested = Signal(str)
    """The "+N" of a folded card was clicked."""
    context_requested = Signal(object, QPoint)
    view_changed = Signal()
    """Scrolled or zoomed: an editor over a card must follow it."""

    def __init__(self, scene: DebateScene) -> None:
        super().__init__(scene)
        self.map = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.read_only = False
        """A read-only debate: a click selects, a drag moves and links nothing."""
        self._link_source: ClaimCard | None = None
        self._link_line: QGraphicsPathItem | None = None
        self._target_mark: QGraphicsPathItem | None = None
        self.link_target: str | None = None
        """The card (or arrow) a link would go to if the button were let go now."""
        self._grabbed: ClaimCard | None = None
        self._move_start: QPointF | None = None
        self._move_origins: dict[str, QPointF] = {}
        self._moving = False
        self._press_pos = QPoint()
        self._picture: QPixmap | None = None
        self._picture_key: tuple[object, ...] = ()
        self._selection_revision = 0
        scene.selectionChanged.connect(self._selection_changed)
        self._was_empty = not scene.cards
        scene.changed.connect(self._follow_emptiness)

    def _selection_changed(self) -> None:
        self._selection_revision += 1

    # ---- zoom ----------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float, *, anchor: QPointF | None = None) -> None:
        """Zoom about the view's centre, or keep the scene point under `anchor` (a
        viewport position, such as the mouse's) where it is."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        factor = zoom / self.zoom
        if abs(factor - 1.0) < 1e-9:
            return
        keep = self.mapToScene(anchor.toPoint()) if anchor is not None else None
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)
        if keep is not None and anchor is not None:
            drift = self.mapFromScene(keep) - anchor.toPoint()
            bars = (self.horizontalScrollBar(), self.verticalScrollBar())
            bars[0].setValue(bars[0].value() + drift.x())
            bars[1].setValue(bars[1].value() + drift.y())
        self.view_changed.emit()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def fit_target(self) -> QRectF:
        """What fitting the whole map shows: every card one can see, and a margin."""
        return self.map.cards_bounds().adjusted(-30, -30, 30, 30)

    def zoom_fit(self, rect: QRectF | None = None) -> None:
        """Show the whole map, or `rect` (never larger than actual size)."""
        target = rect or self.fit_target()
        self.map.grow_scene_rect([])
        view = self.viewport().rect()
        if target.width() <= 0 or target.height() <= 0 or view.width() <= 0:
            return
        zoom = min(view.width() / target.width(), view.height() / target.height(), 1.0)
        self.set_zoom(zoom)
        self.centerOn(target.center())
        self.view_changed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self.zoom * (ZOOM_STEP ** steps), anchor=event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        self.view_changed.emit()

    # ---- painting ----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.zoom >= OVERVIEW_ZOOM:
            self._picture = None
            super().paintEvent(event)
            if not self.map.cards:
                paint_empty_hint(self, self.empty_hint(), 12, MUTED_COLOUR)
            return
        viewport = self.viewport()
        key = (self.transform(), self.horizontalScrollBar().value(),
               self.verticalScrollBar().value(), viewport.size(), self.map.overview.revision,
               self.map.marks_revision, self._selection_revision)
        if self._picture is None or key != self._picture_key:
            self._picture = self._draw_overview()
            self._picture_key = key
        painter = QPainter(viewport)
        painter.drawPixmap(0, 0, self._picture)
        self._draw_overlays(painter)
        painter.end()

    def _follow_emptiness(self, _rects: object) -> None:
        """The hint of an empty map goes with its first card and comes back with none: the
        part of the view it covers is painted again, not only where the cards changed."""
        if self._was_empty != (not self.map.cards):
            self._was_empty = not self.map.cards
            self.viewport().update()

    def empty_hint(self) -> str:
        """What an empty map says, as the outline and the columns do: how to begin."""
        return quiet_hint(not self.read_only, "No claims yet. Press T for a thesis.")

    def _draw_overview(self) -> QPixmap:
        """The whole visible map, zoomed out, as one picture."""
        viewport = self.viewport()
        ratio = viewport.devicePixelRatioF()
        picture = QPixmap(viewport.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.map.backgroundBrush().color())
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(self.viewportTransform())
        visible = self.mapToScene(viewport.rect()).boundingRect()
        scene = self.map
        scene.overview.draw(painter, visible, faded=scene.faded)
        for cid in scene.matched:
            card = scene.cards.get(cid)
            if card is not None:
                painter.fillRect(card.card_rect().adjusted(-20, -20, 20, 20), MATCH_COLOUR)
        for item in scene.selectedItems():
            if isinstance(item, ClaimCard):
                painter.fillRect(item.card_rect(), SELECTION_COLOUR)
            elif isinstance(item, LinkArrow):
                pen = QPen(SELECTION_COLOUR)
                pen.setCosmetic(True)
                pen.setWidthF(2.0)
                painter.setPen(pen)
                painter.drawPath(item.path)
        painter.end()
        return picture

    def _draw_overlays(self, painter: QPainter) -> None:
        """What the view draws over the map: a link being dragged, the rubber band."""
        for line in (self._link_line, self._target_mark):
            if line is None:
                continue
            painter.save()
            painter.setTransform(self.viewportTransform())
            painter.setPen(line.pen())
            painter.setBrush(line.brush())
            painter.drawPath(line.path())
            painter.restore()
        band = self.rubberBandRect()
        if not band.isNull():
            painter.setPen(QPen(SELECTION_COLOUR))
            fill = QColor(SELECTION_COLOUR)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.drawRect(band)

    # ---- mouse ---------------------------------------------------------------------
    def item_at(self, pos: QPoint) -> QGraphicsItem | None:
        for item in self.items(pos):
            if isinstance(item, ClaimCard | LinkArrow):
                return item
        return None

    def on_edge(self, card: ClaimCard, pos: QPoint) -> bool:
        box = self.mapFromScene(card.card_rect()).boundingRect()
        band = max(MIN_EDGE_PIXELS, min(EDGE_PIXELS, box.width() / 4, box.height() / 4))
        x, y = pos.x(), pos.y()
        if not box.adjusted(-2, -2, 2, 2).contains(pos):
            return False
        return (x - box.left() < band or box.right() - x < band
                or y - box.top() < band or box.bottom() - y < band)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._press_pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.MiddleButton:
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            # The hand drag follows the left button only; pretend, as Qt's own views do.
            fake = QMouseEvent(event.type(), event.position(), event.globalPosition(),
                               Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                               event.modifiers())
            super().mousePressEvent(fake)
            return
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        item = self.item_at(self._press_pos)
        if isinstance(item, ClaimCard) and item.folded and item.badge_rect().contains(
                item.mapFromScene(self.mapToScene(self._press_pos))):
            self.unfold_requested.emit(item.claim_id)  # not an edit: read-only may too
            event.accept()
            return
        if isinstance(item, ClaimCard) and self.read_only:
            super().mousePressEvent(event)  # select it, nothing more
            return
        if isinstance(item, ClaimCard) and self.on_edge(item, self._press_pos):
            self._start_link(item)
            event.accept()
            return
        if isinstance(item, ClaimCard):
            super().mousePressEvent(event)
            self._move_start = self.mapToScene(self._press_pos)
            self._move_origins = {
                card.claim_id: card.pos()
                for card in self.map.selectedItems() if isinstance(card, ClaimCard)
            }
            if item.claim_id not in self._move_origins:
                self._move_origins[item.claim_id] = item.pos()
            self._moving = False
            self._grabbed = item
            return
        if item is None:
            modifiers = event.modifiers()
            if modifiers & (Qt.KeyboardModifier.ShiftModifier
                            | Qt.KeyboardModifier.ControlModifier):
                self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            else:
                self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        if self._link_source is not None:
            self._drag_link_to(pos)
            return
        if self._move_start is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if not self._moving:
                if (pos - self._press_pos).manhattanLength() < QApplication.startDragDistance():
                    return
                self._moving = True
            delta = self.mapToScene(pos) - self._move_start
            for cid, origin in self._move_origins.items():
                card = self.map.cards.get(cid)
                if card is not None:
                    card.setPos(origin + delta)
            self.map.reroute(self._move_origins)
            dropping = event.modifiers() & LINK_MODIFIER
            self._mark_target(self._drop_target(pos, set(self._move_origins))
                              if dropping else None)
            return
        if not event.buttons():
            self._update_cursor(pos)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        if self._link_source is not None and event.button() == Qt.MouseButton.LeftButton:
            self._finish_link(pos, event.modifiers())
            return
        if self._move_start is not None and event.button() == Qt.MouseButton.LeftButton:
            moved = self._moving
            origins = self._move_origins
            self._move_start, self._move_origins, self._moving = None, {}, False
            grabbed, self._grabbed = self._grabbed, None
            self._mark_target(None)
            super().mouseReleaseEvent(event)
            target = self._drop_target(pos, set(origins)) if moved else None
            if target is not None and grabbed is not None and event.modifiers() & LINK_MODIFIER:
                self._put_back(origins)  # dropped with Alt: a link (or a join), no move
                if isinstance(target, LinkArrow):
                    self.join_requested.emit(target.link_id, grabbed.claim_id)
                    return
                objection = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.link_requested.emit(grabbed.claim_id, target.claim_id, objection)
                return
            if moved:
                self.map.grow_scene_rect(self.map.cards[c] for c in origins
                                         if c in self.map.cards)
                self.cards_moved.emit({
                    cid: (self.map.cards[cid].x(), self.map.cards[cid].y())
                    for cid in origins if cid in self.map.cards
                })
            return
        if event.button() == Qt.MouseButton.MiddleButton:
            fake = QMouseEvent(event.type(), event.position(), event.globalPosition(),
                               Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton,
                               event.modifiers())
            super().mouseReleaseEvent(fake)
        else:
            super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        item = self.item_at(event.position().toPoint())
        if isinstance(item, ClaimCard) and event.button() == Qt.MouseButton.LeftButton:
            self.map.clearSelection()
            item.setSelected(True)
            self.edit_requested.emit(item.claim_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        item = self.item_at(event.pos())
        if item is not None and not item.isSelected():
            self.map.clearSelection()
            item.setSelected(True)
        self.context_requested.emit(item, event.globalPos())

    def _update_cursor(self, pos: QPoint) -> None:
        item = self.item_at(pos)
        if isinstance(item, ClaimCard) and self.read_only:
            shape = Qt.CursorShape.ArrowCursor
        elif isinstance(item, ClaimCard):
            shape = (Qt.CursorShape.CrossCursor if self.on_edge(item, pos)
                     else Qt.CursorShape.SizeAllCursor)
        elif isinstance(item, LinkArrow):
            shape = Qt.CursorShape.PointingHandCursor
        else:
            shape = Qt.CursorShape.OpenHandCursor
        self.viewport().setCursor(shape)
