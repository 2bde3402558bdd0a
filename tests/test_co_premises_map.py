"""Co-premises on the map (README, "The canvas"): a group is one arrow leaving a bracket
that joins its premises, laid out side by side in their order; an undercut aims at the
group's arrow; moving a premise redraws the bracket; Alt+drop of a card onto an arrow
joins that reason, undoably. Every picture of the map draws the same bracket. The
user's weight of a reason (README, "Your own marks") is the arrow's thickness."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import LEFT, card_box, open_window, press
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from test_link_by_mouse import ALT, move_through

from debate_editor.domain import groups
from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.layout.geometry import (
    BRACKET_GAP,
    Rect,
    badge_centre,
    bracket,
    map_shapes,
    reason_curve,
)
from debate_editor.render.map_drawing import card_sizes, map_geometry
from debate_editor.render.painter import draw_arrow
from debate_editor.render.pdf.map_shapes import arrows_for
from debate_editor.store import DebateDocument


def group_debate(path: Path, *, placed: bool = False) -> dict[str, str]:
    """A thesis with a reason of three premises, an undercut of that reason and a
    lone objection; `placed`: every card where the test says."""
    with DebateDocument.create(path, "Groups") as doc:
        spot = (lambda x, y: {"x": x, "y": y}) if placed else (lambda x, y: {})
        t = doc.add_claim("The DoD can run it", ClaimKind.THESIS, **spot(500.0, 0.0))
        a = doc.add_claim("It has the budget", **spot(0.0, 300.0))
        link = doc.add_link(a.id, t.id)
        edit, b = groups.co_premise_edit(doc.graph, doc.ids, link.id, "and the clearances",
                                         **spot(300.0, 300.0))
        doc.apply(edit)
        edit, c = groups.co_premise_edit(doc.graph, doc.ids, link.id, "and the staff",
                                         **spot(600.0, 300.0))
        doc.apply(edit)
        u = doc.add_claim("Not without people who want to work there", **spot(900.0, 300.0))
        cut = doc.add_link(u.id, link.id, LinkKind.OBJECTION)
        o = doc.add_claim("Contractors do it already", **spot(1200.0, 300.0))
        doc.add_link(o.id, t.id, LinkKind.OBJECTION)
        return {"t": t.id, "a": a.id, "b": b.id, "c": c.id, "u": u.id, "o": o.id,
                "group": link.id, "cut": cut.id}


# ---- geometry -------------------------------------------------------------------------
def test_a_bracket_joins_each_premise_to_where_the_arrow_starts() -> None:
    premises = [Rect(0, 300, 200, 60), Rect(300, 310, 150, 80)]
    target = Rect(200, 0, 240, 60)
    curve, lines = reason_curve(premises, target)
    bar, *ticks = lines
    start = (curve[0], curve[1])
    assert bar[1] == bar[3] == start[1] == 300 - BRACKET_GAP  # above the premises
    assert bar[0] <= start[0] <= bar[2]
    # A tick from the top middle of each premise up to the bar.
    assert ticks == [(100.0, 300.0, 100.0, start[1]), (375.0, 310.0, 375.0, start[1])]
    assert (curve[6], curve[7])[1] == target.bottom  # and the one arrow ends at the target


def test_a_bracket_faces_a_target_below_or_beside() -> None:
    premises = [Rect(0, 0, 100, 40), Rect(150, 0, 100, 40)]
    below, _ = reason_curve(premises, Rect(60, 400, 100, 40))
    assert bracket(premises, below)[0][1] == 40 + BRACKET_GAP
    beside, lines = reason_curve([Rect(0, 0, 100, 40), Rect(0, 80, 100, 40)],
                                 Rect(600, 40, 100, 40))
    bar = lines[0]
    assert bar[0] == bar[2] == beside[0] == 100 + BRACKET_GAP  # a vertical bar, right side
    assert [t[0] for t in lines[1:]] == [100, 100]  # ticks from the right edges


def test_one_premise_has_no_bracket() -> None:
    curve, lines = reason_curve([Rect(0, 300, 100, 40)], Rect(0, 0, 100, 40))
    assert lines == () and curve[1] == 300


def test_the_layout_keeps_a_group_side_by_side_in_its_order(tmp_path: Path) -> None:
    ids = group_debate(tmp_path / "g.debate")
    with DebateDocument.open(tmp_path / "g.debate", read_only=True) as doc:
        graph = doc.graph
        shapes = map_shapes(graph, card_sizes(graph))
    a, b, c = (shapes.cards[ids[k]] for k in "abc")
    assert a.y == b.y == c.y > shapes.cards[ids["t"]].bottom
    assert a.right < b.x and b.right < c.x
    between = [r for cid, r in shapes.cards.items() if cid not in (ids["a"], ids["c"])
               and r.y == a.y and a.x < r.x < c.x]
    assert between == [b]  # no other card stands inside the group
    assert set(shapes.brackets) == {ids["group"]}
    assert len(shapes.brackets[ids["group"]]) == 4  # the bar and three ticks
    cut = shapes.arrows[ids["cut"]]
    centre = badge_centre(shapes.arrows[ids["group"]])
    assert abs(cut[6] - centre[0]) < 10 and abs(cut[7] - centre[1]) < 10


def test_the_pdf_draws_the_same_bracket(tmp_path: Path) -> None:
    ids = group_debate(tmp_path / "g.debate")
    with DebateDocument.open(tmp_path / "g.debate", read_only=True) as doc:
        shapes = map_geometry(doc.graph)
        arrows = arrows_for(doc.graph, shapes.arrows, shapes.brackets)
    assert arrows[ids["group"]].bracket == shapes.brackets[ids["group"]]
    assert arrows[ids["cut"]].bracket == ()


# ---- the canvas -----------------------------------------------------------------------
def test_the_canvas_draws_one_arrow_for_the_group(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "g.debate"
    ids = group_debate(path, placed=True)
    window = open_window(qtbot, path)
    scene = window.canvas.scene
    arrow = scene.arrows[ids["group"]]
    assert len(scene.arrows) == 3  # the group, its undercut, the objection
    ticks = arrow.bracket[1:]
    for key, tick in zip("abc", ticks, strict=True):
        card = scene.cards[ids[key]].rect()
        assert (tick[0], tick[1]) == (card.centre_x, card.y)
    # A click on the bracket picks the group's arrow.
    view = window.canvas.view
    bar = arrow.bracket[0]
    on_bar = view.mapFromScene(QPointF((bar[0] + bar[2]) / 2 + 40, bar[1]))
    qtbot.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, on_bar)
    assert window.canvas.scene.selected_links() == [ids["group"]]


def test_moving_a_premise_redraws_its_tick(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "g.debate"
    ids = group_debate(path, placed=True)
    window = open_window(qtbot, path)
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # actual size
    window.canvas.view.centerOn(window.canvas.scene.cards[ids["c"]])
    viewport = window.canvas.view.viewport()
    c = card_box(window, ids["c"])
    qtbot.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, c.center())
    move_through(qtbot, window, c.center(), c.center() + QPoint(0, 80))
    qtbot.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier,
                       c.center() + QPoint(0, 80))
    card = window.canvas.scene.cards[ids["c"]].rect()
    assert card.y > 300
    tick = window.canvas.scene.arrows[ids["group"]].bracket[3]
    assert (tick[0], tick[1]) == (card.centre_x, card.y)


def test_alt_drop_of_a_card_onto_an_arrow_joins_that_reason(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "g.debate"
    ids = group_debate(path, placed=True)
    window = open_window(qtbot, path)
    press(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit
    scene, view = window.canvas.scene, window.canvas.view
    viewport = view.viewport()
    o = card_box(window, ids["o"])
    # The middle of the group's arrow, away from its badge (an undercut points there).
    curve = scene.arrows[ids["group"]].curve
    mid = QPointF(0.125 * curve[0] + 0.375 * curve[2] + 0.375 * curve[4] + 0.125 * curve[6],
                  0.125 * curve[1] + 0.375 * curve[3] + 0.375 * curve[5] + 0.125 * curve[7])
    on_arrow = view.mapFromScene(mid)
    qtbot.mousePress(viewport, LEFT, ALT, o.center())
    move_through(qtbot, window, o.center(), on_arrow, modifiers=ALT)
    assert view.link_target == ids["group"]  # the arrow is marked while Alt is held
    qtbot.mouseRelease(viewport, LEFT, ALT, on_arrow)
    doc = window.document
    group = doc.link(ids["group"])
    assert group.sources == (ids["a"], ids["b"], ids["c"], ids["o"])
    assert doc.claim(ids["o"]).position == (1200.0, 300.0)  # put back, not moved
    assert len(scene.arrows[ids["group"]].bracket) == 5
    # o was a lone objection of the thesis; a group is a support: both stand.
    assert {lk.id for lk in doc.links()} >= {ids["group"], ids["cut"]}
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.link(ids["group"]).sources == (ids["a"], ids["b"], ids["c"])
    assert len(scene.arrows[ids["group"]].bracket) == 4
    press(qtbot, window, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert doc.link(ids["group"]).sources == (ids["a"], ids["b"], ids["c"], ids["o"])
    assert len(scene.arrows[ids["group"]].bracket) == 5


def test_a_refused_join_says_why_and_changes_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "g.debate"
    ids = group_debate(path, placed=True)
    window = open_window(qtbot, path)
    said: list[str] = []
    window.session.problem.connect(said.append)
    before = window.document.snapshot()
    window.canvas._join(ids["group"], ids["t"])  # the thesis as a premise of its own reason
    assert said and "premise of a reason for itself" in said[0]
    assert window.document.snapshot() == before


# ---- strength -------------------------------------------------------------------------
def _ink(strength: str) -> int:
    """How many pixels an arrow of this strength paints, in greyscale terms."""
    image = QImage(300, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw_arrow(painter, (20.0, 180.0, 20.0, 100.0, 280.0, 100.0, 280.0, 20.0),
               LinkKind.SUPPORT, badge=False, strength=strength)
    painter.end()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return sum(1 for y in range(grey.height()) for x in range(grey.width())
               if QColor(grey.pixel(x, y)).value() < 200)


def test_a_strong_reason_is_drawn_thicker_and_a_weak_one_thinner(qapp) -> None:  # type: ignore[no-untyped-def]
    strong, plain, weak, none = (_ink(s) for s in ("strong", "", "weak", "none"))
    assert strong > 1.5 * plain
    assert plain > 1.3 * weak
    assert none < weak  # of no bearing: thin and faded
