"""The canvas driven as a person drives it: keys and mouse drags, then the file checked."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import (
    CTRL,
    SHIFT,
    card_box,
    drag,
    map_state,
    open_window,
    press,
    type_card,
)
from PySide6.QtCore import QPoint, Qt

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.main_window import MainWindow

K = Qt.Key


def build_from_keyboard(qtbot, window: MainWindow) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A thesis, two supporting reasons and one objection, from the keyboard alone."""
    doc = window.document
    press(qtbot, window, K.Key_T)
    type_card(qtbot, window, "Cities should ban cars from their centres")
    press(qtbot, window, K.Key_S)
    type_card(qtbot, window, "Streets without cars are safer for children")
    press(qtbot, window, K.Key_Up)  # back to the thesis
    press(qtbot, window, K.Key_S)
    type_card(qtbot, window, "Air gets cleaner")
    press(qtbot, window, K.Key_Up)
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, "Shops lose customers who drive in")
    by_text = {c.text: c.id for c in doc.claims()}
    return {
        "thesis": by_text["Cities should ban cars from their centres"],
        "safer": by_text["Streets without cars are safer for children"],
        "air": by_text["Air gets cleaner"],
        "shops": by_text["Shops lose customers who drive in"],
    }


def test_keyboard_build_drag_link_undo_redo_and_reopen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cars.debate"
    window = open_window(qtbot, path)
    doc = window.document
    ids = build_from_keyboard(qtbot, window)

    graph = doc.graph
    assert [c.id for c in graph.theses()] == [ids["thesis"]]
    assert graph.claims[ids["thesis"]].kind is ClaimKind.THESIS
    assert sorted(r.claim.id for r in graph.pros(ids["thesis"])) == sorted(
        [ids["safer"], ids["air"]])
    assert [r.claim.id for r in graph.cons(ids["thesis"])] == [ids["shops"]]
    thesis_card = window.canvas.scene.cards[ids["thesis"]]
    assert (thesis_card.pros, thesis_card.cons) == (2, 1)
    # Every card has its place in the file; no two overlap.
    boxes = [window.canvas.scene.cards[i].card_rect() for i in ids.values()]
    assert all(doc.claim(i).position is not None for i in ids.values())
    assert not any(a.intersects(b) for n, a in enumerate(boxes) for b in boxes[n + 1:])

    # Connect two cards by dragging from one card's edge onto another.
    press(qtbot, window, K.Key_0, CTRL)  # fit the map to the window
    source, target = card_box(window, ids["air"]), card_box(window, ids["safer"])
    edge = QPoint(source.center().x(), source.top() + 2)
    drag(qtbot, window, edge, target.center())
    links = doc.graph.outgoing(ids["air"])
    assert {(lk.target, lk.kind) for lk in links} == {
        (ids["thesis"], LinkKind.SUPPORT), (ids["safer"], LinkKind.SUPPORT)}
    assert ids["air"] in [r.claim.id for r in doc.graph.pros(ids["safer"])]

    full = map_state(doc)
    steps = window.session.undo_stack.count()
    assert steps == 5  # four cards and one link, each one step

    for _ in range(steps):
        press(qtbot, window, K.Key_Z, CTRL)
    assert map_state(doc) == ([], [])
    assert window.canvas.scene.cards == {} and window.canvas.scene.arrows == {}
    with DebateDocument.open(path, read_only=True) as on_disk:
        assert map_state(on_disk) == ([], [])  # the file follows every step

    for _ in range(steps):
        press(qtbot, window, K.Key_Z, CTRL | SHIFT)
    assert map_state(doc) == full
    assert len(window.canvas.scene.cards) == 4 and len(window.canvas.scene.arrows) == 4

    window.close()
    again = open_window(qtbot, path)
    assert map_state(again.document) == full
    scene = again.canvas.scene
    for claim in again.document.claims():
        card = scene.cards[claim.id]
        assert (card.x(), card.y()) == claim.position
    assert (scene.cards[ids["thesis"]].pros, scene.cards[ids["thesis"]].cons) == (2, 1)
    assert set(scene.arrows) == {lk.id for lk in again.document.links()}


