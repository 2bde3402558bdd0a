"""`--screenshot --view columns|outline|presentation` renders that view of the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from test_canvas_render import colour_count

from debate_editor.domain.model import LinkKind
from debate_editor.render.card_style import LINK_STYLES
from debate_editor.render.slide import LIGHT


def shoot(seed_file: Path, out: Path, view: str, size: str) -> QImage:
    result = subprocess.run(
        [sys.executable, "-m", "debate_editor", str(seed_file), "--screenshot", str(out),
         "--view", view, "--size", size],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    return QImage(str(out))


@pytest.mark.parametrize("view", ["columns", "outline", "presentation"])
def test_each_view_is_rendered_at_the_size_asked(seed_file: Path, tmp_path: Path,
                                                 view: str) -> None:
    image = shoot(seed_file, tmp_path / f"{view}.png", view, "1000x700")
    assert (image.width(), image.height()) == (1000, 700)
    support = LINK_STYLES[LinkKind.SUPPORT].colour
    if view == "presentation":
        assert image.pixelColor(3, 3) == LIGHT.background
        support = LIGHT.pro
    # The thesis's four supporting reasons are marked in the support colour (the outline
    # with small round signs, the others with coloured bands).
    assert colour_count(image, support) > (20 if view == "outline" else 100)
    assert colour_count(image, QColor("#1d1d1f"), 60) > 500  # and there is text
