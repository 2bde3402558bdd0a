"""File → Export… a second time (README, "Export and import from the window"): the Save
dialog offers the file type and the file chosen the first time, not PDF again."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, open_window, press
from PySide6.QtCore import Qt
from test_import_export_window import GOLDEN, finish_exports, save_as

REBUTTAL = "Numbered rebuttal (*.txt)"


def test_ctrl_e_again_offers_the_type_and_file_chosen_before(qtbot, seed_copy: Path,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    target = tmp_path / "reply.txt"
    asked = save_as(monkeypatch, target, REBUTTAL)
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    finish_exports(qtbot)
    assert asked[0][4] == "PDF document (*.pdf)"  # the first time: PDF, named after the debate
    assert asked[0][2] == str(seed_copy.with_suffix(".pdf"))
    golden = (GOLDEN / "dod-safety-rebuttal.txt").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == golden
    target.unlink()
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    finish_exports(qtbot)
    assert asked[1][4] == REBUTTAL  # the type chosen before
    assert asked[1][2] == str(target)  # and the file
    assert target.read_text(encoding="utf-8") == golden
