"""The shortcuts that make big maps quick give the answers the plain way gives.

Each fast path here replaced a slow, obvious one; these tests keep the obvious one as the
reference: card text broken into the same lines Qt's text layout makes, a new card's
free spot the same as trying every spot, a long arrow drawn in part covering all of it on
screen, the graph's kept orders the same as a graph built afresh.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF

from debate_editor.domain import Claim, ClaimKind, DebateGraph, Link, LinkKind
from debate_editor.layout.geometry import Rect, link_curve
from debate_editor.layout.layered import H_GAP
from debate_editor.layout.place import _overlaps, free_x
from debate_editor.render import card_style
from debate_editor.render.arrow_geometry import ArrowGeometry, curve_path


@pytest.fixture(autouse=True)
def _fonts(qapp) -> None:  # type: ignore[no-untyped-def]
    """Measuring text needs the application (pytest-qt's, shared by every test)."""

WORDS = st.sampled_from(
    "a I the policy would not cost evidence study shows government's labs (see this) "
    "don't e.g. 3.5 1,000 “quoted” it’s Hello, world! Why? Über naïve façade "
    "AVAWAY Tomato. WWWW iiii well-known self-driving and/or —dash— 50% …and "
    "Supercalifragilisticexpialidociousnessandthensome".split()
)
SENTENCES = st.lists(WORDS, min_size=1, max_size=45).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(text=SENTENCES, thesis=st.booleans(), bold=st.booleans())
def test_card_lines_break_where_qt_breaks_them(text: str, thesis: bool, bold: bool) -> None:
    qfont = card_style.title_font() if bold else card_style.body_font()
    width = card_style.card_width(ClaimKind.THESIS if thesis else ClaimKind.CLAIM)
    inner = width - 2 * card_style.PADDING - card_style.BAND
    assert card_style._wrap(text, qfont, inner) == card_style._qt_wrap(text, qfont, inner)


def test_most_plain_sentences_take_the_quick_way() -> None:
    """The quick way is the one taken for ordinary prose (else big maps open slowly)."""
    measure = card_style._measure(card_style.body_font())
    sentences = [" ".join(["Most", "policy", "research", "would", "cost", "less."] * n)
                 for n in range(1, 30)]
    assert all(measure.wrap(s, 215.0) is not None for s in sentences)


def _free_x_by_trying_every_spot(size, y, desired, occupied, direction):  # type: ignore[no-untyped-def]
    """The obvious definition: every candidate spot checked against every card."""
    w, h = size
    band = [r for r in occupied if r.y < y + h + H_GAP and y < r.bottom + H_GAP]
    candidates = {desired} | {r.x - H_GAP - w for r in band} | {r.right + H_GAP for r in band}

    def cost(x: float) -> tuple[float, float]:
        wrong = direction != 0 and (x - desired) * direction < 0
        return (abs(x - desired) + (0.75 * w if wrong else 0.0), x)

    fitting = [x for x in candidates
               if not any(_overlaps(Rect(x, y, w, h), r, H_GAP / 2) for r in band)]
    return min(fitting, key=cost)


RECTS = st.builds(Rect, st.integers(-3000, 3000).map(float),
                  st.sampled_from([0.0, 100.0, 170.0, 200.0, 260.0]),
                  st.sampled_from([250.0, 300.0]), st.floats(40, 220))


@settings(max_examples=300, deadline=None)
@given(occupied=st.lists(RECTS, max_size=25), height=st.floats(40, 220),
       y=st.sampled_from([0.0, 100.0, 170.0, 200.0]), desired=st.floats(-3000, 3000),
       direction=st.sampled_from([-1, 0, 1]))
def test_a_free_spot_is_the_one_trying_every_spot_finds(  # type: ignore[no-untyped-def]
    occupied, height, y, desired, direction
) -> None:
    size = (250.0, height)
    assert free_x(size, y, desired, occupied, direction) == \
        _free_x_by_trying_every_spot(size, y, desired, occupied, direction)


CARD = st.tuples(st.floats(-5000, 5000), st.floats(-3000, 3000),
                 st.sampled_from([250.0, 300.0]), st.floats(40, 300))


def test_reasons_keep_their_order_through_edits() -> None:
    """The graph keeps each claim's sorted reasons; edits must refresh them."""
    claims = [Claim(id=f"c{i}", text=f"claim {i}") for i in range(1, 6)]
    links = [Link(id=f"l{i}", source=f"c{i}", to_claim="c1", order=i) for i in range(2, 6)]
    graph = DebateGraph(claims, links)
    assert [r.claim.id for r in graph.pros("c1")] == ["c2", "c3", "c4", "c5"]
    graph.replace_link(links[0].model_copy(update={"order": 9}))
    graph.replace_link(links[1].model_copy(update={"kind": LinkKind.OBJECTION}))
    graph.remove_link("l4")
    graph.add_link(Link(id="l9", source="c4", to_claim="c1", order=0))
    graph.add_link(Link(id="l10", source="c5", to_link="l9", kind=LinkKind.OBJECTION))
    fresh = DebateGraph(graph.claims.values(), graph.links.values())
    for target in ("c1", "l9"):
        assert graph.incoming(target) == fresh.incoming(target)
    assert [r.claim.id for r in graph.pros("c1")] == ["c4", "c5", "c2"]
    assert graph.reason_counts("c1") == (3, 1)
    assert graph.cycles() == []
    graph.add_link(Link(id="l11", source="c1", to_claim="c4"))
    assert graph.cycles() == [["c1", "c4"]]  # the cycle finder follows edits after first use


@settings(max_examples=200, deadline=None)
@given(source=CARD, target=CARD, view=st.tuples(st.floats(-6000, 6000), st.floats(-4000, 4000),
                                                st.floats(50, 3000), st.floats(50, 2000)))
def test_a_long_arrow_drawn_in_part_covers_all_of_it_that_is_on_screen(  # type: ignore[no-untyped-def]
    source, target, view
) -> None:
    """Only the stretch of an arrow on screen is stroked: it must take in every point of
    the curve that is on screen, in one unbroken line, its dashes counted from the start."""
    geometry = ArrowGeometry(curve_path(link_curve(Rect(*source), Rect(*target))))
    rect = QRectF(*view)
    stretches = geometry.visible_part(rect)
    if stretches is None:  # drawn whole: only a curve of no length is not one-way
        assert geometry.run[-1] == 0.0
        return
    points = [(p.x(), p.y()) for stretch in stretches for p in stretch.polygon]
    inside = [(x, y) for x, y in zip(geometry.xs, geometry.ys, strict=True)
              if rect.contains(x, y)]
    assert inside or not stretches or len(points) <= 4  # nothing on screen: a bit at most
    assert set(inside) <= set(points)
    for before, after in pairwise(stretches):
        assert before.polygon.last() == after.polygon.first()  # no gap between stretches
    curve = list(zip(geometry.xs, geometry.ys, strict=True))
    for stretch in stretches:
        start = stretch.polygon.first()
        assert stretch.offset == geometry.run[curve.index((start.x(), start.y()))]
