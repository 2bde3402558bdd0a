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
from debate_editor.domain.reach import has_cycle, reached, reaches


def top_level(graph: DebateGraph, *, acyclic: bool) -> list[str]:
    """The theses in their order; then, for circular reasoning that no thesis reaches,
    one claim of each circle (the first by id)."""
    roots = [claim.id for claim in graph.theses()]
    if acyclic:
        return roots  # every claim stands under a thesis
    step = lambda claim_id: below(graph, claim_id)  # noqa: E731
    seen = reached(roots, step)
    if len(seen) < len(graph.claims):
        for claim_id in sorted(graph.claims, key=id_key):
            if claim_id not in seen:
                roots.append(claim_id)
                reached([claim_id], step, seen)
    return roots


def below(graph: DebateGraph, claim_id: str) -> list[str]:
    """The claims whose rows stand under `claim_id`: what answers it, and what objects to
    the links of those answers (undercuts of undercuts too)."""
    found: list[str] = []
    links, seen = list(graph.incoming(claim_id)), set()
    while links:
        link = links.pop()
        if link.id not in seen:  # undercuts in a circle are refused, but never loop
            seen.add(link.id)
            found.append(link.source)
            links.extend(graph.incoming(link.id))
    return found


def above(graph: DebateGraph, claim_id: str) -> list[str]:
    """The claims a row of `claim_id` can stand under: what it answers, or for an
    objection to a link, the reason whose link it attacks."""
    return [link.to_claim if link.to_claim is not None
            else graph.links[link.to_link or ""].source
            for link in graph.outgoing_unsorted(claim_id)]


def closes_circle(graph: DebateGraph, link: Link) -> bool:
    """Whether the claims above `link`'s target include its source."""
    start = link.to_claim if link.to_claim is not None \
        else graph.links[link.to_link or ""].source
    return start == link.source or reaches(start, link.source, lambda c: above(graph, c))


def has_circle(graph: DebateGraph) -> bool:
    """Whether any claim stands above itself."""
    return has_cycle(graph.claims, lambda claim_id: above(graph, claim_id))
