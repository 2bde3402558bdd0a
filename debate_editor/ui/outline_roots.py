"""Where the outline starts, and whether the debate reasons in a circle.

Pure Python over the graph. The outline shows a claim under each claim it answers, and
an objection to a link under the reason whose link it attacks ("above" here). Without a
circle every claim stands under a thesis, so the top level is just the theses; with one,
claims that no thesis reaches get a row of their own at the top.
"""

from __future__ import annotations

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import id_key
from debate_editor.domain.model import Link


def top_level(graph: DebateGraph, *, acyclic: bool) -> list[str]:
    """The theses in their order; then, for circular reasoning that no thesis reaches,
    one claim of each circle (the first by id)."""
    roots = [claim.id for claim in graph.theses()]
    if acyclic:
        return roots  # every claim stands under a thesis
    reached: set[str] = set()
    seen_links: set[str] = set()

    def spread(start: str) -> None:
        reached.add(start)
        claims: list[str] = [start]
        links: list[Link] = []
        while claims or links:
            if links:
                link = links.pop()
                if link.id in seen_links:
                    continue
                seen_links.add(link.id)
                links.extend(graph.incoming(link.id))
                if link.source not in reached:
                    reached.add(link.source)
                    claims.append(link.source)
            else:
                links.extend(graph.incoming(claims.pop()))

    for root in roots:
        spread(root)
    if len(reached) < len(graph.claims):
        for claim_id in sorted(graph.claims, key=id_key):
            if claim_id not in reached:
                roots.append(claim_id)
                spread(claim_id)
    return roots


def above(graph: DebateGraph, claim_id: str) -> list[str]:
    """The claims a row of `claim_id` can stand under: what it answers, or for an
    objection to a link, the reason whose link it attacks."""
    return [link.to_claim if link.to_claim is not None
            else graph.links[link.to_link or ""].source
            for link in graph.outgoing(claim_id)]


def closes_circle(graph: DebateGraph, link: Link) -> bool:
    """Whether the claims above `link`'s target include its source."""
    start = link.to_claim if link.to_claim is not None \
        else graph.links[link.to_link or ""].source
    seen, pending = {start}, [start]
    while pending:
        claim_id = pending.pop()
        if claim_id == link.source:
            return True
        for up in above(graph, claim_id):
            if up not in seen:
                seen.add(up)
                pending.append(up)
    return False


def has_circle(graph: DebateGraph) -> bool:
    """Whether any claim stands above itself (one depth-first search)."""
    state: dict[str, int] = {}  # 1: on the way, 2: done
    for start in graph.claims:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(above(graph, start)))]
        while stack:
            claim_id, ups = stack[-1]
            step = next(ups, None)
            if step is None:
                state[claim_id] = 2
                stack.pop()
            elif state.get(step) == 1:
                return True
            elif step not in state:
                state[step] = 1
                stack.append((step, iter(above(graph, step))))
    return False
