"""A move (a drag, or Ctrl+L moving every card) is checked by a shorter path than an edit
of what a card says (README, "Performance"): the same edits must still be refused, and a
move must still be seen by the map while the outline, which shows no places, stays as it
was."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_editor.domain import ClaimKind, Edit, InvalidDebateError
from debate_editor.domain.events import DebateChanged
from debate_editor.store import DebateDocument


def _doc(tmp_path: Path) -> DebateDocument:
    doc = DebateDocument.create(tmp_path / "moves.debate", "Moves")
    thesis = doc.add_claim("Cities should ban cars", ClaimKind.THESIS, x=0.0, y=0.0)
    for i in range(5):
        doc.add_claim(f"Reason {i}", answers=thesis.id, x=100.0 * i, y=200.0)
    return doc


def _state(doc: DebateDocument) -> dict[str, object]:
    return dict(doc.graph.claims)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), 1e9, -1e9, 3])
def test_one_bad_place_among_many_moves_refuses_them_all(tmp_path: Path, bad: object) -> None:
    with _doc(tmp_path) as doc:
        before = _state(doc)
        claims = list(doc.graph.claims.values())
        moves = [c.model_copy(update={"x": c.x + 7.5, "y": c.y + 1.5}) for c in claims]  # type: ignore[operator]
        moves[3] = claims[3].model_copy(update={"x": bad})
        if bad == 3:  # an int where a float belongs: the full check accepts it as 3.0
            doc.apply(Edit(update_claims=tuple(moves)))
            assert doc.claim(claims[3].id).x == 3.0
            return
        with pytest.raises(InvalidDebateError):
            doc.apply(Edit(update_claims=tuple(moves)))
        assert _state(doc) == before
    with DebateDocument.open(tmp_path / "moves.debate", read_only=True) as again:
        assert _state(again) == before


def test_a_move_that_also_blanks_the_text_is_refused(tmp_path: Path) -> None:
    with _doc(tmp_path) as doc:
        claim = next(iter(doc.graph.claims.values()))
        sneaky = claim.model_copy(update={"x": 5.0, "text": "  "})
        with pytest.raises(InvalidDebateError, match="needs some text"):
            doc.apply(Edit(update_claims=(sneaky,)))
        twice = (claim.model_copy(update={"x": 5.0}), sneaky)
        with pytest.raises(InvalidDebateError) as refused:
            doc.apply(Edit(update_claims=twice))
        assert any("needs some text" in problem for problem in refused.value.problems)


def test_the_event_of_a_move_names_the_claims_only_moved(tmp_path: Path) -> None:
    with _doc(tmp_path) as doc:
        seen: list[DebateChanged] = []
        doc.events.subscribe(seen.append)
        a, b = list(doc.graph.claims.values())[:2]
        doc.apply(Edit(update_claims=(a.model_copy(update={"x": 40.0}),
                                      b.model_copy(update={"x": 40.0, "text": "Reworded"}))))
        assert seen[-1].changed_claims == {a.id, b.id}
        assert seen[-1].moved_claims == {a.id}
        doc.apply(Edit(update_claims=(doc.claim(a.id).model_copy(update={"title": "T"}),)))
        assert seen[-1].moved_claims == frozenset()


@pytest.mark.parametrize("count", [1, 250])  # a few rows by Core, many by the fast path
def test_moves_are_written_and_read_back(tmp_path: Path, count: int) -> None:
    with DebateDocument.create(tmp_path / "many.debate", "Many") as doc:
        thesis = doc.add_claim("A thesis", ClaimKind.THESIS, x=0.0, y=0.0)
        for i in range(count):
            doc.add_claim(f"Reason {i}", answers=thesis.id, x=float(i), y=100.0)
        claims = list(doc.graph.claims.values())
        moved = [c.model_copy(update={"x": -12.5 * i, "y": 3.0 + i})
                 for i, c in enumerate(claims)]
        moved[0] = claims[0].model_copy(update={"x": None, "y": None})  # not placed any more
        doc.apply(Edit(update_claims=tuple(moved)))
        after = _state(doc)
    with DebateDocument.open(tmp_path / "many.debate", read_only=True) as again:
        assert _state(again) == after
        assert again.claim(thesis.id).position is None
        assert again.claim(claims[-1].id).position == (-12.5 * count, 3.0 + count)
