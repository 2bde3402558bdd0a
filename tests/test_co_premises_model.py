"""Co-premises in the model, the graph, the file and the JSON format (README,
"Co-premises"): a reason of several premises that hold only together."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import InvalidDebateError
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.groups import co_premise_edit, join_edit, leave_edit, split_edit
from debate_editor.domain.model import Claim, Debate, Link, LinkKind
from debate_editor.domain.status import Labelling
from debate_editor.formats.json_format import read_json, write_json
from debate_editor.store.document import DebateDocument


def _claims(*ids: str) -> tuple[Claim, ...]:
    return tuple(Claim(id=i, text=f"Claim {i}") for i in ids)


def test_a_link_names_its_premises_in_order_and_one_source_is_still_read() -> None:
    group = Link(id="l1", sources=("b", "a"), to_claim="t")
    assert group.sources == ("b", "a") and group.source == "b" and group.is_group
    assert Link(id="l2", source="a", to_claim="t").sources == ("a",)
    with pytest.raises(ValueError, match="source or as sources"):
        Link.model_validate({"id": "l3", "source": "a", "sources": ["a"], "to_claim": "t"})
    with pytest.raises(ValueError):
        Link(id="l4", sources=(), to_claim="t")


@pytest.mark.parametrize(("links", "words"), [
    ((Link(id="l1", sources=("a", "a"), to_claim="t"),), "stands twice among the premises"),
    ((Link(id="l1", sources=("a", "t"), to_claim="t"),), "premise of a reason for itself"),
    ((Link(id="l1", sources=("a", "b"), to_claim="t"),
      Link(id="l2", sources=("b", "a"), to_claim="t")), "answer t together"),
    ((Link(id="l1", sources=("a", "zz"), to_claim="t"),), "claim zz, which does not exist"),
])
def test_a_broken_group_is_refused_in_plain_words(links: tuple[Link, ...], words: str) -> None:
    with pytest.raises(InvalidDebateError, match=words):
        Debate(claims=_claims("t", "a", "b"), links=links)


def test_a_lone_reason_and_a_group_with_it_may_answer_the_same_claim() -> None:
    Debate(claims=_claims("t", "a", "b"), links=(
        Link(id="l1", sources=("a",), to_claim="t"),
        Link(id="l2", sources=("a", "b"), to_claim="t")))


def _graph() -> DebateGraph:
    """t; a and b together for t; c against t; d for b."""
    return DebateGraph(_claims("t", "a", "b", "c", "d"), (
        Link(id="l1", sources=("a", "b"), to_claim="t", order=0),
        Link(id="l2", sources=("c",), to_claim="t", kind=LinkKind.OBJECTION, order=1),
        Link(id="l3", sources=("d",), to_claim="b")))


def test_the_graph_answers_for_a_group() -> None:
    graph = _graph()
    [pro] = graph.pros("t")
    assert [c.id for c in pro.premises] == ["a", "b"]
    assert [c.id for c in graph.theses()] == ["t"]  # a and b answer t, so are no theses
    assert [c.id for c in graph.reading_order()] == ["t", "a", "b", "d", "c"]
    assert graph.depths() == {"t": 0, "a": 1, "b": 1, "c": 1, "d": 2}
    assert graph.parents("b") == ["t"]
    assert graph.cycles() == []
    graph.add_link(Link(id="l4", sources=("t", "c"), to_claim="d"))  # t → d → b → t
    assert graph.cycles() and set(graph.cycles()[0]) == {"t", "d", "b"}
    graph.remove_link("l4")
    assert graph.cycles() == []


def test_a_group_stands_only_when_every_premise_stands() -> None:
    """Grounded labelling: an objection to one premise takes the whole group's support."""
    debate = Debate(claims=_claims("t", "a", "b", "x"), links=(
        Link(id="l1", sources=("a", "b"), to_claim="t"),
        Link(id="l2", sources=("x",), to_claim="b", kind=LinkKind.OBJECTION)))
    labels = Labelling.of(debate).labels
    assert labels["b"].value == "out" and labels["l1"].value == "out"
    assert labels["a"].value == "in"
    alone = Debate(claims=debate.claims, links=(debate.links[0],))
    assert Labelling.of(alone).labels["l1"].value == "in"  # the objection made the difference


