"""The second window on a file (read-only, the first one writes it) follows the writer's
edits live, and none of its hints invites an edit it cannot make (README, "The .debate
file"). The writer is driven by real key presses; the reader is only looked at."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import click_card, open_window, press, type_card
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from debate_editor.store import DebateDocument
from debate_editor.store.follow import FileFollower
from debate_editor.ui.main_window import MainWindow

K = Qt.Key


def outline_texts(window: MainWindow) -> list[str]:
    model = window.views["outline"].model
    texts: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            texts.append(model.data(index, Qt.ItemDataRole.DisplayRole))
            walk(index)

    walk(QModelIndex())
    return texts


def card_texts(window: MainWindow) -> set[str]:
    """The text each card of the map draws (its wrapped lines, the kind label aside)."""
    return {" ".join(line.text for line in card.face.lines if not line.bold)
            for card in window.canvas.scene.cards.values()}


def test_the_reader_shows_the_writers_edits_as_they_happen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "shared.debate"
    writer = open_window(qtbot, path)
    reader = MainWindow(DebateDocument.open(path))
    reader.resize(1000, 700)
    reader.show()
    qtbot.waitExposed(reader)
    assert reader.document.read_only and not reader.session.editable
    assert reader.read_only_bar.live.following
    # Nothing in the reader invites an edit: the empty outline and columns say so plainly.
    outline_tree = reader.views["outline"].tree
    assert outline_tree.empty_hint() == "No claims yet."
    columns = reader.views["columns"]
    assert "Press" not in columns.text_label.text()
    assert "changes show here as they are made" in reader.read_only_banner.label.text()

    writer.activateWindow()
    writer.canvas.view.setFocus()
    press(qtbot, writer, K.Key_T)
    type_card(qtbot, writer, "Shared thesis")
    qtbot.waitUntil(lambda: card_texts(reader) == {"Shared thesis"}, timeout=3000)
    assert outline_texts(reader) == ["Shared thesis"]
    press(qtbot, writer, K.Key_Tab)
    type_card(qtbot, writer, "A reason")
    qtbot.waitUntil(lambda: outline_texts(reader) == ["Shared thesis", "A reason"],
                    timeout=3000)
    thesis = next(c.id for c in writer.document.claims() if c.text == "Shared thesis")
    assert reader.canvas.scene.cards[thesis].pros == 1  # the tally follows too
    # The columns of the reader, on the thesis: its reason, and no "adds one".
    click_card(qtbot, reader, thesis)
    QApplication.processEvents()
    assert "adds one" not in columns.lists[next(iter(columns.lists))].placeholder
    # A rewording and a deletion arrive as well.
    press(qtbot, writer, K.Key_F2)
    editor = writer.canvas.editor
    qtbot.keyClick(editor, K.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_card(qtbot, writer, "A better reason")
    qtbot.waitUntil(lambda: "A better reason" in card_texts(reader), timeout=3000)
    press(qtbot, writer, K.Key_Delete)
    qtbot.waitUntil(lambda: card_texts(reader) == {"Shared thesis"}, timeout=3000)
    assert reader.canvas.scene.cards[thesis].pros == 0
    # The reader's keys still change nothing.
    reader.activateWindow()
    reader.canvas.view.setFocus()
    qtbot.keyClick(reader.canvas.view, K.Key_T)
    assert not reader.canvas.editor.is_open
    reader.close()
    writer.close()
    with DebateDocument.open(path, read_only=True) as doc:
        assert [c.text for c in doc.claims()] == ["Shared thesis"]


def test_the_follower_reads_only_after_another_connection_commits(tmp_path: Path) -> None:
    path = tmp_path / "f.debate"
    with DebateDocument.create(path, "F") as writer:
        reader = DebateDocument.open(path)
        events = []
        reader.subscribe(events.append)
        follower = FileFollower(reader)
        assert follower.poll() is None
        claim = writer.add_claim("one")
        event = follower.poll()
        assert event is not None and event.added_claims == {claim.id}
        assert reader.claim(claim.id).text == "one" and events == [event]
        assert follower.poll() is None  # nothing new: no re-read, no event
        writer.remove_claims([claim.id])
        event = follower.poll()
        assert event is not None and event.removed_claims == {claim.id}
        assert claim.id not in reader.graph.claims
        reader.close()
