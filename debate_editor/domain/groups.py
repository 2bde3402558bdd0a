"""Edits of co-premises (README, "Co-premises"): a reason made of several claims that
support or object to their target only together, as Rationale's co-premises and AIF's
linked arguments are.

Each function returns an `Edit` for `DebateDocument.apply` and changes nothing itself;
the canvas's keys and drags, the columns and the outline all build their edits here.
Undoing any of them is the document's inverse edit, as for every edit.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import InvalidDebateError, plain_message
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import IdSource
from debate_editor.domain.model import Claim, ClaimKind, Link


def premises_text(graph: DebateGraph, link: Link) -> str:
    """What a reason says, read as one: its premises in order ("A, and B"), as the
    columns, the outline and the slides show a group on one entry."""
    return ", and ".join(graph.claims[source].text for source in link.sources)


def co_premise_note(graph: DebateGraph, claim_id: str) -> str:
    """For a premise of one or more groups, a sentence naming its co-premises (the
    inspector's note); "" for a claim that stands in no group."""
    sentences = []
    for link in graph.outgoing(claim_id):
        if link.is_group:
            others = ", ".join(f"“{' '.join(graph.claims[s].text.split())[:60]}”"
                               for s in link.sources if s != claim_id)
            sentences.append(f"A co-premise: it counts only together with {others}.")
    return " ".join(sentences)


def _regrouped(link: Link, sources: tuple[str, ...]) -> Link:
    try:
        return Link.model_validate({**link.model_dump(), "sources": sources})
    except ValidationError as error:
        raise InvalidDebateError([plain_message(error)]) from None


def co_premise_edit(graph: DebateGraph, ids: IdSource, link_id: str, text: str,
                    kind: ClaimKind = ClaimKind.CLAIM, *, after: str | None = None,
                    **fields: Any) -> tuple[Edit, Claim]:
    """A new claim that joins the reason `link_id` as one more premise ("and …"), after
    the premise `after` (by default the last). A lone reason becomes a group of two."""
    link = graph.links[link_id]
    try:
        claim = Claim(id=ids.claim_id(), text=text, kind=kind, **fields)
    except ValidationError as error:
        raise InvalidDebateError([plain_message(error)]) from None
    at = link.sources.index(after) + 1 if after in link.sources else len(link.sources)
    sources = (*link.sources[:at], claim.id, *link.sources[at:])
    edit = Edit(add_claims=(claim,), update_links=(_regrouped(link, sources),),
                label="Add co-premise")
    return edit, claim


def join_edit(graph: DebateGraph, link_id: str, claim_id: str) -> Edit:
    """The claim `claim_id` joins the reason `link_id` as its last premise. Where that
    claim was a reason of the same kind for the same target on its own, that lone reason
    is folded into the group (its link removed, with any undercut of it): the claim now
    counts there only together with the others."""
    link = graph.links[link_id]
    if claim_id in link.sources:
        raise InvalidDebateError([f"Claim {claim_id} is a premise of this reason already."])
    if claim_id == link.target:
        raise InvalidDebateError([
            f"Claim {claim_id} cannot be a premise of a reason for itself."])
    alone = graph.pairs.get(((claim_id,), link.target))
    folded = (alone,) if alone is not None and graph.links[alone].kind is link.kind else ()
    return Edit(update_links=(_regrouped(link, (*link.sources, claim_id)),),
                remove_links=folded, label="Join co-premises")


def leave_edit(graph: DebateGraph, ids: IdSource, link_id: str, claim_id: str) -> Edit:
    """The premise `claim_id` leaves its group and stands as a reason of its own for the
    same target, of the same kind, right after the group."""
    link = graph.links[link_id]
    if not link.is_group or claim_id not in link.sources:
        raise InvalidDebateError([f"Claim {claim_id} is not one of several premises here."])
    left = tuple(source for source in link.sources if source != claim_id)
    alone = _alone(link, claim_id, ids, link.order + 1)
    problems = _taken(graph, [alone]) + _taken(graph, [_regrouped(link, left)], ignore=link.id)
    if problems:
        raise InvalidDebateError(problems)
    return Edit(add_links=(alone,), update_links=(_regrouped(link, left),),
                label="Take premise out")


def split_edit(graph: DebateGraph, ids: IdSource, link_id: str) -> Edit:
    """The group `link_id` split back into one reason per premise, in the group's order;
    the first premise keeps the link (and so the undercuts aimed at its arrow)."""
    link = graph.links[link_id]
    if not link.is_group:
        raise InvalidDebateError(["This reason has one premise; there is nothing to split."])
    first, *rest = link.sources
    later = [_alone(link, source, ids, link.order + n) for n, source in enumerate(rest, 1)]
    kept = _regrouped(link, (first,))
    problems = _taken(graph, later) + _taken(graph, [kept], ignore=link.id)
    if problems:
        raise InvalidDebateError(problems)
    return Edit(add_links=tuple(later), update_links=(kept,), label="Split co-premises")


def _alone(link: Link, claim_id: str, ids: IdSource, order: int) -> Link:
    return Link(id=ids.link_id(), sources=(claim_id,), to_claim=link.to_claim,
                to_link=link.to_link, kind=link.kind, order=order)


def _taken(graph: DebateGraph, links: list[Link], ignore: str = "") -> list[str]:
    """Plain words for a reason that would stand twice on its target."""
    problems = []
    for link in links:
        there = graph.pairs.get(link.pair)
        if there is not None and there != ignore:
            premise = ", and ".join(graph.claims[s].text[:40] for s in link.sources)
            problems.append(f"“{premise}” answers that claim already as a reason of its own.")
    return problems
