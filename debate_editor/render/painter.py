"""Drawing one card and one arrow with a QPainter: the canvas and every export call these.

Level of detail: `lod` is the painter's scale (1.0 = 100 %). Below TEXT_LOD the text turns
into grey bars (still showing each card's shape and length), below SHAPE_LOD a card is
one filled rectangle in its kind's colour and an arrow is a plain line, which keeps a
zoomed-out view of a big map quick to paint.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTransform,
)

from debate_editor.domain.model import LinkKind
from debate_editor.render.card_style import (
    BAND,
    BORDER_COLOUR,
    HEADER_HEIGHT,
    LINK_STYLES,
    LINK_WIDTH,
    MATCH_COLOUR,
    MUTED_COLOUR,
    PADDING,
    RADIUS,
    SELECTION_COLOUR,
    TEXT_COLOUR,
    CardFace,
    body_font,
    counts_text,
    header_font,
    title_font,
)

TEXT_LOD = 0.55
SHAPE_LOD = 0.3
HEAD_LENGTH = 12.0
HEAD_HALF_WIDTH = 6.0
BADGE_RADIUS = 8.0


def draw_card(
    painter: QPainter,
    face: CardFace,
    origin: QPointF,
    *,
    pros: int = 0,
    cons: int = 0,
    selected: bool = False,
    matched: bool = False,
    lod: float = 1.0,
) -> None:
    """Draw a card with its top-left corner at `origin`."""
    style = face.style
    rect = QRectF(origin.x(), origin.y(), face.width, face.height)
    if lod < SHAPE_LOD:
        painter.fillRect(rect, SELECTION_COLOUR if selected else style.band)
        if matched:
            painter.fillRect(rect.adjusted(-20, -20, 20, 20), MATCH_COLOUR)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(style.band)
    painter.drawRoundedRect(rect, RADIUS, RADIUS)
    painter.setBrush(style.fill)
    painter.drawRoundedRect(rect.adjusted(BAND, 0, 0, 0), RADIUS, RADIUS)
    border = QPen(style.band if face.kind.value == "thesis" else BORDER_COLOUR)
    border.setWidthF(2.0 if face.kind.value == "thesis" else 1.0)
    painter.setPen(border)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, RADIUS, RADIUS)

    left = rect.left() + BAND + PADDING
    header = QRectF(left, rect.top() + 4, face.width - BAND - 2 * PADDING, HEADER_HEIGHT - 6)
    if lod < TEXT_LOD:
        painter.fillRect(QRectF(left, header.top() + 4, 40, 6), style.band)
        grey = QColor(TEXT_COLOUR)
        grey.setAlpha(90)
        for line in face.lines:
            width = min(len(line.text) * 6.6, face.width - BAND - 2 * PADDING)
            painter.fillRect(QRectF(origin.x() + line.x, origin.y() + line.baseline - 8,
                                    width, 7), grey)
    else:
        painter.setFont(header_font())
        painter.setPen(style.band)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(header, align | Qt.AlignmentFlag.AlignLeft, style.label)
        tally = counts_text(pros, cons)
        if tally:
            painter.setPen(MUTED_COLOUR)
            painter.drawText(header, align | Qt.AlignmentFlag.AlignRight, tally)
        painter.setPen(TEXT_COLOUR)
        current_bold: bool | None = None
        for line in face.lines:
            if line.bold is not current_bold:
                painter.setFont(title_font() if line.bold else body_font())
                current_bold = line.bold
            painter.drawText(QPointF(origin.x() + line.x, origin.y() + line.baseline), line.text)
    if matched:
        _outline(painter, rect, MATCH_COLOUR, 4.0)
    if selected:
        _outline(painter, rect, SELECTION_COLOUR, 3.0)


def _outline(painter: QPainter, rect: QRectF, colour: QColor, width: float) -> None:
    pen = QPen(colour)
    pen.setWidthF(width)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    grow = width / 2 + 1
    painter.drawRoundedRect(rect.adjusted(-grow, -grow, grow, grow), RADIUS + grow, RADIUS + grow)


# ---- arrows ---------------------------------------------------------------------------
Curve = tuple[float, float, float, float, float, float, float, float]
"""An arrow's cubic as plain numbers: start, first and second control point, end."""