def test_escape_cancels_and_f2_or_a_double_click_edits_in_place(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    doc = window.document
    press(qtbot, window, K.Key_T)
    qtbot.keyClicks(window.canvas.editor, "never kept")
    qtbot.keyClick(window.canvas.editor, K.Key_Escape)
    assert list(doc.claims()) == [] and window.session.undo_stack.count() == 0

    press(qtbot, window, K.Key_T)
    # Enter makes a new line; letters that are shortcuts on the map are just text here.
    qtbot.keyClicks(window.canvas.editor, "first line")
    qtbot.keyClick(window.canvas.editor, K.Key_Return)
    qtbot.keyClicks(window.canvas.editor, "TSO K")
    qtbot.keyClick(window.canvas.editor, K.Key_Return, CTRL)
    (claim,) = doc.claims()
    assert claim.text == "first line\nTSO K"

    press(qtbot, window, K.Key_F2)
    editor = window.canvas.editor
    assert editor.is_open and editor.toPlainText() == "first line\nTSO K"
    qtbot.keyClick(editor, K.Key_A, CTRL)
    qtbot.keyClicks(editor, "rewritten")
    qtbot.keyClick(editor, K.Key_Escape)
    assert doc.claim(claim.id).text == "first line\nTSO K"

    box = card_box(window, claim.id)  # a double-click edits too (Enter adds a claim beside)
    qtbot.mouseDClick(window.canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    qtbot.keyClick(window.canvas.editor, K.Key_A, CTRL)
    type_card(qtbot, window, "rewritten")
    assert doc.claim(claim.id).text == "rewritten"
    press(qtbot, window, K.Key_Z, CTRL)
    assert doc.claim(claim.id).text == "first line\nTSO K"


def test_double_click_edits_and_drag_moves_as_one_step(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    doc = window.document
    ids = build_from_keyboard(qtbot, window)
    press(qtbot, window, K.Key_0, CTRL)
    viewport = window.canvas.view.viewport()

    box = card_box(window, ids["shops"])
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=box.center())
    assert window.canvas.editor.is_open
    qtbot.keyClick(window.canvas.editor, K.Key_A, CTRL)
    type_card(qtbot, window, "Shops lose some customers")
    assert doc.claim(ids["shops"]).text == "Shops lose some customers"

    # Select two cards (Ctrl+click) and drag them: both move, in one undo step.
    safer, air = card_box(window, ids["safer"]), card_box(window, ids["air"])
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=safer.center())
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, CTRL, air.center())
    assert sorted(window.canvas.scene.selected_claims()) == sorted([ids["safer"], ids["air"]])
    before = {i: doc.claim(i).position for i in ids.values()}
    steps = window.session.undo_stack.count()
    drag(qtbot, window, air.center(), air.center() + QPoint(0, 120))
    assert window.session.undo_stack.count() == steps + 1
    zoom = window.canvas.view.zoom
    for moved in ("safer", "air"):
        old, new = before[ids[moved]], doc.claim(ids[moved]).position
        assert new[0] == old[0] and abs(new[1] - old[1] - 120 / zoom) < 2
    for still in ("thesis", "shops"):
        assert doc.claim(ids[still]).position == before[ids[still]]
    press(qtbot, window, K.Key_Z, CTRL)
    assert {i: doc.claim(i).position for i in ids.values()} == before
    card = window.canvas.scene.cards[ids["air"]]
    assert (card.x(), card.y()) == before[ids["air"]]


