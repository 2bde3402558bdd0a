"""Keys that follow the structure, as a mind map's do (README, "The canvas"): the arrow
keys walk what answers what, Tab adds a reason, Enter a claim beside, Ctrl+V pastes
under the selected claim, and the view follows every new card."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, card_box, click_card, drag, open_window, press, type_card
from PySide6.QtCore import QPoint, Qt

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.main_window import MainWindow

K = Qt.Key


def selected(window: MainWindow) -> list[str]:
    return window.canvas.scene.selected_claims()


def text_of(window: MainWindow) -> str:
    (cid,) = selected(window)
    return window.document.claim(cid).text


def build(qtbot, window: MainWindow) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A thesis with three supports (Tab, then Enter twice) and an objection (O)."""
    press(qtbot, window, K.Key_T)
    type_card(qtbot, window, "thesis")
    press(qtbot, window, K.Key_Tab)
    type_card(qtbot, window, "first")
    press(qtbot, window, K.Key_Return)
    type_card(qtbot, window, "second")
    press(qtbot, window, K.Key_Return)
    type_card(qtbot, window, "third")
    press(qtbot, window, K.Key_Up)
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, "against")
    return {c.text: c.id for c in window.document.claims()}


def test_tab_and_enter_build_siblings_in_order_left_to_right(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.debate"
    window = open_window(qtbot, path)
    ids = build(qtbot, window)
    graph = window.document.graph
    assert [r.claim.text for r in graph.pros(ids["thesis"])] == ["first", "second", "third"]
    assert [r.claim.text for r in graph.cons(ids["thesis"])] == ["against"]
    # The map reads in the numbering order: each new reason right of the ones before.
    xs = [card_box(window, ids[t]).left() for t in ("first", "second", "third", "against")]
    assert xs == sorted(xs) and len(set(xs)) == 4
    # Enter beside an objection: another objection to the same claim.
    press(qtbot, window, K.Key_Return)
    type_card(qtbot, window, "also against")
    assert [r.claim.text for r in graph.cons(ids["thesis"])] == ["against", "also against"]
    # Enter beside a thesis: a new thesis.
    press(qtbot, window, K.Key_Up)
    assert text_of(window) == "thesis"
    press(qtbot, window, K.Key_Return)
    type_card(qtbot, window, "another thesis")
    assert [c.text for c in graph.theses()] == ["thesis", "another thesis"]
    window.close()
    with DebateDocument.open(path, read_only=True) as doc:
        (second,) = [c for c in doc.claims() if c.text == "another thesis"]
        assert second.kind is ClaimKind.THESIS and not doc.graph.outgoing(second.id)
        assert [r.claim.text for r in doc.graph.pros(ids["thesis"])] == [
            "first", "second", "third"]


def test_arrow_keys_walk_the_structure_not_the_geometry(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.debate"
    window = open_window(qtbot, path)
    ids = build(qtbot, window)
    press(qtbot, window, K.Key_0, CTRL)  # fit the map
    # Drag the thesis below its reasons: geometry now says "down", the structure "up".
    thesis = card_box(window, ids["thesis"])
    low = max(card_box(window, ids[t]).bottom() for t in ("first", "second", "third"))
    drag(qtbot, window, thesis.center(), QPoint(thesis.center().x(), low + thesis.height()))
    assert card_box(window, ids["thesis"]).top() > card_box(window, ids["second"]).bottom()
    click_card(qtbot, window, ids["second"])
    press(qtbot, window, K.Key_Up)
    assert selected(window) == [ids["thesis"]]
    press(qtbot, window, K.Key_Down)
    assert text_of(window) == "first"
    walked = []
    for key in (K.Key_Right, K.Key_Right, K.Key_Right, K.Key_Right, K.Key_Left):
        press(qtbot, window, key)
        walked.append(text_of(window))
    assert walked == ["second", "third", "against", "against", "third"]  # stops at the end
    # S from here, reached by the keys, answers the card the walk is on.
    press(qtbot, window, K.Key_Left)
    press(qtbot, window, K.Key_S)
    type_card(qtbot, window, "why second holds")
    press(qtbot, window, K.Key_Up)
    assert text_of(window) == "second"
    press(qtbot, window, K.Key_Up)
    press(qtbot, window, K.Key_Up)  # a thesis answers nothing: Up stays
    assert text_of(window) == "thesis"
    window.close()
    with DebateDocument.open(path, read_only=True) as doc:
        (why,) = [c for c in doc.claims() if c.text == "why second holds"]
        assert [lk.target for lk in doc.graph.outgoing(why.id)] == [ids["second"]]


def visible(window: MainWindow, claim_id: str) -> bool:
    return window.canvas.view.viewport().rect().contains(card_box(window, claim_id))


def test_the_view_follows_new_cards_and_ctrl_l_keeps_the_selection(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate", size=(1300, 600))
    # Narrow docks, however wide an earlier window left them: room for the map.
    window.resizeDocks(list(window.docks.values()), [220, 220], Qt.Orientation.Horizontal)
    ids = build(qtbot, window)
    assert 300 < window.canvas.view.viewport().width() < 1300
    for _ in range(6):  # more reasons than the window is wide: each new one is in sight
        press(qtbot, window, K.Key_Return)
        type_card(qtbot, window, "more against")
        assert visible(window, selected(window)[0])
    # Dragged far off, then Ctrl+L: the laid-out map shows the selected card.
    press(qtbot, window, K.Key_1, CTRL)  # actual size
    click_card(qtbot, window, ids["first"])
    assert selected(window) == [ids["first"]]
    box = card_box(window, ids["first"])
    drag(qtbot, window, box.center(), box.center() + QPoint(-200, 0))
    assert window.document.claim(ids["first"]).x < 0  # moved
    view = window.canvas.view
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):  # to the far corner
        bar.setValue(bar.maximum())
    assert not visible(window, ids["first"])
    press(qtbot, window, K.Key_L, CTRL)
    assert visible(window, ids["first"])


def test_paste_with_a_claim_selected_pastes_its_reasons(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.debate"
    window = open_window(qtbot, path)
    ids = build(qtbot, window)
    doc = window.document
    # Copy "first" with a reason of its own.
    click_card(qtbot, window, ids["first"])
    press(qtbot, window, K.Key_S)
    type_card(qtbot, window, "first, because")
    because = selected(window)[0]
    press(qtbot, window, K.Key_Up)
    click_card(qtbot, window, because, CTRL)  # Ctrl+click adds it to the selection
    assert set(selected(window)) == {ids["first"], because}
    press(qtbot, window, K.Key_C, CTRL)
    # Paste under "against": the copy of "first" supports it, its reason comes along.
    click_card(qtbot, window, ids["against"])
    view = window.canvas.view
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        bar.setValue(bar.minimum())
    steps = window.session.undo_stack.count()
    press(qtbot, window, K.Key_V, CTRL)
    assert window.session.undo_stack.count() == steps + 1
    pasted = [r.claim for r in doc.graph.pros(ids["against"])]
    assert [c.text for c in pasted] == ["first"]
    assert [r.claim.text for r in doc.graph.pros(pasted[0].id)] == ["first, because"]
    assert visible(window, pasted[0].id)  # the view follows the paste
    assert card_box(window, pasted[0].id).top() > card_box(window, ids["against"]).bottom()
    # Nothing selected: as before, beside where the cards were copied, answering nothing.
    window.canvas.scene.clearSelection()
    press(qtbot, window, K.Key_V, CTRL)
    assert [c.text for c in doc.graph.theses()] == ["thesis", "first"]
    window.close()
    with DebateDocument.open(path, read_only=True) as reopened:
        links = reopened.graph.outgoing(pasted[0].id)
        assert [(lk.target, lk.kind) for lk in links] == [(ids["against"], LinkKind.SUPPORT)]


def test_the_outline_takes_tab_for_a_reason_and_space_to_fold(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "m.debate"
    window = open_window(qtbot, path)
    ids = build(qtbot, window)
    outline = window.views["outline"]
    click_card(qtbot, window, ids["thesis"])
    outline.tree.setFocus()
    qtbot.keyClick(outline.tree, K.Key_Tab)
    assert outline.editor.isVisible()
    qtbot.keyClicks(outline.editor, "from the outline")
    qtbot.keyClick(outline.editor, K.Key_Return)
    graph = window.document.graph
    assert [r.claim.text for r in graph.pros(ids["thesis"])] == [
        "first", "second", "third", "from the outline"]
    outline.tree.setFocus()
    click_card(qtbot, window, ids["thesis"])
    qtbot.keyClick(outline.tree, K.Key_Space)  # folds the thesis, on the map too
    assert window.session.folds.is_folded(ids["thesis"])
    assert not window.canvas.scene.cards[ids["first"]].isVisible()
    window.close()
    with DebateDocument.open(path, read_only=True) as doc:
        (new,) = [c for c in doc.claims() if c.text == "from the outline"]
        assert [lk.target for lk in doc.graph.outgoing(new.id)] == [ids["thesis"]]
