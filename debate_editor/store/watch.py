"""What `debate-editor watch` reports (README, "Command line", "Team debates on a server"):
every change anyone commits to a debate, as one dictionary a line of JSON is made of.

A file is followed as a read-only window follows its writer (store/follow.py: `PRAGMA
data_version`, a few times a second), so commits close together may come as one change,
and who made it is not known (`by` is None). A server debate is heard through its notices
(store/server_listen.py), one change per committed edit, with its `seq` and who made it;
a notice that names too many rows to list says `all`. After a lost connection the
listener reconnects with a growing pause and reads what was committed meanwhile from the
debate's log (one change per edit, as its notice said; one `all` change when the log
cannot say). Plain Python, no Qt.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Generator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from debate_editor.domain.errors import DebateFileError
from debate_editor.domain.events import DebateChanged
from debate_editor.store.server_notice import Notice
from debate_editor.store.server_url import ServerAddress

if TYPE_CHECKING:
    from debate_editor.store.server_listen import NoticeListener

Change = dict[str, object]
Changes = Generator[Change, None, None]

FILE_POLL_SECONDS = 0.2
"""How often a file is asked whether anyone committed: one cheap PRAGMA."""

BACKOFF_SECONDS = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0)
"""The pauses between tries to reach a server again; the last one repeats."""


def event_change(event: DebateChanged) -> Change:
    """A file's change: the ids the follower's event names (added, changed, removed); a
    change of the title or description alone names none."""
    return {
        "claims": sorted(event.added_claims | event.changed_claims | event.removed_claims),
        "links": sorted(event.added_links | event.changed_links | event.removed_links),
        "by": None,
    }


def notice_change(notice: Notice) -> Change:
    """A server's change: the rows one notice names, or `all` when it names none."""
    if notice.claims is not None and notice.links is not None:
        return {"claims": list(notice.claims), "links": list(notice.links),
                "by": notice.by, "seq": notice.seq}
    return {"claims": None, "links": None, "all": True, "by": notice.by, "seq": notice.seq}


MISSED: Change = {"claims": None, "links": None, "all": True, "by": None, "seq": None}
"""After a reconnect: anything may have changed while no one was listening."""


def file_changes(path: Path, pause: Callable[[float], None] = time.sleep) -> Changes:
    """Each change other processes commit to the file, until the caller stops."""
    from debate_editor.store.document import DebateDocument
    from debate_editor.store.follow import FileFollower

    document = DebateDocument.open(path, read_only=True)
    try:
        follower = FileFollower(document)
        while True:
            event = follower.poll()
            if event is None:
                pause(FILE_POLL_SECONDS)
            else:
                yield event_change(event)
    finally:
        document.close()


def check_server_debate(address: ServerAddress) -> None:
    """DebateFileError unless the debate is there and one of ours we can read (no server,
    no such debate, another program's schema, a newer format): read nothing else."""
    from debate_editor.store.server import readable_version

    readable_version(address)


def server_changes(address: ServerAddress, say: Callable[[str], None],
                   pause: Callable[[float], None] = time.sleep,
                   backoff: Sequence[float] = BACKOFF_SECONDS) -> Changes:
    """Each edit committed to the server debate, until the caller stops; a lost
    connection is said (once) through `say` and mended, and what was committed meanwhile
    read from the debate's log, one change per edit."""
    from debate_editor.store.server_listen import ConnectionLostError, NoticeListener

    listener = NoticeListener(address)  # listening before the check: nothing slips by
    try:
        check_server_debate(address)
        last = last_logged(address)
        while True:
            try:
                for notice in listener.wait():
                    if notice.seq > last:  # else read from the log after a reconnect
                        last = notice.seq
                        yield notice_change(notice)
            except ConnectionLostError as error:
                say(f"{error} Reconnecting.")
                _reconnect(listener, pause, backoff)
                missed = _missed(address, last)
                last = max([last, *(int(c["seq"]) for c in missed  # type: ignore[call-overload]
                                    if c["seq"] is not None)])
                yield from missed
    finally:
        listener.close()


def last_logged(address: ServerAddress) -> int:
    """The number of the debate's last logged edit (0 before the first one)."""
    from sqlalchemy import func, inspect, select

    from debate_editor.store.server import server_engine
    from debate_editor.store.server_notice import edit_log_table

    engine = server_engine(address)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("edit_log", schema=address.debate):
                return 0  # made by `new` or `copy`, never edited: nothing logged yet
            return int(conn.execute(select(func.coalesce(func.max(edit_log_table.c.seq), 0)))
                       .scalar_one())
    finally:
        engine.dispose()


def logged_after(address: ServerAddress, seq: int) -> list[Change]:
    """Each edit logged after `seq`, as the change its notice told."""
    from sqlalchemy import inspect, select

    from debate_editor.store.server import server_engine
    from debate_editor.store.server_notice import edit_log_table as log

    engine = server_engine(address)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("edit_log", schema=address.debate):
                return []
            rows = conn.execute(select(log.c.seq, log.c.by, log.c.claims, log.c.links)
                                .where(log.c.seq > seq).order_by(log.c.seq)).all()
    finally:
        engine.dispose()
    return [{"claims": sorted(json.loads(claims)), "links": sorted(json.loads(links)),
             "by": str(by), "seq": int(number)} for number, by, claims, links in rows]


def _missed(address: ServerAddress, seq: int) -> list[Change]:
    """What was committed while no one listened: from the log; `all` when the log cannot
    say (it was read by no one, or the debate was replaced and numbers again from 1)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        if last_logged(address) < seq:
            return [dict(MISSED)]
        return logged_after(address, seq)
    except SQLAlchemyError:  # the server went again: the listener will say so next
        return [dict(MISSED)]


def _reconnect(listener: NoticeListener, pause: Callable[[float], None],
               backoff: Sequence[float]) -> None:
    tries = 0
    while True:
        pause(backoff[min(tries, len(backoff) - 1)])
        tries += 1
        try:
            listener.reconnect()
            return
        except DebateFileError:
            continue
