"""What starting the program loads: a window opened to its first frame, and the command
line's `info`, leave networkx, YAML, SQLAlchemy (the store's, brought up for the first
edit), the formats and the drawn exports unloaded (README,
"Performance": each costs a start a tenth of a second or more). A structural check of
`sys.modules` in a fresh process, never a timed one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from debate_editor.store import DebateDocument

ROOT = Path(__file__).resolve().parent.parent
HOOK = "DEBATE_EDITOR_FIRST_FRAME_EXIT"

# Must not be loaded before the user asks for them.
LATER = ("networkx", "yaml", "sqlalchemy", "debate_editor.render.pdf",
         "debate_editor.render.exports",
         "debate_editor.formats.argdown", "debate_editor.formats.markdown",
         "debate_editor.formats.aif", "debate_editor.formats.kialo",
         "debate_editor.formats.json_format")

_WINDOW = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from debate_editor.store import DebateDocument
from debate_editor.ui.app import application
from debate_editor.ui.main_window import MainWindow

app = application()
window = MainWindow(DebateDocument.open(sys.argv[1]), remember=False)
painted = []

class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            painted.append(True)
        return False

watch = Watch()
window.canvas.view.viewport().installEventFilter(watch)
window.show()
while not painted:
    app.processEvents()
print(json.dumps({"loaded": sorted(sys.modules)}))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config")}


@pytest.fixture
def debate_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.debate"
    subprocess.run([sys.executable, str(ROOT / "seeds" / "build_seed.py"), str(path)],
                   check=True, cwd=ROOT, env=_env(tmp_path))
    return path


def test_window_to_its_first_frame_leaves_the_formats_and_networkx_unloaded(
        debate_file: Path, tmp_path: Path) -> None:
    for _ in range(2):  # the first opening stores the places of cards the seed has none for
        done = subprocess.run([sys.executable, "-c", _WINDOW, str(debate_file)], cwd=ROOT,
                              env=_env(tmp_path), capture_output=True, text=True,
                              timeout=120, check=True)
    loaded = set(json.loads(done.stdout.splitlines()[-1])["loaded"])
    assert "debate_editor.ui.main_window" in loaded  # the probe did open the window
    assert [name for name in LATER if name in loaded] == []


def test_info_leaves_qt_the_formats_and_networkx_unloaded(debate_file: Path,
                                                          tmp_path: Path) -> None:
    probe = ("import sys, runpy\n"
             "sys.argv = ['debate-editor', 'info', sys.argv[1]]\n"
             "try:\n    runpy.run_module('debate_editor', run_name='__main__')\n"
             "except SystemExit:\n    pass\n"
             "print(' '.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe, str(debate_file)], cwd=ROOT,
                          env=_env(tmp_path), capture_output=True, text=True, timeout=120,
                          check=True)
    assert "Claims:  7" in done.stdout  # info did read the debate
    loaded = set(done.stdout.splitlines()[-1].split())
    assert [name for name in (*LATER, "PySide6") if name in loaded] == []


def test_the_benchmark_hook_ends_the_program_after_its_first_frame(
        debate_file: Path, tmp_path: Path) -> None:
    """DEBATE_EDITOR_FIRST_FRAME_EXIT=1 (`ui/first_frame.py`): the window opens, paints
    and the process exits cleanly on its own, every claim still in the file (the
    sample's cards, built without places, are given theirs on open)."""
    with DebateDocument.open(debate_file, read_only=True) as doc:
        before = [(claim.id, claim.text) for claim in doc.claims()]
    done = subprocess.run([sys.executable, "-m", "debate_editor", str(debate_file)], cwd=ROOT,
                          env={**_env(tmp_path), HOOK: "1"}, capture_output=True,
                          timeout=120)
    assert done.returncode == 0
    with DebateDocument.open(debate_file, read_only=True) as doc:
        assert [(claim.id, claim.text) for claim in doc.claims()] == before
        assert len(before) == 7
