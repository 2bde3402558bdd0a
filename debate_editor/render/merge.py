"""Adding another debate's claims to a debate as one edit: File → Import into This Debate
and `debate-editor import SRC --into DEBATE` (README, "Command line") make the same one.

Here, beside the card sizes it lays the cards out by (QtGui fonts: the command line makes
an offscreen application first), so the window and the command line place an import alike.
"""

from __future__ import annotations

from debate_editor.domain.builders import fragment_edit
from debate_editor.domain.edit import Edit
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import IdSource
from debate_editor.domain.model import Claim, Debate
from debate_editor.layout import positions_for
from debate_editor.layout.layered import TREE_GAP
from debate_editor.render.card_style import card_size


def merge_edit(graph: DebateGraph, ids: IdSource, debate: Debate, label: str = "Import") -> Edit:
    """The edit that adds every claim and link of `debate` to the debate `graph` holds
    (`ids` its next free ids) with fresh ids, laid out as its own map to the right of the
    cards already there."""
    sizes = {cid: card_size(claim) for cid, claim in DebateGraph.of(debate).claims.items()}
    laid = positions_for(DebateGraph(
        [c.model_copy(update={"x": None, "y": None}) for c in debate.claims], debate.links),
        sizes)
    left, top = _free_spot(graph)
    x0 = min(x for x, _ in laid.values())
    y0 = min(y for _, y in laid.values())
    thesis_order = graph.next_thesis_order()

    def changes(claim: Claim) -> dict[str, object]:
        x, y = laid[claim.id]
        return {"order": claim.order + thesis_order,
                "x": round(x - x0 + left, 1), "y": round(y - y0 + top, 1)}

    return fragment_edit(ids, debate.claims, debate.links, changes, label)


def _free_spot(graph: DebateGraph) -> tuple[float, float]:
    """Top-left for an imported map: right of every card there is, level with the top."""
    placed = [(c, c.position) for c in graph.claims.values() if c.position is not None]
    if not placed:
        return (0.0, 0.0)
    right = max(pos[0] + card_size(c)[0] for c, pos in placed)
    top = min(pos[1] for _, pos in placed)
    return (right + 2 * TREE_GAP, top)
