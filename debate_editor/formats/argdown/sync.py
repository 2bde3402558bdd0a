"""The Argdown pane's text read into the debate it shows (README, "The Argdown pane").

Typing in the pane re-reads the whole text; `reconcile` turns what was read into the
one edit that makes the debate say the same, keeping every claim's identity: a claim
read again is the claim it was (its id, place on the map, marks, note), so a rename in
the text renames that card. Claims are matched, in this order, by title (where the
text gives one), by the very same text, and by position among those left (the n-th
claim of the text not matched otherwise is the n-th such claim the text had before):
so a statement edited in place is the same claim, and one line inserted is one new
claim. A link is kept (id, weight) when its premises and target are the same claims.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from debate_editor.domain.edit import Edit
from debate_editor.domain.graph import DebateGraph, links_in_dependency_order
from debate_editor.domain.ids import IdSource
from debate_editor.domain.model import Claim, Debate, Link

TEXT_FIELDS = ("text", "kind", "title", "tags", "note", "source", "argument_structure")
"""What Argdown says of a claim; the rest (place, order, mark) belongs to the map."""


@dataclass(frozen=True)
class Reconciled:
    """The edit that makes the debate say what the text says, and the debate's claim ids
    in the order the text names them (the positions the next reading matches by)."""

    edit: Edit
    order: tuple[str, ...]


def reconcile(graph: DebateGraph, read: Debate, ids: IdSource,
              previous: Sequence[str] = (), made_up: Mapping[str, str] | None = None,
              ) -> Reconciled:
    """The edit from `graph` to the debate `read` from the text; `previous`: the claim
    ids in the order the text named them at the last reading (default: the graph's);
    `made_up`: the titles the export gave claims that have none (a claim written twice
    needs one), which reading them back must not give those claims."""
    made_up = made_up or {}
    before = [cid for cid in previous if cid in graph.claims] or list(graph.claims)
    mapping = _match_claims(graph, read.claims, before)
    add_claims: list[Claim] = []
    update_claims: list[Claim] = []
    for claim in read.claims:
        known = mapping.get(claim.id)
        if known is None:
            new_id = ids.claim_id()
            mapping[claim.id] = new_id
            add_claims.append(claim.model_copy(update={"id": new_id}))
            continue
        old = graph.claims[known]
        changed = {f: getattr(claim, f) for f in TEXT_FIELDS
                   if getattr(claim, f) != getattr(old, f)}
        if "title" in changed and not old.title and changed["title"] == made_up.get(known):
            del changed["title"]
        if changed:
            update_claims.append(old.model_copy(update=changed))
    kept_claims = set(mapping.values())
    add_links, update_links, kept_links = _match_links(graph, read.links, mapping, ids)
    remove_links = tuple(lid for lid in graph.links if lid not in kept_links)
    remove_claims = tuple(cid for cid in graph.claims if cid not in kept_claims)
    edit = Edit(add_claims=tuple(add_claims), add_links=tuple(add_links),
                update_claims=tuple(update_claims), update_links=tuple(update_links),
                remove_links=remove_links, remove_claims=remove_claims, label="Type in Argdown")
    return Reconciled(edit, tuple(mapping[c.id] for c in read.claims))


def _match_claims(graph: DebateGraph, read: Sequence[Claim],
                  before: Sequence[str]) -> dict[str, str]:
    """Read claim id -> the graph's claim id, for the claims that are ones it has."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    by_title = {graph.claims[c].title: c for c in before if graph.claims[c].title}
    by_text: dict[tuple[str, str], deque[str]] = defaultdict(deque)
    for cid in before:
        claim = graph.claims[cid]
        by_text[(claim.kind.value, claim.text)].append(cid)
        by_text[("", claim.text)].append(cid)
    for claim in read:
        found = by_title.get(claim.title) if claim.title else None
        if found is not None and found not in taken:
            mapping[claim.id] = found
            taken.add(found)
    for key_of in (lambda c: (c.kind.value, c.text), lambda c: ("", c.text)):
        for claim in read:
            if claim.id in mapping:
                continue
            queue = by_text.get(key_of(claim))
            while queue and queue[0] in taken:
                queue.popleft()
            if queue:
                mapping[claim.id] = found = queue.popleft()
                taken.add(found)
    # By position: the n-th claim left unmatched is the n-th claim the text had left.
    left = [cid for cid in before if cid not in taken]
    unmatched = [claim for claim in read if claim.id not in mapping]
    slots = {cid: i for i, cid in enumerate(before)}
    read_at = {claim.id: i for i, claim in enumerate(read)}
    for claim in unmatched:
        # The nearest free claim that stood at the same place in the order.
        if not left:
            break
        here = read_at[claim.id]
        best = min(left, key=lambda cid: abs(slots[cid] - here))
        if abs(slots[best] - here) <= max(2, len(read) - len(before)):
            mapping[claim.id] = best
            left.remove(best)
    return mapping


def _match_links(graph: DebateGraph, read: Sequence[Link], mapping: dict[str, str],
                 ids: IdSource) -> tuple[list[Link], list[Link], set[str]]:
    """Links to add and to update, and the ids of the graph's links kept."""
    by_ends: dict[tuple[tuple[str, ...], str, bool], str] = {}
    for link in graph.links.values():
        by_ends[(link.sources, link.target, link.is_undercut)] = link.id
    link_map: dict[str, str] = {}
    made: dict[str, Link] = {}
    """Each link the text has, as the debate will hold it (order not settled yet)."""
    kept: set[str] = set()
    for link in links_in_dependency_order(read):
        sources = tuple(mapping[s] for s in link.sources)
        if link.to_claim is not None:
            target = mapping[link.to_claim]
        else:
            target = link_map.get(link.to_link or "", "")
            if not target:
                continue
        found = by_ends.get((sources, target, link.is_undercut))
        if found is not None and found not in kept:
            kept.add(found)
            link_map[link.id] = found
            made[found] = graph.links[found].model_copy(update={"kind": link.kind})
            continue
        new_id = ids.link_id()
        link_map[link.id] = new_id
        on_claim = link.to_claim is not None
        made[new_id] = Link(id=new_id, sources=sources, kind=link.kind, order=link.order,
                            to_claim=target if on_claim else None,
                            to_link=None if on_claim else target)
    in_text = sorted(read, key=lambda lk: lk.order)
    _settle_orders(made, [link_map[lk.id] for lk in in_text if lk.id in link_map],
                   {i for i in made if i not in kept})
    add = [made[i] for i in made if i not in kept]
    update = [made[i] for i in kept if made[i] != graph.links[i]]
    return add, update, kept


def _settle_orders(links: dict[str, Link], in_text: list[str], fresh: set[str]) -> None:
    """A new reason's order: just after the reason the text writes before it under the
    same claim (or first). The reasons the debate had keep their orders: the export writes
    supports, objections and groups in an order of its own, so the text's order of them
    says nothing the user chose."""
    siblings: dict[str, list[str]] = defaultdict(list)
    for link_id in in_text:
        siblings[links[link_id].target].append(link_id)
    for group in siblings.values():
        before = -1
        for link_id in group:
            if link_id in fresh:
                links[link_id] = links[link_id].model_copy(update={"order": before + 1})
            before = links[link_id].order
