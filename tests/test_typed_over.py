"""Text typed over a claim's text is held to it (README, "Team debates on a server"): when
the claim has changed while the person typed, keeping the typed text would overwrite
that change unseen, so the edit is refused, nothing is written, and the editor keeps the
text; over the text that shows now, the same words are taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import CTRL, open_window
from PySide6.QtCore import Qt
from test_undo_refusals import messages

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import StaleTextError
from debate_editor.store import DebateDocument
from debate_editor.ui.edits import text_edit


def test_text_typed_over_an_older_text_is_refused_and_nothing_written(seed_copy: Path) -> None:
    with DebateDocument.open(seed_copy) as doc:
        shown = doc.claim("c1").text
        doc.apply(text_edit(doc, "c1", "Changed while you typed"))
        before = doc.snapshot()
        with pytest.raises(StaleTextError, match="changed while you were typing"):
            doc.apply(text_edit(doc, "c1", "Typed over the old text", started_from=shown))
        assert doc.snapshot() == before
        doc.apply(text_edit(doc, "c1", "Typed over the new text",
                            started_from="Changed while you typed"))
        assert doc.claim("c1").text == "Typed over the new text"
    assert Edit(typed_over=(("c1", "x"),)).is_empty()  # a condition, not a change


def test_the_card_editor_refuses_once_then_takes_the_text(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    window.canvas.select("c1")
    qtbot.keyClick(window.canvas.view, Qt.Key.Key_F2)
    editor = window.canvas.editor
    qtbot.keyClicks(editor, "Mine")
    # a change arriving while the box is open (on a file: another view of this window)
    window.document.update_claim("c1", text="Theirs")
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert any("changed while you were typing" in text for text in messages())
    assert editor.is_open and editor.toPlainText() == "Mine"
    assert window.document.claim("c1").text == "Theirs"
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert not editor.is_open and window.document.claim("c1").text == "Mine"
    window.session.undo()
    assert window.document.claim("c1").text == "Theirs"
    window.session.redo()  # redo is held by the versions an undo wrote, not by the typing
    assert window.document.claim("c1").text == "Mine"
