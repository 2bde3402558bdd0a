"""Only what stands under one claim: the debate an export's `--claim` writes."""

from __future__ import annotations

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Debate, Link


def debate_under(debate: Debate, claim_id: str) -> Debate:
    """Only what stands under one claim, that claim as the root (an export's `--claim`)."""
    graph = DebateGraph.of(debate)
    keep = {claim.id for claim in graph.reading_order(claim_id)}
    links = [
        link for link in debate.links
        if keep.issuperset(link.sources) and claim_id not in link.sources
        and (link.to_claim is None or link.to_claim in keep)
    ]
    links = _without_dangling_undercuts(links)
    claims = [claim for claim in debate.claims if claim.id in keep]
    return Debate.model_construct(
        schema_version=debate.schema_version, info=debate.info,
        claims=tuple(claims), links=tuple(links),
    )


def _without_dangling_undercuts(links: list[Link]) -> list[Link]:
    """Drop undercuts whose arrow was dropped, and the undercuts of those, and so on: one
    walk up each chain, each link decided once (not one pass over all per level). An
    undercut stays when its chain ends at an arrow to a claim, or turns in a circle."""
    by_id = {link.id: link for link in links}
    kept: dict[str, bool] = {}
    for link in links:
        trail: list[str] = []
        on_trail: set[str] = set()
        current: Link | None = link
        while current is not None and current.id not in kept and current.id not in on_trail:
            if current.to_link is None:
                kept[current.id] = True
                break
            trail.append(current.id)
            on_trail.add(current.id)
            current = by_id.get(current.to_link)
        if current is None:
            verdict = False
        elif current.id in on_trail:
            verdict = True
        else:
            verdict = kept[current.id]
        for link_id in trail:
            kept[link_id] = verdict
    return [link for link in links if kept[link.id]]
