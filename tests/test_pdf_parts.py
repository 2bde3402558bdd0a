"""The PDF writer's parts: its arrows are the canvas's arrows, its fonts are small and
right, and what it writes is a PDF other programs read."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage

from debate_editor.render.painter import badge_centre, link_path, undercut_path
from debate_editor.render.pdf.map_shapes import Box, link_curve, undercut_line

coordinate = st.floats(min_value=-3000, max_value=3000, allow_nan=False)
size = st.floats(min_value=40, max_value=400, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(coordinate, coordinate, size, size, coordinate, coordinate, size, size)
def test_arrows_follow_the_canvas_curve(qapp, sx, sy, sw, sh, tx, ty, tw, th) -> None:  # type: ignore[no-untyped-def]
    source, target = Box(sx, sy, sw, sh), Box(tx, ty, tw, th)
    path = link_path(QRectF(sx, sy, sw, sh), QRectF(tx, ty, tw, th))
    ours = link_curve(source, target)
    theirs = [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]
    if len(theirs) == 1:  # cards that touch: a curve of length 0, one point for Qt
        assert set(zip(ours[0::2], ours[1::2], strict=True)) == {theirs[0]}
        return
    assert len(theirs) == 4
    for (x, y), (ox, oy) in zip(theirs, zip(ours[0::2], ours[1::2], strict=True), strict=True):
        assert x == pytest.approx(ox, abs=1e-6) and y == pytest.approx(oy, abs=1e-6)
    # The badge sits half way along the curve, where the canvas puts it.
    centre = badge_centre(path)
    mid = ((ours[0] + ours[6]) / 2, (ours[1] + ours[7]) / 2)
    assert centre.x() == pytest.approx(mid[0], abs=0.05)
    assert centre.y() == pytest.approx(mid[1], abs=0.05)
    line = undercut_line(source, mid)
    cut = undercut_path(QRectF(sx, sy, sw, sh), QPointF(*mid))
    end = cut.elementAt(cut.elementCount() - 1)
    assert (line[6], line[7]) == pytest.approx((end.x, end.y), abs=1e-6)


def test_fonts_are_subsets_and_the_file_renders(seed_file: Path, tmp_path: Path) -> None:
    from debate_editor.formats.registry import ExportOptions
    from debate_editor.render.exports import write_pdf
    from debate_editor.store import DebateDocument

    with DebateDocument.open(seed_file, read_only=True) as doc:
        data = write_pdf(doc.snapshot(), ExportOptions())
    out = tmp_path / "seed.pdf"
    out.write_bytes(data)
    assert len(data) < 120_000  # DejaVu Sans alone is 750 kB: only used glyphs go in
    reader = pypdf.PdfReader(out)
    fonts = {str(f["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}  # type: ignore[index,union-attr]
    assert any(name.endswith("+DejaVuSans") for name in fonts)
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler's pdftoppm is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "page")], check=True, capture_output=True, timeout=60)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    inked = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                if image.pixelColor(x, y).lightness() < 200)
    assert inked > 1000  # the map was drawn, cards, arrows and text
