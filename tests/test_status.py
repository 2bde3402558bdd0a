"""Which claims stand (README, "Which claims stand"): cases with known answers, a chain
deeper than any recursion, and the labels after an edit equal to labelling afresh."""

from __future__ import annotations

import sys

from debate_editor.domain import Claim, Debate, DebateChanged, DebateGraph, Link, LinkKind
from debate_editor.domain.status import Labelling, Semantics, evaluate
from debate_editor.domain.status_why import why

OBJ, SUP = LinkKind.OBJECTION, LinkKind.SUPPORT
EVIDENTIAL = Semantics.EVIDENTIAL


def debate(claims: str, *links: tuple[str, str, str, LinkKind]) -> Debate:
    """Claims named by letters; links as (id, source, target, kind), a target that is a
    link id making an undercut."""
    ids = set(claims)
    return Debate(
        claims=tuple(Claim(id=c, text=f"claim {c}") for c in claims),
        links=tuple(
            Link(id=lid, source=s, kind=k, **({"to_claim": t} if t in ids else {"to_link": t}))
            for lid, s, t, k in links
        ),
    )


def labels(d: Debate, semantics: Semantics = Semantics.GROUNDED) -> dict[str, str]:
    result = evaluate(d, semantics)
    return {**result["claims"], **result["links"]}  # type: ignore[dict-item]


def test_a_chain_alternates_from_its_unanswered_end() -> None:
    d = debate("ABC", ("l1", "B", "A", OBJ), ("l2", "C", "B", OBJ))
    assert labels(d) == {"A": "in", "B": "out", "C": "in", "l1": "out", "l2": "in"}


def test_an_odd_cycle_is_undecided_throughout() -> None:
    d = debate("ABC", ("l1", "B", "A", OBJ), ("l2", "C", "B", OBJ), ("l3", "A", "C", OBJ))
    assert set(labels(d).values()) == {"undecided"}


def test_an_even_cycle_is_undecided_in_the_grounded_labelling() -> None:
    d = debate("AB", ("l1", "B", "A", OBJ), ("l2", "A", "B", OBJ))
    assert set(labels(d).values()) == {"undecided"}


def test_an_undercut_reinstates_the_claim_its_arrow_attacked() -> None:
    plain = debate("AB", ("l1", "B", "A", OBJ))
    assert labels(plain)["A"] == "out"
    d = debate("ABC", ("l1", "B", "A", OBJ), ("u1", "C", "l1", OBJ))
    assert labels(d) == {"A": "in", "B": "in", "C": "in", "l1": "out", "u1": "in"}


def test_an_undercut_of_the_undercut_defeats_the_claim_again() -> None:
    d = debate("ABCD", ("l1", "B", "A", OBJ), ("u1", "C", "l1", OBJ), ("u2", "D", "u1", OBJ))
    got = labels(d)
    assert (got["u2"], got["u1"], got["l1"], got["A"]) == ("in", "out", "in", "out")


def test_an_undecided_source_leaves_its_link_and_target_undecided() -> None:
    d = debate("ABCD", ("l1", "B", "C", OBJ), ("l2", "C", "B", OBJ), ("l3", "B", "A", OBJ))
    got = labels(d)
    assert (got["l3"], got["A"], got["D"]) == ("undecided", "undecided", "in")


def test_a_defeated_support_defeats_nothing_presumptively_but_does_evidentially() -> None:
    d = debate("ABC", ("l1", "B", "A", SUP), ("l2", "C", "B", OBJ))
    assert labels(d) == {"A": "in", "B": "out", "C": "in", "l1": "out", "l2": "in"}
    assert labels(d, EVIDENTIAL)["A"] == "out"


