"""Two windows on one team debate (README, "Team debates on a server"), driven by keys:
each shows the other's edits as they are committed, a stale edit is refused naming who
changed the claim while the editor keeps what was typed, and a lost connection turns the
window offline with a banner until it reconnects by itself."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from gui_helpers import CTRL
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_inspector import inspector
from test_undo_refusals import messages

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo
from debate_editor.store.server import read_server_debate, write_server_debate
from debate_editor.store.server_document import ServerDocument
from debate_editor.store.server_url import ServerAddress, parse_server_url
from debate_editor.ui.main_window import MainWindow

K = Qt.Key


@pytest.fixture
def address(fresh_pg_url: str) -> ServerAddress:
    where = parse_server_url(f"{fresh_pg_url}?debate={quote('class map')}")
    debate = Debate(info=DebateInfo(title="Class map"), claims=(
        Claim(id="c1", text="Phones should be banned in class", kind=ClaimKind.THESIS,
              x=0.0, y=0.0),))
    write_server_debate(where, debate, replace=False)
    return where


def _window(qtbot, address: ServerAddress, by: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ServerDocument.open_server(address, by=by), remember=False)
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def windows(qtbot, address: ServerAddress) -> Iterator[tuple[MainWindow, MainWindow]]:  # type: ignore[no-untyped-def]
    ann, bob = _window(qtbot, address, "Ann"), _window(qtbot, address, "Bob")
    yield ann, bob  # qtbot closes them, and each closes its connection


def _activate(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Bring the window to the front, as a click on it would: its keys go to it."""
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.canvas.view.setFocus()


def _retype(qtbot, window: MainWindow, claim_id: str, text: str) -> None:  # type: ignore[no-untyped-def]
    _activate(qtbot, window)
    window.canvas.select(claim_id)
    qtbot.keyClick(window.canvas.view, K.Key_F2)  # to this window, not the focused one
    editor = window.canvas.editor
    assert editor.is_open
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, K.Key_Return, CTRL)


def test_each_window_shows_the_others_edits(qtbot, windows) -> None:  # type: ignore[no-untyped-def]
    ann, bob = windows
    assert "class map on" in ann.windowTitle()
    _retype(qtbot, ann, "c1", "Phones should be kept in lockers")
    # no call into Bob's window: the server's notice (or its check) brings it there
    qtbot.waitUntil(lambda: bob.canvas.scene.cards["c1"]._text
                    == "Phones should be kept in lockers", timeout=5000)
    _activate(qtbot, bob)
    bob.canvas.select("c1")
    qtbot.keyClick(bob.canvas.view, K.Key_S)  # a new supporting reason, typed in Bob's window
    qtbot.keyClicks(bob.canvas.editor, "They distract")
    qtbot.keyClick(bob.canvas.editor, K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(ann.canvas.scene.cards) == 2, timeout=5000)
    new = next(c for c in ann.document.claims() if c.id != "c1")
    assert new.text == "They distract" and len(ann.canvas.scene.arrows) == 1
    assert ann.document.last_change("claim", new.id)[0] == "Bob"  # type: ignore[attr-defined,index]
    _activate(qtbot, ann)
    ann.canvas.select(new.id)
    pane = inspector(ann)
    qtbot.waitUntil(lambda: "changed by Bob at" in pane.about.text(), timeout=3000)
    assert {c.text for c in read_server_debate(ann.document.address).debate.claims} == {  # type: ignore[arg-type]
        "Phones should be kept in lockers", "They distract"}


