"""The map's shapes as plain numbers: cards' rectangles, arrows, heads and badges.

Every picture of the map takes its shapes from here: the canvas and its zoomed-out
overview, the PNG and SVG exports, the slides and the PDF. So there is one drawing of
the map, and nothing to keep in agreement; the Qt side only turns these numbers into
paths (`render/arrow_geometry.py`). Pure arithmetic, no Qt, so `layout/` may hold it.

An arrow is a cubic Bézier `Curve`: start, first and second control point, end. An
undercut is a straight line written as a cubic whose control points sit on its ends.
A reason of several premises (co-premises) is one arrow that leaves from a `Bracket`: a
bar just outside the premises, on the side the arrow leaves from, with a tick from each
premise to the bar (README, "The canvas").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from debate_editor.domain.graph import DebateGraph, links_in_dependency_order
from debate_editor.domain.model import Link
from debate_editor.layout.layered import positions_for

HEAD_LENGTH = 12.0
HEAD_HALF_WIDTH = 6.0
BADGE_RADIUS = 8.0
ARROW_MARGIN = HEAD_LENGTH + BADGE_RADIUS + 4
"""How far an arrow's head and badge may reach beyond its curve's control points."""

Curve = tuple[float, float, float, float, float, float, float, float]
"""An arrow's cubic as plain numbers: start, first and second control point, end."""
Point = tuple[float, float]
Segment = tuple[float, float, float, float]
"""A straight line: from (x0, y0) to (x1, y1)."""
Bracket = tuple[Segment, ...]
"""The lines joining a group's premises to the start of its one arrow; () for one premise."""
BRACKET_GAP = 14.0
"""How far outside its premises a group's bracket bar runs."""


class Rect(NamedTuple):
    """A rectangle in scene units: a card, a page's view, the bounds of a map."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centre_x(self) -> float:
        return self.x + self.w / 2

    @property
    def centre_y(self) -> float:
        return self.y + self.h / 2

    @property
    def centre(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def intersects(self, other: Rect) -> bool:
        """Whether the two overlap or touch."""
        return not (self.right < other.x or other.right < self.x or self.bottom < other.y
                    or other.bottom < self.y)


def bounds_of(rects: Iterable[Rect], margin: float = 0.0) -> Rect | None:
    """The rectangle around all of `rects`, grown by `margin`; None for none."""
    left = top = math.inf
    right = bottom = -math.inf
    for r in rects:
        left, top = min(left, r.x), min(top, r.y)
        right, bottom = max(right, r.x + r.w), max(bottom, r.y + r.h)
    if left > right:
        return None
    return Rect(left - margin, top - margin, right - left + 2 * margin,
                bottom - top + 2 * margin)


def link_curve(source: Rect, target: Rect) -> Curve:
    """The curve of an arrow from a reason's card to the card it answers.

    A reason below its target leaves from its top edge and enters the target's bottom
    edge, the entry point spread along that edge toward the reason's side, so the heads
    of many reasons do not pile up in one spot; cards side by side are joined sideways.
    Both shapes are point-symmetric about the middle of their chord.
    """
    sx, sy, sw, sh = source
    tx, ty, tw, th = target
    scx, scy, tcx, tcy = sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2
    inset = min(16.0, tw / 4)
    s_bottom, t_bottom = sy + sh, ty + th
    if sy >= t_bottom + 10 or s_bottom + 10 <= ty:
        below = sy >= t_bottom
        start_y = sy if below else s_bottom
        spread = tcx + (scx - tcx) * 0.3
        end_x = min(max(spread, tx + inset), tx + tw - inset)
        end_y = t_bottom if below else ty
        bend = (start_y - end_y) / 2
        return (scx, start_y, scx, start_y - bend, end_x, end_y + bend, end_x, end_y)
    right = scx < tcx
    start_x = sx + sw if right else sx
    end_x = tx if right else tx + tw
    bend = (end_x - start_x) / 2
    return (start_x, scy, start_x + bend, scy, end_x - bend, tcy, end_x, tcy)


def border_point(rect: Rect, toward: Point) -> Point:
    """Where the line from the centre of `rect` to `toward` leaves the rectangle."""
    cx, cy = rect.x + rect.w / 2, rect.y + rect.h / 2
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    scale_x = (rect.w / 2) / abs(dx) if dx else math.inf
    scale_y = (rect.h / 2) / abs(dy) if dy else math.inf
    scale = min(scale_x, scale_y, 1.0)
    return (cx + dx * scale, cy + dy * scale)


def undercut_curve(source: Rect, point: Point) -> Curve:
    """A straight arrow from an undercutting card toward `point` (the badge of the arrow
    it attacks), leaving the card's border and stopping at the edge of that badge."""
    sx, sy = border_point(source, point)
    length = math.hypot(point[0] - sx, point[1] - sy)
    ex, ey = point
    if length > BADGE_RADIUS + 1:
        keep = (length - BADGE_RADIUS - 1) / length
        ex, ey = sx + (point[0] - sx) * keep, sy + (point[1] - sy) * keep
    return (sx, sy, sx, sy, ex, ey, ex, ey)


def point_at(curve: Curve, t: float) -> Point:
    """The point of the cubic at parameter `t` (0 at its start, 1 at its end)."""
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * curve[0] + b * curve[2] + c * curve[4] + d * curve[6],
            a * curve[1] + b * curve[3] + c * curve[5] + d * curve[7])


def badge_centre(curve: Curve) -> Point:
    """Where an arrow's +/− badge sits, and where an undercut of it points: the middle
    of its chord, which is half way along every curve `link_curve` and `undercut_curve`
    make (both are point-symmetric about it)."""
    return ((curve[0] + curve[6]) / 2, (curve[1] + curve[7]) / 2)


