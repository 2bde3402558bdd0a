"""Hearing a server debate's edits (README, "Team debates on a server"), against the real
server the tests start: a committed notice for the listener's debate arrives, one for
another debate or not ours does not, a rolled-back one never does, and a lost connection
is said plainly and mended by `reconnect`."""

from __future__ import annotations

import select
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from debate_editor.store.server_listen import ConnectionLostError, NoticeListener
from debate_editor.store.server_notice import CHANNEL, Notice
from debate_editor.store.server_url import parse_server_url


def _send(url: str, *payloads: str, commit: bool = True) -> None:
    """Each payload sent on the channel in one transaction, committed or rolled back."""
    with psycopg.connect(url) as conn:
        for payload in payloads:
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))
        (conn.commit if commit else conn.rollback)()


def test_only_this_debates_committed_notices_arrive(fresh_pg_url: str) -> None:
    mine = Notice.of("team", 7, "alice", ["c2", "c1"], ["l1"])
    theirs = Notice.of("other", 8, "bob", ["c9"], [])
    with NoticeListener(parse_server_url(f"{fresh_pg_url}?debate=team")) as listener:
        assert listener.poll() == []  # nothing sent yet, and poll does not wait
        _send(fresh_pg_url, theirs.payload(), "not json", '{"debate": "team"}',
              mine.payload())
        _send(fresh_pg_url, Notice.of("team", 9, "eve", ["c3"], []).payload(), commit=False)
        assert listener.wait(timeout=30) == [mine]
        assert mine.claims == ("c1", "c2")
        select.select([listener.fileno()], [], [], 0.5)
        assert listener.poll() == []  # the other debate's, the foreign and the rolled back


def test_a_lost_connection_is_said_and_reconnect_listens_again(fresh_pg_url: str) -> None:
    address = parse_server_url(f"{fresh_pg_url}?debate=team")
    listener = NoticeListener(address)
    with psycopg.connect(fresh_pg_url, autocommit=True) as admin:
        pid = listener._live().info.backend_pid
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(ConnectionLostError, match="lost the connection to the server"):
        listener.wait(timeout=30)
    assert listener.closed
    with pytest.raises(ConnectionLostError, match="not connected"):
        listener.poll()
    listener.reconnect()
    notice = Notice.of("team", 2, "alice", ["c1"], [])
    _send(fresh_pg_url, notice.payload())
    assert listener.wait(timeout=30) == [notice]
    listener.close()


def _listening(admin: psycopg.Connection[tuple[object, ...]]) -> list[int]:
    """The server sessions whose last statement was a LISTEN (other than `admin`)."""
    rows = admin.execute("SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN%%' "
                         "AND pid <> pg_backend_pid()").fetchall()
    return [int(pid) for (pid,) in rows]  # type: ignore[call-overload]


def _when_listening(admin: psycopg.Connection[tuple[object, ...]]) -> list[int]:
    for _ in range(600):
        if pids := _listening(admin):
            return pids
        time.sleep(0.1)
    raise AssertionError("no one listens")


def test_watching_says_a_lost_connection_once_and_reads_what_it_missed(
        fresh_pg_url: str) -> None:
    """An edit committed while the watch was away is announced to no one: after the
    reconnect it comes from the debate's log, with who made it, and only once."""
    from test_cli import run_cli

    from debate_editor.domain import Claim
    from debate_editor.domain.edit import Edit
    from debate_editor.store.server_document import ServerDocument
    from debate_editor.store.watch import server_changes

    url = f"{fresh_pg_url}?debate=team"
    assert run_cli("new", url, "--title", "Team").returncode == 0
    address = parse_server_url(url)
    ann = ServerDocument.open_server(address, by="Ann")
    said: list[str] = []
    made: list[str] = []

    def edit_while_away(_seconds: float) -> None:  # the watch's pause before it reconnects
        if not made:
            claim = Claim(id=ann.ids.claim_id(), text="Made while no one listened")
            ann.apply(Edit(label="Add", add_claims=(claim,)))
            made.append(claim.id)

    changes = server_changes(address, said.append, pause=edit_while_away)
    try:
        with (ThreadPoolExecutor(1) as pool,
              psycopg.connect(fresh_pg_url, autocommit=True) as admin):
            coming = pool.submit(next, changes)
            for pid in _when_listening(admin):
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            missed = coming.result(timeout=60)
            assert missed == {"claims": made, "links": [], "by": "Ann", "seq": ann.seen_seq}
            assert len(said) == 1 and "lost the connection to the server" in said[0]
            coming = pool.submit(next, changes)
            _when_listening(admin)
            _send(fresh_pg_url, Notice.of("team", ann.seen_seq, "Ann", made, []).payload())
            _send(fresh_pg_url, Notice.of("team", 99, "bob", [], ["l1"]).payload())
            # the first (already read from the log) is not told again
            assert coming.result(timeout=60) == {"claims": [], "links": ["l1"], "by": "bob",
                                                 "seq": 99}
    finally:
        changes.close()
        ann.close()
