"""Linking by mouse (README, "The canvas"): the card a link would go to is outlined while
dragging, the edge zone stays grabbable when zoomed out, Alt+drop links a card, and a
new arrow's badge is never hidden under a card. Real presses, moves and releases."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import LEFT, card_box, open_window, press
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.layout.geometry import badge_centre
from debate_editor.store import DebateDocument
from debate_editor.ui.canvas_view import EDGE_PIXELS, MIN_EDGE_PIXELS
from debate_editor.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def three_cards(path: Path, middle: bool = False) -> dict[str, str]:
    """Three theses in a row (x 0, 400, 800), or the third between the first two."""
    with DebateDocument.create(path, "Links") as doc:
        a = doc.add_claim("alpha", ClaimKind.THESIS, x=0.0, y=0.0)
        b = doc.add_claim("beta", ClaimKind.THESIS, x=800.0, y=0.0)
        c = doc.add_claim("gamma", ClaimKind.THESIS, x=400.0, y=0.0 if middle else 300.0)
        return {"a": a.id, "b": b.id, "c": c.id}


def move_through(qtbot, window: MainWindow, start: QPoint, end: QPoint, steps: int = 6,  # type: ignore[no-untyped-def]
                 modifiers=NONE):
    """Mouse moves with the left button held (QTest's carry no modifier keys, so a move
    with Alt held is the event the window system sends for it)."""
    viewport = window.canvas.view.viewport()
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        if modifiers == NONE:
            qtbot.mouseMove(viewport, point)
            continue
        event = QMouseEvent(QEvent.Type.MouseMove, QPointF(point),
                            QPointF(viewport.mapToGlobal(point)), Qt.MouseButton.NoButton,
                            LEFT, modifiers)
        QApplication.sendEvent(viewport, event)


def test_the_card_under_a_dragged_link_is_outlined(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "l.debate"
    ids = three_cards(path)
    window = open_window(qtbot, path)
    press(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    view, viewport = window.canvas.view, window.canvas.view.viewport()
    a, b = card_box(window, ids["a"]), card_box(window, ids["b"])
    edge = QPoint(a.right() - 2, a.center().y())
    qtbot.mousePress(viewport, LEFT, NONE, edge)
    move_through(qtbot, window, edge, b.center())
    assert view.link_target == ids["b"]
    mark = view._target_mark
    assert mark is not None and mark.isVisible()
    assert view.mapFromScene(mark.path().boundingRect()).boundingRect().contains(b)
    window.grab().save("/tmp/keys-link-drag.png")
    move_through(qtbot, window, b.center(), QPoint(b.center().x(), b.bottom() + 150))
    assert view.link_target is None and view._target_mark is None  # over the background
    move_through(qtbot, window, QPoint(b.center().x(), b.bottom() + 150), b.center())
    qtbot.mouseRelease(viewport, LEFT, NONE, b.center())
    assert view.link_target is None and view._target_mark is None
    assert [(lk.source, lk.target) for lk in window.document.links()] == [(ids["a"], ids["b"])]


def test_the_edge_zone_is_six_pixels_wide_zoomed_out(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "l.debate"
    ids = three_cards(path)
    window = open_window(qtbot, path)
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # actual size
    for _ in range(6):  # about a quarter of actual size
        press(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    a, c = card_box(window, ids["a"]), card_box(window, ids["c"])
    assert min(EDGE_PIXELS, a.width() / 4, a.height() / 4) < 5  # the old zone: too thin
    assert a.height() > 2 * MIN_EDGE_PIXELS
    start = QPoint(a.left() + 5, a.center().y())  # five pixels in from the left edge
    viewport = window.canvas.view.viewport()
    qtbot.mousePress(viewport, LEFT, NONE, start)
    move_through(qtbot, window, start, c.center())
    qtbot.mouseRelease(viewport, LEFT, NONE, c.center())
    doc = window.document
    assert [(lk.source, lk.target) for lk in doc.links()] == [(ids["a"], ids["c"])]
    assert doc.claim(ids["a"]).position == (0.0, 0.0)  # linked, not moved
    # A click there (press and release, no move) still selects the card.
    qtbot.mouseClick(viewport, LEFT, NONE, card_box(window, ids["c"]).center())
    qtbot.mouseClick(viewport, LEFT, NONE, start)
    assert window.canvas.scene.selected_claims() == [ids["a"]]
    assert len(list(doc.links())) == 1


def test_alt_drop_onto_a_card_links_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "l.debate"
    ids = three_cards(path)
    window = open_window(qtbot, path)
    press(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    viewport = window.canvas.view.viewport()
    a, c = card_box(window, ids["a"]), card_box(window, ids["c"])
    qtbot.mousePress(viewport, LEFT, ALT, a.center())
    move_through(qtbot, window, a.center(), c.center(), modifiers=ALT)
    assert window.canvas.view.link_target == ids["c"]  # outlined while Alt is held
    qtbot.mouseRelease(viewport, LEFT, ALT, c.center())
    doc = window.document
    assert [(lk.source, lk.target, lk.kind) for lk in doc.links()] == [
        (ids["a"], ids["c"], LinkKind.SUPPORT)]
    assert doc.claim(ids["a"]).position == (0.0, 0.0)  # back where it was
    assert card_box(window, ids["a"]) == a
    # Without Alt the same drop moves the card and links nothing.
    qtbot.mousePress(viewport, LEFT, NONE, a.center())
    move_through(qtbot, window, a.center(), c.center() + QPoint(0, 60))
    qtbot.mouseRelease(viewport, LEFT, NONE, c.center() + QPoint(0, 60))
    assert len(list(doc.links())) == 1 and doc.claim(ids["a"]).position != (0.0, 0.0)
    window.close()
    with DebateDocument.open(path, read_only=True) as again:
        assert [(lk.source, lk.target) for lk in again.links()] == [(ids["a"], ids["c"])]


def test_a_new_arrows_badge_is_not_hidden_under_a_card(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "l.debate"
    ids = three_cards(path, middle=True)  # gamma stands half way from alpha to beta
    window = open_window(qtbot, path)
    press(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    view, viewport = window.canvas.view, window.canvas.view.viewport()
    a, b = card_box(window, ids["a"]), card_box(window, ids["b"])
    edge = QPoint(a.right() - 2, a.center().y())
    qtbot.mousePress(viewport, LEFT, NONE, edge)
    move_through(qtbot, window, edge, b.center())
    qtbot.mouseRelease(viewport, LEFT, NONE, b.center())
    (link,) = window.document.links()
    arrow = window.canvas.scene.arrows[link.id]
    badge = view.mapFromScene(*badge_centre(arrow.curve))
    assert card_box(window, ids["c"]).contains(badge)  # gamma is right there
    assert view.item_at(badge) is arrow  # yet the badge is on top
    qtbot.mouseClick(viewport, LEFT, NONE, badge)
    assert window.canvas.scene.selected_links() == [link.id]