def link_path(source: QRectF, target: QRectF) -> QPainterPath:
    """The curve of an arrow from a reason's card to the card it answers.

    A reason below its target leaves from its top edge and enters the target's bottom
    edge, the entry point spread along that edge toward the reason's side, so the heads
    of many reasons do not pile up in one spot; cards side by side are joined sideways.
    """
    return curve_path(link_curve(source.x(), source.y(), source.width(), source.height(),
                                 target.x(), target.y(), target.width(), target.height()))


def link_curve(sx: float, sy: float, sw: float, sh: float,
               tx: float, ty: float, tw: float, th: float) -> Curve:
    """`link_path` in plain numbers, from the two cards' x, y, width and height: what the
    canvas keeps for each of thousands of arrows until one is drawn."""
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


def curve_path(curve: Curve) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(curve[0], curve[1])
    path.cubicTo(*curve[2:])
    return path


def curve_bounds(curve: Curve) -> QRectF:
    """`arrow_bounds` of the curve's path, without making the path."""
    xs, ys = curve[0::2], curve[1::2]
    margin = HEAD_LENGTH + BADGE_RADIUS + 4
    left, top = min(xs) - margin, min(ys) - margin
    return QRectF(left, top, max(xs) + margin - left, max(ys) + margin - top)


def undercut_path(source: QRectF, point: QPointF) -> QPainterPath:
    """A straight arrow from an undercutting card to the middle of the arrow it attacks,
    stopping at the edge of that arrow's badge."""
    centre = source.center()
    start = _border_point(source, point)
    line = QLineF(start, point)
    if line.length() > BADGE_RADIUS + 1:
        line.setLength(line.length() - BADGE_RADIUS - 1)
    path = QPainterPath(start if line.length() > 0 else centre)
    path.lineTo(line.p2())
    return path


def _border_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the line from the centre of `rect` to `toward` leaves the rectangle."""
    centre = rect.center()
    dx, dy = toward.x() - centre.x(), toward.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale_x = (rect.width() / 2) / abs(dx) if dx else math.inf
    scale_y = (rect.height() / 2) / abs(dy) if dy else math.inf
    scale = min(scale_x, scale_y, 1.0)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


def badge_centre(path: QPainterPath) -> QPointF:
    """Where an arrow's +/− badge sits, and where an undercut of it points."""
    return path.pointAtPercent(0.5)


def arrow_shape(path: QPainterPath, width: float = 12.0) -> QPainterPath:
    """The area that counts as "on the arrow" for clicks."""
    stroker = QPainterPathStroker()
    stroker.setWidth(width)
    shape = stroker.createStroke(path)
    shape.addEllipse(badge_centre(path), BADGE_RADIUS + 2, BADGE_RADIUS + 2)
    return shape


def arrow_bounds(path: QPainterPath) -> QRectF:
    margin = HEAD_LENGTH + BADGE_RADIUS + 4
    return path.controlPointRect().adjusted(-margin, -margin, margin, margin)


class ArrowGeometry:
    """What drawing an arrow takes besides its path, worked out once per path: where its
    head and badge go, and the curve as a polyline with the length run so far at each
    point. With those the canvas draws only the part of a long arrow that is on screen
    (a dashed arrow across a 10,000-card map is 100,000 dashes), its dashes in place."""

    __slots__ = ("angle", "badge", "flat", "keys", "monotonic", "run", "tip", "xs", "ys")

    def __init__(self, path: QPainterPath) -> None:
        self.tip = path.pointAtPercent(1.0)
        self.angle = path.angleAtPercent(1.0)
        self.badge = badge_centre(path)
        points = [point for polygon in path.toSubpathPolygons(_FINE) for point in polygon]
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
        if not self.monotonic:
            return None
        (xs, x_sign), (ys, y_sign) = self.keys  # type: ignore[misc]
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


