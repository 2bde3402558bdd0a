"""The one adapter from the map's plain geometry (`layout.geometry`) to Qt: rectangles
as QRectF, curves as QPainterPath, the area a click on an arrow hits, and the curve as
a polyline for drawing only the stretch of a long arrow that is on screen (that is what
keeps long arrows cheap). No shape is worked out here: only converted."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPolygonF, QTransform

from debate_editor.layout.geometry import BADGE_RADIUS, Bracket, Curve, Rect, badge_centre


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def as_rect(rect: QRectF) -> Rect:
    """A scene rectangle as the geometry's plain numbers."""
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def curve_path(curve: Curve) -> QPainterPath:
    """The arrow's path: a cubic, or a straight line for an undercut (a cubic whose
    control points sit on its ends)."""
    path = QPainterPath()
    path.moveTo(curve[0], curve[1])
    if curve[2:4] == curve[0:2] and curve[4:6] == curve[6:8]:
        path.lineTo(curve[6], curve[7])
    else:
        path.cubicTo(*curve[2:])
    return path


def arrow_shape(curve: Curve, path: QPainterPath | None = None,
                width: float = 12.0) -> QPainterPath:
    """The area that counts as "on the arrow" for clicks: the line widened, and its badge."""
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    shape = stroker.createStroke(path if path is not None else curve_path(curve))
    shape.addEllipse(QPointF(*badge_centre(curve)), BADGE_RADIUS + 2, BADGE_RADIUS + 2)
    return shape


def bracket_shape(bracket: Bracket, width: float = 12.0) -> QPainterPath:
    """The area of a group's bracket that counts as on its arrow for clicks."""
    path = QPainterPath()
    for x0, y0, x1, y1 in bracket:
        path.moveTo(x0, y0)
        path.lineTo(x1, y1)
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    return stroker.createStroke(path)


class ArrowGeometry:
    """The arrow's path as a polyline with the length run so far at each point, worked
    out once per path. With it the canvas draws only the part of a long arrow that is on
    screen (a dashed arrow across a 10,000-card map is 100,000 dashes), its dashes in place."""

    __slots__ = ("flat", "keys", "monotonic", "run", "xs", "ys")

    def __init__(self, path: QPainterPath) -> None:
        points = [point for polygon in path.toSubpathPolygons(_FINE)
                  for point in polygon.toList()]
        self.xs = [point.x() / _FINE_SCALE for point in points]
        self.ys = [point.y() / _FINE_SCALE for point in points]
        run, total = [0.0], 0.0
        for i in range(1, len(points)):
            total += math.hypot(self.xs[i] - self.xs[i - 1], self.ys[i] - self.ys[i - 1])
            run.append(total)
        self.run = run
        self.monotonic = len(points) > 1 and _monotonic(self.xs) and _monotonic(self.ys)
        self.keys = (_rising(self.xs), _rising(self.ys)) if self.monotonic else None
        xs, ys = self.xs, self.ys
        self.flat = [abs(ys[i + 1] - ys[i]) * FLAT < abs(xs[i + 1] - xs[i])
                     for i in range(len(xs) - 1)]
        """Per segment: so nearly level that it is drawn sharp (see `visible_part`)."""

    def visible_part(self, rect: QRectF) -> list[Stretch] | None:
        """The polyline inside `rect` (a little beyond it), in stretches; None when the
        arrow is not a simple one-way curve (then draw its whole path).

        Each stretch is smooth (antialiased) or, where nearly level, sharp (`FLAT`)."""
        keys = self.keys  # None exactly when the arrow is not monotonic
        if keys is None:
            return None
        (xs, x_sign), (ys, y_sign) = keys
        lo_x, hi_x = _index_range(xs, x_sign, rect.left(), rect.right())
        lo_y, hi_y = _index_range(ys, y_sign, rect.top(), rect.bottom())
        first, last = max(lo_x, lo_y, 1) - 1, min(hi_x, hi_y, len(self.xs) - 2) + 1
        if first >= last:
            return []
        stretches = []
        flat, run = self.flat, self.run
        start = first
        for i in range(first, last):
            if i + 1 == last or flat[i + 1] != flat[start]:
                polygon = QPolygonF([QPointF(self.xs[j], self.ys[j])
                                     for j in range(start, i + 2)])
                stretches.append(Stretch(polygon, run[start], not flat[start]))
                start = i + 1
        return stretches


class Stretch(NamedTuple):
    """Part of an arrow's polyline: its points, the length before it, antialiased?"""

    polygon: QPolygonF
    offset: float
    smooth: bool


FLAT = 64.0
"""A stretch of arrow rising less than one pixel in this many is drawn without
antialiasing: its steps are that far apart, and Qt's antialiased wide lines are slowest
there (a millisecond for a level line across the screen)."""
_FINE_SCALE = 4.0
_FINE = QTransform.fromScale(_FINE_SCALE, _FINE_SCALE)
"""Curves are turned into polylines at four times the size, fine enough at any zoom."""


def _monotonic(values: list[float]) -> bool:
    rising = all(a <= b for a, b in pairwise(values))
    return rising or all(a >= b for a, b in pairwise(values))


def _rising(values: list[float]) -> tuple[list[float], float]:
    """Monotonic values as a rising list (negated when they fall) and the sign used."""
    if values[0] > values[-1]:
        return [-v for v in values], -1.0
    return values, 1.0


def _index_range(rising: list[float], sign: float, low: float,
                 high: float) -> tuple[int, int]:
    """First and last index whose value lies in [low, high] (one past the last and one
    before the first when none does); `rising` and `sign` from `_rising`."""
    if sign < 0:
        low, high = -high, -low
    return bisect_left(rising, low), bisect_right(rising, high) - 1
