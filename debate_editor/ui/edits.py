"""The edits a person makes on the map, built as `Edit` values (one undo step each).

Plain functions of the document, so every view makes a new reason, a link or a deletion
the same way; a new card gets its position here, next to what it answers, so it is in the
file from the first moment and nothing else moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from debate_editor.domain.edit import Edit
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Claim, ClaimKind, Link, LinkKind
from debate_editor.layout import Rect, layout, place_beside, place_reason, place_thesis
from debate_editor.render.card_style import card_size
from debate_editor.store import DebateDocument

KIND_CYCLE = (
    ClaimKind.CLAIM,
    ClaimKind.EVIDENCE,
    ClaimKind.CONCESSION,
    ClaimKind.ARGUMENT,
    ClaimKind.THESIS,
)


def _rects(
    graph: DebateGraph, shown: Mapping[str, tuple[float, float]] | None = None
) -> dict[str, Rect]:
    """Every card's rectangle; `shown` gives positions for cards the file has none for."""
    rects: dict[str, Rect] = {}
    for cid, claim in graph.claims.items():
        pos = claim.position or (shown or {}).get(cid)
        if pos is not None:
            rects[cid] = Rect(pos[0], pos[1], *card_size(claim))
    return rects


def new_position(
    doc: DebateDocument,
    claim: Claim,
    answers: str | None,
    kind: LinkKind,
    shown: Mapping[str, tuple[float, float]] | None = None,
) -> tuple[float, float]:
    """Where a new card goes: beside or below what it answers, on a free spot."""
    rects = _rects(doc.graph, shown)
    size = card_size(claim)
    occupied = list(rects.values())
    if answers is None:
        return place_thesis(size, occupied)
    if answers in doc.graph.links:
        source = rects.get(doc.graph.links[answers].source)
        if source is not None:
            return place_beside(size, source, occupied)
        return place_thesis(size, occupied)
    parent = rects.get(answers)
    if parent is None:
        return place_thesis(size, occupied)
    return place_reason(size, parent, occupied, objection=kind is LinkKind.OBJECTION,
                        alone=not doc.graph.incoming(answers))


def new_link(doc: DebateDocument, source: str, target: str, kind: LinkKind) -> Link:
    """A link placed after the target's other reasons."""
    graph = doc.graph
    order = 1 + max((link.order for link in graph.incoming(target)), default=-1)
    where = {"to_link": target} if target in graph.links else {"to_claim": target}
    return Link(id=doc.new_link_id(), source=source, kind=kind, order=order, **where)


def add_claim_edit(
    doc: DebateDocument,
    text: str,
    *,
    answers: str | None = None,
    kind: LinkKind = LinkKind.SUPPORT,
    claim_kind: ClaimKind | None = None,
    shown: Mapping[str, tuple[float, float]] | None = None,
) -> tuple[Edit, Claim]:
    """A new thesis (answers=None), reason for or against a claim, or undercut of a link."""
    graph = doc.graph
    if claim_kind is None:
        claim_kind = ClaimKind.THESIS if answers is None else ClaimKind.CLAIM
    fields: dict[str, object] = {}
    if answers is None:
        fields["order"] = 1 + max((c.order for c in graph.theses()), default=-1)
    draft = Claim(id=doc.new_claim_id(), text=text, kind=claim_kind, **fields)  # type: ignore[arg-type]
    x, y = new_position(doc, draft, answers, kind, shown)
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
    return Edit(add_links=(new_link(doc, source, target, kind),), label=label)


def text_edit(doc: DebateDocument, claim_id: str, text: str) -> Edit:
    claim = doc.claim(claim_id)
    if claim.text == text:
        return Edit()
    return Edit(update_claims=(claim.model_copy(update={"text": text}),), label="Edit text")


def delete_edit(doc: DebateDocument, claim_ids: Iterable[str], link_ids: Iterable[str]) -> Edit:
    claims = tuple(c for c in claim_ids if c in doc.graph.claims)
    links = tuple(i for i in link_ids if i in doc.graph.links)
    return Edit(remove_claims=claims, remove_links=links, label="Delete")


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