def test_a_stale_edit_is_refused_and_the_typing_kept(qtbot, windows) -> None:  # type: ignore[no-untyped-def]
    ann, bob = windows
    bob.team.check.stop()  # Bob's window is slow to hear: nothing reaches it on its own
    bob.team._stop_listening()
    ann.document.update_claim("c1", text="Phones should be off in class")
    _retype(qtbot, bob, "c1", "Phones help in class")
    assert any("Ann changed this claim a moment ago" in text for text in messages())
    editor = bob.canvas.editor
    assert editor.is_open and editor.toPlainText() == "Phones help in class"
    assert bob.canvas.scene.cards["c1"]._text == "Phones should be off in class"
    bob.grab().save("/tmp/team-conflict.png")
    qtbot.keyClick(editor, K.Key_Return, CTRL)  # now based on Ann's, it is taken
    assert not editor.is_open
    qtbot.waitUntil(lambda: ann.document.claim("c1").text == "Phones help in class",
                    timeout=5000)


def test_an_edit_heard_while_typing_is_not_overwritten_unseen(qtbot, windows) -> None:  # type: ignore[no-untyped-def]
    """Bob is typing over the thesis when Ann's change of it arrives (his window hears it
    and shows it behind his box): his Ctrl+Enter is refused naming Ann, his text stays,
    and a second Ctrl+Enter, now over what he has seen, is taken."""
    ann, bob = windows
    _activate(qtbot, bob)
    bob.canvas.select("c1")
    qtbot.keyClick(bob.canvas.view, K.Key_F2)
    editor = bob.canvas.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Phones help in class")
    ann.document.update_claim("c1", text="Phones should be off in class")
    qtbot.waitUntil(lambda: bob.document.claim("c1").text == "Phones should be off in class",
                    timeout=5000)  # heard while the box is open
    assert editor.is_open
    qtbot.keyClick(editor, K.Key_Return, CTRL)
    # the sentence alone, not the debate's address before it
    assert any(text.startswith("Ann changed this claim a moment ago") for text in messages())
    assert editor.is_open and editor.toPlainText() == "Phones help in class"
    assert ann.document.claim("c1").text == "Phones should be off in class"
    qtbot.keyClick(editor, K.Key_Return, CTRL)
    assert not editor.is_open
    qtbot.waitUntil(lambda: ann.document.claim("c1").text == "Phones help in class",
                    timeout=5000)


def test_a_lost_connection_shows_a_banner_and_comes_back(qtbot, windows,  # type: ignore[no-untyped-def]
                                                         fresh_pg_url: str) -> None:
    ann, _bob = windows
    assert not ann.read_only_bar.bar.isVisible()
    _end_sessions(fresh_pg_url)  # the server drops every window's connections
    ann.team.look()
    assert ann.team.offline and not ann.session.editable
    assert ann.read_only_bar.bar.isVisible()
    assert ann.read_only_banner.label.text().startswith("Offline:")
    assert "(offline)" in ann.windowTitle()
    ann.grab().save("/tmp/team-offline.png")
    with ServerDocument.open_server(ann.document.address, by="Cy") as cy:  # type: ignore[arg-type]
        cy.update_claim("c1", text="Phones stay in bags")  # made while Ann was away
    qtbot.waitUntil(lambda: not ann.team.offline, timeout=10000)  # reconnects by itself
    assert ann.session.editable and not ann.read_only_bar.bar.isVisible()
    assert ann.canvas.scene.cards["c1"]._text == "Phones stay in bags"


def _end_sessions(url: str) -> None:
    """Terminate every server session of the database but this one's."""
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE pid <> pg_backend_pid() AND datname = current_database()"))
    engine.dispose()


