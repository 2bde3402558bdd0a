"""The co-premise keys (README, "Columns, outline and presentation": "Co-premises"),
pressed as a person would: A adds a premise to the selected reason (on the map its
editor opens), Shift+A splits a group, Take Premise Out lets one premise stand alone;
each is undone by Ctrl+Z, and none works in a read-only window."""

from __future__ import annotations

import shutil
from pathlib import Path

from gui_helpers import CTRL, SHIFT, click_card, open_window, press, type_card
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from debate_editor.domain.groups import co_premise_edit
from debate_editor.store import DebateDocument
from debate_editor.ui.main_window import MainWindow

K = Qt.Key


def _window(qtbot, seed_file: Path, tmp_path: Path, *, grouped: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "groups.debate"
    shutil.copyfile(seed_file, path)
    if grouped:  # c3 and a second premise support c1 only together (link l2)
        doc = DebateDocument.open(path)
        edit, _claim = co_premise_edit(doc.graph, doc.ids, "l2", "Labs answer to investors")
        doc.apply(edit)
        doc.close()
    return open_window(qtbot, path)


def test_a_on_a_card_adds_a_co_premise_typed_in_place_and_ctrl_z_takes_it_back(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seed_file, tmp_path)
    doc = window.session.document
    click_card(qtbot, window, "c3")
    before = set(doc.graph.claims)
    press(qtbot, window, K.Key_A)
    assert window.canvas.editor.is_open  # the editor opens where the premise will stand
    assert doc.graph.links["l2"].sources == ("c3",)  # nothing made until it is kept
    type_card(qtbot, window, "Labs answer to investors")
    link = doc.graph.links["l2"]
    assert link.is_group and link.sources[0] == "c3"
    (new,) = set(doc.graph.claims) - before
    assert link.sources == ("c3", new)
    assert doc.claim(new).text == "Labs answer to investors"
    assert window.session.selection.current == new
    c3 = window.canvas.scene.cards["c3"].rect()
    card = window.canvas.scene.cards[new].rect()
    assert card.x > c3.right and abs(card.y - c3.y) < c3.h  # beside the premise before it
    press(qtbot, window, K.Key_Z, CTRL)  # one step takes it all back
    assert doc.graph.links["l2"].sources == ("c3",)
    assert new not in doc.graph.claims
    assert new not in window.canvas.scene.cards


def test_shift_a_splits_the_group_and_ctrl_z_joins_it_again(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seed_file, tmp_path, grouped=True)
    doc = window.session.document
    second = doc.graph.links["l2"].sources[1]
    click_card(qtbot, window, second)
    press(qtbot, window, K.Key_A, SHIFT)
    assert doc.graph.links["l2"].sources == ("c3",)
    assert [link.sources for link in doc.graph.outgoing(second)] == [(second,)]
    assert doc.graph.reason_counts("c1") == (5, 0)
    press(qtbot, window, K.Key_Z, CTRL)
    assert doc.graph.links["l2"].sources == ("c3", second)
    assert doc.graph.reason_counts("c1") == (4, 0)


def test_take_premise_out_from_the_edit_menu_leaves_the_rest_together(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seed_file, tmp_path, grouped=True)
    doc = window.session.document
    click_card(qtbot, window, "c3")
    press(qtbot, window, K.Key_A)  # a third premise, after c3
    type_card(qtbot, window, "Investors want returns soon")
    third = window.session.selection.current
    assert doc.graph.links["l2"].sources[:2] == ("c3", third)
    window.actions_by_key["take_premise_out"].trigger()
    assert third not in doc.graph.links["l2"].sources
    assert len(doc.graph.links["l2"].sources) == 2
    press(qtbot, window, K.Key_Z, CTRL)
    assert doc.graph.links["l2"].sources[:2] == ("c3", third)


def test_a_works_from_the_outline_and_selects_the_new_premise(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seed_file, tmp_path)
    doc = window.session.document
    click_card(qtbot, window, "c4")
    window.views["outline"].tree.setFocus()  # type: ignore[attr-defined]
    press(qtbot, window, K.Key_A)
    [link] = doc.graph.outgoing("c4")
    assert link.is_group
    assert window.session.selection.current == link.sources[1]
    assert not window.canvas.editor.is_open  # only the map types in place
    assert QApplication.focusWidget() is not window.canvas.editor


def test_the_keys_do_nothing_in_a_read_only_window(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "groups.debate"
    shutil.copyfile(seed_file, path)
    path.chmod(0o444)
    window = open_window(qtbot, path)
    assert window.document.read_only
    for key in ("add_co_premise", "split_co_premises", "take_premise_out"):
        assert not window.actions_by_key[key].isEnabled()
    click_card(qtbot, window, "c3")
    press(qtbot, window, K.Key_A)
    assert not window.document.graph.links["l2"].is_group
