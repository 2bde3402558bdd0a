"""What the canvas shows: plain text as typed, kinds, tallies, both arrow kinds."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

from gui_helpers import open_window, press, type_card
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from debate_editor.domain.model import Claim, ClaimKind
from debate_editor.render.card_style import KIND_STYLES, LINK_STYLES, body_font, card_face
from debate_editor.render.painter import draw_card

HTML = '<b>x</b><img src="file:///etc/passwd"> &amp; <i>y</i>'


def svg_of_scene(window) -> str:  # type: ignore[no-untyped-def]
    """The canvas painted into an SVG, whose <text> elements hold what was drawn."""
    scene = window.canvas.scene
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    rect = scene.itemsBoundingRect()
    generator.setViewBox(rect)
    painter = QPainter(generator)
    scene.render(painter, rect, rect)
    painter.end()
    return bytes(data.data()).decode("utf-8")


def test_claim_text_with_html_is_shown_literally(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    press(qtbot, window, Qt.Key.Key_T)
    type_card(qtbot, window, HTML)
    (claim,) = window.document.claims()
    assert claim.text == HTML  # stored as typed

    svg = svg_of_scene(window)
    drawn = [html.unescape(t) for t in re.findall(r">([^<]*)</text>", svg)]
    assert drawn[0] == "THESIS"
    # Drawn character for character (wrapped over lines), tags and entity included.
    assert " ".join(drawn[1:]) == " ".join(HTML.split())
    assert "<image" not in svg  # no picture was loaded from the claim's <img>

    # On screen: the line is as wide as the literal characters, not as a bold "x".
    face = card_face(claim)
    image = QImage(int(face.width) + 20, int(face.height) + 20, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw_card(painter, face, QPointF(10, 10))
    painter.end()
    line = face.lines[0]
    top, bottom = int(10 + line.baseline - 12), int(10 + line.baseline + 3)
    inked = [x for x in range(image.width()) for y in range(top, bottom)
             if QColor(image.pixel(x, y)).lightness() < 120]
    width = max(inked) - min(inked)
    expected = QFontMetricsF(body_font()).horizontalAdvance(line.text)
    assert width > 0.9 * expected and line.text.startswith("<b>x</b>")

    # And the editor shows it as plain text too.
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.canvas.editor.toPlainText() == HTML
    qtbot.keyClick(window.canvas.editor, Qt.Key.Key_Escape)


def test_long_text_is_cut_on_the_card_and_whole_in_an_escaped_tooltip(qapp) -> None:  # type: ignore[no-untyped-def]
    from debate_editor.ui.map_items import ClaimCard

    text = "<b>bold?</b> " + "word " * 400
    card = ClaimCard(Claim(id="c1", text=text))
    assert card.face.elided and card.face.lines[-1].text.endswith("…")
    assert "&lt;b&gt;bold?&lt;/b&gt;" in card.toolTip()


def colour_count(image: QImage, colour: QColor, tolerance: int = 40) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = QColor(image.pixel(x, y))
            if (abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green())
                    + abs(pixel.blue() - colour.blue())) < tolerance:
                count += 1
    return count


def test_screenshot_of_the_seed_shows_the_map(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.png"
    result = subprocess.run(
        [sys.executable, "-m", "debate_editor", str(seed_file), "--screenshot", str(out),
         "--view", "canvas", "--size", "1200x800"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    from debate_editor.domain.model import LinkKind

    # The thesis, the concession and both kinds of arrow are all drawn.
    assert colour_count(image, KIND_STYLES[ClaimKind.THESIS].band) > 50
    assert colour_count(image, KIND_STYLES[ClaimKind.CONCESSION].band) > 50
    assert colour_count(image, LINK_STYLES[LinkKind.SUPPORT].colour) > 50
    assert colour_count(image, LINK_STYLES[LinkKind.OBJECTION].colour) > 20
    # The seed file is left as it was (a screenshot opens it read-only).
    from debate_editor.store import DebateDocument

    with DebateDocument.open(seed_file, read_only=True) as doc:
        assert all(c.position is None for c in doc.claims())


def test_screenshot_of_a_view_that_does_not_exist_yet_is_one_line(seed_file: Path,
                                                                   tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "debate_editor", str(seed_file), "--screenshot",
         str(tmp_path / "x.png"), "--view", "presentation"],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if result.returncode == 0:  # another view has been added since
        assert (tmp_path / "x.png").exists()
        return
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "presentation" in result.stderr


def test_zoomed_out_cards_are_drawn_without_text(qapp) -> None:  # type: ignore[no-untyped-def]
    face = card_face(Claim(id="c1", text="A claim with a few words in it"))
    pictures = []
    for lod in (1.0, 0.1):
        image = QImage(300, 120, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        draw_card(painter, face, QPointF(5, 5), lod=lod)
        painter.end()
        pictures.append(image)
    detailed, plain = pictures
    box = QRectF(5, 5, face.width, face.height).toRect()
    inside = {plain.pixel(x, y) for x in range(box.left() + 2, box.right() - 2)
              for y in range(box.top() + 2, box.bottom() - 2)}
    assert len(inside) == 1  # one filled rectangle, no text
    assert detailed != plain
