"""The user's own marks (README, "Your own marks"): stored in the file, undoable, and
set against the structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_editor.cli import main
from debate_editor.domain.edit import Edit
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.marks import disagreements
from debate_editor.domain.model import Claim, Debate, Link, LinkKind, Mark, Strength
from debate_editor.domain.open_points import open_points
from debate_editor.domain.status import Labelling
from debate_editor.store.document import DebateDocument

OBJ, SUP = LinkKind.OBJECTION, LinkKind.SUPPORT


def _debate(marks: dict[str, Mark], strengths: dict[str, Strength]) -> Debate:
    """t, supported by p (l1), objected to by o (l2); x objects to o (l3)."""
    claims = tuple(Claim(id=i, text=f"Claim {i}", mark=marks.get(i, Mark.UNMARKED))
                   for i in ("t", "p", "o", "x"))
    links = (Link(id="l1", sources=("p",), to_claim="t", kind=SUP,
                  strength=strengths.get("l1", Strength.UNMARKED)),
             Link(id="l2", sources=("o",), to_claim="t", kind=OBJ,
                  strength=strengths.get("l2", Strength.UNMARKED)),
             Link(id="l3", sources=("x",), to_claim="o", kind=OBJ))
    return Debate(claims=claims, links=links)


def _parted(debate: Debate) -> dict[str, str]:
    graph = DebateGraph.of(debate)
    return {d.claim: d.why for d in disagreements(graph, Labelling.of(debate))}


def test_no_marks_no_disagreement() -> None:
    assert _parted(_debate({}, {})) == {}


def test_an_accepted_claim_beaten_by_an_accepted_strong_objection() -> None:
    debate = _debate({"t": Mark.ACCEPTED, "o": Mark.ACCEPTED}, {"l2": Strength.STRONG})
    assert "objection" in _parted(debate)["t"]
    weak = _debate({"t": Mark.ACCEPTED, "o": Mark.ACCEPTED}, {"l2": Strength.WEAK})
    assert "t" not in _parted(weak)


def test_a_rejected_claim_with_no_objection_standing() -> None:
    """o is objected to by x, which stands, so l2 is out: nothing stands against t."""
    assert "no objection" in _parted(_debate({"t": Mark.REJECTED}, {}))["t"]
    assert "x" in _parted(_debate({"x": Mark.REJECTED}, {}))  # nothing objects to x
    assert "o" not in _parted(_debate({"o": Mark.REJECTED}, {}))  # x's objection stands


def test_an_accepted_claim_whose_every_reason_was_rejected() -> None:
    assert "every reason" in _parted(_debate({"t": Mark.ACCEPTED, "p": Mark.REJECTED}, {}))["t"]
    assert "every reason" in _parted(_debate({"t": Mark.ACCEPTED}, {"l1": Strength.NONE}))["t"]
    assert "t" not in _parted(_debate({"t": Mark.ACCEPTED, "p": Mark.ACCEPTED}, {}))


def test_an_accepted_claim_is_held_for_the_open_points() -> None:
    """x's objection l3 stands against o: an open point only for someone holding o."""
    debate = _debate({}, {})
    graph = DebateGraph.of(debate)
    labelling = Labelling.of(debate)
    assert [p.link for p in open_points(graph, labelling, {"t"})] == []
    marked = _debate({"o": Mark.ACCEPTED}, {})
    graph = DebateGraph.of(marked)
    assert [p.link for p in open_points(graph, Labelling.of(marked), {"t"})] == ["l3"]


def test_marks_are_stored_undone_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "marks.debate"
    with DebateDocument.create_from(path, _debate({}, {})) as doc:
        undo = doc.apply(Edit(
            update_claims=(doc.claim("t").model_copy(update={"mark": Mark.REJECTED}),),
            update_links=(doc.link("l2").model_copy(update={"strength": Strength.WEAK}),)))
    with DebateDocument.open(path) as doc:
        assert doc.claim("t").mark is Mark.REJECTED
        assert doc.link("l2").strength is Strength.WEAK
        doc.apply(undo)
    with DebateDocument.open(path, read_only=True) as doc:
        assert doc.claim("t").mark is Mark.UNMARKED
        assert doc.link("l2").strength is Strength.UNMARKED


def test_evaluate_names_the_disagreements(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "marks.debate"
    DebateDocument.create_from(path, _debate({"t": Mark.REJECTED}, {})).close()
    assert main(["evaluate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "[you: rejected]" in out
    assert "t      You reject it, but no objection to it stands." in out
