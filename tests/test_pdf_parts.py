"""The PDF writer's parts: its fonts are small and right, and what it writes is a PDF
other programs read. (Its arrows and cards are the canvas's: both take them from
`layout/geometry.py`, see `tests/test_map_geometry.py`.)"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from PySide6.QtGui import QImage


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
