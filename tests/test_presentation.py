"""Presenting: every claim once in reading order, objections one step at a time, keys to
move, Esc back to where one was; slides that fit long claims on common screens."""

from __future__ import annotations

from pathlib import Path

from debate_strategies import debates
from gui_helpers import open_window, press
from hypothesis import given, settings
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import ClaimKind
from debate_editor.render.slide import SlideCard, SlideContent, layout_slide
from debate_editor.ui.presentation import PresentationView
from debate_editor.ui.presentation_steps import Presentation, reading_walk

K = Qt.Key


@settings(max_examples=150, deadline=None)
@given(debate=debates(max_claims=10))
def test_the_steps_visit_every_claim_once_in_reading_order(debate) -> None:  # type: ignore[no-untyped-def]
    graph = DebateGraph.of(debate)
    steps = reading_walk(graph)
    assert [s.claim for s in steps] == [c.id for c in graph.reading_order()]
    walk = Presentation(graph)
    for number, step in enumerate(walk.steps):
        slide = walk.slide(number)
        assert slide.focus == step.claim
        # The step's claim is on its slide: the claim itself, or a revealed objection.
        shown = {lk.source for lk in (*slide.cons, *slide.undercuts)
                 if lk.id not in slide.hidden}
        assert step.claim == slide.frame or step.claim in shown
        # What is revealed is what has been visited; nothing later shows yet.
        for link in (*slide.cons, *slide.undercuts):
            visited = walk.index_of[link.source] <= number
            assert (link.id not in slide.hidden) == visited


def test_the_seed_is_presented_thesis_reasons_then_each_objection(qapp, seed_file: Path) -> None:  # type: ignore[no-untyped-def]
    from debate_editor.store import DebateDocument

    with DebateDocument.open(seed_file, read_only=True) as doc:
        walk = Presentation(doc.graph)
        assert [s.claim for s in walk.steps] == ["c1", "c2", "c3", "c6", "c4", "c5", "c7"]
        first = walk.slide(0)
        assert (first.frame, [lk.source for lk in first.pros]) == ("c1", ["c2", "c3", "c4", "c5"])
        third, fourth = walk.slide(2), walk.slide(3)
        assert third.frame == fourth.frame == "c3"
        assert [lk.id for lk in third.cons if lk.id not in third.hidden] == []
        assert [lk.source for lk in fourth.cons if lk.id not in fourth.hidden] == ["c6"]
        assert fourth.focus == "c6"


