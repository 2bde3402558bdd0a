"""The graph questions every view asks: theses, pros and cons, depth, cycles, reading order."""

from __future__ import annotations

import random

from debate_editor.domain import Claim, ClaimKind, DebateGraph, Link, LinkKind

SUP, OBJ = LinkKind.SUPPORT, LinkKind.OBJECTION


def build(
    spec: list[tuple[str, str, LinkKind, int]], extra: tuple[str, ...] = ()
) -> tuple[list[Claim], list[Link]]:
    ids = {"t"} | set(extra) | {s for s, *_ in spec} | {t for _, t, *_ in spec if t[0] != "l"}
    claims = [Claim(id=i, text=i, kind=ClaimKind.THESIS if i == "t" else ClaimKind.CLAIM)
              for i in sorted(ids)]
    links = []
    for n, (source, target, kind, order) in enumerate(spec, 1):
        field = "to_link" if target.startswith("l") else "to_claim"
        links.append(Link(id=f"l{n}", source=source, kind=kind, order=order, **{field: target}))
    return claims, links


SPEC = [
    ("a", "t", SUP, 1),
    ("b", "t", SUP, 0),  # b comes before a by its stored order
    ("x", "t", OBJ, 0),
    ("a1", "a", SUP, 0),
    ("ax", "a", OBJ, 0),
    ("u", "l1", OBJ, 0),  # undercuts a → t
]


def test_theses_are_claims_that_answer_nothing() -> None:
    graph = DebateGraph(*build(SPEC, extra=("t2",)))
    assert [c.id for c in graph.theses()] == ["t", "t2"]


def test_pros_and_cons_keep_their_stored_order() -> None:
    graph = DebateGraph(*build(SPEC))
    assert [r.claim.id for r in graph.pros("t")] == ["b", "a"]
    assert [r.claim.id for r in graph.cons("t")] == ["x"]
    assert [r.claim.id for r in graph.undercuts("l1")] == ["u"]


def test_reading_order_is_pros_first_then_cons_and_the_same_whatever_the_input_order() -> None:
    claims, links = build(SPEC)
    expected = ["t", "b", "a", "a1", "ax", "u", "x"]
    assert [c.id for c in DebateGraph(claims, links).reading_order()] == expected
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(claims)
        rng.shuffle(links)
        assert [c.id for c in DebateGraph(claims, links).reading_order()] == expected


def test_reading_order_under_one_claim() -> None:
    graph = DebateGraph(*build(SPEC))
    assert [c.id for c in graph.reading_order("a")] == ["a", "a1", "ax"]


def test_depth_counts_steps_from_the_thesis() -> None:
    depths = DebateGraph(*build(SPEC)).depths()
    assert depths["t"] == 0
    assert depths["a"] == depths["x"] == 1
    assert depths["a1"] == 2
    assert depths["u"] == 1  # an undercut stands beside the reason whose arrow it attacks
    graph = DebateGraph(*build(SPEC))
    assert graph.parents("u") == ["t"] and graph.parents("a1") == ["a"]


def test_a_claim_under_two_parents_is_read_once() -> None:
    spec = [*SPEC, ("a1", "b", SUP, 0)]
    order = [c.id for c in DebateGraph(*build(spec)).reading_order()]
    assert order.count("a1") == 1
    assert order.index("a1") == order.index("b") + 1  # first met under b, which is read first


def test_cycles_are_reported_and_never_fatal() -> None:
    spec = [("p", "q", SUP, 0), ("q", "r", SUP, 0), ("r", "p", OBJ, 0), ("a", "t", SUP, 0)]
    graph = DebateGraph(*build(spec))
    cycles = graph.cycles()
    assert len(cycles) == 1 and sorted(cycles[0]) == ["p", "q", "r"]
    order = [c.id for c in graph.reading_order()]
    assert sorted(order) == sorted(graph.claims)  # every claim once, the cycle included
    assert set(graph.depths()) == set(graph.claims)


def test_following_edits_in_place_matches_a_rebuild() -> None:
    claims, links = build(SPEC)
    graph = DebateGraph(claims, links)
    graph.remove_link("l6")
    graph.remove_link("l5")
    graph.remove_claim("ax")
    rebuilt = DebateGraph([c for c in claims if c.id != "ax"], links[:4])
    assert [c.id for c in graph.reading_order()] == [c.id for c in rebuilt.reading_order()]


def test_theses_follow_every_edit_in_place() -> None:
    """The theses are kept as claims and links come, go and change (README,
    "Performance"): after each of many edits they are what a look at every claim finds."""
    from debate_editor.domain.ids import id_key

    rng = random.Random(5)
    graph = DebateGraph([Claim(id="c0", text="c0", kind=ClaimKind.THESIS)])
    made = 0
    for step in range(600):
        claims, links = graph.claims, graph.links
        roll = rng.random()
        if roll < 0.3 or len(claims) < 3:
            made += 1
            graph.add_claim(Claim(id=f"c{made}", text="x", order=rng.randint(0, 5)))
        elif roll < 0.5:
            source, target = rng.sample(sorted(claims), 2)
            if (source, target) not in graph.pairs:
                graph.add_link(Link(id=f"l{step}", source=source, to_claim=target,
                                    kind=rng.choice([SUP, OBJ])))
        elif roll < 0.6 and links:
            graph.remove_link(rng.choice(sorted(links)))
        elif roll < 0.7:
            lonely = [c for c in sorted(claims) if not graph.incoming(c)
                      and not graph.outgoing(c)]
            if lonely:
                graph.remove_claim(rng.choice(lonely))
        elif roll < 0.85:
            claim = claims[rng.choice(sorted(claims))]
            graph.replace_claim(claim.model_copy(update={"order": rng.randint(0, 5)}))
        elif links:
            link = links[rng.choice(sorted(links))]
            source = rng.choice(sorted(claims))
            if source != link.to_claim and (source, link.target) not in graph.pairs:
                graph.replace_link(link.model_copy(update={"source": source}))
        answering = {link.source for link in graph.links.values()}
        expected = sorted((c for c in graph.claims.values() if c.id not in answering),
                          key=lambda c: (c.order, id_key(c.id)))
        assert graph.theses() == expected, f"after step {step}"
