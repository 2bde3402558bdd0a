"""The layered layout on plain data: no Qt, card sizes as numbers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Claim, ClaimKind, Link, LinkKind
from debate_editor.layout import Rect, layout, place_beside, place_reason, place_thesis


def make_graph(parents: list[tuple[int | None, bool]], extra: list[tuple[int, int]] = ()):  # type: ignore[assignment]
    """Claim i answers parents[i][0] (None: a thesis), as an objection if parents[i][1];
    `extra` adds more supports (child, parent)."""
    claims = [Claim(id=f"c{i}", text=f"claim {i}",
                    kind=ClaimKind.THESIS if p is None else ClaimKind.CLAIM, order=i)
              for i, (p, _) in enumerate(parents)]
    links = []
    for i, (parent, objection) in enumerate(parents):
        if parent is not None:
            links.append(Link(id=f"l{i}", source=f"c{i}", to_claim=f"c{parent}", order=i,
                              kind=LinkKind.OBJECTION if objection else LinkKind.SUPPORT))
    for n, (child, parent) in enumerate(extra):
        links.append(Link(id=f"x{n}", source=f"c{child}", to_claim=f"c{parent}", order=100 + n))
    return DebateGraph(claims, links)


@st.composite
def forests(draw):  # type: ignore[no-untyped-def]
    """Random debates: every claim answers an earlier one (or is a thesis), sizes vary."""
    count = draw(st.integers(1, 40))
    parents: list[tuple[int | None, bool]] = [(None, False)]
    for i in range(1, count):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i < 4 else draw(
            st.integers(0, i - 1))
        parents.append((parent, draw(st.booleans())))
    sizes = {f"c{i}": (300.0 if p is None else 250.0, draw(st.floats(40, 320)))
             for i, (p, _) in enumerate(parents)}
    return parents, sizes


def rects(positions, sizes) -> dict[str, Rect]:  # type: ignore[no-untyped-def]
    return {cid: Rect(*positions[cid], *sizes[cid]) for cid in positions}


def overlapping(boxes: dict[str, Rect]) -> list[tuple[str, str]]:
    items = sorted(boxes.items())
    return [(a, b) for n, (a, ra) in enumerate(items) for b, rb in items[n + 1:]
            if ra.x < rb.right and rb.x < ra.right and ra.y < rb.bottom and rb.y < ra.bottom]


@settings(max_examples=60, deadline=None)
@given(forests())
def test_no_overlaps_rows_by_depth_sides_and_idempotence(case) -> None:  # type: ignore[no-untyped-def]
    parents, sizes = case
    graph = make_graph(parents)
    positions = layout(graph, sizes)
    boxes = rects(positions, sizes)
    assert overlapping(boxes) == []
    for i, (parent, _) in enumerate(parents):
        if parent is not None:  # each reason in a row below what it answers
            assert boxes[f"c{i}"].y >= boxes[f"c{parent}"].bottom
    for p in range(len(parents)):  # supports left of objections under the same claim
        pros = [boxes[f"c{i}"].centre_x for i, (q, o) in enumerate(parents) if q == p and not o]
        cons = [boxes[f"c{i}"].centre_x for i, (q, o) in enumerate(parents) if q == p and o]
        if pros and cons:
            assert max(pros) < min(cons)
    # Laying out again, or laying out a debate that holds these positions, changes nothing.
    assert layout(graph, sizes) == positions
    placed = DebateGraph(
        [c.model_copy(update={"x": positions[c.id][0], "y": positions[c.id][1]})
         for c in graph.claims.values()], graph.links.values())
    assert layout(placed, sizes) == positions


def test_theses_on_top_and_parent_centred_over_its_reasons() -> None:
    graph = make_graph([(None, False), (0, False), (0, False), (0, True), (None, False)])
    sizes = {cid: (250.0, 80.0) for cid in graph.claims}
    boxes = rects(layout(graph, sizes), sizes)
    assert boxes["c0"].y == boxes["c4"].y == 0
    assert boxes["c0"].x < boxes["c4"].x  # theses in their order
    kids = [boxes[c].centre_x for c in ("c1", "c2", "c3")]
    assert abs(boxes["c0"].centre_x - (min(kids) + max(kids)) / 2) < 0.5
    assert boxes["c1"].x < boxes["c2"].x < boxes["c3"].x


def crossings(graph: DebateGraph, boxes: dict[str, Rect]) -> int:
    """Arrows drawn as straight lines from a reason's top to its target's bottom that cross."""
    segments = []
    for link in graph.links.values():
        s, t = boxes[link.source], boxes[link.to_claim or ""]
        segments.append(((s.centre_x, s.y), (t.centre_x, t.bottom), link.source, link.to_claim))

    def ccw(a, b, c) -> float:  # type: ignore[no-untyped-def]
        return (c[1] - a[1]) * (b[0] - a[0]) - (b[1] - a[1]) * (c[0] - a[0])

    count = 0
    for n, (a, b, s1, t1) in enumerate(segments):
        for c, d, s2, t2 in segments[n + 1:]:
            if {s1, t1} & {s2, t2}:
                continue  # arrows that share a card meet there; that is not a crossing
            if ccw(a, c, d) * ccw(b, c, d) < 0 and ccw(a, b, c) * ccw(a, b, d) < 0:
                count += 1
    return count


def test_a_claim_under_two_theses_goes_between_them_without_crossings() -> None:
    # Theses A=c0, B=c1. X=c2 supports A and B; Y=c3 supports A; Z=c4 supports B.
    # Read in order, A's reasons are X then Y: placing them so puts Y between X and B,
    # and X→B would cross Y→A. The layout moves X to the side that faces B.
    graph = make_graph([(None, False), (None, False), (0, False), (0, False), (1, False)],
                       extra=[(2, 1)])
    assert [c.id for c in graph.reading_order()] == ["c0", "c2", "c3", "c1", "c4"]
    sizes = {cid: (250.0, 80.0) for cid in graph.claims}
    boxes = rects(layout(graph, sizes), sizes)
    assert crossings(graph, boxes) == 0
    assert boxes["c3"].x < boxes["c2"].x < boxes["c4"].x
    assert overlapping(boxes) == []


def test_an_undercut_stands_right_after_the_reason_it_attacks() -> None:
    claims = [Claim(id=i, text=i, kind=ClaimKind.THESIS if i == "t" else ClaimKind.CLAIM)
              for i in ("t", "a", "b", "u")]
    links = [Link(id="la", source="a", to_claim="t"), Link(id="lb", source="b", to_claim="t",
                                                           order=1),
             Link(id="lu", source="u", to_link="la", kind=LinkKind.OBJECTION)]
    graph = DebateGraph(claims, links)
    sizes = {cid: (250.0, 80.0) for cid in graph.claims}
    boxes = rects(layout(graph, sizes), sizes)
    assert boxes["a"].x < boxes["u"].x < boxes["b"].x
    assert boxes["u"].y == boxes["a"].y


def test_deep_chains_do_not_exhaust_the_stack() -> None:
    graph = make_graph([(None, False)] + [(i, False) for i in range(3000)])
    sizes = {cid: (250.0, 60.0) for cid in graph.claims}
    positions = layout(graph, sizes)
    assert positions["c3000"][1] > positions["c2999"][1]


# ---- one new card, nothing else moves ------------------------------------------------
def test_a_new_reason_lands_below_its_parent_on_its_side_without_overlap() -> None:
    parent = Rect(0, 0, 300, 80)
    kids = [Rect(-200, 170, 250, 100), Rect(80, 170, 250, 60)]
    occupied = [parent, *kids, Rect(400, 0, 300, 80)]
    for objection in (False, True):
        x, y = place_reason((250, 90), parent, occupied, objection=objection)
        new = Rect(x, y, 250, 90)
        assert y == 170  # in the row of the other reasons
        assert overlapping({str(i): r for i, r in enumerate([*occupied, new])}) == []
        if objection:
            assert new.centre_x > parent.centre_x
        else:
            assert new.centre_x < parent.centre_x
        assert abs(new.centre_x - parent.centre_x) < 700  # next to it, not far away


def test_the_first_reason_of_a_claim_lands_right_under_it() -> None:
    parent = Rect(0, 0, 300, 80)
    x, y = place_reason((250, 90), parent, [parent], objection=True, alone=True)
    assert (x + 125, y) == (150, 170)
    # A card in the way: the nearest free spot, even on the other side.
    blocker = Rect(170, 170, 250, 60)
    x, _ = place_reason((250, 90), parent, [parent, blocker], objection=True, alone=True)
    assert x + 250 <= blocker.x


def test_a_new_thesis_goes_to_the_right_of_the_top_row_and_an_undercut_beside() -> None:
    assert place_thesis((300, 80), []) == (0.0, 0.0)
    occupied = [Rect(0, 0, 300, 80), Rect(-100, 200, 250, 80)]
    x, y = place_thesis((300, 80), occupied)
    assert y == 0 and x >= 300
    ux, uy = place_beside((250, 80), occupied[1], occupied)
    assert uy == 200 and ux >= occupied[1].right
