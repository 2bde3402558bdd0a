"""Drawing one card and one arrow with a QPainter: the canvas and every export call these.

The shapes come from `layout.geometry` (the PDF takes them from there too); this module
only paints them.

Level of detail: `lod` is the painter's scale (1.0 = 100 %). Below TEXT_LOD the text turns
into grey bars (still showing each card's shape and length), below SHAPE_LOD a card is
one filled rectangle in its kind's colour and an arrow is a plain line, which keeps a
zoomed-out view of a big map quick to paint.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from debate_editor.domain.model import LinkKind
from debate_editor.domain.status_labels import Label
from debate_editor.layout.geometry import (
    BADGE_RADIUS,
    Bracket,
    Curve,
    badge_centre,
    head_points,
)
from debate_editor.render.arrow_geometry import ArrowGeometry, Stretch, curve_path
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
    STRENGTH_ALPHA,
    STRENGTH_WIDTH,
    TEXT_COLOUR,
    CardFace,
    body_font,
    counts_text,
    header_font,
    title_font,
)
from debate_editor.render.status_mark import (
    MARK_RADIUS,
    draw_status_mark,
    draw_status_mark_cached,
)

TEXT_LOD = 0.55
SHAPE_LOD = 0.3


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
    status: Label | None = None,
    cached_mark: bool = False,
) -> None:
    """Draw a card with its top-left corner at `origin`; `status` (off in exports unless
    asked): the mark of whether it stands, at the right of its header, from a pixmap
    with `cached_mark` (the canvas: quicker, within half a pixel of where it is drawn)."""
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
    if status is not None:
        mark = draw_status_mark_cached if cached_mark else draw_status_mark
        mark(painter, QPointF(header.right() - MARK_RADIUS, header.center().y()), status)
        header.setRight(header.right() - 2 * MARK_RADIUS - 5)
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
        painter.drawText(header, align | Qt.AlignmentFlag.AlignLeft,
                         f"{style.label} · {face.mine}" if face.mine else style.label)
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
def draw_arrow(
    painter: QPainter,
    curve: Curve,
    kind: LinkKind,
    *,
    path: QPainterPath | None = None,
    selected: bool = False,
    badge: bool = True,
    lod: float = 1.0,
    geometry: ArrowGeometry | None = None,
    visible: QRectF | None = None,
    bracket: Bracket = (),
    strength: str = "",
) -> None:
    """A support: solid, filled head, "+" badge. An objection: dashed, hollow head, "−".

    The shapes are `layout.geometry`'s; `path` is the curve's QPainterPath when the caller
    keeps one. `geometry` (the path's polyline, kept by the caller) and `visible` (the
    part of the scene on screen): only the stretch of a long arrow inside `visible` is
    stroked. `bracket`: the lines joining co-premises to the arrow, in its pen.
    `strength`: the user's weight of the reason, drawn as the line's thickness."""
    style = LINK_STYLES[kind]
    colour = QColor(style.colour)
    if strength in STRENGTH_ALPHA:
        colour.setAlphaF(STRENGTH_ALPHA[strength])
    width = LINK_WIDTH * STRENGTH_WIDTH.get(strength, 1.0)
    path = path if path is not None else curve_path(curve)
    part = None
    if geometry is not None and visible is not None \
            and not visible.contains(_control_rect(curve)):
        part = geometry.visible_part(visible.adjusted(-20, -20, 20, 20))
    if selected:
        glow = QPen(SELECTION_COLOUR)
        glow.setWidthF(width + 6)
        glow.setCapStyle(Qt.PenCapStyle.RoundCap)
        _stroke(painter, glow, path, part)
        _stroke_bracket(painter, glow, bracket)
    pen = QPen(colour)
    pen.setWidthF(width if lod >= SHAPE_LOD else width / max(lod, 0.05) / 3)
    if style.dashes and lod >= SHAPE_LOD:
        pen.setDashPattern(list(style.dashes))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    _stroke(painter, pen, path, part)
    _stroke_bracket(painter, pen, bracket)
    if lod < SHAPE_LOD:
        return
    around = visible.adjusted(-20, -20, 20, 20) if visible is not None else None
    if around is None or around.contains(curve[6], curve[7]):
        _draw_head(painter, curve, colour, hollow=kind is LinkKind.OBJECTION)
    if badge and lod >= TEXT_LOD:
        centre = QPointF(*badge_centre(curve))
        if around is None or around.contains(centre):
            _draw_badge(painter, centre, colour, style.badge)


def _stroke_bracket(painter: QPainter, pen: QPen, bracket: Bracket) -> None:
    """A group's bar and ticks; square caps, so the corners where they meet are closed."""
    if not bracket:
        return
    joined = QPen(pen)
    joined.setCapStyle(Qt.PenCapStyle.SquareCap)
    painter.setPen(joined)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for x0, y0, x1, y1 in bracket:
        painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))


def _control_rect(curve: Curve) -> QRectF:
    """The rectangle of the curve's control points (which holds the curve)."""
    xs, ys = curve[0::2], curve[1::2]
    left, top = min(xs), min(ys)
    return QRectF(left, top, max(xs) - left, max(ys) - top)


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


def _draw_head(painter: QPainter, curve: Curve, colour: QColor, *, hollow: bool) -> None:
    head = QPolygonF([QPointF(x, y) for x, y in head_points(curve)])
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
