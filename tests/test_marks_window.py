"""The user's own marks in the window (README, "Your own marks"), set with the keys a
person presses: on the map's card header, in the outline's and the columns' small print,
listed where they part from the structure, and taken back with Ctrl+Z."""

from __future__ import annotations

import shutil
from pathlib import Path

from gui_helpers import CTRL, click_card, open_window, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from debate_editor.domain.model import Mark, Strength
from debate_editor.ui.main_window import MainWindow
from debate_editor.ui.outline_model import ClaimRole
from debate_editor.ui.outline_tree import tags_of

K, ALT = Qt.Key, Qt.KeyboardModifier.AltModifier


def _window(qtbot, seed_file: Path, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "marks.debate"
    shutil.copyfile(seed_file, path)
    return open_window(qtbot, path)


def _outline_words(window: MainWindow, claim_id: str) -> list[str]:
    model = window.views["outline"].tree.model()  # type: ignore[attr-defined]
    found, stack = [], [model.index(row, 0) for row in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if index.data(ClaimRole) == claim_id:
            found.append(tags_of(index))
        stack.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
    return found


def test_alt_a_marks_a_claim_accepted_everywhere_and_ctrl_z_takes_it_back(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seed_file, tmp_path)
    doc = window.session.document
    click_card(qtbot, window, "c4")
    press(qtbot, window, K.Key_A, ALT)
    assert doc.claim("c4").mark is Mark.ACCEPTED
    assert window.canvas.scene.cards["c4"].face.mine == "you accept"
    assert all("you accept" in words for words in _outline_words(window, "c4"))
    press(qtbot, window, K.Key_Z, CTRL)
    assert doc.claim("c4").mark is Mark.UNMARKED
    assert window.canvas.scene.cards["c4"].face.mine == ""
    assert not any("you accept" in words for words in _outline_words(window, "c4"))
    press(qtbot, window, K.Key_R, ALT)
    press(qtbot, window, K.Key_R, ALT)  # the same key again takes the mark off
    assert doc.claim("c4").mark is Mark.UNMARKED


def test_alt_s_weighs_the_selected_claims_reason(qtbot, seed_file: Path,
                                                tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seed_file, tmp_path)
    doc = window.session.document
    click_card(qtbot, window, "c6")
    press(qtbot, window, K.Key_S, ALT)
    [link] = doc.graph.outgoing("c6")
    assert doc.link(link.id).strength is Strength.STRONG
    assert any("strong to you" in words for words in _outline_words(window, "c6"))


def test_a_rejected_claim_nothing_defeats_is_listed_beside_the_open_points(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seed_file, tmp_path)
    press(qtbot, window, K.Key_6, ALT)  # the Open Points dock
    points = window.views["open_points"].list  # type: ignore[attr-defined]
    assert isinstance(points, QListWidget)
    before = points.count()
    click_card(qtbot, window, "c4")  # stands: nothing defeats it
    window.canvas.view.setFocus()
    press(qtbot, window, K.Key_R, ALT)
    texts = [points.item(row).text() for row in range(points.count())]
    assert "Where your marks part from the structure:" in texts
    assert any("You reject it, but no objection to it stands." in text for text in texts)
    press(qtbot, window, K.Key_Z, CTRL)
    assert points.count() == before
