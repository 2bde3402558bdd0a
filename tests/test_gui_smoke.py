"""The window opens on the seed debate and shows its claims."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage


def test_screenshot_of_the_seed(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.png"
    result = subprocess.run(
        [sys.executable, "-m", "debate_editor", str(seed_file), "--screenshot", str(out),
         "--size", "900x600"],
        capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
