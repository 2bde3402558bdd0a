"""The icons: rendered from their SVG sources (never stale), and the program's windows wear one."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def _render_icons():
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "packaging" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_png_is_a_fresh_rendering_of_its_svg(qapp: object) -> None:
    render_icons = _render_icons()
    assert render_icons.stale() == [], "run `make icons` after editing resources/icons/*.svg"


def test_the_small_icon_keeps_its_marks(qapp: object) -> None:
    """At 16x16 the white cards, the green support and the red objection still show."""
    image = QImage(str(ROOT / "resources/icons/hicolor/16x16/apps/debate-editor.png"))
    colours = [image.pixelColor(x, y) for x in range(16) for y in range(16)]
    assert any(c.red() > 240 and c.green() > 240 and c.blue() > 240 for c in colours)
    assert any(c.green() > 150 and c.green() > c.red() + 60 for c in colours)
    assert any(c.red() > 180 and c.red() > c.green() + 60 for c in colours)


def test_the_application_sets_its_window_icon() -> None:
    """A fresh process, as at start-up: the application-wide icon in every shipped size."""
    probe = (
        "import json\n"
        "from debate_editor.ui.app import application\n"
        "from debate_editor.ui.main_window import MainWindow\n"
        "from debate_editor.store import DebateDocument\n"
        "import sys, tempfile, pathlib\n"
        "app = application()\n"
        "doc = DebateDocument.create(pathlib.Path(tempfile.mkdtemp()) / 'a.debate', 'A')\n"
        "window = MainWindow(doc)\n"
        "sizes = sorted(s.width() for s in app.windowIcon().availableSizes())\n"
        "print(json.dumps({'sizes': sizes, 'desktop': app.desktopFileName(),\n"
        "                  'window': not window.windowIcon().isNull()}))\n"
        "window.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["sizes"] == [16, 24, 32, 48, 64, 128, 256]
    assert facts["window"] is True
    assert facts["desktop"] == "debate-editor"  # the desktop entry's name, for Wayland
    assert (ROOT / "packaging" / f"{facts['desktop']}.desktop").is_file()