def head_direction(curve: Curve) -> Point:
    """The unit vector the arrow points along at its tip (its tangent there; for a
    straight line, from start to end)."""
    dx, dy = curve[6] - curve[4], curve[7] - curve[5]
    if dx == 0 and dy == 0:
        dx, dy = curve[6] - curve[0], curve[7] - curve[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return (1.0, 0.0)
    return (dx / length, dy / length)


def head_points(curve: Curve) -> tuple[Point, Point, Point]:
    """The arrow head's triangle: the tip, then the two corners of its base."""
    tip = (curve[6], curve[7])
    ux, uy = head_direction(curve)
    bx, by = tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH
    nx, ny = -uy * HEAD_HALF_WIDTH, ux * HEAD_HALF_WIDTH
    return (tip, (bx + nx, by + ny), (bx - nx, by - ny))


def curve_bounds(curve: Curve) -> Rect:
    """A rectangle holding the arrow with its head and badge (the control points bound
    a Bézier curve)."""
    xs, ys = curve[0::2], curve[1::2]
    left, top = min(xs) - ARROW_MARGIN, min(ys) - ARROW_MARGIN
    return Rect(left, top, max(xs) + ARROW_MARGIN - left, max(ys) + ARROW_MARGIN - top)


def group_source(premises: Sequence[Rect]) -> Rect:
    """What a reason's arrow leaves from: its one card, or for co-premises the rectangle
    around them grown by the bracket's gap (the arrow starts on the bracket's bar)."""
    if len(premises) == 1:
        return premises[0]
    around = bounds_of(premises, BRACKET_GAP)
    assert around is not None
    return around


def bracket(premises: Sequence[Rect], curve: Curve) -> Bracket:
    """The bar and ticks that join co-premises to where their arrow starts.

    The bar runs through the arrow's start along the side of the premises it leaves
    from, from the first premise's middle to the last's (and to the start, should that
    lie beyond them); each premise has a tick from the middle of its facing edge to it."""
    if len(premises) < 2:
        return ()
    sx, sy = curve[0], curve[1]
    around = bounds_of(premises)
    assert around is not None
    if sy <= around.y or sy >= around.bottom:
        top = sy <= around.y
        xs = [p.centre_x for p in premises]
        bar: Segment = (min(*xs, sx), sy, max(*xs, sx), sy)
        ticks = [(p.centre_x, p.y if top else p.bottom, p.centre_x, sy) for p in premises]
    else:
        left = sx <= around.x
        ys = [p.centre_y for p in premises]
        bar = (sx, min(*ys, sy), sx, max(*ys, sy))
        ticks = [(p.x if left else p.right, p.centre_y, sx, p.centre_y) for p in premises]
    return (bar, *ticks)


def bracket_bounds(lines: Bracket) -> Rect | None:
    """The rectangle around a bracket's lines; None for no bracket."""
    if not lines:
        return None
    xs = [v for line in lines for v in (line[0], line[2])]
    ys = [v for line in lines for v in (line[1], line[3])]
    return Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def reason_curve(premises: Sequence[Rect], target: Rect | None, point: Point | None = None,
                 ) -> tuple[Curve, Bracket]:
    """A reason's arrow and bracket: to the `target` card or, for an undercut, toward
    `point` (the badge of the arrow it attacks; None: the premises' own centre)."""
    source = group_source(premises)
    if target is not None:
        curve = link_curve(source, target)
    else:
        curve = undercut_curve(source, point if point is not None else source.centre)
    return curve, bracket(premises, curve)


def map_curves(links: Iterable[Link], cards: Mapping[str, Rect],
               brackets: dict[str, Bracket] | None = None) -> dict[str, Curve]:
    """Every arrow's curve (and into `brackets`, every group's bracket). `links` must
    come in dependency order (an undercut after the arrow it attacks,
    `domain.graph.links_in_dependency_order`); an undercut whose arrow is missing points
    at its own card's centre."""
    curves: dict[str, Curve] = {}
    for link in links:
        premises = [cards[source] for source in link.sources]
        if link.to_claim is not None:
            curve, lines = reason_curve(premises, cards[link.to_claim])
        else:
            attacked = curves.get(link.to_link or "")
            point = badge_centre(attacked) if attacked is not None else None
            curve, lines = reason_curve(premises, None, point)
        curves[link.id] = curve
        if lines and brackets is not None:
            brackets[link.id] = lines
    return curves


@dataclass(frozen=True)
class MapShapes:
    """Every card's rectangle and every arrow's curve of a whole debate, in scene units:
    what each picture of the map draws."""

    cards: dict[str, Rect]
    arrows: dict[str, Curve]
    brackets: dict[str, Bracket] = field(default_factory=dict)
    """The bracket of each reason of several premises, by link id."""

    def bounds(self, margin: float = 0.0) -> Rect | None:
        """The rectangle around every card, grown by `margin`; None for an empty map."""
        return bounds_of(self.cards.values(), margin)


def map_shapes(graph: DebateGraph, sizes: Mapping[str, tuple[float, float]]) -> MapShapes:
    """The shapes of the whole map: cards where they stand (laid out where the debate has
    no places, `positions_for`), arrows between them. `sizes`: each card's measured size."""
    positions = positions_for(graph, sizes) if graph.claims else {}
    cards = {cid: Rect(*positions[cid], *sizes[cid]) for cid in graph.claims}
    ordered = links_in_dependency_order(graph.links.values())
    brackets: dict[str, Bracket] = {}
    return MapShapes(cards, map_curves(ordered, cards, brackets), brackets)