def test_your_name_signs_the_next_edits_and_is_kept(qtbot, windows) -> None:  # type: ignore[no-untyped-def]
    """File → Your Name…: typed into its dialog, shown to the others beside the next edit,
    and kept for the team debates opened later."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from debate_editor.ui.team_open import open_team_debate, team_name

    ann, bob = windows
    file_menu = bob.menuBar().actions()[0].menu()
    assert "Your Na&me…" in [a.text() for a in file_menu.actions()]
    typed: list[str] = []

    def type_name() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            QTimer.singleShot(50, type_name)
            return
        field = box.findChild(QLineEdit)
        typed.append(field.text())  # what it offered: the name kept before, here none
        qtbot.keyClick(field, K.Key_A, CTRL)
        qtbot.keyClicks(field, "Robert")
        qtbot.keyClick(field, K.Key_Return)

    _activate(qtbot, bob)
    QTimer.singleShot(50, type_name)
    bob.actions_by_key["your_name"].trigger()
    assert typed == [""] and team_name() == "Robert"
    assert "signed \u201cRobert\u201d" in bob.statusBar().currentMessage()
    _retype(qtbot, bob, "c1", "Phones go in a box at the door")
    qtbot.waitUntil(lambda: ann.canvas.scene.cards["c1"]._text
                    == "Phones go in a box at the door", timeout=5000)
    _activate(qtbot, ann)
    ann.canvas.select("c1")
    qtbot.waitUntil(lambda: "changed by Robert at" in inspector(ann).about.text(), timeout=3000)
    later = open_team_debate(ann.document.address, interactive=False)  # type: ignore[arg-type]
    try:
        assert later.by == "Robert"  # and the next window on a team debate signs so too
    finally:
        later.close()


def _answer_dialogs(qtbot, answers: list[str | None], seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Answer each dialog asking for text, as it shows, with the next of `answers` typed
    and Enter (None: Esc), noting each one's label."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog) or box.property("answered"):
            QTimer.singleShot(50, answer)
            return
        box.setProperty("answered", True)
        seen.append(box.findChild(QLabel).text())
        field = box.findChild(QLineEdit)
        assert field.echoMode() == QLineEdit.EchoMode.Password  # hidden as it is typed
        words = answers.pop(0)
        if words is None:
            qtbot.keyClick(field, K.Key_Escape)
        else:
            qtbot.keyClicks(field, words)
            qtbot.keyClick(field, K.Key_Return)
        if answers:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)


def test_the_window_asks_for_a_password_the_server_wants(qtbot, address: ServerAddress) -> None:  # type: ignore[no-untyped-def]
    """A member whose login needs a password neither the URL nor ~/.pgpass gave: the
    window asks, hidden as typed; a wrong one asks again, Esc gives up with the reason."""
    import dataclasses

    from pg_server import PASSWORD_ROLE

    from debate_editor.domain.errors import DebateFileError
    from debate_editor.ui.team_open import open_team_debate

    engine = sa.create_engine(_superuser_url(address))
    with engine.begin() as conn:
        conn.execute(sa.text(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'open sesame'"))
        for grant in ("ALL ON SCHEMA", "ALL ON ALL TABLES IN SCHEMA",
                      "ALL ON ALL SEQUENCES IN SCHEMA"):
            conn.execute(sa.text(f'GRANT {grant} "{address.debate}" TO {PASSWORD_ROLE}'))
        conn.execute(sa.text(f"GRANT CREATE ON DATABASE {address.database} TO {PASSWORD_ROLE}"))
    engine.dispose()
    member = dataclasses.replace(address, user=PASSWORD_ROLE, password=None)
    asked: list[str] = []
    try:
        _answer_dialogs(qtbot, ["open sesame"], asked)
        doc = open_team_debate(member)
        assert doc.by == PASSWORD_ROLE and doc.address.password == "open sesame"
        assert doc.claim("c1").text == "Phones should be banned in class"
        doc.close()
        assert asked == [f"Password for {PASSWORD_ROLE} on {address.host}:"]
        _answer_dialogs(qtbot, ["wrong", None], asked)  # asked again after a wrong one
        with pytest.raises(DebateFileError, match="password authentication failed"):
            open_team_debate(member)
        assert len(asked) == 3
    finally:
        engine = sa.create_engine(_superuser_url(address))
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP OWNED BY {PASSWORD_ROLE}'))
            conn.execute(sa.text(f"DROP ROLE {PASSWORD_ROLE}"))
        engine.dispose()


def _superuser_url(address: ServerAddress) -> str:
    """The superuser's SQLAlchemy URL of the address's database."""
    return (f"postgresql+psycopg://{address.user}@{address.host}:{address.port}/"
            f"{address.database}")
