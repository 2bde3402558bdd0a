"""The map's cards take their status mark from a pixmap drawn once (README,
"Performance"): it must look as the mark drawn afresh does, where that one is, at every
zoom; a device that is not raster (an export's PDF or SVG) still gets the drawn mark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPicture

from debate_editor.domain.status_labels import IN, OUT, UNDECIDED, Label
from debate_editor.render.status_mark import (
    COLOURS,
    draw_status_mark,
    draw_status_mark_cached,
)


def _drawn(draw: object, label: Label, scale: float, centre: QPointF) -> QImage:
    image = QImage(160, 160, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(3.3, 1.7)
    painter.scale(scale, scale)
    draw(painter, centre, label)  # type: ignore[operator]
    painter.end()
    return image


def _mark_pixels(image: QImage, label: Label) -> set[tuple[int, int]]:
    """Pixels in the mark's colour or its white symbol inside the disc: where it is."""
    want = COLOURS[label].getRgb()[:3]
    found = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = QColor(image.pixel(x, y)).getRgb()[:3]
            if sum(abs(a - b) for a, b in zip(pixel, want, strict=True)) < 60:
                found.add((x, y))
    return found


@pytest.mark.parametrize("label", [IN, OUT, UNDECIDED])
@pytest.mark.parametrize("scale", [0.35, 1.0, 1.7, 4.0])
def test_the_kept_mark_looks_as_the_drawn_one_within_half_a_pixel(
        qapp: object, label: Label, scale: float) -> None:
    centre = QPointF(17.37 / scale * 2, 23.61 / scale * 2)
    drawn = _mark_pixels(_drawn(draw_status_mark, label, scale, centre), label)
    kept = _mark_pixels(_drawn(draw_status_mark_cached, label, scale, centre), label)
    assert drawn and kept
    assert len(drawn & kept) / len(drawn | kept) > 0.6  # the same disc, at most 1/2 px off
    for pixels in (drawn, kept):
        assert len(pixels) == pytest.approx(len(drawn), rel=0.25)
    mid = [sum(p[i] for p in drawn) / len(drawn) - sum(p[i] for p in kept) / len(kept)
           for i in (0, 1)]
    assert max(abs(d) for d in mid) <= 0.75


def test_a_device_that_is_not_raster_gets_the_mark_drawn(qapp: object) -> None:
    """A picture (as PDF and SVG are) records the mark's own strokes, not a pixmap."""
    pictures = []
    for draw in (draw_status_mark, draw_status_mark_cached):
        picture = QPicture()
        painter = QPainter(picture)
        draw(painter, QPointF(20.25, 20.75), OUT)
        painter.end()
        pictures.append(bytes(picture.data()))
    assert pictures[0] == pictures[1]
