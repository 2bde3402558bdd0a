"""Edits built from a few words ("a reason for c1 saying …"), for the map's commands,
the seed script and the tests alike: each returns an `Edit` for `DebateDocument.apply`
and what it makes, and changes nothing by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import InvalidDebateError, plain_message
from debate_editor.domain.graph import DebateGraph, links_in_dependency_order
from debate_editor.domain.ids import IdSource
from debate_editor.domain.model import Claim, ClaimKind, DebateInfo, Link, LinkKind


def new_link(graph: DebateGraph, ids: IdSource, source: str, target: str,
             kind: LinkKind) -> Link:
    """A link from `source` to the claim or link `target`, after the target's reasons."""
    order = 1 + max((link.order for link in graph.incoming(target)), default=-1)
    to_link, to_claim = (target, None) if target in graph.links else (None, target)
    try:
        return Link(id=ids.link_id(), sources=(source,), kind=kind, order=order,
                    to_claim=to_claim, to_link=to_link)
    except ValidationError as error:
        raise InvalidDebateError([plain_message(error)]) from None


def claim_edit(
    graph: DebateGraph,
    ids: IdSource,
    text: str,
    kind: ClaimKind = ClaimKind.CLAIM,
    *,
    answers: str | None = None,
    link_kind: LinkKind = LinkKind.SUPPORT,
    **fields: Any,
) -> tuple[Edit, Claim]:
    """A new claim, and with `answers` the link that makes it a reason for (or against)
    that claim or link; a claim answering nothing goes after the theses."""
    if answers is None:
        fields.setdefault("order", graph.next_thesis_order())
    try:
        claim = Claim(id=ids.claim_id(), text=text, kind=kind, **fields)
    except ValidationError as error:
        raise InvalidDebateError([plain_message(error)]) from None
    links: tuple[Link, ...] = ()
    if answers is not None:
        links = (new_link(graph, ids, claim.id, answers, link_kind),)
    return Edit(add_claims=(claim,), add_links=links, label=f"Add {kind.value}"), claim


def link_edit(graph: DebateGraph, ids: IdSource, source: str, target: str,
              kind: LinkKind = LinkKind.SUPPORT, label: str = "Link") -> tuple[Edit, Link]:
    link = new_link(graph, ids, source, target, kind)
    return Edit(add_links=(link,), label=label), link


def claim_change_edit(graph: DebateGraph, claim_id: str, **fields: Any) -> tuple[Edit, Claim]:
    """The claim with `fields` changed (checked as a new claim would be)."""
    try:
        claim = Claim.model_validate({**graph.claims[claim_id].model_dump(), **fields})
    except ValidationError as error:
        raise InvalidDebateError([plain_message(error)]) from None
    return Edit(update_claims=(claim,), label="Edit claim"), claim


def link_change_edit(graph: DebateGraph, link_id: str, **fields: Any) -> tuple[Edit, Link]:
    try:
        link = Link.model_validate({**graph.links[link_id].model_dump(), **fields})
    except ValidationError as error:
        raise InvalidDebateError([plain_message(error)]) from None
    return Edit(update_links=(link,), label="Change link"), link


def removal_edit(claim_ids: Iterable[str] = (), link_ids: Iterable[str] = (),
                 label: str = "Delete") -> Edit:
    """Claims and links to remove (with every link at them, and their undercuts)."""
    return Edit(remove_claims=tuple(claim_ids), remove_links=tuple(link_ids), label=label)


def info_edit(info: DebateInfo, **fields: Any) -> Edit:
    """The debate's title, description, … changed (checked when applied)."""
    return Edit(info=info.model_copy(update=fields), label="Debate details")


def fragment_edit(ids: IdSource, claims: Iterable[Claim], links: Iterable[Link],
                  changes: Callable[[Claim], dict[str, Any]], label: str) -> Edit:
    """A copy of part of a debate (pasted, imported) under fresh ids, to add to another:
    each claim with `changes(claim)` applied (its place, its order), the links among
    them renamed to match (an undercut after the arrow it attacks), and any link that
    reaches outside the part left out."""
    claims = list(claims)
    claim_ids = {claim.id: ids.claim_id() for claim in claims}
    added = [claim.model_copy(update={**changes(claim), "id": claim_ids[claim.id]})
             for claim in claims]
    link_ids: dict[str, str] = {}
    new_links: list[Link] = []
    for link in links_in_dependency_order(links):
        sources = tuple(claim_ids[s] for s in link.sources if s in claim_ids)
        target = (claim_ids.get(link.to_claim) if link.to_claim is not None
                  else link_ids.get(link.to_link or ""))
        if len(sources) < len(link.sources) or target is None:
            continue
        link_ids[link.id] = ids.link_id()
        where = ({"to_claim": target, "to_link": None} if link.to_claim is not None
                 else {"to_link": target, "to_claim": None})
        new_links.append(link.model_copy(
            update={"id": link_ids[link.id], "sources": sources, **where}))
    return Edit(add_claims=tuple(added), add_links=tuple(new_links), label=label)
