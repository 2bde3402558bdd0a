"""Co-premises in the columns, the outline and the inspector (README, "Columns, outline
and presentation": "Co-premises"): a group is one entry and one row that reads its
premises in order, counted once; a premise's text edited anywhere shows there at once;
undo puts back what was shown."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL
from PySide6.QtCore import QModelIndex, Qt
from views_helpers import open_views

from debate_editor.domain.groups import co_premise_edit
from debate_editor.domain.model import LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.edits import text_edit
from debate_editor.ui.main_window import MainWindow
from debate_editor.ui.outline_model import ClaimRole

K = Qt.Key
PRO = LinkKind.SUPPORT
SECOND = "Labs answer to investors"


def _grouped(qtbot, seed_copy: Path) -> tuple[MainWindow, str]:  # type: ignore[no-untyped-def]
    """The seed with c3 and SECOND supporting the thesis c1 only together (link l2)."""
    with DebateDocument.open(seed_copy) as doc:
        edit, claim = co_premise_edit(doc.graph, doc.ids, "l2", SECOND)
        doc.apply(edit)
    window = open_views(qtbot, seed_copy)
    window.views["columns"].show_claim("c1")  # type: ignore[attr-defined]
    return window, claim.id


def _pro_texts(window: MainWindow) -> list[str]:
    model = window.views["columns"].lists[PRO].reasons  # type: ignore[attr-defined]
    return [model.index(row).data() for row in range(model.rowCount())]


def _outline_under(window: MainWindow, claim_id: str) -> list[str]:
    model = window.views["outline"].tree.model()  # type: ignore[attr-defined]
    top = next(model.index(r, 0) for r in range(model.rowCount())
               if model.index(r, 0).data(ClaimRole) == claim_id)
    return [model.index(r, 0, top).data() for r in range(model.rowCount(top))]


def test_a_group_is_one_entry_reading_its_premises_in_order(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window, _second = _grouped(qtbot, seed_copy)
    c3 = window.document.claim("c3").text
    texts = _pro_texts(window)
    assert len(texts) == 4  # c2, the group, c4, c5: the group counted once
    assert texts[1] == f"{c3}, and {SECOND}"
    columns = window.views["columns"]
    assert columns.headers[PRO].text() == "PROS  4"  # type: ignore[attr-defined]
    assert "4 pros" in columns.tally_label.text()  # type: ignore[attr-defined]
    outline = _outline_under(window, "c1")
    assert len(outline) == 4
    assert outline[1] == f"{c3}, and {SECOND}"


def test_a_premise_edited_shows_in_its_group_everywhere_and_undo_restores_it(
        qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window, second = _grouped(qtbot, seed_copy)
    c3 = window.document.claim("c3").text
    window.session.run(text_edit(window.document, second, "Labs answer to their boards"))
    assert _pro_texts(window)[1] == f"{c3}, and Labs answer to their boards"
    assert _outline_under(window, "c1")[1] == f"{c3}, and Labs answer to their boards"
    window.session.undo()
    assert _pro_texts(window)[1] == f"{c3}, and {SECOND}"
    assert _outline_under(window, "c1")[1] == f"{c3}, and {SECOND}"


def test_a_from_the_columns_adds_a_premise_to_the_chosen_entry_and_ctrl_z_undoes_it(
        qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy)
    columns = window.views["columns"]
    columns.show_claim("c1")  # type: ignore[attr-defined]
    pros = columns.lists[PRO]  # type: ignore[attr-defined]
    pros.setFocus()
    pros.setCurrentIndex(pros.reasons.index(2))  # c4
    assert window.session.selection.current == "c4"
    qtbot.keyClick(pros, K.Key_A)
    c4 = window.document.claim("c4").text
    assert _pro_texts(window)[2] == f"{c4}, and and …"
    assert columns.focus == "c1"  # type: ignore[attr-defined]  # the columns stay
    assert pros.currentIndex().row() == 2  # the group's entry is the chosen one
    assert _outline_under(window, "c1")[2] == f"{c4}, and and …"
    qtbot.keyClick(pros, K.Key_Z, CTRL)
    assert _pro_texts(window)[2] == c4
    assert _outline_under(window, "c1")[2] == c4


def test_split_in_the_outline_gives_each_premise_its_row_and_undo_one_again(
        qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window, second = _grouped(qtbot, seed_copy)
    window.session.selection.select(second)
    tree = window.views["outline"].tree  # type: ignore[attr-defined]
    tree.setFocus()
    qtbot.keyClick(tree, K.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert len(_outline_under(window, "c1")) == 5
    assert SECOND in _outline_under(window, "c1")
    assert len(_pro_texts(window)) == 5
    qtbot.keyClick(tree, K.Key_Z, CTRL)
    assert len(_outline_under(window, "c1")) == 4
    assert len(_pro_texts(window)) == 4


def test_the_reasons_of_a_later_premise_show_under_its_groups_row(
        qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window, second = _grouped(qtbot, seed_copy)
    from debate_editor.ui.edits import add_claim_edit

    edit, _ = add_claim_edit(window.document, "Boards want returns", answers=second)
    window.session.run(edit)
    model = window.views["outline"].tree.model()  # type: ignore[attr-defined]
    top = model.index(0, 0)
    group = model.index(1, 0, top)
    under = [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
    assert "Boards want returns" in under
    assert model.index(0, 0, QModelIndex()).data(ClaimRole) == "c1"


def test_the_inspector_names_a_premises_co_premises(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window, second = _grouped(qtbot, seed_copy)
    window.session.selection.select(second)
    note = window.views["inspector"].group_note  # type: ignore[attr-defined]
    assert not note.isHidden()
    assert window.document.claim("c3").text[:30] in note.text()
    window.session.selection.select("c4")
    assert note.isHidden()