@pytest.fixture
def doc(tmp_path: Path) -> DebateDocument:
    doc = DebateDocument.create(tmp_path / "groups.debate")
    for claim in _claims("t", "a", "b", "c", "d"):
        doc.apply(Edit(add_claims=(claim,)))
    doc.apply(Edit(add_links=tuple(_graph().links.values())))
    return doc


def _reopened(doc: DebateDocument) -> dict[str, tuple[str, ...]]:
    with DebateDocument.open(doc.path, read_only=True) as again:
        return {link.id: link.sources for link in again.links()}


def test_a_group_is_written_and_read_back_in_its_order(doc: DebateDocument) -> None:
    doc.apply(Edit(update_links=(doc.link("l1").model_copy(update={"sources": ("b", "a")}),)))
    assert _reopened(doc)["l1"] == ("b", "a")
    doc.close()


def test_deleting_one_premise_keeps_the_group_with_the_others_and_undo_restores_it(
        doc: DebateDocument) -> None:
    inverse = doc.apply(Edit(remove_claims=("b",)))
    assert doc.link("l1").sources == ("a",)
    assert "l3" not in doc.graph.links  # d answered b, which is gone
    assert _reopened(doc)["l1"] == ("a",)
    doc.apply(inverse)
    assert doc.link("l1").sources == ("a", "b")
    assert _reopened(doc) == {"l1": ("a", "b"), "l2": ("c",), "l3": ("d",)}
    doc.close()


def test_deleting_every_premise_removes_the_reason(doc: DebateDocument) -> None:
    doc.apply(Edit(remove_claims=("a", "b")))
    assert "l1" not in doc.graph.links
    doc.close()


def test_add_join_leave_and_split_are_edits_that_undo(doc: DebateDocument) -> None:
    edit, claim = co_premise_edit(doc.graph, doc.ids, "l2", "and it costs too much")
    undo_add = doc.apply(edit)
    assert doc.link("l2").sources == ("c", claim.id)
    undo_join = doc.apply(join_edit(doc.graph, "l1", "d"))
    assert doc.link("l1").sources == ("a", "b", "d")
    undo_leave = doc.apply(leave_edit(doc.graph, doc.ids, "l1", "a"))
    assert doc.link("l1").sources == ("b", "d")
    assert [r.premises[0].id for r in doc.graph.pros("t")] == ["b", "a"]
    undo_split = doc.apply(split_edit(doc.graph, doc.ids, "l1"))
    assert sorted(r.link.sources for r in doc.graph.pros("t")) == [("a",), ("b",), ("d",)]
    assert _reopened(doc)["l1"] == ("b",)
    for undo in (undo_split, undo_leave, undo_join, undo_add):
        doc.apply(undo)
    assert _reopened(doc) == {"l1": ("a", "b"), "l2": ("c",), "l3": ("d",)}
    assert claim.id not in doc.graph.claims
    doc.close()


def test_joining_folds_a_lone_reason_of_the_same_kind_into_the_group(
        doc: DebateDocument) -> None:
    doc.apply(Edit(add_links=(Link(id="l9", sources=("d",), to_claim="t"),)))
    doc.apply(join_edit(doc.graph, "l1", "d"))
    assert "l9" not in doc.graph.links
    assert doc.link("l1").sources == ("a", "b", "d")
    with pytest.raises(InvalidDebateError, match="already"):
        join_edit(doc.graph, "l1", "d")
    with pytest.raises(InvalidDebateError, match="itself"):
        join_edit(doc.graph, "l1", "t")
    doc.close()


def test_splitting_refuses_a_reason_that_would_stand_twice(doc: DebateDocument) -> None:
    doc.apply(Edit(add_links=(Link(id="l9", sources=("b",), to_claim="t", order=5),)))
    with pytest.raises(InvalidDebateError, match="reason of its own"):
        split_edit(doc.graph, doc.ids, "l1")
    doc.close()


def test_json_version_2_writes_sources_and_reads_back_equal() -> None:
    debate = Debate(claims=_claims("t", "a", "b"),
                    links=(Link(id="l1", sources=("b", "a"), to_claim="t"),))
    text = write_json(debate)
    assert '"schema_version": 2' in text and '"sources"' in text
    assert read_json(text) == debate
    old = text.replace('"schema_version": 2', '"schema_version": 1')
    old = old.replace('"sources": [\n        "b",\n        "a"\n      ]', '"source": "b"')
    assert '"source": "b"' in old
    assert read_json(old).links[0].sources == ("b",)
