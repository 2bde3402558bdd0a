"""The drawn exports: PDF, PNG and SVG, registered with the format registry.

Importing this module registers them; the command line and File → Export import it
only when a drawn format is asked for, since it needs Qt. Fonts need a QGuiApplication:
`ensure_application` makes one when none exists, on the offscreen platform when there
is no display, so `debate-editor export` works on a server. A debate whose cards have no
stored places is laid out for the picture; nothing is written back to its file.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter

from debate_editor.domain.collector import gc_paused
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.graph_under import debate_under
from debate_editor.domain.model import Debate
from debate_editor.formats.registry import ExportOptions, Format, register
from debate_editor.render.card_style import BACKGROUND_COLOUR
from debate_editor.render.map_drawing import draw_map, map_geometry, picture_bounds

PNG_SCALE = 2.0
"""A PNG without --size: two pixels per scene unit (192 dpi), sharp on any screen."""
PNG_MAX_SIDE = 8000
PNG_MAX_PIXELS = 32_000_000
"""Caps for a huge map without --size (32 megapixels is 128 MB while drawing)."""

Progress = Callable[[float], None]
_APPLICATION: list[QGuiApplication] = []


def ensure_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is None:
        headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if headless and sys.platform.startswith(("linux", "freebsd", "openbsd")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
        _APPLICATION.append(app)
    return app  # type: ignore[return-value]  # instance() is typed as QCoreApplication


def _only_under(debate: Debate, options: ExportOptions) -> Debate:
    return debate if options.claim is None else debate_under(debate, options.claim)


def write_pdf(debate: Debate, options: ExportOptions, progress: Progress | None = None) -> bytes:
    ensure_application()
    from debate_editor.render.pdf import write_pdf as pdf

    # A big export makes hundreds of thousands of short-lived strings and no cycles;
    # the cyclic collector would walk the whole debate again and again meanwhile.
    with gc_paused():
        return pdf(debate, options, progress)


def _picture_scale(bounds: QRectF, options: ExportOptions) -> tuple[QSize, float]:
    if options.size is not None:
        width, height = options.size
        return QSize(width, height), min(width / bounds.width(), height / bounds.height())
    scale = PNG_SCALE
    scale = min(scale, PNG_MAX_SIDE / bounds.width(), PNG_MAX_SIDE / bounds.height(),
                (PNG_MAX_PIXELS / (bounds.width() * bounds.height())) ** 0.5)
    return QSize(max(1, round(bounds.width() * scale)),
                 max(1, round(bounds.height() * scale))), scale


def render_image(debate: Debate, options: ExportOptions) -> QImage:
    """The map drawn on an image: fitted and centred in `options.size`, or at its own size."""
    ensure_application()
    graph = DebateGraph.of(_only_under(debate, options))
    geometry = map_geometry(graph)
    bounds = picture_bounds(geometry)
    size, scale = _picture_scale(bounds, options)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(BACKGROUND_COLOUR)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate((size.width() - bounds.width() * scale) / 2,
                          (size.height() - bounds.height() * scale) / 2)
        painter.scale(scale, scale)
        painter.translate(-bounds.left(), -bounds.top())
        if graph.claims:
            draw_map(painter, graph, geometry, lod=scale)
    finally:
        painter.end()
    return image


def write_png(debate: Debate, options: ExportOptions, progress: Progress | None = None) -> bytes:
    image = render_image(debate, options)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the binding takes str, not bytes
    buffer.close()
    return bytes(data.data())


def write_svg(debate: Debate, options: ExportOptions, progress: Progress | None = None) -> bytes:
    """The map as SVG at its natural size (one unit a pixel), text as text."""
    ensure_application()
    from PySide6.QtSvg import QSvgGenerator

    debate = _only_under(debate, options)
    graph = DebateGraph.of(debate)
    geometry = map_geometry(graph)
    bounds = picture_bounds(geometry)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(96)
    generator.setSize(QSize(round(bounds.width()), round(bounds.height())))
    generator.setViewBox(QRectF(0, 0, bounds.width(), bounds.height()))
    generator.setTitle(debate.info.title)
    generator.setDescription("A debate map made with Debate Editor")
    painter = QPainter(generator)
    try:
        painter.fillRect(QRectF(0, 0, bounds.width(), bounds.height()), BACKGROUND_COLOUR)
        painter.translate(-bounds.left(), -bounds.top())
        if graph.claims:
            draw_map(painter, graph, geometry, lod=1.0)
    finally:
        painter.end()
    buffer.close()
    return _XML_FORBIDDEN.sub("\ufffd".encode(), bytes(data.data()))


_XML_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
"""Characters XML 1.0 has no place for (the controls, and the noncharacters U+FFFE and
U+FFFF), written by Qt as they were in a claim or the title: no XML reader would open
the file. In UTF-8 these bytes are only ever those characters."""


WRITERS: dict[str, Callable[[Debate, ExportOptions, Progress | None], bytes]] = {
    "pdf": write_pdf, "png": write_png, "svg": write_svg,
}
"""The drawn writers with a progress callback, for the window's export worker."""

register(Format("pdf", "PDF document", (".pdf",), write=write_pdf, binary=True))
register(Format("png", "PNG image of the map", (".png",), write=write_png, binary=True))
register(Format("svg", "SVG drawing of the map", (".svg",), write=write_svg, binary=True))
