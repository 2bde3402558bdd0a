"""The outline: a real item model kept in step with the document, and a tree driven with
keys and mouse drags."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from views_helpers import expected_outline, open_views, outline_rows

from debate_editor.domain.edit import Edit
from debate_editor.domain.model import Claim, Link, LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.edits import add_claim_edit, delete_edit, link_edit, toggle_link_kind_edit
from debate_editor.ui.order_edits import move_in_column_edit
from debate_editor.ui.outline import Outline
from debate_editor.ui.outline_model import OutlineModel
from debate_editor.ui.session import Session

K = Qt.Key
LEFT = Qt.MouseButton.LeftButton


def outline_of(window) -> Outline:  # type: ignore[no-untyped-def]
    outline = window.views["outline"]
    assert isinstance(outline, Outline)
    return outline


def test_the_model_passes_qts_model_tester_through_edits(qapp, qtmodeltester,  # type: ignore[no-untyped-def]
                                                         seed_copy: Path) -> None:
    with DebateDocument.open(seed_copy) as doc:
        model = OutlineModel(doc)
        doc.subscribe(model.apply_event)
        qtmodeltester.check(model)  # keeps watching every signal from here on
        doc.apply(link_edit(doc, "c6", "c5", LinkKind.OBJECTION))
        doc.apply(move_in_column_edit(doc, "l3", 1) if "l3" in doc.graph.links else Edit())
        edit, _ = add_claim_edit(doc, "new thesis")
        doc.apply(edit)
        doc.apply(delete_edit(doc, ["c3"], ()))
        assert outline_rows(model) == expected_outline(doc.graph)


OPS = st.lists(st.tuples(st.sampled_from(["add", "link", "delete", "toggle", "move", "undo"]),
                         st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=14)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_the_model_updated_in_place_equals_one_built_afresh(qapp, tmp_path: Path, ops) -> None:  # type: ignore[no-untyped-def]
    """Any run of edits and undos: the model that followed the events shows what a model
    built from the document afterwards shows (so no update is missed or doubled)."""
    path = tmp_path / f"ops{abs(hash(tuple(ops)))}.debate"
    path.unlink(missing_ok=True)
    with DebateDocument.create(path, "t") as doc:
        session = Session(doc)
        model = OutlineModel(doc)
        session.bridge.changed.connect(model.apply_event)
        for name, a, b in ops:
            claims = sorted(doc.graph.claims)
            links = sorted(doc.graph.links)
            if name == "add" or not claims:
                answers = claims[a % len(claims)] if claims and b % 4 else None
                kind = LinkKind.OBJECTION if b % 3 == 0 else LinkKind.SUPPORT
                session.run(add_claim_edit(doc, f"claim {a} {b}", answers=answers, kind=kind)[0])
            elif name == "link" and len(claims) > 1:
                source, target = claims[a % len(claims)], claims[b % len(claims)]
                taken = {(lk.source, lk.target) for lk in doc.graph.links.values()}
                if source != target and (source, target) not in taken:
                    session.run(link_edit(doc, source, target, LinkKind.SUPPORT))
            elif name == "delete":
                session.run(delete_edit(doc, [claims[a % len(claims)]], ()))
            elif name == "toggle" and links:
                session.run(toggle_link_kind_edit(doc, [links[a % len(links)]]))
            elif name == "move" and links:
                session.run(move_in_column_edit(doc, links[a % len(links)], b % 3 - 1))
            elif name == "undo":
                session.undo()
            fresh = OutlineModel(doc)
            assert outline_rows(model) == outline_rows(fresh)
        session.close()


def test_circular_reasoning_shows_once_round_and_stops(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    claims = [Claim(id=f"c{n}", text=f"claim {n}") for n in (1, 2, 3)]
    links = [Link(id="l1", source="c2", to_claim="c1"), Link(id="l2", source="c1", to_claim="c2"),
             Link(id="l3", source="c3", to_claim="c2")]
    with DebateDocument.create(tmp_path / "c.debate", "c") as doc:
        doc.apply(Edit(add_claims=tuple(claims), add_links=tuple(links)))
        model = OutlineModel(doc)
        assert outline_rows(model) == [(0, "c1", None), (1, "c2", "l1"), (2, "c1", "l2"),
                                       (2, "c3", "l3")]
        from debate_editor.ui.outline_model import CircularRole

        assert model.index(0, 0, model.index(0, 0, model.index(0, 0))).data(CircularRole)

        # c1 answers c3: the whole circle c1, c2, c3 hangs under no thesis; the outline
        # (updated from the event) shows it from its first claim, as one built afresh.
        doc.subscribe(model.apply_event)
        doc.apply(Edit(add_links=(Link(id="l4", source="c1", to_claim="c3"),)))
        assert outline_rows(model) == outline_rows(OutlineModel(doc))
        assert [n.claim_id for n in model.children_of(model.root)] == ["c1"]
        assert {c for _, c, _ in outline_rows(model)} == {"c1", "c2", "c3"}
        doc.apply(Edit(remove_links=("l4",)))
        assert outline_rows(model) == outline_rows(OutlineModel(doc))


def test_keyboard_moves_and_edits_in_place(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1600, 1000))
    outline = outline_of(window)
    tree = outline.tree
    tree.setFocus()
    qtbot.keyClick(tree, K.Key_Home)
    assert outline.current_claim() == "c1"
    for expected in ("c2", "c3", "c6", "c4"):
        qtbot.keyClick(tree, K.Key_Down)
        assert outline.current_claim() == expected
    qtbot.keyClick(tree, K.Key_Left)  # to its parent
    assert outline.current_claim() == "c1"
    qtbot.keyClick(tree, K.Key_Left)  # closes it
    assert not tree.isExpanded(tree.currentIndex())
    qtbot.keyClick(tree, K.Key_Right)
    assert tree.isExpanded(tree.currentIndex())

    # Enter edits in place; text stays text.
    qtbot.keyClick(tree, K.Key_Return)
    assert outline.editor.is_open
    qtbot.keyClicks(outline.editor, "<b>Plain</b> text & more")
    qtbot.keyClick(outline.editor, K.Key_Return)
    assert window.document.claim("c1").text == "<b>Plain</b> text & more"
    assert tree.currentIndex().data() == "<b>Plain</b> text & more"
    tip = tree.currentIndex().data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Plain&lt;/b&gt; text &amp; more" in tip  # shown as typed, not as markup
    assert QApplication.focusWidget() is tree

    # S adds a reason under the current row, typed in place, and selects it.
    qtbot.keyClick(tree, K.Key_S)
    qtbot.keyClicks(outline.editor, "Typed in the outline")
    qtbot.keyClick(outline.editor, K.Key_Return)
    new = next(c.id for c in window.document.claims() if c.text == "Typed in the outline")
    assert outline.current_claim() == new
    assert [r.claim.id for r in window.document.graph.pros("c1")][-1] == new
    assert window.canvas.scene.selected_claims() == [new]
    # Ctrl+Up moves it up among the pros; Delete removes it; undo brings it back.
    qtbot.keyClick(tree, K.Key_Up, CTRL)
    assert [r.claim.id for r in window.document.graph.pros("c1")][-2] == new
    assert outline.current_claim() == new
    qtbot.keyClick(tree, K.Key_Delete)
    assert new not in window.document.graph.claims
    window.session.undo()
    assert outline.model.nodes_of(new)


def row_point(outline: Outline, claim_id: str, where: str = "centre") -> QPoint:
    node = next(n for n in outline.model.nodes_of(claim_id))
    rect = outline.tree.visualRect(outline.model.index_of(node))
    y = {"centre": rect.center().y(), "top": rect.top() + 2,
         "bottom": rect.bottom() - 2}[where]
    return QPoint(rect.left() + 60, y)


def drag_row(qtbot, outline: Outline, start: QPoint, end: QPoint) -> None:  # type: ignore[no-untyped-def]
    viewport = outline.tree.viewport()
    qtbot.mousePress(viewport, LEFT, pos=start)
    for step in range(1, 7):
        qtbot.mouseMove(viewport, start + (end - start) * (step / 6))
    qtbot.mouseRelease(viewport, LEFT, pos=end)


def test_drag_a_row_onto_another_claim_reparents_it_in_one_undo_step(qtbot,  # type: ignore[no-untyped-def]
                                                                      seed_copy: Path) -> None:
    window = open_views(qtbot, seed_copy, (1600, 1000))
    outline = outline_of(window)
    doc = window.document
    before = sorted((lk.source, lk.target, lk.kind) for lk in doc.links())
    drag_row(qtbot, outline, row_point(outline, "c6"), row_point(outline, "c4"))
    assert [lk.target for lk in doc.graph.outgoing("c6")] == ["c4"]
    assert doc.graph.outgoing("c6")[0].kind is LinkKind.OBJECTION  # still a con
    assert [node.parent.claim_id for node in outline.model.nodes_of("c6")] == ["c4"]
    assert outline.current_claim() == "c6"
    assert window.session.undo_stack.count() == 1
    window.session.undo()
    assert sorted((lk.source, lk.target, lk.kind) for lk in doc.links()) == before
    assert [node.parent.claim_id for node in outline.model.nodes_of("c6")] == ["c3"]

    # Just above another row: among that row's siblings, there.
    drag_row(qtbot, outline, row_point(outline, "c5"), row_point(outline, "c3", "top"))
    assert [r.claim.id for r in doc.graph.pros("c1")] == ["c2", "c5", "c3", "c4"]
    # A claim cannot go under its own reason.
    drag_row(qtbot, outline, row_point(outline, "c3"), row_point(outline, "c6"))
    assert [lk.target for lk in doc.graph.outgoing("c3")] == ["c1"]
    assert window.session.undo_stack.count() == 1


def test_read_only_outline_refuses_edits_and_the_banner_says_why(qtbot, seed_file: Path) -> None:  # type: ignore[no-untyped-def]
    from debate_editor.ui.main_window import MainWindow

    window = MainWindow(DebateDocument.open(seed_file, read_only=True))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    with qtbot.waitActive(window):
        pass
    outline = outline_of(window)
    messages: list[str] = []
    outline.session.notice.connect(messages.append)
    outline.tree.setFocus()
    outline.tree.setCurrentIndex(outline.model.index(0, 0, QModelIndex()))
    qtbot.keyClick(outline.tree, K.Key_F2)
    qtbot.keyClick(outline.tree, K.Key_S)
    assert not outline.editor.is_open
    # The keys are off (their actions disabled), and the banner over the window says why.
    assert window.read_only_banner.isVisible()
    assert "Read-only" in window.read_only_banner.label.text()
    outline.edit_row()  # asked for anyway (a double-click): refused, politely
    assert not outline.editor.is_open
    assert messages and "read-only" in messages[0]


def test_theses_reorder_and_a_reason_dropped_below_all_becomes_a_thesis(qtbot,  # type: ignore[no-untyped-def]
                                                                        seed_copy: Path) -> None:
    window = open_views(qtbot, seed_copy, (1600, 1000))
    outline = outline_of(window)
    doc = window.document
    tree = outline.tree
    tree.setFocus()
    qtbot.keyClick(tree, K.Key_T)
    qtbot.keyClicks(outline.editor, "A second thesis")
    qtbot.keyClick(outline.editor, K.Key_Return)
    second = next(c.id for c in doc.claims() if c.text == "A second thesis")
    assert [c.id for c in doc.graph.theses()] == ["c1", second]
    assert outline.current_claim() == second
    qtbot.keyClick(tree, K.Key_Up, CTRL)
    assert [c.id for c in doc.graph.theses()] == [second, "c1"]
    assert [n.claim_id for n in outline.model.children_of(outline.model.root)] == [second, "c1"]

    # c4 dropped in the empty space below the outline: out from under the thesis, a thesis.
    below = QPoint(80, tree.visualRect(tree.last_visible()).bottom() + 40)
    drag_row(qtbot, outline, row_point(outline, "c4"), below)
    assert not doc.graph.outgoing("c4")
    assert [c.id for c in doc.graph.theses()] == [second, "c1", "c4"]
    assert [n.claim_id for n in outline.model.children_of(outline.model.root)][-1] == "c4"
    window.session.undo()
    assert [lk.target for lk in doc.graph.outgoing("c4")] == ["c1"]


def test_the_editor_in_place_grows_with_its_text(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1600, 1000))
    outline = window.views["outline"]
    assert isinstance(outline, Outline)
    outline.tree.setFocus()
    qtbot.keyClick(outline.tree, Qt.Key.Key_Down)
    qtbot.keyClick(outline.tree, Qt.Key.Key_F2)
    editor = outline.editor
    assert editor.is_open
    short = editor.height()
    for n in range(8):  # eight more lines, typed as a person types them
        qtbot.keyClicks(editor, f" line {n} of a reason that keeps going")
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.height() > short + 8 * editor.fontMetrics().lineSpacing() * 0.8
    assert not editor.verticalScrollBar().isVisible()  # all of it shows, no scroll bar
    shown = editor.viewport().height() // editor.fontMetrics().lineSpacing()
    assert shown >= editor.document().documentLayout().documentSize().height()
    assert editor.geometry().bottom() <= outline.tree.viewport().height()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.is_open
