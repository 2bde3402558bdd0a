"""1,200 undercuts stacked on one arrow, each objecting to the previous objection's arrow:
deleting the attacked claim is one undo step or nothing (README, "What we guarantee")."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import LEFT, card_box, map_state, open_window, press
from PySide6.QtCore import Qt

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.domain import edit_plan as plan_module
from debate_editor.domain.builders import removal_edit
from debate_editor.store import DebateDocument

DEPTH = 1200


def stacked_debate(depth: int = DEPTH) -> Debate:
    """Thesis c1, reason c2 on arrow l1; claim u<i> undercuts the arrow of u<i-1>."""
    claims = [Claim(id="c1", text="Cities should ban cars", kind=ClaimKind.THESIS, x=0, y=0),
              Claim(id="c2", text="Cleaner air", x=0, y=200)]
    links = [Link(id="l1", source="c2", to_claim="c1")]
    for i in range(1, depth + 1):
        claims.append(Claim(id=f"u{i}", text=f"Objection {i}", x=300.0 * i, y=200))
        links.append(Link(id=f"k{i}", source=f"u{i}", to_link=links[-1].id,
                          kind=LinkKind.OBJECTION))
    return Debate(info=DebateInfo(title="Stacked"), claims=tuple(claims), links=tuple(links))


def state(path: Path) -> tuple[object, ...]:
    with DebateDocument.open(path, read_only=True) as doc:
        return map_state(doc)


def test_deleting_the_attacked_claim_under_1200_undercuts_undoes_in_one_step(
        tmp_path: Path) -> None:
    path = tmp_path / "stacked.debate"
    doc = DebateDocument.create_from(path, stacked_debate())
    before = map_state(doc)
    inverse = doc.apply(removal_edit(["c1"]))
    assert "c1" not in doc.graph.claims and doc.graph.links == {}
    assert state(path) == map_state(doc)
    doc.apply(inverse)
    assert map_state(doc) == before
    assert [r.claim.id for r in doc.graph.undercuts(f"k{DEPTH - 1}")] == [f"u{DEPTH}"]
    doc.close()
    assert state(path) == before


def test_an_edit_whose_undo_cannot_be_built_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The inverse is built before the write: if building it fails, the file and memory
    are as they were (no change without its undo step)."""
    path = tmp_path / "stacked.debate"
    doc = DebateDocument.create_from(path, stacked_debate(50))
    before, on_disk = map_state(doc), path.read_bytes()

    def overflowing(*args: object, **kwargs: object) -> Debate:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(plan_module, "EditPlan", overflowing)
    with pytest.raises(RecursionError):
        doc.apply(removal_edit(["c1"]))
    assert map_state(doc) == before
    assert path.read_bytes() == on_disk
    doc.close()
    assert state(path) == before


def test_delete_pressed_on_the_attacked_card_then_ctrl_z(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "stacked.debate"
    DebateDocument.create_from(path, stacked_debate()).close()
    before = state(path)
    window = open_window(qtbot, path)
    window.canvas.view.centerOn(window.canvas.scene.cards["c1"])
    box = card_box(window, "c1")
    viewport = window.canvas.view.viewport()
    qtbot.mouseClick(viewport, LEFT, Qt.KeyboardModifier.NoModifier, box.center())
    assert window.canvas.scene.selected_claims() == ["c1"]
    press(qtbot, window, Qt.Key.Key_Delete)
    assert "c1" not in window.canvas.scene.cards
    assert "c1" not in window.document.graph.claims
    assert state(path) == map_state(window.document)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "c1" in window.canvas.scene.cards
    assert map_state(window.document) == before
    assert state(path) == before
