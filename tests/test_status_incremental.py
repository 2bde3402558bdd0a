"""After any edit or undo, the labels kept up to date from the document's own events equal
the labels of the debate labelled afresh (README, "Which claims stand")."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from status_strategies import argument_debates

from debate_editor.domain import (
    Claim,
    Debate,
    DebateChanged,
    DebateGraph,
    Edit,
    InvalidDebateError,
    Link,
    LinkKind,
)
from debate_editor.domain.status import NO_SUPPORT, Labelling, Semantics
from debate_editor.store import DebateDocument

OPS = st.lists(
    st.tuples(
        st.sampled_from(["reason", "link", "link", "undercut", "flip", "retarget", "unlink",
                         "delete", "undo", "undo", "text"]),
        st.integers(0, 1_000), st.integers(0, 1_000), st.sampled_from(list(LinkKind)),
    ),
    min_size=1, max_size=40,
)


def _edit(doc: DebateDocument, op: str, a: int, b: int, kind: LinkKind, n: int) -> Edit | None:
    claims = sorted(doc.graph.claims)
    links = sorted(doc.graph.links)
    if not claims:
        return Edit(add_claims=(Claim(id=f"k{n}", text="first"),))
    pick = claims[a % len(claims)]
    other = claims[b % len(claims)]
    if op == "reason":
        return Edit(add_claims=(Claim(id=f"k{n}", text="reason"),),
                    add_links=(Link(id=f"m{n}", source=f"k{n}", to_claim=pick, kind=kind),))
    if op == "link" and pick != other:  # between claims already there: cycles come of it
        return Edit(add_links=(Link(id=f"m{n}", source=pick, to_claim=other, kind=kind),))
    if op == "text":
        return Edit(update_claims=(doc.graph.claims[pick].model_copy(update={"text": "new"}),))
    if op == "delete":
        return Edit(remove_claims=(pick,))
    if not links:
        return None
    link = doc.graph.links[links[b % len(links)]]
    if op == "undercut":
        return Edit(add_links=(Link(id=f"m{n}", source=pick, to_link=link.id,
                                    kind=LinkKind.OBJECTION),))
    if op == "flip" and not link.is_undercut:
        flipped = LinkKind.SUPPORT if link.kind is LinkKind.OBJECTION else LinkKind.OBJECTION
        return Edit(update_links=(link.model_copy(update={"kind": flipped}),))
    if op == "retarget" and not link.is_undercut and pick != link.to_claim:
        return Edit(update_links=(link.model_copy(update={"source": pick}),))
    if op == "unlink":
        return Edit(remove_links=(link.id,))
    return None


def assert_causes_hold(labelling: Labelling) -> None:
    """Every item that is out names what defeated it, and that is so now: an objection or
    undercut aimed at it that is in, a premise of it that is out, or (NO_SUPPORT) every
    reason for it out."""
    labels = labelling.labels
    out = {item for item, label in labels.items() if label == "out"}
    assert set(labelling.cause) == out
    for item in out:
        cause = labelling.cause[item]
        if cause == NO_SUPPORT:
            reasons = [lid for lid in labelling.incoming(item) if not labelling.is_objection(lid)]
            assert reasons and all(labels[lid] == "out" for lid in reasons), item
        elif labelling.is_claim(item):
            assert labelling.target(cause) == item and labelling.is_objection(cause)
            assert labels[cause] == "in", item
        elif labelling.is_claim(cause):
            assert cause in labelling.sources(item) and labels[cause] == "out", item
        else:
            assert labelling.target(cause) == item and labels[cause] == "in", item


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=argument_debates(max_claims=12), ops=OPS)
def test_labels_followed_edit_by_edit_equal_a_fresh_labelling(
    start: Debate, ops: list[tuple[str, int, int, LinkKind]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        doc = DebateDocument.create_from(Path(folder) / "t.debate", start)
        kept = {s: Labelling.of(start, s) for s in Semantics}
        for labelling in kept.values():
            doc.subscribe(lambda event, lab=labelling: lab.update(
                doc.graph.claims, doc.graph.links, event))
        undo: list[Edit] = []
        try:
            for n, (op, a, b, kind) in enumerate(ops):
                edit = undo.pop() if op == "undo" and undo else _edit(doc, op, a, b, kind, n)
                if edit is None:
                    continue
                try:
                    undo.append(doc.apply(edit))
                except InvalidDebateError:
                    continue  # a rule refused it: no event, nothing to follow
                for semantics, labelling in kept.items():
                    fresh = Labelling(doc.graph.claims.values(), doc.graph.links.values(),
                                      semantics)
                    assert labelling.labels == fresh.labels, (semantics, op)
                    assert_causes_hold(labelling)
        finally:
            doc.close()


def test_labels_stay_right_after_more_items_went_than_are_left() -> None:
    """Removed items leave gone slots behind until they outnumber the live ones; then the
    labelling renumbers itself, and the labels and their causes are the same as before."""
    graph = DebateGraph([Claim(id="t", text="thesis"), Claim(id="a", text="objection")],
                        [Link(id="ta", source="a", to_claim="t", kind=LinkKind.OBJECTION)])
    labelling = Labelling(graph.claims.values(), graph.links.values())
    for n in range(1_200):
        claim = Claim(id=f"x{n}", text="against the objection")
        link = Link(id=f"y{n}", source=claim.id, to_claim="a", kind=LinkKind.OBJECTION)
        graph.add_claim(claim)
        graph.add_link(link)
        labelling.update(graph.claims, graph.links, DebateChanged(
            added_claims=frozenset({claim.id}), added_links=frozenset({link.id})))
        assert labelling.labels["t"] == "in" and labelling.cause["a"] == link.id
        graph.remove_link(link.id)
        graph.remove_claim(claim.id)
        labelling.update(graph.claims, graph.links, DebateChanged(
            removed_claims=frozenset({claim.id}), removed_links=frozenset({link.id})))
        assert labelling.labels == {"t": "out", "a": "in", "ta": "in"}
        assert labelling.cause == {"t": "ta"}
    assert labelling.incoming("t") == ["ta"] and labelling.downstream(["a"]) == {"a", "ta", "t"}
