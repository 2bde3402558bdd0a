"""Where a new card goes: next to what it answers, without moving any other card.

A new reason lands in the row below its parent, supports to the left of the parent's
centre and objections to the right, at the nearest place that overlaps no card; a new
thesis lands at the right end of the top row; an undercut lands beside the reason whose
arrow it attacks. Pure arithmetic on rectangles, so every view can use it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from debate_editor.layout.geometry import Rect
from debate_editor.layout.layered import H_GAP, TREE_GAP, V_GAP


def _overlaps(a: Rect, b: Rect, margin: float) -> bool:
    return not (
        a.right + margin <= b.x
        or b.right + margin <= a.x
        or a.bottom + margin <= b.y
        or b.bottom + margin <= a.y
    )


def free_x(
    size: tuple[float, float],
    y: float,
    desired_x: float,
    occupied: Iterable[Rect],
    direction: int,
) -> float:
    """The x nearest `desired_x` where a card of `size` at height `y` overlaps nothing.

    direction -1 prefers places to the left, +1 to the right, 0 the nearest either way.
    The places tried are `desired_x` and the spots a gap away from each card in the row;
    they are tried nearest first, each checked against the row's blocked stretches by
    bisection, so a row of thousands of cards costs milliseconds, not seconds.
    """
    w, h = size
    band = [r for r in occupied if r.y < y + h + H_GAP and y < r.bottom + H_GAP]
    margin = H_GAP / 2
    # A card of the band closer than `margin` above or below blocks x when
    # r.x - w - margin < x < r.right + margin (an open interval).
    blocking = [r for r in band if y + h + margin > r.y and r.bottom + margin > y]
    starts: list[float] = []
    ends: list[float] = []
    for lo, hi in sorted((r.x - w - margin, r.right + margin) for r in blocking):
        if ends and lo < ends[-1]:
            ends[-1] = max(ends[-1], hi)
        else:
            starts.append(lo)
            ends.append(hi)

    def fits(x: float) -> bool:
        i = bisect_left(starts, x) - 1
        return i < 0 or x >= ends[i]

    def cost(x: float) -> tuple[float, float]:
        # The wrong way only when it is much nearer (by more than most of a card).
        wrong_way = direction != 0 and (x - desired_x) * direction < 0
        return (abs(x - desired_x) + (0.75 * w if wrong_way else 0.0), x)

    candidates = {desired_x}
    for r in band:
        candidates.add(r.x - H_GAP - w)
        candidates.add(r.right + H_GAP)
    for x in sorted(candidates, key=cost):
        if fits(x):
            return x
    raise AssertionError("the spot right of every card in the row is always free")


def reason_row(size: tuple[float, float], parent: Rect, tops: Iterable[float]) -> float:
    """The top of a new reason's row: in line with the cards already in the row below
    `parent` (`tops`: the tops of cards anywhere on the map), else a gap below it."""
    y = parent.bottom + V_GAP
    below = [top for top in tops if parent.bottom <= top < y + size[1]]
    return min(below) if below else y


def place_reason(
    size: tuple[float, float],
    parent: Rect,
    occupied: Iterable[Rect],
    *,
    objection: bool,
    alone: bool = False,
    row: float | None = None,
) -> tuple[float, float]:
    """Top-left for a new reason under `parent`: supports left, objections right; the
    first reason of a claim (`alone`) right under it. `row`: its `reason_row`, when the
    caller knows it and `occupied` holds only the cards near `parent`."""
    rects = list(occupied)
    y = row if row is not None else reason_row(size, parent, (r.y for r in rects))
    if alone:
        desired = parent.centre_x - size[0] / 2
    elif objection:
        desired = parent.centre_x + H_GAP / 2
    else:
        desired = parent.centre_x - H_GAP / 2 - size[0]
    x = free_x(size, y, desired, rects, 1 if objection else -1)
    return (round(x, 1), round(y, 1))


def place_beside(
    size: tuple[float, float], neighbour: Rect, occupied: Iterable[Rect]
) -> tuple[float, float]:
    """Top-left for a card in the same row as `neighbour`, to its right (an undercut)."""
    x = free_x(size, neighbour.y, neighbour.right + H_GAP, list(occupied), 1)
    return (round(x, 1), round(neighbour.y, 1))


def place_thesis(size: tuple[float, float], occupied: Iterable[Rect]) -> tuple[float, float]:
    """Top-left for a new thesis: the right end of the top row (the origin on an empty map)."""
    rects = list(occupied)
    if not rects:
        return (0.0, 0.0)
    top = min(r.y for r in rects)
    row = [r for r in rects if r.y < top + V_GAP]
    x = max(r.right for r in row) + TREE_GAP
    x = free_x(size, top, x, rects, 1)
    return (round(x, 1), round(top, 1))
