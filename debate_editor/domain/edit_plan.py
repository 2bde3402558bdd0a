"""An edit made ready to apply: everything it removes, its inverse and its event, all
worked out (and checked) before a byte is written, so that a failure half-way through
building the undo step can never leave a change in the file without one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from debate_editor.domain.edit import Edit
from debate_editor.domain.edit_checks import check_edit, only_moved
from debate_editor.domain.errors import StaleTextError
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.graph import DebateGraph, links_in_dependency_order
from debate_editor.domain.model import DebateInfo, Link, utc_now


@dataclass(frozen=True)
class EditPlan:
    """What applying `edit` does: links it removes (undercuts first), the debate info
    afterwards, the inverse edit and the event the views hear."""

    edit: Edit
    removed_links: tuple[str, ...]
    info: DebateInfo
    inverse: Edit
    event: DebateChanged


def cascade(graph: DebateGraph, edit: Edit) -> list[str]:
    """Links removed by the edit: those named, those at removed claims, and every
    undercut of a removed link; in an order where undercuts go first. Iterative."""
    removed: list[str] = []
    seen: set[str] = set()
    pending = list(edit.remove_links)
    gone = set(edit.remove_claims)
    kept = {link.id for link in edit.update_links if gone.isdisjoint(link.sources)}
    for claim_id in edit.remove_claims:
        if claim_id in graph.claims:
            pending.extend(link.id for link in graph.outgoing(claim_id) if link.id not in kept)
            pending.extend(link.id for link in graph.incoming(claim_id))
    while pending:
        link_id = pending.pop()
        if link_id in seen or link_id not in graph.links:
            continue
        seen.add(link_id)
        removed.append(link_id)
        pending.extend(link.id for link in graph.incoming(link_id))
    ordered = links_in_dependency_order([graph.links[i] for i in removed])
    return [link.id for link in reversed(ordered)]


def shrink_groups(graph: DebateGraph, edit: Edit) -> Edit:
    """The edit, where it removes some premises of a group of co-premises, keeping the
    group with the premises left (README, "Co-premises"): deleting B of "A, and B" leaves
    the reason "A". Unless "A" alone answers that target already, or every premise goes:
    then the group's link goes, as a lone reason's does."""
    gone = set(edit.remove_claims)
    if not gone:
        return edit
    named = {link.id for link in edit.update_links} | set(edit.remove_links)
    shrunk: dict[str, Link] = {}
    for claim_id in edit.remove_claims:
        for link in graph.outgoing(claim_id) if claim_id in graph.claims else ():
            if not link.is_group or link.id in named or link.id in shrunk:
                continue
            left = tuple(source for source in link.sources if source not in gone)
            if not left or (tuple(sorted(left)), link.target) in graph.pairs:
                continue
            shrunk[link.id] = link.model_copy(update={"sources": left})
    if not shrunk:
        return edit
    return replace(edit, update_links=(*edit.update_links, *shrunk.values()))


def plan_edit(graph: DebateGraph, info: DebateInfo, edit: Edit) -> EditPlan:
    """Check `edit` against the debate (`graph`, `info`) and work out all it does, or raise
    InvalidDebateError (StaleTextError for text typed over a claim's earlier text:
    `Edit.typed_over`); nothing is changed either way."""
    for claim_id, started_from in edit.typed_over:
        if claim_id in graph.claims and graph.claims[claim_id].text != started_from:
            raise StaleTextError(claim_id)
    edit = shrink_groups(graph, edit)
    removed_links = cascade(graph, edit)
    moved = frozenset(c.id for c in edit.update_claims if only_moved(graph, c))
    check_edit(graph, edit, removed_links, moved)
    gone_links = [graph.links[i] for i in reversed(removed_links)]  # arrows first
    inverse = Edit(
        add_claims=tuple(graph.claims[i] for i in edit.remove_claims),
        add_links=tuple(gone_links),
        update_claims=tuple(graph.claims[c.id] for c in edit.update_claims),
        update_links=tuple(graph.links[link.id] for link in edit.update_links),
        remove_links=tuple(link.id for link in edit.add_links),
        remove_claims=tuple(claim.id for claim in edit.add_claims),
        info=info if edit.info is not None else None,
        label=edit.label,
    )
    after = (edit.info or info).model_copy(update={"modified": utc_now(),
                                                   "created": info.created})
    event = DebateChanged(
        added_claims=frozenset(c.id for c in edit.add_claims),
        changed_claims=frozenset(c.id for c in edit.update_claims),
        removed_claims=frozenset(edit.remove_claims),
        added_links=frozenset(link.id for link in edit.add_links),
        changed_links=frozenset(link.id for link in edit.update_links),
        removed_links=frozenset(removed_links),
        info_changed=edit.info is not None,
        label=edit.label,
        moved_claims=moved,
    )
    return EditPlan(edit, tuple(removed_links), after, inverse, event)


def follow(graph: DebateGraph, plan: EditPlan) -> None:
    """Change the graph as the written edit changed the file, in the edit's order."""
    edit = plan.edit
    for claim in edit.add_claims:
        graph.add_claim(claim)
    for link in links_in_dependency_order(edit.add_links):
        graph.add_link(link)
    for claim in edit.update_claims:
        graph.replace_claim(claim)
    for link in edit.update_links:
        graph.replace_link(link)
    for link_id in plan.removed_links:
        graph.remove_link(link_id)
    for claim_id in edit.remove_claims:
        graph.remove_claim(claim_id)
