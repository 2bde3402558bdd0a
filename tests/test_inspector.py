"""The inspector (README, "The inspector"): the selected claim's kind, text, note, source
and tags, the selected arrow's kind, the debate's title and description. Driven with
real clicks and keys; each change is one undo step, in the file and in every view."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import CTRL, LEFT, card_box, press
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget
from views_helpers import open_views

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.inspector import Inspector
from debate_editor.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier


def inspector(window: MainWindow) -> Inspector:
    widget = window.views["inspector"]
    assert isinstance(widget, Inspector)
    return widget


def click(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(widget, LEFT, pos=pos or widget.rect().center())


def click_card(qtbot, window: MainWindow, claim_id: str) -> None:  # type: ignore[no-untyped-def]
    box = card_box(window, claim_id)
    click(qtbot, window.canvas.view.viewport(), box.center())


def replace_text(qtbot, field: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click into a field, select all it holds and type over it."""
    click(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, text)


def in_file(path: Path) -> DebateDocument:
    return DebateDocument.open(path, read_only=True)


def test_a_note_typed_in_the_inspector_is_one_undo_step_everywhere(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    pane = inspector(window)
    click_card(qtbot, window, "c3")
    assert pane.heading.text() == "Selected claim"
    assert pane.claim_text.toPlainText().startswith("There is this constant push")
    steps = window.session.undo_stack.count()
    click(qtbot, pane.note)
    qtbot.keyClicks(pane.note, "From the first reply")
    assert window.session.undo_stack.count() == steps  # nothing yet, however long it gets
    qtbot.keyClick(pane.note, Qt.Key.Key_Tab)  # leaving the field keeps it
    assert window.session.undo_stack.count() == steps + 1
    with in_file(seed_copy) as doc:
        assert doc.claim("c3").note == "From the first reply"
    columns = window.views["columns"]
    columns.setFocus()
    press(qtbot, window, Qt.Key.Key_Return)  # open c3 in the columns: its note on top
    assert columns.focus == "c3" and columns.note_label.text() == "From the first reply"
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert pane.note.toPlainText() == ""
    with in_file(seed_copy) as doc:
        assert doc.claim("c3").note == ""


def test_the_claim_text_kind_and_source_from_the_inspector(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    pane = inspector(window)
    click_card(qtbot, window, "c5")
    replace_text(qtbot, pane.claim_text, "Labs turned hostile to safety advocacy.")
    qtbot.keyClick(pane.claim_text, Qt.Key.Key_Return, CTRL)
    assert window.document.claim("c5").text == "Labs turned hostile to safety advocacy."
    face = window.canvas.scene.cards["c5"].face  # the map shows it at once
    assert "".join(line.text for line in face.lines if not line.bold).startswith("Labs turned")
    # A blank text is refused with a note, and the text stays what it was.
    replace_text(qtbot, pane.claim_text, "   ")
    qtbot.keyClick(pane.claim_text, Qt.Key.Key_Return, CTRL)
    assert pane.claim_text.toPlainText() == "Labs turned hostile to safety advocacy."
    assert "needs some text" in window.statusBar().currentMessage()
    # The kind, chosen from its list (shown on a click, then the mouse picks).
    click(qtbot, pane.claim_kind)
    popup = pane.claim_kind.view()
    qtbot.waitUntil(popup.isVisible)
    row = pane.claim_kind.findText("Evidence")
    spot = popup.visualRect(popup.model().index(row, 0)).center()
    qtbot.mouseMove(popup.viewport(), spot)
    qtbot.mouseClick(popup.viewport(), LEFT, pos=spot)
    assert window.document.claim("c5").kind is ClaimKind.EVIDENCE
    # A source that is a web address opens on click.
    opened: list[str] = []

    class Browser(QObject):
        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            opened.append(url.toString())

    browser = Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        replace_text(qtbot, pane.source, "https://example.org/labs?x=1&y=2")
        qtbot.keyClick(pane.source, Qt.Key.Key_Return)
        assert pane.source_link.isVisible()
        qtbot.mouseClick(pane.source_link, LEFT, pos=QPoint(12, pane.source_link.height() // 2))
        assert opened == ["https://example.org/labs?x=1&y=2"]
    finally:
        QDesktopServices.unsetUrlHandler("https")
    with in_file(seed_copy) as doc:
        claim = doc.claim("c5")
        assert (claim.text, claim.kind, claim.source) == (
            "Labs turned hostile to safety advocacy.", ClaimKind.EVIDENCE,
            "https://example.org/labs?x=1&y=2")
    # Plain words are a source too, and then there is nothing to open.
    replace_text(qtbot, pane.source, "Smith 2020, p. 4")
    qtbot.keyClick(pane.source, Qt.Key.Key_Return)
    assert not pane.source_link.isVisible()


def test_tags_complete_from_the_debate_and_find_takes_a_tag(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    pane = inspector(window)
    click_card(qtbot, window, "c3")
    replace_text(qtbot, pane.tags, "funding, zero-sum")
    qtbot.keyClick(pane.tags, Qt.Key.Key_Return)
    assert window.document.claim("c3").tags == ("funding", "zero-sum")
    click_card(qtbot, window, "c5")
    click(qtbot, pane.tags)
    qtbot.keyClicks(pane.tags, "fu")
    popup = pane.tags.tag_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "funding"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # takes the completion
    assert pane.tags.text() == "funding"
    qtbot.keyClick(pane.tags, Qt.Key.Key_Return)  # and keeps the tags
    assert window.document.claim("c5").tags == ("funding",)
    with in_file(seed_copy) as doc:
        assert doc.claim("c5").tags == ("funding",)

    # Find: "#fund" on the map, then in the outline and in the columns.
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.field, "#fund")
    assert window.find_bar.count.text() == "2 matches"
    assert {cid for cid, card in window.canvas.scene.cards.items() if card.matched} == {
        "c3", "c5"}
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    for view in ("outline", "columns"):
        press(qtbot, window, Qt.Key.Key_2 if view == "columns" else Qt.Key.Key_3, ALT)
        press(qtbot, window, Qt.Key.Key_F, CTRL)
        qtbot.keyClicks(window.find_bar.field, "#zero")
        assert window.find_bar.count.text() == "1 match", view
        widget = window.views[view]
        found = (widget.tree.delegate.found if view == "outline"
                 else widget.lists[LinkKind.SUPPORT].itemDelegate().found)
        assert found == {"c3"}, view
        window.session.selection.select("c1")
        qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)  # to the match
        assert window.session.selection.current == "c3", view
        qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
        assert (widget.tree.delegate.found if view == "outline"
                else widget.lists[LinkKind.SUPPORT].itemDelegate().found) is None


def test_an_arrow_kind_from_the_inspector(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    pane = inspector(window)
    link = next(lk for lk in window.document.links() if lk.kind is LinkKind.SUPPORT
                and lk.source == "c3")
    arrow = window.canvas.scene.arrows[link.id]
    click(qtbot, window.canvas.view.viewport(),
          window.canvas.view.mapFromScene(arrow.path.pointAtPercent(0.5)))
    assert pane.heading.text() == "Selected arrow"
    assert pane.about.text().startswith("From “There is this constant push")
    assert pane.link_kind.currentText().startswith("Support")
    press(qtbot, window, Qt.Key.Key_4, ALT)  # the key that goes to the inspector
    assert QApplication.focusWidget() is pane.link_kind
    qtbot.keyClick(pane.link_kind, Qt.Key.Key_Down)
    assert window.document.link(link.id).kind is LinkKind.OBJECTION
    assert window.canvas.scene.arrows[link.id].kind is LinkKind.OBJECTION
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert pane.link_kind.currentText().startswith("Support")


def test_nothing_selected_the_debate_title_shows_in_the_title_bar(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    pane = inspector(window)
    click(qtbot, window.canvas.view.viewport(), QPoint(8, 8))  # the background
    assert pane.heading.text() == "This debate"
    assert pane.debate_title.text() == "Should the DoD do its own AI safety research?"
    press(qtbot, window, Qt.Key.Key_4, ALT)
    assert QApplication.focusWidget() is pane.debate_title
    qtbot.keyClick(pane.debate_title, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(pane.debate_title, "Who pays for AI safety?")
    assert "Who pays" not in window.windowTitle()  # not one step per key
    qtbot.keyClick(pane.debate_title, Qt.Key.Key_Return)
    assert window.windowTitle().endswith("— Who pays for AI safety?")
    assert window.views["columns"].trail_bar.isVisible()
    replace_text(qtbot, pane.description, "A thread and its reply.")
    qtbot.keyClick(pane.description, Qt.Key.Key_Tab)
    with in_file(seed_copy) as doc:
        assert (doc.info.title, doc.info.description) == ("Who pays for AI safety?",
                                                          "A thread and its reply.")
    # Esc puts back what the field showed; a blank title is refused.
    replace_text(qtbot, pane.debate_title, "Something else")
    qtbot.keyClick(pane.debate_title, Qt.Key.Key_Escape)
    assert pane.debate_title.text() == "Who pays for AI safety?"
    replace_text(qtbot, pane.debate_title, "  ")
    qtbot.keyClick(pane.debate_title, Qt.Key.Key_Return)
    assert pane.debate_title.text() == "Who pays for AI safety?"
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert window.windowTitle().endswith("— Should the DoD do its own AI safety research?")


def test_choosing_another_card_keeps_what_was_typed_for_the_first(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_views(qtbot, seed_copy, (1200, 800))
    pane = inspector(window)
    click_card(qtbot, window, "c3")
    click(qtbot, pane.note)
    qtbot.keyClicks(pane.note, "typed for c3")
    click_card(qtbot, window, "c5")  # the click leaves the note: it is kept for c3
    assert window.document.claim("c3").note == "typed for c3"
    assert window.document.claim("c5").note == ""
    assert pane.note.toPlainText() == ""


def test_read_only_the_fields_are_greyed(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(DebateDocument.open(seed_copy, read_only=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    pane = inspector(window)
    window.session.selection.select("c3")
    for field in (pane.claim_kind, pane.claim_text, pane.note, pane.source, pane.tags,
                  pane.debate_title, pane.description, pane.link_kind):
        assert not field.isEnabled()
    before = seed_copy.read_bytes()
    click(qtbot, pane.note)
    qtbot.keyClicks(pane.note, "nothing")
    assert pane.note.toPlainText() == "" and seed_copy.read_bytes() == before
