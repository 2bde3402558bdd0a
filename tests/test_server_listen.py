"""Hearing a server debate's edits (README, "Team debates on a server"), against the real
server the tests start: a committed notice for the listener's debate arrives, one for
another debate or not ours does not, a rolled-back one never does, and a lost connection
is said plainly and mended by `reconnect`."""

from __future__ import annotations

import select

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
