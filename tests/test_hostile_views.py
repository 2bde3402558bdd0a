"""Hostile text in every view: stored and shown as typed, markup never read as markup.

One debate holds the whole corpus of tests/hostile_text.py (HTML, rich text, Markdown
and Argdown syntax, 100,000 characters, bidirectional overrides, emoji sequences,
invisible characters, NUL, mixed line ends) in its claims, titles, notes and tags.
What a view draws is read back from an SVG rendering of the widget (its <text>
elements hold the strings Qt was asked to draw); a tooltip is rendered as Qt renders
one (rich text) and read back as plain text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from gui_helpers import CTRL, open_window, press
from hostile_text import HOSTILE, UNSTORABLE, hostile_debate
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from debate_editor.domain import ClaimKind, InvalidDebateError
from debate_editor.render.slide import layout_slide
from debate_editor.store import DebateDocument
from debate_editor.ui.main_window import MainWindow
from debate_editor.ui.outline_model import ClaimRole

SHORT = {name: text for name, text in HOSTILE.items() if len(text) < 1000}


def squash(text: str) -> str:
    """Text without its whitespace and line ends: what survives wrapping into lines."""
    return re.sub(r"\s+", "", text)


def drawn_texts(widget: QWidget) -> str:
    """Every string Qt drew for `widget` and its children, in drawing order."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    widget.render(generator)
    svg = bytes(data.data()).decode("utf-8", "replace")
    return "".join(html.unescape(t) for t in re.findall(r">([^<]*)</text>", svg, re.S))


def shown_tip(tip: str) -> str:
    """A tooltip as the person reads it: Qt renders a tip that looks like markup (each
    line end of the text becomes one line break)."""
    document = QTextDocument()
    document.setHtml(tip)
    return document.toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


def one_line_end(text: str) -> str:
    """`text` with every kind of line end as \n: how a tooltip breaks its lines."""
    return re.sub(r"\r\n|[\r\u2028\u2029\x85]", "\n", text)


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    folder = tmp_path / "<b>folder & 論証"
    folder.mkdir()
    path = folder / "<i>hostile [*] & more.debate"
    DebateDocument.create_from(path, hostile_debate()).close()
    return path


@pytest.fixture
def window(qtbot, hostile_file: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, hostile_file, size=(1600, 1000))
    for dock in window.docks.values():
        dock.setFloating(False)
        dock.show()
    QApplication.processEvents()
    return window


def select(window: MainWindow, claim_id: str) -> None:
    window.session.selection.select(claim_id, [claim_id], source=None)
    QApplication.processEvents()


# ---- the file ------------------------------------------------------------------------


def test_the_corpus_comes_back_from_the_file_as_it_went_in(hostile_file: Path) -> None:
    debate = hostile_debate()
    with DebateDocument.open(hostile_file) as doc:
        assert doc.snapshot().claims == debate.claims
        assert doc.snapshot().links == debate.links
        assert (doc.info.title, doc.info.description) == (debate.info.title,
                                                           debate.info.description)


@pytest.mark.parametrize("text", list(UNSTORABLE.values()), ids=list(UNSTORABLE))
def test_a_lone_surrogate_is_refused_with_the_documented_error(new_doc, text: str) -> None:  # type: ignore[no-untyped-def]
    before = new_doc.path.read_bytes()
    thesis = new_doc.add_claim("fine", ClaimKind.THESIS)
    for change in (lambda: new_doc.add_claim(text, ClaimKind.THESIS),
                   lambda: new_doc.update_claim(thesis.id, note=text),
                   lambda: new_doc.update_claim(thesis.id, tags=(text,)),
                   lambda: new_doc.set_info(title=text)):
        with pytest.raises(InvalidDebateError, match="surrogate"):
            change()
    assert [c.text for c in new_doc.claims()] == ["fine"]
    assert new_doc.path.read_bytes() != before  # the good claim is there, nothing else
    with pytest.raises(InvalidDebateError, match="surrogate"):
        DebateDocument.create_from(new_doc.path.with_name("new.debate"),
                                   hostile_debate(title=text))
    assert not new_doc.path.with_name("new.debate").exists()


# ---- the window ------------------------------------------------------------------------


def test_the_window_title_shows_file_name_and_title_as_they_are(window: MainWindow) -> None:
    shown = window.windowHandle().title()
    assert "<i>hostile [*] & more.debate" in shown
    assert "<b>Title</b> & [*] \u202eevil" in shown
    # The right-to-left override is closed before the rest of the title.
    assert shown.index("\u2069") > shown.index("\u202eevil")


def test_the_window_stays_its_size_whatever_is_selected(window: MainWindow) -> None:
    for claim_id in window.document.graph.claims:
        select(window, claim_id)
        assert window.width() == 1600 and window.height() == 1000, claim_id


def test_canvas_cards_draw_the_text_as_typed(window: MainWindow) -> None:
    drawn = squash(drawn_texts(window.canvas.view.viewport()))
    faces = {cid: card.face for cid, card in window.canvas.scene.cards.items()}
    for claim in window.document.claims():
        face = faces[claim.id]
        body = "".join(line.text for line in face.lines if not line.bold)
        if face.elided:
            assert body.endswith("…") and squash(claim.text).startswith(squash(body[:-1]))
            assert shown_tip(window.canvas.scene.cards[claim.id].toolTip())[:4000] \
                == one_line_end(claim.text)[:4000]
        else:
            assert squash(body) == squash(claim.text), claim.id
    # Whatever is on screen was drawn literally: markup included.
    for name in ("html", "script", "rich text", "entities"):
        card = window.canvas.scene.cards["t" + str(list(HOSTILE).index(name) + 1)]
        if window.canvas.view.viewport().rect().intersects(
                window.canvas.view.mapFromScene(card.card_rect()).boundingRect()):
            assert squash(HOSTILE[name]) in drawn


