"""Moving the selection with the arrow keys along the debate's structure, as a mind map
does: Up to what a claim answers, Down to its first reason, Left and Right to its
siblings in their stored order (the order the outline and the columns number them).

Plain functions of the graph, so the walk never depends on where cards happen to stand
on the map (a reason dragged above its parent is still below it for the keys).
"""

from __future__ import annotations

from debate_editor.domain.graph import DebateGraph


def parent_of(graph: DebateGraph, claim_id: str, came_from: str | None = None) -> str | None:
    """The claim `claim_id` answers (for an undercut, the claim the attacked arrow points
    at): `came_from` when it is one of them (a claim under two parents goes back up the
    way it was reached), else the first; None for a thesis."""
    parents = graph.parents(claim_id)
    if came_from in parents:
        return came_from
    return parents[0] if parents else None


def siblings(graph: DebateGraph, parent: str | None) -> list[str]:
    """The claims that answer `parent` in reading order (its pros, each followed by the
    undercuts of its arrow, then its cons); the theses when `parent` is None."""
    if parent is None:
        return [claim.id for claim in graph.theses()]
    result: list[str] = []
    for link in graph.children(parent):
        if link.source not in result:
            result.append(link.source)
    return result


def first_reason(graph: DebateGraph, claim_id: str) -> str | None:
    """The first claim that answers `claim_id` (Down), or None for a leaf."""
    reasons = siblings(graph, claim_id)
    return reasons[0] if reasons else None


def sibling(graph: DebateGraph, claim_id: str, parent: str | None, step: int) -> str | None:
    """The sibling `step` places on (Left -1, Right +1), or None at either end."""
    row = siblings(graph, parent)
    if claim_id not in row:
        return None
    index = row.index(claim_id) + step
    return row[index] if 0 <= index < len(row) else None