def test_keys_walk_forward_back_home_end_and_esc_returns(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    window.canvas.select("c5")
    press(qtbot, window, K.Key_F5)
    view = window.presentation
    assert isinstance(view, PresentationView) and view.isFullScreen()
    qtbot.waitUntil(view.isActiveWindow)
    visited = [view.current_claim()]
    for key in (K.Key_Right, K.Key_Space, K.Key_PageDown, K.Key_Right, K.Key_Right, K.Key_Right):
        qtbot.keyClick(view, key)
        visited.append(view.current_claim())
    assert visited == ["c1", "c2", "c3", "c6", "c4", "c5", "c7"]
    qtbot.keyClick(view, K.Key_Right)  # the end: stays
    assert view.current_claim() == "c7"
    back = []
    for key in (K.Key_Left, K.Key_PageUp, K.Key_Left):
        qtbot.keyClick(view, key)
        back.append(view.current_claim())
    assert back == ["c5", "c4", "c6"]
    qtbot.keyClick(view, K.Key_Home)
    assert view.current_claim() == "c1"
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton)  # a click goes on, a right-click back
    assert view.current_claim() == "c2"
    qtbot.mouseClick(view, Qt.MouseButton.RightButton)
    assert view.current_claim() == "c1"
    qtbot.keyClick(view, K.Key_End)
    assert view.current_claim() == "c7"
    # The presenter's choices: the map instead of the card, dark instead of light.
    qtbot.keyClick(view, K.Key_M)
    qtbot.keyClick(view, K.Key_D)
    assert view.map_mode and view.theme.name == "dark"
    picture = view.grab().toImage()
    assert QColorAt(picture, 5, picture.height() - 5) == "#15171b"
    qtbot.keyClick(view, K.Key_Escape)
    qtbot.waitUntil(lambda: window.presentation is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas.view)
    assert window.canvas.scene.selected_claims() == ["c5"]
    assert window.session.selection.current == "c5"
    assert window.session.undo_stack.count() == 0

    # Shift+F5 starts at the selected claim, and the theme and mode are remembered.
    press(qtbot, window, K.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    again = window.presentation
    assert again is not None and again.current_claim() == "c5"
    qtbot.waitUntil(again.isActiveWindow)
    assert again.map_mode and again.theme.name == "dark"
    qtbot.keyClick(again, K.Key_D)
    qtbot.keyClick(again, K.Key_M)
    qtbot.keyClick(again, K.Key_Escape)


def QColorAt(image: QImage, x: int, y: int) -> str:  # noqa: N802 - reads like a colour
    return image.pixelColor(x, y).name()


def test_the_presentation_follows_edits_and_keeps_its_place(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    press(qtbot, window, K.Key_F5)
    view = window.presentation
    assert view is not None
    qtbot.waitUntil(view.isActiveWindow)
    view.go_to(3)
    assert view.current_claim() == "c6"
    from debate_editor.ui.edits import add_claim_edit

    window.session.run(add_claim_edit(window.document, "A new first thought",
                                      answers="c2")[0])
    assert view.current_claim() == "c6" and len(view.walk) == 8
    qtbot.keyClick(view, K.Key_Escape)


LONG = ("A claim that goes on and on, " * 40).strip()


def test_long_claims_are_set_smaller_and_wrapped_never_cut(qapp) -> None:  # type: ignore[no-untyped-def]
    reasons = tuple(SlideCard(f"{n}: {LONG[: 200 + 90 * n]}", "+", "2 pros") for n in range(5))
    objections = tuple(SlideCard(f"objection {n}: {LONG[:300]}", "−") for n in range(3))
    content = SlideContent("Title", "3 / 9", LONG, ClaimKind.THESIS, context="A reason for: x",
                           note=LONG[:150], pros=reasons, cons=objections)
    for width, height in ((1920, 1080), (1280, 720)):
        layout = layout_slide(content, width, height)
        assert layout.fits and layout.bottom <= height
        texts = [" ".join(t.block.lines) for t in layout.texts]
        for card in (*reasons, *objections):
            assert " ".join(card.text.split()) in [" ".join(t.split()) for t in texts]
        assert " ".join(LONG.split()) in [" ".join(t.split()) for t in texts]
        for placed in layout.texts:
            assert placed.x >= 0 and placed.y + placed.block.height <= height
        # A short slide keeps the largest type.
    short = layout_slide(SlideContent("T", "1 / 1", "Short.", ClaimKind.THESIS), 1920, 1080)
    assert short.scale == 1.0
    assert layout_slide(content, 1920, 1080).scale < 1.0


def shown_lines(view: PresentationView) -> list[str]:
    """The lines the slide on screen draws (not those kept hidden for later)."""
    laid = view._layout(view.content(), (view.width(), view.height()))
    return [" ".join(t.block.lines) for t in laid.texts if not t.hidden]


def test_objections_to_come_are_counted_and_a_concession_says_so(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    press(qtbot, window, K.Key_F5)
    view = window.presentation
    assert view is not None
    qtbot.waitUntil(view.isActiveWindow)
    thesis = shown_lines(view)
    concession = next(n for n, line in enumerate(thesis) if line.startswith("I think it’s useful"))
    assert thesis[concession + 1] == "CONCESSION"  # the small print under its card
    for key in (K.Key_Right, K.Key_Right):  # to the zero-sum reason's slide
        qtbot.keyClick(view, key)
    assert view.current_claim() == "c3"
    assert "AGAINST  0 of 1" in shown_lines(view)  # one is still to come, not "none"
    qtbot.keyClick(view, K.Key_Right)  # its objection appears
    assert view.current_claim() == "c6"
    lines = shown_lines(view)
    assert "AGAINST  1" in lines and not any(" of " in line for line in lines
                                             if line.startswith("AGAINST"))
    qtbot.keyClick(view, K.Key_Escape)
