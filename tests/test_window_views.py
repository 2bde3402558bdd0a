"""The window around the views: docks beside the map, keys to reach each view, menu
commands that go to the view in use, one key meaning one thing in each place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import CTRL, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from views_helpers import open_views

from debate_editor.ui.command_table import COMMANDS
from debate_editor.ui.view_commands import answered_by

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
ROOT = Path(__file__).resolve().parent.parent


def test_alt_digits_reach_each_view_and_show_a_hidden_one(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1500, 900))
    outline, columns = window.views["outline"], window.views["columns"]
    window.docks["outline"].hide()
    press(qtbot, window, K.Key_3, ALT)
    assert window.docks["outline"].isVisible()
    assert QApplication.focusWidget() is outline.tree  # type: ignore[attr-defined]
    press(qtbot, window, K.Key_2, ALT)
    assert columns.isAncestorOf(QApplication.focusWidget())
    press(qtbot, window, K.Key_1, ALT)
    assert QApplication.focusWidget() is window.canvas.view
    assert window.active_view() is window.canvas


def test_a_menu_command_goes_to_the_view_last_used(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1500, 900))
    outline = window.views["outline"]
    press(qtbot, window, K.Key_3, ALT)
    qtbot.keyClick(outline.tree, K.Key_Home)  # type: ignore[attr-defined]
    qtbot.keyClick(outline.tree, K.Key_Down)  # type: ignore[attr-defined]
    qtbot.keyClick(outline.tree, K.Key_Down)  # c3 # type: ignore[attr-defined]
    assert window.active_view() is outline
    window.actions_by_key["move_reason_up"].trigger()  # as from the Map menu
    assert [r.claim.id for r in window.document.graph.pros("c1")][:2] == ["c3", "c2"]
    # Ctrl+Z undoes it wherever the focus is.
    press(qtbot, window, K.Key_Z, CTRL)
    assert [r.claim.id for r in window.document.graph.pros("c1")][:2] == ["c2", "c3"]


def test_in_each_view_a_key_does_one_thing(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Enter opens a reason in the columns (not edit), Backspace backs up (not delete):
    the general command keeps its other keys there; no view has a key twice."""
    from PySide6.QtWidgets import QWidget

    from debate_editor.store import DebateDocument
    from debate_editor.ui.columns import ProConColumns
    from debate_editor.ui.outline import Outline
    from debate_editor.ui.presentation import PresentationView
    from debate_editor.ui.session import Session
    from debate_editor.ui.view_commands import bind_view_commands

    session = Session(DebateDocument.create(tmp_path / "keys.debate", "Keys"))
    for cls in (ProConColumns, Outline, PresentationView):
        view = cls(session)
        holder = QWidget()
        actions = bind_view_commands(holder, view.name, view.handlers())
        assert set(actions) == {c.key for c in answered_by(view.name, view.handlers())}
        keys = [seq.toString() for a in actions.values() for seq in a.shortcuts()]
        assert len(keys) == len(set(keys)), cls.name
        if cls is ProConColumns:
            assert [s.toString() for s in actions["edit_card"].shortcuts()] == ["F2"]
            assert [s.toString() for s in actions["delete"].shortcuts()] == ["Del"]
            assert QKeySequence("Return") in actions["open_reason"].shortcuts()
    assert {c.key for c in COMMANDS if "presentation" in c.views} >= {
        "next_slide", "previous_slide", "first_slide", "last_slide", "leave_presentation"}
    session.close()
    session.document.close()


def test_the_views_benchmark_runs_at_a_smoke_size() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "benchmarks" / "bench_views.py"), "150",
         "--repeat", "1"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "150 claims" in result.stdout and "add a reason" in result.stdout
