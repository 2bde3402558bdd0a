"""The map's one geometry (`layout/geometry.py`): arrows start on their reason's card and
end on the card they answer, the badge sits half way along the curve, an undercut ends at
the badge of the arrow it attacks, a head points along its arrow, an arrow's bounds hold
everything drawn of it; and the canvas and the PDF draw exactly these shapes."""

from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from debate_editor.domain import Claim, DebateGraph, Link, LinkKind
from debate_editor.domain.graph import links_in_dependency_order
from debate_editor.layout.geometry import (
    BADGE_RADIUS,
    HEAD_HALF_WIDTH,
    HEAD_LENGTH,
    Curve,
    Rect,
    badge_centre,
    border_point,
    curve_bounds,
    head_points,
    link_curve,
    map_shapes,
    point_at,
    undercut_curve,
)

CARD = st.builds(Rect, st.floats(-5000, 5000), st.floats(-3000, 3000),
                 st.sampled_from([250.0, 300.0]), st.floats(40, 300))
TOLERANCE = 1e-6


def on_border(rect: Rect, x: float, y: float) -> bool:
    """Whether (x, y) lies on the rectangle's outline."""
    inside = (rect.x - TOLERANCE <= x <= rect.right + TOLERANCE
              and rect.y - TOLERANCE <= y <= rect.bottom + TOLERANCE)
    edge = min(abs(x - rect.x), abs(x - rect.right), abs(y - rect.y), abs(y - rect.bottom))
    return inside and edge <= TOLERANCE * max(1.0, abs(x), abs(y))


def samples(curve: Curve, count: int = 400) -> list[tuple[float, float]]:
    return [point_at(curve, i / count) for i in range(count + 1)]


def arc_length(points: list[tuple[float, float]]) -> float:
    return sum(math.dist(a, b) for a, b in pairwise(points))


@settings(max_examples=300, deadline=None)
@given(source=CARD, target=CARD)
def test_an_arrow_runs_from_its_reasons_border_to_the_answered_cards_border(
    source: Rect, target: Rect
) -> None:
    curve = link_curve(source, target)
    assert on_border(source, curve[0], curve[1])
    assert on_border(target, curve[6], curve[7])


@settings(max_examples=300, deadline=None)
@given(source=CARD, target=CARD)
def test_the_badge_lies_half_way_along_the_curve(source: Rect, target: Rect) -> None:
    curve = link_curve(source, target)
    badge = badge_centre(curve)
    middle = point_at(curve, 0.5)
    assert badge == pytest.approx(middle, abs=1e-6)
    points = samples(curve)
    half = arc_length(points[:201])
    assert half == pytest.approx(arc_length(points) / 2, rel=1e-6, abs=1e-6)


@settings(max_examples=300, deadline=None)
@given(source=CARD, target=CARD, undercutter=CARD)
def test_an_undercut_leaves_its_card_and_stops_at_the_attacked_badge(
    source: Rect, target: Rect, undercutter: Rect
) -> None:
    badge = badge_centre(link_curve(source, target))
    cut = undercut_curve(undercutter, badge)
    start, end = (cut[0], cut[1]), (cut[6], cut[7])
    if undercutter.x < badge[0] < undercutter.right and \
            undercutter.y < badge[1] < undercutter.bottom:
        assert start == pytest.approx(badge)  # the badge is under the card: nothing to draw
        return
    assert on_border(undercutter, *start)
    assert start == pytest.approx(border_point(undercutter, badge))
    gap = math.dist(start, badge)
    if gap > BADGE_RADIUS + 1:
        assert math.dist(end, badge) == pytest.approx(BADGE_RADIUS + 1, abs=1e-6)
        # straight toward the badge: the end lies on the line from start to badge
        assert math.dist(start, end) + math.dist(end, badge) == pytest.approx(gap, abs=1e-6)
    else:
        assert end == pytest.approx(badge)
    assert cut[2:4] == cut[0:2] and cut[4:6] == cut[6:8]  # a straight line


@settings(max_examples=300, deadline=None)
@given(source=CARD, target=CARD)
def test_the_head_points_along_the_arrow_at_its_tip(source: Rect, target: Rect) -> None:
    curve = link_curve(source, target)
    tip, left, right = head_points(curve)
    assert tip == (curve[6], curve[7])
    if math.dist(tip, (curve[0], curve[1])) < 1e-9:
        return  # cards that touch: an arrow of no length
    base = ((left[0] + right[0]) / 2, (left[1] + right[1]) / 2)
    assert math.dist(tip, base) == pytest.approx(HEAD_LENGTH, abs=1e-6)
    assert math.dist(left, right) == pytest.approx(2 * HEAD_HALF_WIDTH, abs=1e-6)
    # The curve just before its tip comes from the side of the head's base.
    before = point_at(curve, 1 - 1e-7)
    toward = (tip[0] - before[0], tip[1] - before[1])
    along = (tip[0] - base[0], tip[1] - base[1])
    if math.hypot(*toward) > 1e-9:
        cosine = (toward[0] * along[0] + toward[1] * along[1]) / (
            math.hypot(*toward) * math.hypot(*along))
        assert cosine == pytest.approx(1.0, abs=1e-6)


