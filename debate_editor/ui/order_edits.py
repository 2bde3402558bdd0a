"""Edits that move a reason: up or down among its siblings, or under another claim.

The order of reasons is stored on their links (one claim may stand under several parents
in different places) and is the numbering of every export. A move renumbers the links
of that one target 0, 1, 2, … so ties left by imports become explicit; a re-parent is
one edit that removes one link and adds another, so it is one undo step.
"""

from __future__ import annotations

from debate_editor.domain.edit import Edit
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Link, LinkKind
from debate_editor.store import DebateDocument


class MoveRefusedError(Exception):
    """A move that makes no sense (a claim under itself); the message says why."""


def column(graph: DebateGraph, link: Link) -> list[Link]:
    """The siblings a reason is ordered among: the other pros of what it answers, or
    the other objections (an undercut's siblings are the other undercuts)."""
    return [other for other in graph.incoming(link.target) if other.kind is link.kind]


def _renumbered(ordered: list[Link]) -> tuple[Link, ...]:
    return tuple(link.model_copy(update={"order": n})
                 for n, link in enumerate(ordered) if link.order != n)


def _merge(incoming: list[Link], kind: LinkKind, new_column: list[Link]) -> list[Link]:
    """The target's links with the `kind` ones replaced, slot by slot, by `new_column`."""
    slots = iter(new_column)
    merged = [next(slots) if link.kind is kind else link for link in incoming]
    merged.extend(slots)
    return merged


def place_in_column_edit(doc: DebateDocument, link_id: str, index: int) -> Edit:
    """Put a reason at `index` among its column (clamped); empty if it is there."""
    graph = doc.graph
    link = graph.links[link_id]
    siblings = column(graph, link)
    now = siblings.index(link)
    index = max(0, min(index, len(siblings) - 1))
    if index == now:
        return Edit()
    siblings.insert(index, siblings.pop(now))
    merged = _merge(graph.incoming(link.target), link.kind, siblings)
    label = "Move reason up" if index < now else "Move reason down"
    return Edit(update_links=_renumbered(merged), label=label)


def move_in_column_edit(doc: DebateDocument, link_id: str, steps: int) -> Edit:
    """Move a reason `steps` places up (negative) or down its column."""
    link = doc.graph.links[link_id]
    now = column(doc.graph, link).index(link)
    return place_in_column_edit(doc, link_id, now + steps)


def reparent_edit(
    doc: DebateDocument,
    claim_id: str,
    old_link: str | None,
    new_target: str,
    *,
    kind: LinkKind | None = None,
    before: str | None = None,
) -> Edit:
    """Move `claim_id` from under `old_link` (None: it was a thesis) to under the claim
    `new_target`, before that claim's link `before` (None: after the others).

    The kind stays (a pro stays a pro; an undercut becomes an objection) unless `kind`
    is given. Raises MoveRefusedError for a move that would make a claim answer itself.
    """
    graph = doc.graph
    old = graph.links[old_link] if old_link is not None else None
    if kind is None:
        kind = old.kind if old is not None else LinkKind.SUPPORT
    if claim_id == new_target:
        raise MoveRefusedError("A claim cannot be a reason for itself.")
    if graph.answers_through(new_target, claim_id):
        raise MoveRefusedError("That claim already stands under this one; moving this one "
                          "under it would make it a reason for itself.")
    clash = [link for link in graph.outgoing(claim_id)
             if link.to_claim == new_target and link.id != old_link]
    if clash:
        raise MoveRefusedError("It is already a reason there.")
    incoming = [link for link in graph.incoming(new_target) if link.id != old_link]
    if old is not None and old.to_claim == new_target:
        moved = old.model_copy(update={"kind": kind})
        new_links: tuple[Link, ...] = ()
        removed: tuple[str, ...] = ()
        label = "Move reason"
    else:
        moved = Link(id=doc.new_link_id(), sources=(claim_id,), to_claim=new_target, kind=kind,
                     order=0)
        new_links = (moved,)
        removed = (old.id,) if old is not None else ()
        label = "Move claim"
    at = next((n for n, link in enumerate(incoming) if link.id == before), len(incoming))
    ordered = [*incoming[:at], moved, *incoming[at:]]
    placed = [link.model_copy(update={"order": n}) for n, link in enumerate(ordered)]
    updates = tuple(link for link, was in zip(placed, ordered, strict=True)
                    if link.id != moved.id and link.order != was.order)
    final = next(link for link in placed if link.id == moved.id)
    if new_links:
        new_links = (final,)
    elif final != old:
        updates = (*updates, final)
    return Edit(add_links=new_links, update_links=updates, remove_links=removed, label=label)


def thesis_order_edit(doc: DebateDocument, claim_id: str, before: str | None) -> Edit:
    """Put a thesis before the thesis `before` (None: last) among the theses."""
    theses = [c for c in doc.graph.theses() if c.id != claim_id]
    at = next((n for n, c in enumerate(theses) if c.id == before), len(theses))
    ordered = [*theses[:at], doc.graph.claims[claim_id], *theses[at:]]
    changed = tuple(c.model_copy(update={"order": n})
                    for n, c in enumerate(ordered) if c.order != n)
    return Edit(update_claims=changed, label="Move thesis")


def detach_edit(doc: DebateDocument, link_id: str, before: str | None) -> Edit:
    """Take a reason out from under what it answers; if it answers nothing else it
    becomes a thesis, placed before the thesis `before`."""
    graph = doc.graph
    link = graph.links[link_id]
    claim_id = link.source
    others = [lk for lk in graph.outgoing(claim_id) if lk.id != link_id]
    if others:
        return Edit(remove_links=(link_id,), label="Take out reason")
    theses = graph.theses()
    at = next((n for n, c in enumerate(theses) if c.id == before), len(theses))
    ordered = [*theses[:at], graph.claims[claim_id], *theses[at:]]
    changed = tuple(c.model_copy(update={"order": n})
                    for n, c in enumerate(ordered) if c.order != n)
    return Edit(remove_links=(link_id,), update_claims=changed, label="Make it a thesis")