def draw_arrow(
    painter: QPainter,
    path: QPainterPath,
    kind: LinkKind,
    *,
    selected: bool = False,
    badge: bool = True,
    lod: float = 1.0,
    geometry: ArrowGeometry | None = None,
    visible: QRectF | None = None,
) -> None:
    """A support: solid, filled head, "+" badge. An objection: dashed, hollow head, "−".

    `geometry` (the path's, kept by the caller) and `visible` (the part of the scene on
    screen): only the stretch of a long arrow inside `visible` is stroked."""
    style = LINK_STYLES[kind]
    part = None
    if geometry is not None and visible is not None \
            and not visible.contains(path.controlPointRect()):
        part = geometry.visible_part(visible.adjusted(-20, -20, 20, 20))
    if selected:
        glow = QPen(SELECTION_COLOUR)
        glow.setWidthF(LINK_WIDTH + 6)
        glow.setCapStyle(Qt.PenCapStyle.RoundCap)
        _stroke(painter, glow, path, part)
    pen = QPen(style.colour)
    pen.setWidthF(LINK_WIDTH if lod >= SHAPE_LOD else LINK_WIDTH / max(lod, 0.05) / 3)
    if style.dashes and lod >= SHAPE_LOD:
        pen.setDashPattern(list(style.dashes))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    _stroke(painter, pen, path, part)
    if lod < SHAPE_LOD:
        return
    if geometry is not None:
        tip, angle, centre = geometry.tip, geometry.angle, geometry.badge
    else:
        tip, angle, centre = path.pointAtPercent(1.0), path.angleAtPercent(1.0), None
    around = visible.adjusted(-20, -20, 20, 20) if visible is not None else None
    if around is None or around.contains(tip):
        _draw_head(painter, tip, angle, style.colour, hollow=kind is LinkKind.OBJECTION)
    if badge and lod >= TEXT_LOD:
        centre = centre if centre is not None else badge_centre(path)
        if around is None or around.contains(centre):
            _draw_badge(painter, centre, style.colour, style.badge)


def _stroke(painter: QPainter, pen: QPen, path: QPainterPath,
            part: list[Stretch] | None) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if part is None:
        painter.setPen(pen)
        painter.drawPath(path)
        return
    smooth = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
    sharp = _whole_pixels(pen, painter.worldTransform().m11())
    for stretch in part:
        use = pen if stretch.smooth and smooth else sharp
        if use.style() == Qt.PenStyle.CustomDashLine:
            # The dashes run on from where the stretch starts along the arrow.
            use.setDashOffset(stretch.offset / use.widthF())
        painter.setPen(use)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth and stretch.smooth)
        painter.drawPolyline(stretch.polygon)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)


def _whole_pixels(pen: QPen, scale: float) -> QPen:
    """The pen for a line drawn without antialiasing: a whole number of pixels wide (a
    line 1.4 pixels wide would step between one and two), dashes as long as before."""
    width = pen.widthF()
    pixels = max(1.0, round(width * scale)) / max(scale, 1e-9)
    sharp = QPen(pen)
    sharp.setWidthF(pixels)
    if pen.style() == Qt.PenStyle.CustomDashLine:
        sharp.setDashPattern([d * width / pixels for d in pen.dashPattern()])
    return sharp


def _draw_head(painter: QPainter, tip: QPointF, degrees: float, colour: QColor, *,
               hollow: bool) -> None:
    angle = math.radians(degrees)
    # angleAtPercent is counter-clockwise in degrees with y pointing up.
    ux, uy = math.cos(angle), -math.sin(angle)
    base = QPointF(tip.x() - ux * HEAD_LENGTH, tip.y() - uy * HEAD_LENGTH)
    nx, ny = -uy * HEAD_HALF_WIDTH, ux * HEAD_HALF_WIDTH
    head = QPolygonF([tip, QPointF(base.x() + nx, base.y() + ny),
                      QPointF(base.x() - nx, base.y() - ny)])
    pen = QPen(colour)
    pen.setWidthF(1.6)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush(QColor("white") if hollow else colour))
    painter.drawPolygon(head)


def _draw_badge(painter: QPainter, centre: QPointF, colour: QColor, sign: str) -> None:
    pen = QPen(colour)
    pen.setWidthF(1.6)
    painter.setPen(pen)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(centre, BADGE_RADIUS, BADGE_RADIUS)
    # The sign is drawn as strokes, not text, so it is crisp at every size and in every file.
    stroke = QPen(colour)
    stroke.setWidthF(2.0)
    stroke.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(stroke)
    arm = BADGE_RADIUS * 0.55
    painter.drawLine(QPointF(centre.x() - arm, centre.y()), QPointF(centre.x() + arm, centre.y()))
    if sign == "+":
        painter.drawLine(QPointF(centre.x(), centre.y() - arm),
                         QPointF(centre.x(), centre.y() + arm))