def test_evidentially_one_standing_reason_is_enough() -> None:
    d = debate("ABCD", ("l1", "B", "A", SUP), ("l2", "C", "A", SUP), ("l3", "D", "B", OBJ))
    assert labels(d, EVIDENTIAL)["A"] == "in"
    # A claim without reasons stands in both readings; an objection still defeats it.
    assert labels(d, EVIDENTIAL)["D"] == "in"
    d2 = debate("ABC", ("l1", "B", "A", SUP), ("l2", "C", "A", OBJ))
    assert labels(d2, EVIDENTIAL)["A"] == "out"


def test_evidentially_an_undecided_reason_leaves_its_claim_undecided() -> None:
    d = debate("ABCD", ("l1", "B", "A", SUP), ("l2", "C", "B", OBJ), ("l3", "B", "C", OBJ))
    assert labels(d, EVIDENTIAL)["A"] == "undecided"
    assert labels(d)["A"] == "in"


def test_a_chain_of_fifty_thousand_is_labelled_without_recursion() -> None:
    n = 50_000
    claims = tuple(Claim(id=f"c{i}", text="x") for i in range(n))
    links = tuple(Link(id=f"l{i}", source=f"c{i}", to_claim=f"c{i - 1}", kind=OBJ)
                  for i in range(1, n))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        labelling = Labelling(claims, links)
        steps = why(labelling, "c0")
    finally:
        sys.setrecursionlimit(limit)
    # c49999 is unanswered, so it stands; the labels alternate down to c0.
    assert labelling.labels["c49999"] == "in"
    assert labelling.labels["c0"] == ("in" if (n - 1) % 2 == 0 else "out")
    assert labelling.labels["c1"] != labelling.labels["c0"]
    assert len(steps) == 2 * n - 1  # every claim and link of the chain, once


def test_why_names_the_objection_that_defeats_a_claim() -> None:
    d = debate("ABC", ("l1", "B", "A", OBJ), ("l2", "C", "A", SUP))
    steps = why(Labelling.of(d), "A")
    assert steps[0].id == "A" and steps[0].label == "out"
    assert steps[0].because == ("l1",)
    assert [s.id for s in steps] == ["A", "l1", "B"]
    assert steps[-1].rule == "nothing objects to it"


def test_why_a_claim_stands_walks_to_the_answer_of_each_objection() -> None:
    d = debate("ABCD", ("l1", "B", "A", OBJ), ("u1", "C", "l1", OBJ), ("l3", "D", "C", SUP))
    steps = {s.id: s for s in why(Labelling.of(d), "A")}
    assert steps["A"].label == "in" and steps["A"].because == ("l1",)
    assert steps["l1"].rule == "an undercut of it stands" and steps["l1"].because == ("u1",)
    assert "D" not in steps  # a support is not part of why C stands, presumptively


def test_why_an_undecided_claim_ends_in_its_cycle() -> None:
    d = debate("AB", ("l1", "B", "A", OBJ), ("l2", "A", "B", OBJ))
    steps = why(Labelling.of(d), "A")
    assert [s.id for s in steps] == ["A", "l1", "B", "l2"]
    assert all(s.label == "undecided" for s in steps)


def test_an_edit_far_from_the_rest_relabels_only_what_it_reaches() -> None:
    claims = [Claim(id="t", text="thesis")] + [Claim(id=f"r{i}", text="r") for i in range(500)]
    links = [Link(id=f"s{i}", source=f"r{i}", to_claim="t", kind=SUP) for i in range(500)]
    graph = DebateGraph(claims, links)
    labelling = Labelling(graph.claims.values(), graph.links.values())
    graph.add_claim(Claim(id="x", text="objection"))
    graph.add_link(Link(id="o", source="x", to_claim="r7", kind=OBJ))
    event = DebateChanged(added_claims=frozenset({"x"}), added_links=frozenset({"o"}))
    relabelled = labelling.update(graph.claims, graph.links, event)
    assert relabelled == {"x", "o", "r7", "s7"}
    assert labelling.labels["r7"] == "out" and labelling.labels["t"] == "in"
