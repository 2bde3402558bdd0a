"""Whether each claim stands, live in every view (README, "Which claims stand": "In the
window"): the marks on the map's cards, the outline's rows and the columns' entries,
read from the pixels on screen, after an edit typed with the keyboard and after Ctrl+Z;
the Why and Open Points docks; the reading chosen in the View menu."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import CTRL, LEFT, card_box, open_window, press, type_card
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QListWidget, QTextBrowser

from debate_editor.domain.model import LinkKind
from debate_editor.domain.status_labels import IN, OUT, Label
from debate_editor.layout.geometry import badge_centre
from debate_editor.render.card_style import HEADER_HEIGHT, PADDING
from debate_editor.render.status_mark import COLOURS, MARK_RADIUS
from debate_editor.ui.main_window import MainWindow
from debate_editor.ui.outline_model import ClaimRole
from debate_editor.ui.outline_tree import BADGE, PAD
from debate_editor.ui.status_live import SHOWN_KEY

K = Qt.Key
OBJECTION = "Safety and capability budgets do compete at the margin"


@pytest.fixture(autouse=True)
def marks_shown() -> Iterator[None]:
    """Marks on, whatever an earlier run left in the settings; put back afterwards."""
    before = QSettings().value(SHOWN_KEY)
    QSettings().setValue(SHOWN_KEY, True)
    yield
    if before is None:
        QSettings().remove(SHOWN_KEY)
    else:
        QSettings().setValue(SHOWN_KEY, before)


def seen_label(image: QImage, centre: QPointF, scale: float = 1.0) -> Label | None:
    """The label whose colour fills most of the disc a mark would take around `centre`
    (the symbol's white strokes and the background match none), or None when no label's
    colour fills enough of it to be a mark (the grey edges of text do not)."""
    radius = MARK_RADIUS * scale
    counts = dict.fromkeys(COLOURS, 0)
    inside = 0
    for y in range(round(centre.y() - radius), round(centre.y() + radius) + 1):
        for x in range(round(centre.x() - radius), round(centre.x() + radius) + 1):
            if (x - centre.x()) ** 2 + (y - centre.y()) ** 2 > (radius * 0.85) ** 2:
                continue
            inside += 1
            pixel = QColor(image.pixel(x, y)).getRgb()[:3]
            for label, colour in COLOURS.items():
                if sum(abs(a - b) for a, b in zip(pixel, colour.getRgb()[:3],
                                                  strict=True)) < 45:
                    counts[label] += 1
    best = max(counts, key=lambda label: counts[label])
    return best if counts[best] >= 0.25 * inside else None


def card_mark(window: MainWindow, claim_id: str) -> Label | None:
    view = window.canvas.view
    card = window.canvas.scene.cards[claim_id]
    scene_centre = card.pos() + QPointF(card.face.width - PADDING - MARK_RADIUS,
                                        4 + (HEADER_HEIGHT - 6) / 2)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    point = QPointF(view.mapFromScene(scene_centre)) * ratio
    return seen_label(image, point, view.transform().m11() * ratio)


def outline_mark(window: MainWindow, claim_id: str) -> Label | None:
    tree = window.views["outline"].tree
    model = tree.model()
    found = model.match(model.index(0, 0), ClaimRole, claim_id, 1,
                        Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
    assert found, claim_id
    tree.scrollTo(found[0])
    QApplication.processEvents()
    rect = tree.visualRect(found[0])
    centre = QPointF(rect.left() + BADGE + 2 * PAD + MARK_RADIUS,
                     rect.top() + PAD + 1 + BADGE / 2)
    return seen_label(tree.viewport().grab().toImage(), centre)


def column_mark(qtbot, window: MainWindow, claim_id: str) -> Label | None:  # type: ignore[no-untyped-def]
    """The mark of `claim_id` among c3's reasons, c3 opened in the columns by a click."""
    columns = window.views["columns"]
    if columns.focus != "c3":
        columns.show_claim("c1")  # the thesis on top, as the columns open
        pros = columns.lists[LinkKind.SUPPORT]
        index = pros.reasons.index(pros.reasons.row_of("c3"))
        qtbot.mouseClick(pros.viewport(), LEFT, pos=pros.visualRect(index).center())
        assert columns.focus == "c3"
    for reasons in window.views["columns"].lists.values():
        row = reasons.reasons.row_of(claim_id)
        if row >= 0:
            index = reasons.reasons.index(row)
            reasons.scrollTo(index)
            QApplication.processEvents()
            centre = reasons.itemDelegate()._mark_centre(reasons.visualRect(index))
            return seen_label(reasons.viewport().grab().toImage(), centre)
    raise AssertionError(f"{claim_id} is in neither column")


def top_mark(window: MainWindow) -> Label | None:
    """The mark of the claim on top of the columns."""
    mark = window.views["columns"].focus_card.mark
    return seen_label(mark.grab().toImage(), QPointF(mark.width() / 2, mark.height() / 2))


def click_card(qtbot, window: MainWindow, claim_id: str) -> None:  # type: ignore[no-untyped-def]
    box = card_box(window, claim_id)
    qtbot.mouseClick(window.canvas.view.viewport(), LEFT, pos=box.center())
    assert window.session.selection.current == claim_id


def opened(qtbot, seed_copy: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy, (1400, 900))
    window.canvas.view.zoom_fit()
    QApplication.processEvents()
    return window


def test_an_objection_typed_and_undone_changes_every_view(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = opened(qtbot, seed_copy)
    click_card(qtbot, window, "c6")  # the columns show what it answers: c6 among c3's cons
    assert card_mark(window, "c6") is IN and card_mark(window, "c3") is OUT
    assert outline_mark(window, "c6") is IN and column_mark(qtbot, window, "c6") is IN
    assert top_mark(window) is OUT  # c3, on top of the columns

    click_card(qtbot, window, "c6")  # back on the map, from the columns
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, OBJECTION)
    new = next(c.id for c in window.document.claims() if c.text == OBJECTION)
    click_card(qtbot, window, "c6")
    QApplication.processEvents()
    assert card_mark(window, "c6") is OUT
    assert card_mark(window, "c3") is IN  # its objection fell: it stands again
    assert card_mark(window, new) is IN
    assert outline_mark(window, "c6") is OUT and column_mark(qtbot, window, "c6") is OUT
    assert top_mark(window) is IN

    window.canvas.view.setFocus()
    press(qtbot, window, K.Key_Z, CTRL)
    QApplication.processEvents()
    assert new not in window.document.graph.claims
    click_card(qtbot, window, "c6")
    assert card_mark(window, "c6") is IN and card_mark(window, "c3") is OUT
    assert outline_mark(window, "c6") is IN and column_mark(qtbot, window, "c6") is IN
    assert top_mark(window) is OUT


def test_marks_hide_and_the_reading_is_kept_per_file(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = opened(qtbot, seed_copy)
    assert card_mark(window, "c1") is IN
    press(qtbot, window, K.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert card_mark(window, "c1") is None and outline_mark(window, "c1") is None
    assert not window.actions_by_key["toggle_status"].isChecked()
    press(qtbot, window, K.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert card_mark(window, "c1") is IN

    # A reason for c6 that an objection defeats: c6 still stands while a claim stands
    # until defeated (grounded), but falls once a claim needs a reason (evidential).
    click_card(qtbot, window, "c6")
    press(qtbot, window, K.Key_S)
    type_card(qtbot, window, "Secure-by-design work shows the two go together")
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, "That is software, not AI")
    click_card(qtbot, window, "c6")
    assert card_mark(window, "c6") is IN and card_mark(window, "c3") is OUT
    window.actions_by_key["reading_evidential"].trigger()  # as the View menu does
    assert window.session.status.semantics.value == "evidential"
    QApplication.processEvents()
    assert card_mark(window, "c6") is OUT and outline_mark(window, "c6") is OUT
    assert card_mark(window, "c3") is IN
    window.actions_by_key["reading_grounded"].trigger()
    QApplication.processEvents()
    assert card_mark(window, "c6") is IN and outline_mark(window, "c6") is IN
    window.actions_by_key["reading_evidential"].trigger()
    window.close()
    QApplication.processEvents()
    again = opened(qtbot, seed_copy)
    assert again.session.status.semantics.value == "evidential"
    assert again.actions_by_key["reading_evidential"].isChecked()
    assert seed_copy.read_bytes().count(b"evidential") == 0  # not in the .debate


def test_why_dock_explains_and_its_names_select(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = opened(qtbot, seed_copy)
    click_card(qtbot, window, "c3")
    press(qtbot, window, K.Key_5, Qt.KeyboardModifier.AltModifier)
    browser = window.docks["why"].findChild(QTextBrowser, "why_text")
    qtbot.waitUntil(browser.isVisible)
    text = browser.toPlainText()
    assert "is defeated: an objection to it stands" in text
    assert "I don’t think it’s a zero sum game" in text  # the objection, by its text
    window.docks["why"].grab().save("/tmp/views-why-dock.png")
    # Click the objection's name: it becomes the selection in every view.
    found = browser.document().find("“I don’t think it’s a zero sum game—often")
    assert not found.isNull()
    found.setPosition(found.selectionStart() + 5)
    qtbot.mouseClick(browser.viewport(), LEFT, pos=browser.cursorRect(found).center())
    assert window.session.selection.current == "c6"
    assert window.canvas.scene.cards["c6"].isSelected()
    assert "stands: nothing objects to it" in browser.toPlainText().split("\n")[0]
    # An arrow, clicked on the map at its badge: why the link stands.
    view = window.canvas.view
    badge = view.mapFromScene(*badge_centre(window.canvas.scene.arrows["l5"].curve))
    qtbot.mouseClick(view.viewport(), LEFT, pos=badge)
    assert window.session.selection.links == ("l5",)
    first = browser.toPlainText().split("\n")[0]
    assert first.startswith("The objection of “I don’t think it’s a zero sum game")
    assert "stands: its premise stands" in first


def test_open_points_follow_edits_and_select(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = opened(qtbot, seed_copy)
    press(qtbot, window, K.Key_6, Qt.KeyboardModifier.AltModifier)
    points = window.docks["open_points"].findChild(QListWidget, "open_points_list")
    qtbot.waitUntil(points.isVisible)
    texts = [points.item(n).text() for n in range(points.count())]
    assert len(texts) == 2 and "zero sum game" in texts[0] and "baked in" in texts[1]
    window.docks["open_points"].grab().save("/tmp/views-open-points.png")

    click_card(qtbot, window, "c6")
    window.canvas.view.setFocus()
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, OBJECTION)
    assert points.count() == 1 and "baked in" in points.item(0).text()
    press(qtbot, window, K.Key_Z, CTRL)
    assert points.count() == 2

    rect = points.visualItemRect(points.item(1))
    qtbot.mouseClick(points.viewport(), LEFT, pos=rect.center())
    assert window.session.selection.current == "c7"
    assert window.canvas.scene.cards["c7"].isSelected()


def slide_mark(qtbot, window: MainWindow, claim_id: str) -> Label | None:  # type: ignore[no-untyped-def]
    """Present (F5), read the mark of `claim_id`'s card on the first slide, leave (Esc)."""
    press(qtbot, window, K.Key_F5)
    view = window.presentation
    assert view is not None
    qtbot.waitUntil(view.isActiveWindow)
    text = window.document.graph.claims[claim_id].text
    content = view.content()
    number = [card.text for card in (*content.pros, *content.cons)].index(text)
    placed = view._layout(content, (view.width(), view.height())).cards[number]
    image = view.grab().toImage()
    unit = min(view.height() / 1080, view.width() / 1920) * view._laid_out[1].scale
    centre = QPointF(placed.rect.right() - 31 * unit, placed.rect.top() + 31 * unit)
    seen = seen_label(image, centre, 13 * unit / MARK_RADIUS)
    qtbot.keyClick(view, K.Key_Escape)
    qtbot.waitUntil(lambda: window.presentation is None)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.canvas.view)
    return seen


def test_slides_show_the_status_after_an_edit(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = opened(qtbot, seed_copy)
    click_card(qtbot, window, "c1")
    assert slide_mark(qtbot, window, "c3") is OUT
    click_card(qtbot, window, "c6")
    press(qtbot, window, K.Key_O)
    type_card(qtbot, window, OBJECTION)
    click_card(qtbot, window, "c1")
    assert slide_mark(qtbot, window, "c3") is IN


def test_screenshots(qtbot, seed_copy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Pictures of the marks, kept for a person to look at (not compared)."""
    window = opened(qtbot, seed_copy)
    click_card(qtbot, window, "c3")
    window.grab().save("/tmp/views-window-marks.png")
    window.views["outline"].grab().save("/tmp/views-outline.png")
    window.views["columns"].grab().save("/tmp/views-columns.png")
    shutil.copy(seed_copy, tmp_path / "kept.debate")
