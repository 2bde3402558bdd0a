"""The small mark that says whether a claim stands (README, "Which claims stand").

A disc in the label's colour with a symbol drawn as strokes: a tick for *stands*, a cross
for *defeated*, a question mark for *undecided*. The symbol carries the meaning, so the
mark reads without colour (the colours are Okabe–Ito, like the rest of the card); the
words are in `WORD` and `TIP` for tooltips. QtGui only: the canvas, the outline, the
columns and the slides draw the same mark; exports draw it only when asked.
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QPen, QPixmap, QTransform

from debate_editor.domain.status_labels import IN, OUT, UNDECIDED, WORD, Label

COLOURS = {IN: QColor("#009e73"), OUT: QColor("#d55e00"), UNDECIDED: QColor("#8a8a8a")}
TIP = {IN: "Stands", OUT: "Defeated", UNDECIDED: "Undecided"}
"""A label's word at the start of a tooltip."""
MARK_RADIUS = 6.0
StatusOf = Callable[[str | None], Label | None]
"""What a view asks for a claim's (or link's) mark: its label, None for no mark."""

__all__ = ["COLOURS", "MARK_RADIUS", "TIP", "WORD", "StatusOf", "draw_status_mark",
           "draw_status_mark_cached", "status_tip"]


def status_tip(label: Label) -> str:
    """A mark's tooltip: its word, and where to read why."""
    return f"{TIP[label]} (View → Why says why)."


def draw_status_mark(painter: QPainter, centre: QPointF, label: Label,
                     radius: float = MARK_RADIUS) -> None:
    """The mark of `label`, a disc of `radius` around `centre`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = COLOURS[label]
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(centre, radius, radius)
    pen = QPen(QColor("white"))
    pen.setWidthF(max(1.4, radius / 3.5))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x, y, r = centre.x(), centre.y(), radius * 0.5
    if label is IN:
        painter.drawPolyline([QPointF(x - r, y), QPointF(x - r * 0.25, y + r * 0.75),
                              QPointF(x + r, y - r * 0.7)])
    elif label is OUT:
        painter.drawLine(QPointF(x - r * 0.8, y - r * 0.8), QPointF(x + r * 0.8, y + r * 0.8))
        painter.drawLine(QPointF(x - r * 0.8, y + r * 0.8), QPointF(x + r * 0.8, y - r * 0.8))
    else:
        hook = QRectF(x - r * 0.7, y - r * 1.2, r * 1.4, r * 1.2)
        painter.drawArc(hook, 180 * 16, -270 * 16)
        painter.drawLine(QPointF(x, y), QPointF(x, y + r * 0.3))
        painter.drawPoint(QPointF(x, y + r * 0.95))
    painter.restore()


_PIXMAPS: dict[tuple[Label, float, float, float], QPixmap] = {}
_KEPT = 48
"""Pixmaps kept (three labels at a few zooms); more and they are all drawn again."""


def draw_status_mark_cached(painter: QPainter, centre: QPointF, label: Label,
                            radius: float = MARK_RADIUS) -> None:
    """The same mark, from a pixmap drawn once per label, radius and device scale and put
    on whole device pixels: the canvas paints one on every card of every repaint, and
    drawing it afresh cost more than the rest of the card's header (README,
    "Performance"). On a device that is not raster, or turned or sheared, it is drawn."""
    transform = painter.worldTransform()
    device = painter.device()
    engine = painter.paintEngine()
    if (device is None or engine is None or engine.type() != QPaintEngine.Type.Raster
            or transform.type().value > QTransform.TransformationType.TxScale.value
            or transform.m11() != transform.m22() or transform.m11() <= 0
            or painter.window() != painter.viewport()):
        draw_status_mark(painter, centre, label, radius)
        return
    ratio = device.devicePixelRatioF()
    scale = transform.m11() * ratio
    pixmap = _pixmap(label, radius, round(scale, 4), ratio)
    at = transform.map(centre) * ratio
    half = pixmap.width() / 2
    painter.setWorldTransform(QTransform())
    painter.drawPixmap(QPointF(round(at.x() - half) / ratio, round(at.y() - half) / ratio),
                       pixmap)
    painter.setWorldTransform(transform)


def _pixmap(label: Label, radius: float, scale: float, ratio: float) -> QPixmap:
    key = (label, radius, scale, ratio)
    found = _PIXMAPS.get(key)
    if found is None:
        if len(_PIXMAPS) >= _KEPT:
            _PIXMAPS.clear()
        side = ceil(2 * radius * scale) + 3  # a pixel of antialiasing round the disc
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.translate(side / 2, side / 2)
        painter.scale(scale, scale)
        draw_status_mark(painter, QPointF(0, 0), label, radius)
        painter.end()
        found = QPixmap.fromImage(image)
        found.setDevicePixelRatio(ratio)
        _PIXMAPS[key] = found
    return found