@pytest.mark.parametrize("name", list(SHORT))
def test_outline_rows_and_their_tooltips_hold_the_text(window: MainWindow, name: str) -> None:
    outline = window.views["outline"]
    claim_id = f"t{list(HOSTILE).index(name) + 1}"
    index = outline.reveal(claim_id)
    outline.tree.scrollTo(index)
    QApplication.processEvents()
    assert index.data(ClaimRole) == claim_id
    assert index.data(Qt.ItemDataRole.DisplayRole) == HOSTILE[name]
    assert shown_tip(index.data(Qt.ItemDataRole.ToolTipRole)) == one_line_end(HOSTILE[name])
    first_line = HOSTILE[name].strip().split("\n")[0][:20]
    assert squash(first_line) in squash(drawn_texts(outline.tree.viewport()))


@pytest.mark.parametrize("name", list(SHORT))
def test_the_columns_show_claim_and_reasons_as_typed(window: MainWindow, name: str) -> None:
    n = list(HOSTILE).index(name) + 1
    select(window, f"t{n}")
    columns = window.views["columns"]
    assert columns.focus == f"t{n}"
    for label in columns.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    assert columns.text_label.full_text == HOSTILE[name]
    if columns.text_label.clipped:  # a word too long for the card: broken anywhere
        assert squash(columns.text_label.text()) == squash(HOSTILE[name])
    else:
        assert columns.text_label.text() == HOSTILE[name]
    drawn = squash(drawn_texts(columns))
    for claim_id in (f"t{n}", f"r{n}", f"o{n}"):
        text = window.document.claim(claim_id).text
        if len(text) < 1000:
            assert squash(text) in drawn, claim_id


def test_a_slide_shows_each_text_as_typed(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    select(window, "t1")
    view = window.present(here=True)
    qtbot.waitUntil(view.isActiveWindow)
    if view.map_mode:  # the last presenter's choice: back to the card slide
        qtbot.keyClick(view, Qt.Key.Key_M)
    seen: set[str] = set()
    for _ in range(len(view.walk)):
        content = view.content()
        layout = layout_slide(content, view.width(), view.height())
        texts = ["".join(t.block.lines) for t in layout.texts]
        for text in (content.text, *(card.text for card in (*content.pros, *content.cons))):
            # Shown whole, or as much as fits, ending in an ellipsis.
            assert any(squash(shown) == squash(text) or (
                shown.endswith("…") and squash(text).startswith(squash(shown[:-1])))
                for shown in texts), text[:80]
            seen.add(text)
        for placed in layout.texts:
            assert placed.y + placed.block.height <= view.height() + 1
        view.grab()  # painted without trouble
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert set(HOSTILE.values()) <= seen
    qtbot.keyClick(view, Qt.Key.Key_Escape)


@pytest.mark.parametrize("name", ["html", "emoji", "zero width", "right to left", "nul",
                                  "bidi overrides", "combining"])
def test_find_matches_hostile_text_typed_into_it(window: MainWindow, qtbot, name: str) -> None:  # type: ignore[no-untyped-def]
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F, CTRL)
    field = window.find_bar.field
    needle = HOSTILE[name][:12]
    field.setText(needle)  # as a paste would put it there
    assert field.text() == needle
    expected = [c.id for c in window.document.graph.reading_order()
                if needle.casefold() in c.text.casefold() or needle.casefold()
                in c.title.casefold()]
    assert expected and window.canvas.set_filter(needle) == expected
    assert window.find_bar.count.text().startswith(str(len(expected)))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.canvas.current_card() == expected[0]


# ---- editing keeps what it did not change ----------------------------------------------


@pytest.mark.parametrize("name", ["no-break", "line ends", "tabs", "nul", "bidi overrides",
                                  "emoji", "html"])
def test_opening_the_editor_and_keeping_the_text_changes_nothing(
    window: MainWindow, qtbot, hostile_file: Path, name: str  # type: ignore[no-untyped-def]
) -> None:
    claim_id = f"t{list(HOSTILE).index(name) + 1}"
    window.canvas.select(claim_id)
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.keyClick(window.canvas.editor, Qt.Key.Key_Return, CTRL)
    outline = window.views["outline"]
    outline.tree.setCurrentIndex(outline.reveal(claim_id))
    outline.tree.setFocus()
    qtbot.keyClick(outline.tree, Qt.Key.Key_F2)
    qtbot.keyClick(outline.editor, Qt.Key.Key_Return)
    assert window.document.claim(claim_id).text == HOSTILE[name]
    assert not window.session.undo_stack.canUndo()
    # A change keeps the no-break spaces and the rest of the text.
    window.canvas.select(claim_id)
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F2)
    editor = window.canvas.editor
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(editor, " more")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    expected = (re.sub(r"\r\n|[\r\u2029]", "\n", HOSTILE[name]) + " more").strip()
    assert window.document.claim(claim_id).text == expected
    with DebateDocument.open(hostile_file, read_only=True) as again:
        assert again.claim(claim_id).text == expected
