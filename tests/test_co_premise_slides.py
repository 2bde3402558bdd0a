"""Co-premises and the user's own marks on the slides (README, "Columns, outline and
presentation"): an objection of two premises is one card, revealed in one step; a
slide's heading and cards say the marks as the map's cards do."""

from __future__ import annotations

import shutil
from pathlib import Path

from gui_helpers import open_window, press
from PySide6.QtCore import Qt

from debate_editor.domain.edit import Edit
from debate_editor.domain.groups import co_premise_edit
from debate_editor.domain.model import Mark
from debate_editor.render.slide import layout_slide
from debate_editor.store import DebateDocument
from debate_editor.ui.main_window import MainWindow

K = Qt.Key
SECOND = "Safety work pays for itself"


def _window(qtbot, seed_file: Path, tmp_path: Path, *, grouped: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "slides.debate"
    shutil.copyfile(seed_file, path)
    with DebateDocument.open(path) as doc:
        if grouped:  # c6 and SECOND object to c3 only together (link l5)
            doc.apply(co_premise_edit(doc.graph, doc.ids, "l5", SECOND)[0])
        doc.apply(Edit(update_claims=(
            doc.claim("c3").model_copy(update={"mark": Mark.ACCEPTED}),
            doc.claim("c6").model_copy(update={"mark": Mark.REJECTED}))))
    return open_window(qtbot, path)


def _to(qtbot, window: MainWindow, claim_id: str):  # type: ignore[no-untyped-def]
    window.session.selection.select(claim_id)
    press(qtbot, window, K.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    view = window.presentation
    assert view is not None
    qtbot.waitUntil(view.isActiveWindow)
    assert view.current_claim() == claim_id
    return view


def test_an_objection_of_two_premises_is_one_card_revealed_in_one_step(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plain = _window(qtbot, seed_file, tmp_path / "a", grouped=False)
    plain_steps = len(_to(qtbot, plain, "c3").walk)
    plain.presentation.close()  # type: ignore[union-attr]
    window = _window(qtbot, seed_file, tmp_path / "b", grouped=True)
    view = _to(qtbot, window, "c3")
    assert len(view.walk) == plain_steps  # one more claim, no more steps
    first = view.content()
    [hidden] = first.cons
    assert hidden.hidden
    qtbot.keyClick(view, K.Key_Right)
    [card] = view.content().cons
    c6 = window.document.claim("c6").text
    assert (card.text, card.hidden, card.focus) == (f"{c6}, and {SECOND}", False, True)
    assert "2 premises together" in card.tally
    qtbot.keyClick(view, K.Key_Right)  # on to the next claim: no second reveal of it
    assert view.content().text != window.document.claim("c3").text
    view.close()


def test_slides_say_the_users_marks_as_the_cards_do(
        qtbot, seed_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, seed_file, tmp_path, grouped=False)
    view = _to(qtbot, window, "c3")
    content = view.content()
    assert content.mine == "you accept"
    laid = layout_slide(content, 1920, 1080)
    assert any("CLAIM · you accept" in " ".join(text.block.lines) for text in laid.texts)
    qtbot.keyClick(view, K.Key_Right)
    [card] = view.content().cons
    assert "you reject" in card.tally
    view.close()
