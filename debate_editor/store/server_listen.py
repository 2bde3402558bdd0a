"""Hearing other people's edits of a server debate (README, "Team debates on a server").

A `NoticeListener` holds its own connection, in autocommit, listening on the one channel
every debate of the database shares (`server_notice.CHANNEL`), and hands back only the
notices of its own debate; a payload that is not one of ours, or names another debate,
is passed over. It never blocks unless asked to: `fileno()` is the socket a window
watches (a QSocketNotifier) before calling `poll()`; the command line calls `wait()`.

A connection that is lost (the server restarted, the network dropped, the session was
ended) raises `ConnectionLostError` from `poll` or `wait`: the caller says so, calls
`reconnect()` until it succeeds, and re-reads what it may have missed (a notice sent while
no one listened is never delivered again). After a reconnect `fileno()` is another socket.
Plain Python, no Qt.
"""

from __future__ import annotations

import select
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any

from debate_editor.domain.errors import DebateFileError
from debate_editor.store.server_notice import CHANNEL, Notice
from debate_editor.store.server_url import ServerAddress

if TYPE_CHECKING:
    import psycopg


class ConnectionLostError(DebateFileError):
    """The listening connection to the server is gone: nothing more will be heard on it
    until `NoticeListener.reconnect()` succeeds. Edits made meanwhile are not lost on the
    server, only their notices."""


def _open(address: ServerAddress) -> psycopg.Connection[Any]:
    """A psycopg connection made exactly as the store's (server.py): the same URL, the
    same connect_timeout, the password passed on (or left to ~/.pgpass)."""
    import psycopg

    from debate_editor.store.server import driver_words, server_engine

    engine = server_engine(address)
    try:
        args, params = engine.dialect.create_connect_args(engine.url)
    finally:
        engine.dispose()
    try:
        conn = psycopg.connect(*args, **params, autocommit=True)
    except psycopg.Error as error:
        raise DebateFileError(
            address, f"cannot reach the server ({driver_words(error)}).") from None
    try:
        conn.execute(f'LISTEN "{CHANNEL}"')
    except psycopg.Error as error:
        conn.close()
        raise DebateFileError(
            address, f"cannot listen for edits ({driver_words(error)}).") from None
    return conn


class NoticeListener:
    """The notices of one server debate, as they are committed by anyone."""

    def __init__(self, address: ServerAddress) -> None:
        self.address = address
        self._pending: list[Notice] = []
        self._conn: psycopg.Connection[Any] | None = None
        self._conn = self._connect()

    def _connect(self) -> psycopg.Connection[Any]:
        conn = _open(self.address)
        # A notice that arrives while psycopg itself reads (the LISTEN's answer) goes to
        # the handlers, not to the queue `poll` drains.
        conn.add_notify_handler(lambda n: self._take(n.channel, n.payload))
        return conn

    def _take(self, channel: str, payload: str) -> None:
        if channel != CHANNEL:
            return
        notice = Notice.parse(payload)
        if notice is not None and notice.debate == self.address.debate:
            self._pending.append(notice)

    def _live(self) -> psycopg.Connection[Any]:
        if self._conn is None:
            raise ConnectionLostError(self.address, "is not connected; reconnect first.")
        return self._conn

    def fileno(self) -> int:
        """The socket that turns readable when something arrives (watch it, then poll)."""
        return self._live().pgconn.socket

    def poll(self) -> list[Notice]:
        """What has arrived for this debate, in commit order; never waits."""
        conn = self._live()
        import psycopg
        from psycopg import pq

        pgconn = conn.pgconn
        try:
            pgconn.consume_input()
        except psycopg.Error as error:
            self._lost(str(error))
        while (notify := pgconn.notifies()) is not None:
            self._take(notify.relname.decode(conn.info.encoding, "replace"),
                       notify.extra.decode(conn.info.encoding, "replace"))
        if pgconn.status != pq.ConnStatus.OK:
            self._lost(pgconn.get_error_message())
        taken, self._pending = self._pending, []
        return taken

    def wait(self, timeout: float | None = None) -> list[Notice]:
        """Block until a notice for this debate arrives or `timeout` seconds pass (None:
        no limit); what arrived, perhaps nothing."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            taken = self.poll()
            if taken:
                return taken
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return []
            select.select([self.fileno()], [], [], left)

    def _lost(self, why: str) -> None:
        self.close()
        words = " ".join(why.split()).removeprefix("consuming input failed:").strip()
        raise ConnectionLostError(
            self.address, "lost the connection to the server"
            + (f" ({words[:160]})." if words else "."))

    def reconnect(self) -> None:
        """A new connection, listening again; DebateFileError while the server cannot be
        reached (the caller tries again later)."""
        self.close()
        self._conn = self._connect()

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> NoticeListener:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()
