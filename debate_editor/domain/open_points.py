"""Open points: the objections still standing against what the user holds — the to-do
list of a reply (README, "Which claims stand").

An open point is an objection link that stands (is *in*: its objection stands and no
undercut of it does) aimed at a claim the user holds, or an undercut that stands aimed
at a support arrow between two claims the user holds. By the formal labelling alone no
objection stands against a claim that is in (one that stood would defeat it), so what the
user holds is given: today the claim a reply defends and the claims that stand under it
through supports (`defended`), and the claims the user accepted, less those the user
rejected.
Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import id_key
from debate_editor.domain.marks import accepted
from debate_editor.domain.model import ClaimKind, LinkKind, Mark
from debate_editor.domain.status import IN, Labelling


@dataclass(frozen=True)
class OpenPoint:
    """One objection still to be answered."""

    objection: str
    """The claim that objects."""
    link: str
    """Its link (an objection, or an undercut) that stands."""
    against: str
    """What it is aimed at: a held claim, or a support link between held claims."""


def defended(graph: DebateGraph, root: str) -> set[str]:
    """The claims a reply defending `root` holds: root and, transitively, what supports it
    (concessions aside: they grant the other side a point, they do not argue ours)."""
    held = {root}
    stack = [root]
    while stack:
        for reason in graph.pros(stack.pop()):
            for claim in reason.premises:  # a group is held as a whole
                if claim.kind is not ClaimKind.CONCESSION and claim.id not in held:
                    held.add(claim.id)
                    stack.append(claim.id)
    return held


def open_points(
    graph: DebateGraph, labelling: Labelling, held: Iterable[str], root: str | None = None
) -> list[OpenPoint]:
    """The open points against `held`, ordered as the graph reads their objections (from
    `root`, or from every thesis), links of one objection by id."""
    held_set = set(held) | accepted(graph)  # the user's own marks (README, "Your own marks")
    held_set -= {cid for cid in held_set if graph.claims[cid].mark is Mark.REJECTED}
    labels = labelling.labels
    found: list[OpenPoint] = []
    for claim_id in held_set:
        for link in graph.incoming(claim_id):
            if link.kind is LinkKind.OBJECTION:
                if labels[link.id] is IN:
                    found.append(OpenPoint(link.source, link.id, claim_id))
                continue
            if not held_set.issuperset(link.sources):
                continue
            for undercut in graph.incoming(link.id):
                if labels[undercut.id] is IN:
                    found.append(OpenPoint(undercut.source, undercut.id, link.id))
    order = {claim.id: n for n, claim in enumerate(graph.reading_order(root))}
    last = len(order)
    found.sort(key=lambda p: (order.get(p.objection, last), id_key(p.objection), id_key(p.link)))
    return found
