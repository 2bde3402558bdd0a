"""Drawing one card and one arrow with a QPainter: the canvas and every export call these.

Level of detail: `lod` is the painter's scale (1.0 = 100 %). Below TEXT_LOD the text turns
into grey bars (still showing each card's shape and length), below SHAPE_LOD a card is
one filled rectangle in its kind's colour and an arrow is a plain line, which keeps a
zoomed-out view of a big map quick to paint.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)

from debate_editor.domain.model import LinkKind
from debate_editor.render.arrow_geometry import ArrowGeometry, Stretch, badge_centre
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
