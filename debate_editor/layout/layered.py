"""A layered layout of the map: theses on top, each reason in the row below what it answers.

Supports stand on the left of what they answer and objections on the right; an undercut
stands right after the reason whose arrow it attacks. Each claim is placed under the first
parent it is read under (the graph's reading order), so a tree is drawn without a single
crossing; a claim that answers several claims is moved to the end of its group that faces
its other parents, which removes the crossings a layered layout can avoid.

Horizontal placement is a tidy-tree packing by rows (Reingold–Tilford on layers): each
subtree keeps, per row, the interval it covers; siblings are pushed apart until no row
overlaps, and a parent is centred over its children. Everything is a function of the
debate and the card sizes, so laying out again gives the same positions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import LinkKind

Size = tuple[float, float]
Point = tuple[float, float]

H_GAP = 36.0
"""Horizontal space between two cards in a row."""
V_GAP = 90.0
"""Vertical space between two rows, room for the arrows."""
TREE_GAP = 72.0
"""Extra space between two theses' trees."""


@dataclass
class _Subtree:
    """A placed subtree: per row, the [left, right] it covers, relative to its root's x."""

    root: str
    rows: dict[int, list[float]] = field(default_factory=dict)

    def shift(self, dx: float) -> None:
        for extent in self.rows.values():
            extent[0] += dx
            extent[1] += dx


def layout(graph: DebateGraph, sizes: Mapping[str, Size]) -> dict[str, Point]:
    """Top-left corners of every claim's card, in scene units.

    `sizes` maps each claim id to the (width, height) of its card.
    """
    if not graph.claims:
        return {}
    depths = graph.depths()
    tree = _layout_tree(graph, depths)
    row_tops = _row_tops(graph, depths, sizes)

    # x: relative offsets of each card's centre to its parent's centre, then absolute.
    offsets: dict[str, float] = {}
    forest: list[_Subtree] = []
    roots = [cid for cid in tree.order if tree.parent.get(cid) is None]
    for root in roots:
        forest.append(_place(root, tree, depths, sizes, offsets))

    centres: dict[str, float] = {}
    cursor: _Subtree | None = None
    for subtree in forest:
        if cursor is None:
            cursor = subtree
            base = 0.0
        else:
            base = _separation(cursor, subtree, TREE_GAP)
            subtree.shift(base)
            _merge(cursor, subtree)
        _absolute(subtree.root, base, tree, offsets, centres)

    left = min(centres[c] - sizes[c][0] / 2 for c in centres)
    return {
        cid: (round(centres[cid] - sizes[cid][0] / 2 - left, 1), row_tops[depths[cid]])
        for cid in graph.claims
    }


@dataclass
class _Tree:
    parent: dict[str, str | None]
    children: dict[str, list[str]]
    order: list[str]


def _layout_tree(graph: DebateGraph, depths: Mapping[str, int]) -> _Tree:
    """Each claim under the first claim it is read under (one row up), children in
    reading order: pros, then cons, each undercut right after the reason it attacks."""
    order = [claim.id for claim in graph.reading_order()]
    position = {cid: i for i, cid in enumerate(order)}
    parent: dict[str, str | None] = {cid: None for cid in order}
    children: dict[str, list[str]] = {cid: [] for cid in order}
    for cid in order:
        units: list[list[str]] = []
        sides: list[int] = []
        unit_of_kid: dict[str, int] = {}
        for link in graph.children(cid):
            # A group's premises are one unit, side by side in their order.
            kids = [kid for kid in link.sources
                    if parent[kid] is None and depths[kid] == depths[cid] + 1]
            if not kids:
                continue
            for kid in kids:
                parent[kid] = cid
            if link.is_undercut:
                # It joins the last unit holding a premise of the arrow it attacks
                # (found from that arrow, not by listing every arrow of every unit).
                attacked = graph.links.get(link.to_link or "")
                held = [unit_of_kid[s] for s in attacked.sources if s in unit_of_kid] \
                    if attacked is not None else []
                if held:
                    units[max(held)].extend(kids)
                    continue
            for kid in kids:
                unit_of_kid[kid] = len(units)
            units.append(kids)
            sides.append(0 if link.kind is LinkKind.SUPPORT else 1)
        if not units:
            continue
        here = position[cid]

        def pull(unit: list[str], cid: str = cid, here: int = here) -> int:
            """-1 when a reason also answers claims read before this parent (it belongs
            at the left end of its group), 1 when after, 0 when it answers no other."""
            answered = {link.to_claim if link.to_claim is not None
                        else graph.arrow_target(link)
                        for link in graph.outgoing_unsorted(unit[0])}  # parents, unsorted
            others = [position[p] for p in answered if p != cid]
            if not others:
                return 0
            return -1 if sum(others) / len(others) < here else 1

        if len(units) == 1:  # nothing to rank (half the claims of a big debate)
            children[cid] = units[0]
            continue
        ranked = sorted(range(len(units)), key=lambda i: (sides[i], pull(units[i]), i))
        children[cid] = [kid for i in ranked for kid in units[i]]
    return _Tree(parent, children, order)


