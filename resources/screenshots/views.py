"""The README's pictures of the window with all its views, and of a dark slide.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/screenshots/views.py SEED.debate

(The columns, the outline and the first light slide come from the command line:
`debate-editor SEED --screenshot OUT --view columns|outline|presentation`.)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from debate_editor.render.slide import THEMES
from debate_editor.store import DebateDocument
from debate_editor.ui.app import application
from debate_editor.ui.main_window import MainWindow
from debate_editor.ui.presentation import PresentationView

HERE = Path(__file__).resolve().parent


def main(seed: Path) -> None:
    application()
    copy = Path(tempfile.mkdtemp()) / seed.name  # opened for writing, as a person would
    shutil.copy(seed, copy)
    window = MainWindow(DebateDocument.open(copy), remember=False)
    window.resize(1600, 900)
    window.show()
    QApplication.processEvents()
    window.canvas.view.zoom_fit()
    window.session.selection.select("c3")  # as if clicked in any view
    QApplication.processEvents()
    window.grab().save(str(HERE / "seed-window.png"))
    window.window_views.go_to("why")  # the status marks and why c3 is defeated
    QApplication.processEvents()
    window.grab().save(str(HERE / "seed-status-window.png"))

    slide = PresentationView(window.session)
    slide.theme, slide.map_mode = THEMES["dark"], False
    slide.resize(1280, 720)
    slide.go_to(slide.walk.index_of["c6"])  # c3's slide, its objection just revealed
    slide.show()
    QApplication.processEvents()
    slide.grab().save(str(HERE / "seed-presentation-dark.png"))
    slide.map_mode = True
    slide.grab().save(str(HERE / "seed-presentation-map.png"))
    slide.close()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