def test_rubber_band_selects_and_delete_removes(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    doc = window.document
    ids = build_from_keyboard(qtbot, window)
    press(qtbot, window, K.Key_0, CTRL)
    safer, air = card_box(window, ids["safer"]), card_box(window, ids["air"])
    left, right = min(safer.left(), air.left()), max(safer.right(), air.right())
    top, bottom = min(safer.top(), air.top()), max(safer.bottom(), air.bottom())
    drag(qtbot, window, QPoint(left - 10, top - 10), QPoint(right + 10, bottom + 10), SHIFT)
    assert sorted(window.canvas.scene.selected_claims()) == sorted([ids["safer"], ids["air"]])

    press(qtbot, window, K.Key_Delete)
    assert set(doc.graph.claims) == {ids["thesis"], ids["shops"]}
    assert window.canvas.scene.cards[ids["thesis"]].pros == 0
    press(qtbot, window, K.Key_Z, CTRL)
    assert set(doc.graph.claims) == set(ids.values())
    assert window.canvas.scene.cards[ids["thesis"]].pros == 2


def test_dragging_the_background_pans(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    build_from_keyboard(qtbot, window)
    view = window.canvas.view
    view.set_zoom(2.0)
    before = view.mapToScene(view.viewport().rect().center())
    empty = QPoint(5, view.viewport().height() - 5)
    assert view.item_at(empty) is None
    drag(qtbot, window, empty, empty + QPoint(80, -60))
    after = view.mapToScene(view.viewport().rect().center())
    assert abs((before.x() - after.x()) - 40) < 3 and abs((before.y() - after.y()) + 30) < 3
    assert window.session.undo_stack.count() == 4  # panning is not an edit


def test_undercut_by_keyboard_and_link_kind_toggle(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    doc = window.document
    ids = build_from_keyboard(qtbot, window)
    press(qtbot, window, K.Key_0, CTRL)
    (support,) = [lk for lk in doc.graph.outgoing(ids["air"])]
    arrow = window.canvas.scene.arrows[support.id]
    spot = window.canvas.view.mapFromScene(arrow.path.pointAtPercent(0.5))
    qtbot.mouseClick(window.canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window.canvas.scene.selected_links() == [support.id]

    press(qtbot, window, K.Key_O)  # an objection to the selected arrow: an undercut
    type_card(qtbot, window, "Cleaner air does not make a ban right")
    (undercut,) = doc.graph.undercuts(support.id)
    assert undercut.link.kind is LinkKind.OBJECTION and undercut.link.to_link == support.id
    assert undercut.link.id in window.canvas.scene.arrows

    spot = window.canvas.view.mapFromScene(arrow.path.pointAtPercent(0.5))  # it may scroll
    qtbot.mouseClick(window.canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window.canvas.scene.selected_links() == [support.id]
    press(qtbot, window, K.Key_K)
    assert doc.link(support.id).kind is LinkKind.OBJECTION
    assert window.canvas.scene.arrows[support.id].kind is LinkKind.OBJECTION
    assert window.canvas.scene.cards[ids["thesis"]].cons == 2


def test_cut_and_paste_cards_with_their_links(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    doc = window.document
    ids = build_from_keyboard(qtbot, window)
    press(qtbot, window, K.Key_A, CTRL)
    press(qtbot, window, K.Key_C, CTRL)
    steps = window.session.undo_stack.count()
    press(qtbot, window, K.Key_V, CTRL)
    assert window.session.undo_stack.count() == steps + 1  # a paste is one step
    assert len(doc.graph.claims) == 8 and len(doc.graph.links) == 6
    assert len(doc.graph.theses()) == 2
    new = set(doc.graph.claims) - set(ids.values())
    assert set(window.canvas.scene.selected_claims()) == new
    assert all(doc.claim(c).position is not None for c in new)

    press(qtbot, window, K.Key_X, CTRL)  # cut the pasted copy again
    assert set(doc.graph.claims) == set(ids.values())
    press(qtbot, window, K.Key_Z, CTRL)
    assert len(doc.graph.claims) == 8


def test_auto_layout_is_one_step_and_stable(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    doc = window.document
    ids = build_from_keyboard(qtbot, window)
    press(qtbot, window, K.Key_0, CTRL)
    box = card_box(window, ids["shops"])
    drag(qtbot, window, box.center(), box.center() + QPoint(-300, 150))
    steps = window.session.undo_stack.count()
    press(qtbot, window, K.Key_L, CTRL)
    assert window.session.undo_stack.count() == steps + 1
    laid = map_state(doc)
    press(qtbot, window, K.Key_L, CTRL)
    assert window.session.undo_stack.count() == steps + 1 and map_state(doc) == laid
    thesis, shops = doc.claim(ids["thesis"]), doc.claim(ids["shops"])
    assert thesis.y < shops.y  # theses on top
    press(qtbot, window, K.Key_Z, CTRL)
    assert doc.claim(ids["shops"]).position != shops.position


def test_find_filters_and_enter_centres_the_next_match(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    ids = build_from_keyboard(qtbot, window)
    window.canvas.view.set_zoom(2.0)
    press(qtbot, window, K.Key_F, CTRL)
    field = window.find_bar.field
    assert window.find_bar.isVisible() and field.hasFocus()
    qtbot.keyClicks(field, "CARS")  # the thesis and "safer", in any case
    scene = window.canvas.scene
    assert scene.cards[ids["safer"]].matched and scene.cards[ids["thesis"]].matched
    assert not scene.cards[ids["shops"]].matched and scene.cards[ids["shops"]].opacity() < 1
    assert window.find_bar.count.text() == "2 matches"
    seen = []
    for _ in range(2):
        qtbot.keyClick(field, K.Key_Return)
        (current,) = scene.selected_claims()
        seen.append(current)
        view = window.canvas.view
        centre = view.mapFromScene(scene.cards[current].card_rect().center())
        middle = view.viewport().rect().center()
        assert (centre - middle).manhattanLength() < 4
    assert seen == [ids["thesis"], ids["safer"]]  # in reading order
    qtbot.keyClick(field, K.Key_Escape)
    assert not window.find_bar.isVisible()
    assert all(card.opacity() == 1 for card in scene.cards.values())


def test_arrow_keys_walk_the_map(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    ids = build_from_keyboard(qtbot, window)
    canvas = window.canvas
    assert canvas.scene.selected_claims() == [ids["shops"]]  # the new card is selected
    press(qtbot, window, K.Key_Up)
    assert canvas.scene.selected_claims() == [ids["thesis"]]
    press(qtbot, window, K.Key_Down)
    below = canvas.scene.selected_claims()[0]
    assert below in (ids["safer"], ids["air"], ids["shops"])
    seen = {below}
    for key in (K.Key_Left, K.Key_Left, K.Key_Right, K.Key_Right, K.Key_Right):
        press(qtbot, window, key)
        seen.add(canvas.scene.selected_claims()[0])
    assert seen == {ids["safer"], ids["air"], ids["shops"]}
    # Supports stand left of objections.
    x = {name: window.document.claim(i).x for name, i in ids.items()}
    assert max(x["safer"], x["air"]) < x["shops"]


def test_a_new_card_lands_next_to_its_parent_and_nothing_else_moves(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, tmp_path / "m.debate")
    doc = window.document
    ids = build_from_keyboard(qtbot, window)
    before = {c.id: c.position for c in doc.claims()}
    window.canvas.select(ids["safer"])
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, "Children are driven to school anyway")
    (new,) = set(doc.graph.claims) - set(before)
    assert {cid: doc.claim(cid).position for cid in before} == before
    scene = window.canvas.scene
    parent, card = scene.cards[ids["safer"]].card_rect(), scene.cards[new].card_rect()
    assert card.top() > parent.bottom()  # below the reason it answers, its first reply
    assert abs(card.center().x() - parent.center().x()) < 0.5 * card.width()
    others = [scene.cards[c].card_rect() for c in before]
    assert not any(card.intersects(other) for other in others)