def _row_tops(
    graph: DebateGraph, depths: Mapping[str, int], sizes: Mapping[str, Size]
) -> dict[int, float]:
    heights: dict[int, float] = {}
    for cid, depth in depths.items():
        heights[depth] = max(heights.get(depth, 0.0), sizes[cid][1])
    tops: dict[int, float] = {}
    y = 0.0
    for depth in sorted(heights):
        tops[depth] = y
        y += heights[depth] + V_GAP
    return tops


def _place(
    root: str,
    tree: _Tree,
    depths: Mapping[str, int],
    sizes: Mapping[str, Size],
    offsets: dict[str, float],
) -> _Subtree:
    """Pack the subtree under `root`; offsets[c] = centre of c minus centre of its parent.

    Iterative (post-order) so that a deep chain of replies cannot exhaust the stack.
    """
    placed: dict[str, _Subtree] = {}
    stack: list[tuple[str, bool]] = [(root, False)]
    while stack:
        cid, expanded = stack.pop()
        kids = tree.children[cid]
        if not expanded and kids:
            stack.append((cid, True))
            stack.extend((kid, False) for kid in reversed(kids))
            continue
        half = sizes[cid][0] / 2
        own = _Subtree(cid, {depths[cid]: [-half, half]})
        if kids:
            merged = placed.pop(kids[0])
            centres = [0.0]
            for kid in kids[1:]:
                sub = placed.pop(kid)
                dx = _separation(merged, sub, H_GAP)
                sub.shift(dx)
                _merge(merged, sub)
                centres.append(dx)
            middle = (centres[0] + centres[-1]) / 2
            merged.shift(-middle)
            for kid, centre in zip(kids, centres, strict=True):
                offsets[kid] = centre - middle
            _merge(own, merged)
        placed[cid] = own
    return placed[root]


def _separation(left: _Subtree, right: _Subtree, gap: float) -> float:
    """How far to shift `right` so that it clears `left` by `gap` on every shared row."""
    shift = None
    for row, (_, right_edge) in left.rows.items():
        other = right.rows.get(row)
        if other is None:
            continue
        need = right_edge + gap - other[0]
        shift = need if shift is None else max(shift, need)
    if shift is None:  # no shared row: stand side by side under the roots
        left_edge = max(extent[1] for extent in left.rows.values())
        shift = left_edge + gap - min(extent[0] for extent in right.rows.values())
    return shift


def _merge(into: _Subtree, other: _Subtree) -> None:
    for row, (lo, hi) in other.rows.items():
        extent = into.rows.get(row)
        if extent is None:
            into.rows[row] = [lo, hi]
        else:
            extent[0] = min(extent[0], lo)
            extent[1] = max(extent[1], hi)


def _absolute(
    root: str, base: float, tree: _Tree, offsets: Mapping[str, float], centres: dict[str, float]
) -> None:
    centres[root] = base
    stack = list(tree.children[root])
    while stack:
        cid = stack.pop()
        parent = tree.parent[cid]
        assert parent is not None
        centres[cid] = centres[parent] + offsets[cid]
        stack.extend(tree.children[cid])


def positions_for(graph: DebateGraph, sizes: Mapping[str, Size]) -> dict[str, Point]:
    """Each card's top-left corner: as stored, and laid out for cards that have none
    (below the stored ones, so nothing overlaps). `sizes`: every card's measured size."""
    stored = {cid: c.position for cid, c in graph.claims.items() if c.position is not None}
    if len(stored) == len(graph.claims):
        return dict(stored)
    laid = layout(graph, sizes)
    if not stored:
        return laid
    bottom = max(y + sizes[cid][1] for cid, (x, y) in stored.items())
    left = min(x for x, _ in stored.values())
    missing = [cid for cid in graph.claims if cid not in stored]
    top = min(laid[cid][1] for cid in missing)
    x0 = min(laid[cid][0] for cid in missing)
    result: dict[str, Point] = dict(stored)
    for cid in missing:
        x, y = laid[cid]
        result[cid] = (x - x0 + left, y - top + bottom + 90.0)
    return result
