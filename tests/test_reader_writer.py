"""A reader part-way through loading a debate never keeps the writer from committing, and
still ends with one state of the file (README, "The .debate file")."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from debate_editor.domain import Claim, ClaimKind, Debate, DebateFileError, DebateInfo, Link
from debate_editor.domain.builders import claim_edit
from debate_editor.store import DebateDocument, sqlite_read
from debate_editor.store import file as debate_file


def big_enough(path: Path, claims: int = 60) -> Path:
    rows = [Claim(id="c1", text="Thesis", kind=ClaimKind.THESIS)]
    links = []
    for i in range(2, claims + 1):
        rows.append(Claim(id=f"c{i}", text=f"Reason {i}"))
        links.append(Link(id=f"l{i}", source=f"c{i}", to_claim="c1"))
    DebateDocument.create_from(path, Debate(info=DebateInfo(title="Big"), claims=tuple(rows),
                                            links=tuple(links))).close()
    return path


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer that waits half a second for readers, and pages of ten rows."""
    monkeypatch.setattr(debate_file, "BUSY_SECONDS", 0.5)
    monkeypatch.setattr(sqlite_read, "READ_PAGE", 10)


def test_a_reader_paused_mid_load_does_not_keep_the_writer_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, short_waits: None) -> None:
    path = big_enough(tmp_path / "big.debate")
    writer = DebateDocument.open(path)
    paused, go = threading.Event(), threading.Event()
    real_page = sqlite_read._page

    def page_then_pause(raw: sqlite3.Connection, table: str,
                        after: int | None) -> list[dict[str, Any]]:
        rows = real_page(raw, table, after)
        if not paused.is_set():
            paused.set()
            go.wait(10)  # the reader stops here, after its first page of claims
        return rows

    monkeypatch.setattr(sqlite_read, "_page", page_then_pause)
    opened: list[DebateDocument] = []
    reader = threading.Thread(
        target=lambda: opened.append(DebateDocument.open(path, read_only=True)))
    reader.start()
    try:
        assert paused.wait(10)
        edit, claim = claim_edit(writer.graph, writer.ids, "Written while a reader loads")
        writer.apply(edit)  # before: "database is locked" after the busy timeout
    finally:
        go.set()
        reader.join(10)
    seen = opened[0]
    # The reader started over once the file changed: it holds the state after the edit.
    assert set(seen.graph.claims) == set(writer.graph.claims)
    assert seen.claim(claim.id).text == "Written while a reader loads"
    seen.close()
    writer.close()


def test_a_reader_that_never_lets_go_gives_a_plain_sentence(
        tmp_path: Path, short_waits: None) -> None:
    path = big_enough(tmp_path / "big.debate", claims=3)
    writer = DebateDocument.open(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM claims").fetchone()  # holds its read lock
    before = dict(writer.graph.claims)
    edit, _ = claim_edit(writer.graph, writer.ids, "Waits for the reader")
    with pytest.raises(DebateFileError, match="another program kept reading the file"):
        writer.apply(edit)
    assert writer.graph.claims == before
    holder.execute("ROLLBACK")
    holder.close()
    writer.apply(edit)  # the same edit goes in once the reader is done
    writer.close()
