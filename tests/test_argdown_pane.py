"""The Argdown pane (README, "The Argdown pane"): typed text becomes the map after a
pause, keeping each claim's identity; an edit on the map changes only the lines it
concerns; one undo history both ways; a text that does not parse keeps the map and
marks its line. Real key presses into the pane."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import open_window, press, type_card
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage, QTextCursor

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.formats.argdown.follow import follow
from debate_editor.store import DebateDocument
from debate_editor.ui.argdown_pane import ArgdownPane
from debate_editor.ui.main_window import WINDOWS, MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def small(path: Path) -> dict[str, str]:
    with DebateDocument.create(path, "Pane") as doc:
        t = doc.add_claim("Cities should ban cars", ClaimKind.THESIS, x=300.0, y=0.0)
        a = doc.add_claim("Cars pollute", x=0.0, y=200.0)
        b = doc.add_claim("Shops need deliveries", x=600.0, y=200.0)
        doc.add_link(a.id, t.id)
        doc.add_link(b.id, t.id, LinkKind.OBJECTION)
        doc.update_claim(a.id, mark="accepted")
        return {"t": t.id, "a": a.id, "b": b.id}


def open_pane(qtbot, window: MainWindow, shows: str = "Cities should ban cars") -> ArgdownPane:  # type: ignore[no-untyped-def]
    press(qtbot, window, Qt.Key.Key_7, Qt.KeyboardModifier.AltModifier)
    pane = window.window_views.views["argdown"]
    assert isinstance(pane, ArgdownPane)
    qtbot.waitUntil(lambda: pane.isVisible() and shows in text(pane))
    return pane


def text(pane: ArgdownPane) -> str:
    return pane.editor.toPlainText()


def put_cursor_after(pane: ArgdownPane, words: str) -> None:
    cursor = pane.editor.textCursor()
    cursor.setPosition(text(pane).index(words) + len(words))
    pane.editor.setTextCursor(cursor)
    pane.editor.setFocus()


def read_now(qtbot, pane: ArgdownPane) -> None:  # type: ignore[no-untyped-def]
    """Wait out the pause after typing, as a person does."""
    qtbot.waitUntil(lambda: not pane.timer.isActive(), timeout=5000)


def test_the_pane_shows_the_debate_and_typing_adds_to_the_map(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.debate"
    ids = small(path)
    window = open_window(qtbot, path)
    pane = open_pane(qtbot, window)
    assert "+ Cars pollute" in text(pane) and "- Shops need deliveries" in text(pane)
    put_cursor_after(pane, "Cars pollute")
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(pane.editor, "    + Exhaust harms children")
    read_now(qtbot, pane)
    graph = window.document.graph
    new = [c for c in graph.claims.values() if c.text == "Exhaust harms children"]
    assert len(new) == 1
    assert [r.claim.text for r in graph.pros(ids["a"])] == ["Exhaust harms children"]
    assert new[0].id in window.canvas.scene.cards  # on the map
    outline = window.views["outline"]
    assert outline.model.nodes_of(new[0].id)  # in the outline


def test_a_claim_renamed_in_the_text_is_the_same_claim(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.debate"
    ids = small(path)
    window = open_window(qtbot, path)
    pane = open_pane(qtbot, window)
    put_cursor_after(pane, "Cars pollute")
    qtbot.keyClicks(pane.editor, " the air")
    read_now(qtbot, pane)
    claim = window.document.claim(ids["a"])
    assert claim.text == "Cars pollute the air"
    assert claim.position == (0.0, 200.0) and claim.mark.value == "accepted"
    assert len(window.document.graph.claims) == 3


def test_an_edit_on_the_map_changes_only_its_lines(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.debate"
    ids = small(path)
    window = open_window(qtbot, path)
    pane = open_pane(qtbot, window)
    # The user's own layout: a comment and a blank line of their own.
    put_cursor_after(pane, "Cities should ban cars")
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(pane.editor, "  // my note to self")
    read_now(qtbot, pane)
    before = text(pane).splitlines()
    # An edit elsewhere: the inspector's way, through the session.
    doc = window.document
    renamed = doc.claim(ids["b"]).model_copy(update={"text": "Shops need vans"})
    from debate_editor.domain.edit import Edit
    window.session.run(Edit(update_claims=(renamed,)))
    after = text(pane).splitlines()
    changed = [(x, y) for x, y in zip(before, after, strict=True) if x != y]
    assert changed == [("  - Shops need deliveries", "  - Shops need vans")]
    assert "  // my note to self" in after
    # A new reason on the map: one line more, nothing else touched.
    window.canvas.scene.clearSelection()
    window.canvas.scene.cards[ids["a"]].setSelected(True)
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_S)
    type_card(qtbot, window, "Diesel is worse")
    qtbot.waitUntil(lambda: "Diesel is worse" in text(pane))
    lines = text(pane).splitlines()
    assert [line for line in lines if line not in after] == ["    + Diesel is worse"]
    assert all(line in lines for line in after)


def test_one_undo_history_both_ways(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.debate"
    small(path)
    window = open_window(qtbot, path)
    pane = open_pane(qtbot, window)
    shown = text(pane)
    put_cursor_after(pane, "Shops need deliveries")
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(pane.editor, "    - Vans can come at night")
    read_now(qtbot, pane)
    graph = lambda: window.document.graph  # noqa: E731
    assert any(c.text == "Vans can come at night" for c in graph().claims.values())
    qtbot.keyClick(pane.editor, Qt.Key.Key_Z, CTRL)  # undo in the pane: the whole burst
    assert not any(c.text == "Vans can come at night" for c in graph().claims.values())
    assert text(pane) == shown
    window.canvas.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo on the map
    assert any(c.text == "Vans can come at night" for c in graph().claims.values())
    assert "    - Vans can come at night" in text(pane)


def test_a_text_that_does_not_parse_keeps_the_map_and_marks_the_line(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.debate"
    small(path)
    window = open_window(qtbot, path)
    pane = open_pane(qtbot, window)
    before = window.document.snapshot()
    cursor = pane.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    pane.editor.setTextCursor(cursor)
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(pane.editor, "+ an orphan")  # a relation under nothing
    read_now(qtbot, pane)
    assert window.document.snapshot() == before
    assert pane.fault.isVisible() and "must stand under" in pane.fault.text()
    marked = pane.editor.extraSelections()
    assert len(marked) == 1
    line = text(pane).splitlines()[marked[0].cursor.blockNumber()]
    assert line == "+ an orphan"
    assert "+ an orphan" in text(pane)  # what was typed stays
    # Mend it (a parent above, the relation indented under it): the map follows.
    qtbot.keyClick(pane.editor, Qt.Key.Key_Home)
    qtbot.keyClicks(pane.editor, "A parent")
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(pane.editor, "  ")
    read_now(qtbot, pane)
    assert not pane.fault.isVisible() and pane.editor.extraSelections() == []
    graph = window.document.graph
    parent = next(c for c in graph.claims.values() if c.text == "A parent")
    assert [r.claim.text for r in graph.pros(parent.id)] == ["an orphan"]


def test_titles_are_offered_as_one_types_a_bracket(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.debate"
    ids = small(path)
    with DebateDocument.open(path) as doc:
        doc.update_claim(ids["a"], title="Pollution")
    window = open_window(qtbot, path)
    pane = open_pane(qtbot, window)
    cursor = pane.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    pane.editor.setTextCursor(cursor)
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(pane.editor, "[Pol")
    popup = pane.completer.popup()
    assert popup is not None and popup.isVisible()
    assert pane.completer.currentCompletion() == "Pollution"
    popup.setCurrentIndex(pane.completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert text(pane).endswith("[Pollution]")


def test_follow_keeps_what_the_user_rewrote_or_gives_up_plainly() -> None:
    base = "A\n  + B\n  - C\n"
    mine = "// mine\nA\n\n  + B\n  - C\n"
    assert follow(base, mine, "A\n  + B2\n  - C\n  - D\n") == \
        "// mine\nA\n\n  + B2\n  - C\n  - D\n"
    # The line that changed is one the user rewrote: no merge, the caller shows theirs.
    assert follow(base, "A\n  + B, said my way\n  - C\n", "A\n  + B2\n  - C\n") is None


def test_new_from_text_opens_a_debate_on_its_pane(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.debate"
    small(path)
    window = open_window(qtbot, path)
    window.findChild(QAction, "action_new_from_text").trigger()
    fresh = next(w for w in WINDOWS if w is not window)
    pane = fresh.window_views.views["argdown"]
    assert isinstance(pane, ArgdownPane)
    qtbot.waitUntil(pane.isVisible)
    cursor = pane.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    pane.editor.setTextCursor(cursor)
    qtbot.keyClicks(pane.editor, "Trains beat cars")
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(pane.editor, "  + They carry more people")
    read_now(qtbot, pane)
    graph = fresh.document.graph
    (thesis,) = graph.theses()
    assert thesis.text == "Trains beat cars"
    assert [r.claim.text for r in graph.pros(thesis.id)] == ["They carry more people"]
    assert len(fresh.canvas.scene.cards) == 2


def test_new_from_a_text_and_the_window_opened_on_it(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    notes = tmp_path / "trains.argdown"
    notes.write_text("Trains beat cars\n  + They carry more people\n  - Tracks cost a lot\n",
                     encoding="utf-8")
    out = tmp_path / "t.debate"
    run = [sys.executable, "-m", "debate_editor", "new", str(out), "--from", str(notes)]
    done = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with DebateDocument.open(out, read_only=True) as doc:
        assert doc.title == "trains"  # the text names no title: the notes' name
        (thesis,) = doc.graph.theses()
        assert [r.claim.text for r in doc.graph.cons(thesis.id)] == ["Tracks cost a lot"]
    again = subprocess.run(run, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        f"debate-editor: {out}: already exists; choose another name."]
    shot = tmp_path / "pane.png"
    done = subprocess.run([sys.executable, "-m", "debate_editor", str(out), "--screenshot",
                           str(shot), "--view", "argdown", "--size", "500x300"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    picture = QImage(str(shot))
    assert (picture.width(), picture.height()) == (500, 300)
    # The text's own white page, not the map's grey ground, and the words' dark ink.
    grey = picture.convertToFormat(QImage.Format.Format_Grayscale8)
    shades = [QColor(grey.pixel(x, y)).value() for y in range(0, 300, 3)
              for x in range(0, 500, 3)]
    assert shades.count(255) > len(shades) // 2
    assert min(shades) < 80


def test_reading_the_panes_own_text_changes_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The export writes groups as structures, titles claims written twice and orders
    reasons its own way: reading it back must not retitle or reorder anything."""
    from test_co_premises_map import group_debate

    path = tmp_path / "g.debate"
    ids = group_debate(path)
    with DebateDocument.open(path) as doc:  # a claim under two parents needs a title
        doc.add_link(ids["o"], ids["a"], LinkKind.OBJECTION)
    window = open_window(qtbot, path)
    pane = open_pane(qtbot, window, "The DoD can run it")
    assert "----" in text(pane)  # the group, as a premise-conclusion structure
    before = window.document.snapshot()
    steps = window.session.undo_stack.count()
    put_cursor_after(pane, "Not without people who want to work there")
    qtbot.keyClicks(pane.editor, " x")
    qtbot.keyClick(pane.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(pane.editor, Qt.Key.Key_Backspace)
    read_now(qtbot, pane)
    assert window.document.snapshot() == before
    assert window.session.undo_stack.count() == steps
    qtbot.keyClicks(pane.editor, " now")
    read_now(qtbot, pane)
    after = window.document.snapshot()
    changed = [c for c in after.claims if c not in before.claims]
    assert [(c.id, c.text, c.title) for c in changed] == [
        (ids["u"], "Not without people who want to work there now", "")]
    assert after.links == before.links


def test_a_read_only_window_shows_the_text_and_takes_no_typing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.debate"
    small(path)
    doc = DebateDocument.open(path, read_only=True)
    window = MainWindow(doc)
    window.show()
    qtbot.waitExposed(window)
    window.window_views.go_to("argdown")
    pane = window.window_views.views["argdown"]
    assert isinstance(pane, ArgdownPane)
    qtbot.waitUntil(lambda: "Cars pollute" in text(pane))
    shown = text(pane)
    put_cursor_after(pane, "Cars pollute")
    qtbot.keyClicks(pane.editor, " a lot")
    assert text(pane) == shown and pane.editor.isReadOnly()


def test_unread_typing_survives_an_edit_of_its_line_elsewhere(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from debate_editor.domain.edit import Edit

    path = tmp_path / "p.debate"
    ids = small(path)
    window = open_window(qtbot, path)
    pane = open_pane(qtbot, window)
    put_cursor_after(pane, "Cars pollute")
    qtbot.keyClicks(pane.editor, " badly")  # the pause has not passed: not read yet
    assert pane.timer.isActive()
    doc = window.document
    window.session.run(Edit(update_claims=(
        doc.claim(ids["a"]).model_copy(update={"text": "Cars smell"}),)))
    assert "  + Cars pollute badly" in text(pane)  # what was typed stays
    assert pane.fault.isVisible() and "your text is kept" in pane.fault.text()
    read_now(qtbot, pane)
    assert doc.claim(ids["a"]).text == "Cars pollute badly"
    assert len(doc.graph.claims) == 3
