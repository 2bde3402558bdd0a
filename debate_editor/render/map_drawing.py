"""The whole map without widgets: its shapes measured, and drawing all of it at once.

The canvas shows the same cards and arrows through its scene items; an export (PNG, SVG)
and the slides call `draw_map` with a painter on their device and get the same picture.
The shapes are `layout.geometry`'s, the ones the PDF draws too.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter

from debate_editor.domain.graph import DebateGraph
from debate_editor.layout.geometry import MapShapes, map_shapes
from debate_editor.render.arrow_geometry import qrect
from debate_editor.render.card_style import card_face, card_size
from debate_editor.render.painter import draw_arrow, draw_card

MARGIN = 40.0
EMPTY = QRectF(0, 0, 400, 300)
"""What an empty map's picture measures."""


def card_sizes(graph: DebateGraph) -> dict[str, tuple[float, float]]:
    return {cid: card_size(claim) for cid, claim in graph.claims.items()}


def map_geometry(graph: DebateGraph) -> MapShapes:
    """Card rectangles and arrow curves of a whole debate, in scene units."""
    return map_shapes(graph, card_sizes(graph))


def picture_bounds(geometry: MapShapes) -> QRectF:
    """The scene rectangle a picture of the map shows: every card, with a margin."""
    bounds = geometry.bounds(MARGIN)
    return qrect(bounds) if bounds is not None else QRectF(EMPTY)


def draw_map(painter: QPainter, graph: DebateGraph, geometry: MapShapes | None = None,
             *, lod: float = 1.0) -> MapShapes:
    """Draw every arrow, then every card, in scene units (set the painter's transform)."""
    geometry = geometry or map_geometry(graph)
    for link_id, curve in geometry.arrows.items():
        link = graph.links[link_id]
        draw_arrow(painter, curve, link.kind, badge=not link.is_undercut, lod=lod,
                   bracket=geometry.brackets.get(link_id, ()), strength=link.strength.value)
    for cid, rect in geometry.cards.items():
        pros, cons = len(graph.pros(cid)), len(graph.cons(cid))
        draw_card(painter, card_face(graph.claims[cid]), QPointF(rect.x, rect.y),
                  pros=pros, cons=cons, lod=lod)
    return geometry
