"""Debates shaped to test the labelling: chains, odd and even cycles, undercuts of
undercuts, claims under several parents, co-premises. Drawn by hypothesis alone (no
random seeds)."""

from __future__ import annotations

from hypothesis import strategies as st

from debate_editor.domain import Claim, Debate, Link, LinkKind

KINDS = st.sampled_from([LinkKind.OBJECTION, LinkKind.OBJECTION, LinkKind.SUPPORT])
"""Objections twice as often as supports: they are what the labelling is about."""


def _undercuts(draw: st.DrawFn, claims: int, links: list[Link]) -> list[Link]:
    """Undercuts aimed at earlier links, undercuts among them (so chains of undercuts of
    undercuts), never in a circle since each aims at a link drawn before it."""
    count = draw(st.integers(min_value=0, max_value=4))
    pairs = {(link.source, link.target) for link in links}
    result: list[Link] = []
    for _ in range(count):
        everything = links + result
        target = everything[draw(st.integers(0, len(everything) - 1))]
        source = f"c{draw(st.integers(1, claims))}"
        if (source, target.id) in pairs:
            continue
        pairs.add((source, target.id))
        result.append(Link(id=f"l{len(everything) + 1}", source=source, to_link=target.id,
                           kind=LinkKind.OBJECTION))
    return result


@st.composite
def shaped_links(draw: st.DrawFn, claims: int) -> list[Link]:
    """Claim-to-claim links of one shape: a chain, a cycle, or anything (several parents,
    knots of cycles of any length)."""
    shape = draw(st.sampled_from(["chain", "cycle", "any"]))
    pairs: list[tuple[int, int]] = []
    if shape == "chain":
        pairs = [(i + 1, i) for i in range(1, claims)]
    elif shape == "cycle" and claims >= 2:
        pairs = [(i % claims + 1, i) for i in range(1, claims + 1)]
    else:
        drawn = draw(st.lists(st.tuples(st.integers(1, claims), st.integers(1, claims)),
                              max_size=claims * 2))
        seen: set[tuple[int, int]] = set()
        for source, target in drawn:
            if source != target and (source, target) not in seen:
                seen.add((source, target))
                pairs.append((source, target))
    links = []
    groups: set[tuple[tuple[str, ...], str]] = set()
    for n, (source, target) in enumerate(pairs, start=1):
        premises = [f"c{source}"]
        if shape == "any" and draw(st.booleans()):  # now and then a group
            for extra in draw(st.lists(st.integers(1, claims), max_size=2)):
                if extra != target and f"c{extra}" not in premises:
                    premises.append(f"c{extra}")
        key = (tuple(sorted(premises)), f"c{target}")
        if key in groups:
            premises = [f"c{source}"]
            key = ((f"c{source}",), f"c{target}")
        groups.add(key)
        links.append(Link(id=f"l{n}", sources=tuple(premises), to_claim=f"c{target}",
                          kind=draw(KINDS)))
    return links


@st.composite
def argument_debates(draw: st.DrawFn, max_claims: int = 9) -> Debate:
    count = draw(st.integers(min_value=1, max_value=max_claims))
    claims = tuple(Claim(id=f"c{i}", text=f"claim {i}") for i in range(1, count + 1))
    links = draw(shaped_links(count))
    if links:
        links += _undercuts(draw, count, links)
    return Debate(claims=claims, links=tuple(links))