@settings(max_examples=300, deadline=None)
@given(source=CARD, target=CARD)
@example(source=Rect(0.0, 299.99999999999994, 300.0, 300.0),
         target=Rect(300.0, 300.0, 250.0, 300.0))
def test_an_arrows_bounds_hold_its_curve_head_and_badge(source: Rect, target: Rect) -> None:
    """The canvas repaints only inside an item's bounds: everything drawn must be in them.
    (The example once failed when the bounds were worked out twice, by two programs,
    and compared float for float.)"""
    curve = link_curve(source, target)
    bounds = curve_bounds(curve)

    def inside(x: float, y: float, room: float = 0.0) -> bool:
        return (bounds.x + room <= x <= bounds.right - room
                and bounds.y + room <= y <= bounds.bottom - room)

    assert all(inside(x, y) for x, y in samples(curve, 50))
    assert all(inside(x, y) for x, y in head_points(curve))
    assert inside(*badge_centre(curve), room=BADGE_RADIUS)


def _debate_with_undercuts() -> DebateGraph:
    claims = [Claim(id=f"c{i}", text=f"Claim number {i} with a few words.") for i in range(1, 8)]
    links = [
        Link(id="l1", source="c2", to_claim="c1"),
        Link(id="l2", source="c3", to_claim="c1", kind=LinkKind.OBJECTION),
        Link(id="l3", source="c4", to_claim="c2"),
        Link(id="l5", source="c6", to_link="l4", kind=LinkKind.OBJECTION),
        Link(id="l4", source="c5", to_link="l1", kind=LinkKind.OBJECTION),
        Link(id="l6", source="c7", to_claim="c3"),
    ]
    return DebateGraph(claims, links)


def test_undercuts_of_undercuts_point_at_the_badge_they_attack() -> None:
    graph = _debate_with_undercuts()
    sizes = {cid: (250.0, 80.0) for cid in graph.claims}
    shapes = map_shapes(graph, sizes)
    assert set(shapes.arrows) == set(graph.links)
    for link in graph.links.values():
        curve = shapes.arrows[link.id]
        if link.to_link is None:
            continue
        assert curve == undercut_curve(shapes.cards[link.source],
                                       badge_centre(shapes.arrows[link.to_link]))


def test_a_deep_chain_of_undercuts_is_ordered_without_recursion() -> None:
    """1,200 undercuts, each on the one before, given last first: each comes after the
    arrow it attacks (the walk is a loop, so the stack never overflows)."""
    links = [Link(id="l0", source="c1", to_claim="c0")]
    links += [Link(id=f"l{i}", source=f"c{i + 1}", to_link=f"l{i - 1}",
                   kind=LinkKind.OBJECTION) for i in range(1, 1201)]
    ordered = links_in_dependency_order(reversed(links))
    assert [link.id for link in ordered] == [link.id for link in links]
    objection = LinkKind.OBJECTION
    circle = [Link(id="a", source="c1", to_link="b", kind=objection),
              Link(id="b", source="c2", to_link="a", kind=objection)]
    assert [link.id for link in links_in_dependency_order(circle)] == ["b", "a"]


def test_the_canvas_and_the_pdf_draw_the_geometrys_shapes(  # type: ignore[no-untyped-def]
    qapp, seed_file: Path, tmp_path: Path
) -> None:
    """One drawing of the map: the canvas's cards and arrows and the PDF's are exactly
    the shapes `map_shapes` gives, undercuts included."""
    from debate_editor.domain.edit import Edit
    from debate_editor.render.map_drawing import map_geometry
    from debate_editor.render.pdf import map_data
    from debate_editor.store import DebateDocument
    from debate_editor.ui.canvas_scene import DebateScene

    path = tmp_path / "seed.debate"
    path.write_bytes(seed_file.read_bytes())
    with DebateDocument.open(path) as doc:
        graph = doc.graph
        reason = graph.pros(graph.theses()[0].id)[0]
        doc.apply(Edit(add_claims=(Claim(id="u1", text="That does not follow.", x=1400.0,
                                         y=420.0),),
                       add_links=(Link(id="lu1", source="u1", to_link=reason.link.id,
                                       kind=LinkKind.OBJECTION),)))
        shapes = map_geometry(doc.graph)
        scene = DebateScene(doc)
        assert {cid: card.rect() for cid, card in scene.cards.items()} == shapes.cards
        assert {lid: arrow.curve for lid, arrow in scene.arrows.items()} == shapes.arrows
        pdf = map_data(doc.snapshot())
        assert dict(pdf.cards) == shapes.cards
        assert {lid: arrow.points for lid, arrow in pdf.arrows.items()} == shapes.arrows
        assert "lu1" in shapes.arrows
