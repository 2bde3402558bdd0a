"""The whole map without widgets: where each card stands, and drawing all of it at once.

The canvas shows the same cards and arrows through its scene items; an export (PNG, SVG,
PDF) calls `draw_map` with a painter on its device and gets the same picture.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath

from debate_editor.domain.graph import DebateGraph
from debate_editor.layout import Rect, layout
from debate_editor.render.card_style import card_face, card_size
from debate_editor.render.painter import (
    badge_centre,
    draw_arrow,
    draw_card,
    link_path,
    undercut_path,
)
from debate_editor.store.rows import links_in_dependency_order

MARGIN = 40.0


def card_sizes(graph: DebateGraph) -> dict[str, tuple[float, float]]:
    return {cid: card_size(claim) for cid, claim in graph.claims.items()}


def positions_for(
    graph: DebateGraph, sizes: Mapping[str, tuple[float, float]] | None = None
) -> dict[str, tuple[float, float]]:
    """Each card's top-left corner: as stored, and laid out for cards that have none
    (below the stored ones, so nothing overlaps)."""
    sizes = sizes or card_sizes(graph)
    stored = {cid: c.position for cid, c in graph.claims.items() if c.position is not None}
    if len(stored) == len(graph.claims):
        return dict(stored)  # type: ignore[arg-type]
    laid = layout(graph, sizes)
    if not stored:
        return laid
    bottom = max(y + sizes[cid][1] for cid, (x, y) in stored.items())  # type: ignore[misc]
    left = min(x for x, _ in stored.values())  # type: ignore[misc]
    missing = [cid for cid in graph.claims if cid not in stored]
    top = min(laid[cid][1] for cid in missing)
    x0 = min(laid[cid][0] for cid in missing)
    result: dict[str, tuple[float, float]] = dict(stored)  # type: ignore[arg-type]
    for cid in missing:
        x, y = laid[cid]
        result[cid] = (x - x0 + left, y - top + bottom + 90.0)
    return result


@dataclass(frozen=True)
class MapGeometry:
    """Card rectangles and arrow curves of a whole debate, in scene units."""

    cards: dict[str, QRectF]
    arrows: dict[str, QPainterPath]

    def bounds(self) -> QRectF:
        total = QRectF()
        for rect in self.cards.values():
            total = total.united(rect)
        return total.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def map_geometry(graph: DebateGraph) -> MapGeometry:
    sizes = card_sizes(graph)
    positions = positions_for(graph, sizes)
    cards = {
        cid: QRectF(positions[cid][0], positions[cid][1], *sizes[cid]) for cid in graph.claims
    }
    arrows: dict[str, QPainterPath] = {}
    for link in links_in_dependency_order(list(graph.links.values())):
        source = cards[link.source]
        if link.to_claim is not None:
            arrows[link.id] = link_path(source, cards[link.to_claim])
        else:
            arrows[link.id] = undercut_path(source, badge_centre(arrows[link.to_link or ""]))
    return MapGeometry(cards, arrows)


def draw_map(painter: QPainter, graph: DebateGraph, geometry: MapGeometry | None = None,
             *, lod: float = 1.0) -> MapGeometry:
    """Draw every arrow, then every card, in scene units (set the painter's transform)."""
    geometry = geometry or map_geometry(graph)
    for link_id, path in geometry.arrows.items():
        link = graph.links[link_id]
        draw_arrow(painter, path, link.kind, badge=not link.is_undercut, lod=lod)
    for cid, rect in geometry.cards.items():
        pros, cons = len(graph.pros(cid)), len(graph.cons(cid))
        draw_card(painter, card_face(graph.claims[cid]), QPointF(rect.topLeft()),
                  pros=pros, cons=cons, lod=lod)
    return geometry


def as_rect(rect: QRectF) -> Rect:
    """A scene rectangle as the layout's plain numbers."""
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())
