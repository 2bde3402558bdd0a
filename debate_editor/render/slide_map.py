"""The map slide: the debate's map (the same cards and arrows as the canvas and the
exports) zoomed to the claim a presentation step is about, what is still to come faint.

QtGui only.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from debate_editor.domain.graph import DebateGraph
from debate_editor.layout.geometry import MapShapes, bounds_of
from debate_editor.render.arrow_geometry import qrect
from debate_editor.render.card_style import FONT_FAMILY, card_face
from debate_editor.render.map_drawing import picture_bounds
from debate_editor.render.painter import draw_arrow, draw_card
from debate_editor.render.slide import SlideTheme
from debate_editor.render.status_mark import StatusOf

MAX_ZOOM = 2.6
"""Card text is 13 px at 100 %: up to about 34 px on the slide."""
FAINT = 0.16
ROOM = 36.0
"""Scene units around the cards in view."""


def map_view_rect(geometry: MapShapes, region: Collection[str], width: int,
                  height: int) -> tuple[QRectF, float]:
    """The scene rectangle to show (cards of `region`, with room) and the zoom for it."""
    shown = bounds_of(geometry.cards[c] for c in region if c in geometry.cards)
    rect = qrect(shown) if shown is not None else QRectF()
    if rect.isEmpty():
        rect = picture_bounds(geometry)
    rect = rect.adjusted(-ROOM, -ROOM - 40, ROOM, ROOM)
    zoom = min(width / max(rect.width(), 1.0), height / max(rect.height(), 1.0), MAX_ZOOM)
    return rect, zoom


def draw_map_slide(
    painter: QPainter,
    graph: DebateGraph,
    geometry: MapShapes,
    size: tuple[int, int],
    *,
    focus: str,
    region: Collection[str],
    faint: Collection[str],
    theme: SlideTheme,
    progress: str = "",
    status: StatusOf | None = None,
) -> None:
    """Draw the map so that the cards of `region` fill the slide, `focus` selected and
    the claims in `faint` (not yet reached) pale; `status`: each card's mark."""
    width, height = size
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, width, height), theme.background)
    rect, zoom = map_view_rect(geometry, region, width, height)
    painter.translate(width / 2, height / 2)
    painter.scale(zoom, zoom)
    painter.translate(-rect.center())
    for link_id, curve in geometry.arrows.items():
        link = graph.links[link_id]
        pale = link.source in faint or (link.to_claim is not None and link.to_claim in faint)
        painter.setOpacity(FAINT if pale else 1.0)
        draw_arrow(painter, curve, link.kind, badge=not link.is_undercut, lod=zoom)
    for claim_id, card in geometry.cards.items():
        painter.setOpacity(FAINT if claim_id in faint else 1.0)
        draw_card(painter, card_face(graph.claims[claim_id]), QPointF(card.x, card.y),
                  pros=len(graph.pros(claim_id)), cons=len(graph.cons(claim_id)),
                  selected=claim_id == focus, lod=zoom,
                  status=status(claim_id) if status is not None else None)
    painter.restore()
    if progress:
        painter.save()
        font = QFont(FONT_FAMILY)
        font.setPixelSize(max(10, round(22 * min(height / 1080, width / 1920))))
        painter.setFont(font)
        painter.setPen(theme.muted)
        margin = 40 * min(height / 1080, width / 1920)
        painter.drawText(QRectF(margin, margin / 2, width - 2 * margin, font.pixelSize() * 2),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, progress)
        painter.restore()
