"""The edits a person makes on the map, built as `Edit` values (one undo step each).

Plain functions of the document, so every view makes a new reason, a link or a deletion
the same way; a new card gets its position here, next to what it answers, so it is in the
file from the first moment and nothing else moves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from debate_editor.domain import builders
from debate_editor.domain.edit import Edit
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Claim, ClaimKind, Link, LinkKind
from debate_editor.layout import (
    H_GAP,
    V_GAP,
    Rect,
    layout,
    place_beside,
    place_reason,
    place_thesis,
    reason_row,
)
from debate_editor.render.card_style import card_size
from debate_editor.store import DebateDocument

KIND_CYCLE = (
    ClaimKind.CLAIM,
    ClaimKind.EVIDENCE,
    ClaimKind.CONCESSION,
    ClaimKind.ARGUMENT,
    ClaimKind.THESIS,
)


class CardPlaces(Protocol):
    """Where the cards stand, for finding a free spot. A view with a spatial index (the
    canvas) answers `near` with the cards around a spot, not every card of the map."""

    def rect_of(self, claim_id: str) -> Rect | None:
        """The card's rectangle, or None if it has no place."""

    def near(self, region: Rect) -> list[Rect]:
        """At least every card that reaches into `region`."""

    def spans(self, region: Rect) -> bool:
        """Whether the region is as wide as the whole map (a wider one finds no more)."""

    def tops(self, low: float, high: float) -> list[float]:
        """Where cards anywhere on the map have their top, from `low` up to `high`."""


class _EveryPlace:
    """Every card of the document (and `shown` for cards the file has no place for)."""

    def __init__(self, graph: DebateGraph,
                 shown: Mapping[str, tuple[float, float]] | None = None) -> None:
        self.rects: dict[str, Rect] = {}
        for cid, claim in graph.claims.items():
            pos = claim.position or (shown or {}).get(cid)
            if pos is not None:
                self.rects[cid] = Rect(pos[0], pos[1], *card_size(claim))

    def rect_of(self, claim_id: str) -> Rect | None:
        return self.rects.get(claim_id)

    def near(self, region: Rect) -> list[Rect]:
        return list(self.rects.values())

    def spans(self, region: Rect) -> bool:
        return True

    def tops(self, low: float, high: float) -> list[float]:
        return [r.y for r in self.rects.values() if low <= r.y < high]


EVERYWHERE = Rect(-1e300, -1e300, 2e300, 2e300)
"""A region that takes in every card (finite, so that its right edge is a number)."""


def _spot_near(
    places: CardPlaces,
    centre_x: float,
    rows: tuple[float, float],
    width: float,
    place: Callable[[list[Rect]], tuple[float, float]],
) -> tuple[float, float]:
    """`place` given the cards in a window around `centre_x` (rows: top and bottom), the
    window widening until the spot is well inside it: then no card outside the window
    could have offered a nearer spot, and the answer is the one all cards would give."""
    step = width + H_GAP
    half = 8 * step
    while True:
        region = Rect(centre_x - half, rows[0], 2 * half, rows[1] - rows[0])
        x, y = place(places.near(region))
        if abs(x - centre_x) + 4 * step <= half or places.spans(region):
            return x, y
        half *= 4


def new_position(
    doc: DebateDocument,
    claim: Claim,
    answers: str | None,
    kind: LinkKind,
    shown: Mapping[str, tuple[float, float]] | None = None,
    places: CardPlaces | None = None,
    beside: str | None = None,
) -> tuple[float, float]:
    """Where a new card goes: beside or below what it answers, on a free spot; beside
    the claim `beside` when given (a new co-premise, beside the premise before it).

    `places` (the canvas) says where the cards are; without it they are read from the
    document, with `shown` for cards the file holds no position for.
    """
    places = places or _EveryPlace(doc.graph, shown)
    size = card_size(claim)
    anchor = None
    beside = beside or _premise_before(doc.graph, claim.id)
    if beside is None and answers is not None and answers in doc.graph.links:
        beside = doc.graph.links[answers].source
    if beside is not None:
        source = places.rect_of(beside)
        if source is not None:
            rows = (source.y - H_GAP, source.y + size[1] + H_GAP)
            return _spot_near(places, source.right, rows, size[0],
                              lambda rects: place_beside(size, source, rects))
    elif answers is not None:
        anchor = places.rect_of(answers)
    if anchor is None or answers is None:  # (no anchor without an answered claim)
        return place_thesis(size, places.near(EVERYWHERE))
    last = _last_sibling(doc, places, answers, kind)
    if last is not None:  # after its siblings, so the map reads in their numbering order
        rows = (last.y - H_GAP, last.y + size[1] + H_GAP)
        return _spot_near(places, last.right, rows, size[0],
                          lambda rects: place_beside(size, last, rects))
    parent = anchor
    alone = not doc.graph.incoming(answers)
    row = reason_row(size, parent, places.tops(parent.bottom, parent.bottom + V_GAP + size[1]))
    rows = (row - H_GAP, row + size[1] + H_GAP)
    return _spot_near(places, parent.centre_x, rows, size[0],
                      lambda rects: place_reason(size, parent, rects, alone=alone, row=row,
                                                 objection=kind is LinkKind.OBJECTION))


def _premise_before(graph: DebateGraph, claim_id: str) -> str | None:
    """The premise just before this claim in a group it belongs to: a new co-premise
    stands beside it, so the group reads side by side in its order."""
    for link in graph.outgoing(claim_id):
        at = link.sources.index(claim_id)
        if at > 0:
            return link.sources[at - 1]
    return None


