"""What dropping an outline row means: the edit that moves its claim above, below or
onto another row (re-parenting, re-ordering among siblings, or among the theses).

Kept apart from the outline widget: it reads the outline's tree and the debate and
builds an edit; the widget runs it.
"""

from __future__ import annotations

from debate_editor.domain.edit import Edit
from debate_editor.domain.model import LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.order_edits import (
    MoveRefusedError,
    detach_edit,
    reparent_edit,
    thesis_order_edit,
)
from debate_editor.ui.outline_model import OutlineModel, OutlineNode


def drop_edit(document: DebateDocument, model: OutlineModel, node: OutlineNode,
              target: OutlineNode, where: str) -> tuple[Edit | None, OutlineNode | None]:
    """The edit a drop of `node` `where` ("above", "below", "on", "end") `target` makes,
    and the row its claim then stands under; MoveRefusedError with the reason."""
    graph = document.graph
    if where == "on":
        return (reparent_edit(document, node.claim_id, node.link_id, target.claim_id),
                target)
    if where == "end" or target.parent is model.root:
        before = None if where == "end" else neighbour(target, where)
        edit = (thesis_order_edit(document, node.claim_id, before) if node.link_id is None
                else detach_edit(document, node.link_id, before))
        return edit, None
    parent = target.parent
    target_link = graph.links[target.link_id or ""]
    if target_link.is_undercut or parent is None:
        raise MoveRefusedError("Drop it onto a claim to put it under that claim.")
    moving = graph.links.get(node.link_id or "")
    kind = moving.kind if moving is not None else LinkKind.SUPPORT
    before = neighbour(target, where) if target_link.kind is kind else None
    return (reparent_edit(document, node.claim_id, node.link_id, parent.claim_id,
                          kind=kind, before=before), parent)


def neighbour(target: OutlineNode, where: str) -> str | None:
    """The id (claim for theses, link for reasons) a drop above or below `target`
    goes before."""
    if where == "above":
        return target.link_id or target.claim_id
    siblings = target.parent.children if target.parent is not None else None
    if not siblings:
        return None
    at = siblings.index(target) + 1
    if at >= len(siblings):
        return None
    following = siblings[at]
    return following.link_id or following.claim_id
