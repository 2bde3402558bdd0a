"""File → Export… a second time (README, "Export and import from the window"): the Save
dialog offers the file type and the file chosen the first time, not PDF again; and the
status bar says which claim a rebuttal answers, since that follows the selection."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, LEFT, card_box, open_window, press
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
    assert window.statusBar().currentMessage() == (
        "Exported reply.txt: the rebuttal of the first thesis.")
    target.unlink()
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    finish_exports(qtbot)
    assert asked[1][4] == REBUTTAL  # the type chosen before
    assert asked[1][2] == str(target)  # and the file
    assert target.read_text(encoding="utf-8") == golden


def test_a_rebuttal_written_says_the_claim_it_answers(qtbot, seed_copy: Path,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    qtbot.mouseClick(window.canvas.view.viewport(), LEFT, pos=card_box(window, "c3").center())
    target = tmp_path / "reply.txt"
    save_as(monkeypatch, target, REBUTTAL)
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    finish_exports(qtbot)
    assert target.read_text(encoding="utf-8").startswith("I see the point of “There is")
    assert window.statusBar().currentMessage() == (
        "Exported reply.txt: the rebuttal of “There is this constant push for labs to invest "
        "more in…”.")