def _last_sibling(doc: DebateDocument, places: CardPlaces, answers: str,
                  kind: LinkKind) -> Rect | None:
    """Where the last reason of this kind under `answers` stands (supports come before
    objections), or None for the first of its kind."""
    incoming = doc.graph.incoming(answers)
    before = [link for link in incoming if link.kind is kind]
    if not before and kind is LinkKind.OBJECTION:  # the first objection: after the supports
        before = [link for link in incoming if link.kind is LinkKind.SUPPORT]
    for link in reversed(before):
        rect = places.rect_of(link.source)
        if rect is not None:
            return rect
    return None


def new_link(doc: DebateDocument, source: str, target: str, kind: LinkKind) -> Link:
    """A link placed after the target's other reasons (`builders.new_link`)."""
    return builders.new_link(doc.graph, doc.ids, source, target, kind)


def add_claim_edit(
    doc: DebateDocument,
    text: str,
    *,
    answers: str | None = None,
    kind: LinkKind = LinkKind.SUPPORT,
    claim_kind: ClaimKind | None = None,
    shown: Mapping[str, tuple[float, float]] | None = None,
    places: CardPlaces | None = None,
) -> tuple[Edit, Claim]:
    """A new thesis (answers=None), reason for or against a claim, or undercut of a link."""
    graph = doc.graph
    if claim_kind is None:
        claim_kind = ClaimKind.THESIS if answers is None else ClaimKind.CLAIM
    fields: dict[str, object] = {}
    if answers is None:
        fields["order"] = graph.next_thesis_order()
    draft = Claim(id=doc.new_claim_id(), text=text, kind=claim_kind, **fields)  # type: ignore[arg-type]  # fields: `order` only
    x, y = new_position(doc, draft, answers, kind, shown, places)
    claim = draft.model_copy(update={"x": x, "y": y})
    links: tuple[Link, ...] = ()
    if answers is not None:
        link_kind = LinkKind.OBJECTION if answers in graph.links else kind
        links = (new_link(doc, claim.id, answers, link_kind),)
    if answers is None:
        label = "New thesis"
    elif answers in graph.links:
        label = "Add undercut"
    else:
        label = "Add supporting reason" if kind is LinkKind.SUPPORT else "Add objection"
    return Edit(add_claims=(claim,), add_links=links, label=label), claim


def link_edit(doc: DebateDocument, source: str, target: str, kind: LinkKind) -> Edit:
    if target in doc.graph.links:
        kind = LinkKind.OBJECTION
    label = "Link as undercut" if target in doc.graph.links else f"Link as {kind.value}"
    return builders.link_edit(doc.graph, doc.ids, source, target, kind, label)[0]


def text_edit(doc: DebateDocument, claim_id: str, text: str,
              started_from: str | None = None) -> Edit:
    """The claim's text made `text`; typed over `started_from`, refused if the claim has
    changed since (another member's edit came in while the person typed)."""
    claim = doc.claim(claim_id)
    if claim.text == text:
        return Edit()
    return Edit(update_claims=(claim.model_copy(update={"text": text}),), label="Edit text",
                typed_over=() if started_from is None else ((claim_id, started_from),))


def delete_edit(doc: DebateDocument, claim_ids: Iterable[str], link_ids: Iterable[str]) -> Edit:
    claims = [c for c in claim_ids if c in doc.graph.claims]
    return builders.removal_edit(claims, [i for i in link_ids if i in doc.graph.links])


def move_edit(doc: DebateDocument, positions: Mapping[str, tuple[float, float]],
              label: str = "Move") -> Edit:
    """New positions for the cards whose position really changes."""
    changed = []
    for cid, (x, y) in positions.items():
        claim = doc.graph.claims.get(cid)
        if claim is None:
            continue
        x, y = round(x, 1), round(y, 1)
        if claim.position != (x, y):
            changed.append(claim.model_copy(update={"x": x, "y": y}))
    return Edit(update_claims=tuple(changed), label=label)


def layout_edit(doc: DebateDocument) -> Edit:
    """The whole map laid out, as one step (empty when it is laid out already)."""
    graph = doc.graph
    sizes = {cid: card_size(claim) for cid, claim in graph.claims.items()}
    return move_edit(doc, layout(graph, sizes), label="Lay out map")


def toggle_link_kind_edit(doc: DebateDocument, link_ids: Iterable[str]) -> Edit:
    """Supports become objections and objections supports; an undercut stays an objection."""
    changed = []
    for link_id in link_ids:
        link = doc.graph.links.get(link_id)
        if link is None or link.is_undercut:
            continue
        kind = LinkKind.OBJECTION if link.kind is LinkKind.SUPPORT else LinkKind.SUPPORT
        changed.append(link.model_copy(update={"kind": kind}))
    return Edit(update_links=tuple(changed), label="Change arrow kind")


def claim_kind_edit(doc: DebateDocument, claim_ids: Iterable[str],
                    kind: ClaimKind | None = None) -> Edit:
    """Set the kind of the claims, or (kind=None) move each to the next in KIND_CYCLE."""
    changed = []
    for cid in claim_ids:
        claim = doc.graph.claims.get(cid)
        if claim is None:
            continue
        new = kind
        if new is None:
            index = KIND_CYCLE.index(claim.kind) if claim.kind in KIND_CYCLE else -1
            new = KIND_CYCLE[(index + 1) % len(KIND_CYCLE)]
        if new is not claim.kind:
            changed.append(claim.model_copy(update={"kind": new}))
    return Edit(update_claims=tuple(changed), label="Change card kind")
