"""A debate on a server, open for editing by a team (README, "Team debates on a server").

The same coordinator as a file's document (check, write in one transaction, remember,
emit), over a PostgreSQL connection, with what sharing needs beside it:

- every edit is one transaction that takes the debate's advisory lock, so two members'
  edits are written one after the other, never interleaved;
- before writing, each row the edit changes or removes is held to the version this window
  last read (`row_edits`, server_notice.py); a row someone else changed since refuses the
  edit with `EditConflictError`, naming them, and the window re-reads what changed;
- an undo is held to the version its own edit wrote: it refuses when anyone has changed
  those rows since, rather than overwrite their work;
- the edit is logged (who, when, which rows) and announced by `pg_notify`, delivered at
  the commit; `catch_up` reads every logged edit after the last one seen, so a lost
  notice or a lost connection costs a re-read, never a missed edit;
- new ids are numbered by the server (a sequence per debate), so two members' new claims
  never share an id.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection, Mapping
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, exc, insert, select, text, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert

from debate_editor.domain.collector import gc_paused
from debate_editor.domain.edit import Edit
from debate_editor.domain.edit_plan import EditPlan, follow, plan_edit
from debate_editor.domain.errors import (
    DebateFileError,
    EditConflictError,
    InvalidDebateError,
    StaleTextError,
)
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.graph import DebateGraph
from debate_editor.store import server
from debate_editor.store.document import DebateDocument
from debate_editor.store.follow import changes
from debate_editor.store.server_notice import (
    CHANNEL,
    Notice,
    edit_log_table,
    row_edits_table,
    team_metadata,
)
from debate_editor.store.server_rows import (
    ServerIds,
    is_new,
    labelled,
    read_claims,
    read_links,
    reserve_numbers,
    start_numbers,
    touched,
)
from debate_editor.store.server_schema import upgrade_server
from debate_editor.store.server_url import ServerAddress
from debate_editor.store.tables import read_info, write_edit
from debate_editor.store.version import SCHEMA_VERSION

_SNAPSHOT = text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
"""Readers see one snapshot of every table; writers stay READ COMMITTED, so an edit that
waited for the debate's lock sees what the edit before it committed."""
_NOTIFY = text("SELECT pg_notify(:channel, :payload)")
_ROLE = text("SELECT current_user")


class ServerDocument(DebateDocument):
    """A server debate open for editing; `open_server` opens one, `close` lets it go."""

    def __init__(self, address: ServerAddress, *, by: str = "") -> None:
        super().__init__(Path(address.debate), read_only=False)
        self.address: ServerAddress = address
        self.by = by
        self.role = ""
        """The database role this document connects as: who signs its edits by default."""
        self._server_engine: Engine | None = None
        self._server_conn: Connection | None = None
        self.seen_seq = 0
        """The last logged edit this document has read (its own included)."""
        self.versions: dict[tuple[str, str], int] = {}
        """(kind, id) → the seq of the edit that last changed the row, as last read."""
        self.authors: dict[int, tuple[str, datetime]] = {}
        """seq → who made that edit and when (the server's clock)."""
        self._closed = False
        self._made: dict[int, tuple[Edit, int]] = {}
        """id(inverse) → (the inverse, the seq of the edit that handed it back)."""

    # ---- opening and closing ---------------------------------------------------------
    @classmethod
    def open_server(cls, address: ServerAddress, *, by: str = "") -> ServerDocument:
        """Open the debate for editing (read once), or DebateFileError: no server, no such
        debate, not ours, newer, damaged."""
        doc = cls(address, by=by)
        doc._connect()
        conn = doc._connection()
        try:
            with conn.begin():
                conn.execute(server.DEBATE_LOCK, {"key": server.lock_key(address)})
                doc.schema_version = server.checked_version(conn, address)
                if doc.schema_version < SCHEMA_VERSION:
                    upgrade_server(conn, doc.schema_version)
                    doc.schema_version = SCHEMA_VERSION
                team_metadata.create_all(conn, checkfirst=True)
                start_numbers(conn, address)
                doc.role = str(conn.execute(_ROLE).scalar_one())
                doc.by = doc.by or doc.role
            doc._read_everything()
        except exc.DBAPIError as error:
            doc.close()
            raise DebateFileError(address, "cannot be opened for editing "
                                  f"({server.driver_words(error)}).") from None
        except BaseException:
            doc.close()
            raise
        return doc

    def _connect(self) -> None:
        engine = server.server_engine(self.address)
        try:
            conn = engine.connect()
        except exc.DBAPIError as error:
            engine.dispose()
            raise DebateFileError(self.address, "cannot reach the server "
                                  f"({server.driver_words(error)}).") from None
        self._server_engine, self._server_conn = engine, conn

    def reconnect(self) -> DebateChanged | None:
        """A new connection after a lost one, and every edit logged meanwhile read (the
        event the views hear); DebateFileError while the server cannot be reached."""
        self._drop_connection()
        self._connect()
        return self.catch_up()

    def _connection(self) -> Connection:
        if self._server_conn is None:
            raise DebateFileError(self.address, "is closed." if self._closed else
                                  "has lost its connection to the server.")
        return self._server_conn

    def _read_everything(self) -> None:
        """Read the whole debate, its versions and the last seq, in one snapshot."""
        conn = self._connection()
        with conn.begin(), gc_paused():
            conn.execute(_SNAPSHOT)
            info, claims, links = server.read_checked(conn, self.address)
            versions = {(k, i): int(s) for k, i, s in conn.execute(select(
                row_edits_table.c.kind, row_edits_table.c.row_id, row_edits_table.c.seq))}
            log = edit_log_table.c
            self.authors = {int(q): (str(b), a) for q, b, a in conn.execute(
                select(log.seq, log.by, log.at))}
            self.seen_seq = max(self.authors, default=0)
        self.info, self.graph, self.versions = info, DebateGraph(claims, links), versions
        self.ids = ServerIds(self._reserve, self.graph.claims, self.graph.links)

    def _reserve(self, prefix: str) -> list[int]:
        conn = self._connection()
        with conn.begin():
            return reserve_numbers(conn, prefix)

    def _drop_connection(self) -> None:
        conn, engine = self._server_conn, self._server_engine
        self._server_conn = self._server_engine = None
        if conn is not None:
            with contextlib.suppress(exc.DBAPIError):  # a connection already lost
                conn.close()
        if engine is not None:
            engine.dispose()

    def sign_as(self, name: str) -> None:
        """Sign the edits made from now on with `name` ("": the database role)."""
        self.by = name.strip() or self.role

    def close(self) -> None:
        self._drop_connection()
        self._closed = True
        super().close()

    @property
    def closed(self) -> bool:
        return self._closed

    def prepare_writing(self) -> None:
        """The connection is up from the start."""

    def data_version(self) -> int:
        return self.seen_seq

    def save_as(self, target: str | Path) -> None:
        raise DebateFileError(self.address, "is on a server; copy it to a file with "
                              "`debate-editor copy` or File → Export.")

    def reload(self) -> None:
        self._read_everything()

    # ---- who -------------------------------------------------------------------------
    def last_change(self, kind: str, row_id: str) -> tuple[str, datetime] | None:
        """Who last changed a claim or link, and when, or None for a row no logged edit
        has touched (written by `copy` or `new`). From memory: the inspector asks often."""
        seq = self.versions.get((kind, row_id))
        return self.authors.get(seq) if seq else None

    # ---- editing -------------------------------------------------------------------
    def apply(self, edit: Edit) -> Edit:
        """Check, hold to the versions read, write, log and announce in one transaction,
        update memory, notify the views; return the inverse."""
        if self.read_only:
            why = f" ({self.read_only_reason})" if self.read_only_reason else ""
            raise DebateFileError(self.address, f"is not taking edits now{why}.")
        made = self._made.pop(id(edit), None)
        expected = self._expected(edit, made)
        conn = self._connection()
        with gc_paused():
            try:
                plan = plan_edit(self.graph, self.info, edit)
            except StaleTextError as error:  # a member's edit came in while this was typed
                by = (self.last_change("claim", error.claim_id) or ("Someone",))[0]
                raise EditConflictError(self.address, f"{by} changed this claim a moment "
                                        "ago; it now shows their change.") from None
            rows = touched(plan)
            try:
                with conn.begin():
                    conn.execute(server.DEBATE_LOCK, {"key": server.lock_key(self.address)})
                    stale = self._stale(conn, rows, expected)
                    if stale is None:
                        write_edit(conn, plan)
                        seq = self._log(conn, plan)
            except exc.IntegrityError:
                self._put_back(made)
                self.catch_up()
                raise EditConflictError(self.address, "Someone else changed this part of the "
                                   "debate a moment ago; it now shows their change.") from None
            except exc.DBAPIError as error:
                self._put_back(made)
                raise DebateFileError(self.address, "the edit could not be written "
                                      f"({server.driver_words(error)}).") from None
            if stale is not None:
                self._put_back(made)
                self.catch_up()
                raise EditConflictError(self.address, stale)
            follow(self.graph, plan)
            self.info = plan.info
            for row in rows:
                self.versions[row] = seq
        self.events.emit(plan.event)
        if seq == self.seen_seq + 1:
            self.seen_seq = seq  # no one committed between the last edit read and this one
        else:
            self.catch_up()  # edits logged in between (this one's rows read again, equal)
        self._made[id(plan.inverse)] = (plan.inverse, seq)
        return plan.inverse

    def _put_back(self, made: tuple[Edit, int] | None) -> None:
        """A refused undo stays what it was: the stack may offer it again."""
        if made is not None:
            self._made[id(made[0])] = made

    def _expected(self, edit: Edit, made: tuple[Edit, int] | None
                  ) -> Mapping[tuple[str, str], int] | int:
        """What each row must still be at: an undo's rows at the seq of the edit it takes
        back; any other edit's at the versions last read."""
        return made[1] if made is not None else self.versions

    def _stale(self, conn: Connection, rows: Collection[tuple[str, str]],
               expected: Mapping[tuple[str, str], int] | int) -> str | None:
        """The sentence refusing the edit, or None when every row is as expected."""
        existing = [row for row in rows if not is_new(row, self.graph)]
        if not existing:
            return None
        table = row_edits_table
        found = {(k, i): int(s) for k, i, s in conn.execute(
            select(table.c.kind, table.c.row_id, table.c.seq)
            .where(tuple_(table.c.kind, table.c.row_id).in_(existing)))}
        for row in sorted(existing):
            want = expected if isinstance(expected, int) else expected.get(row, 0)
            now = found.get(row, 0)
            if now != want and (isinstance(expected, int) or now > want):
                by = conn.execute(select(edit_log_table.c.by)
                                  .where(edit_log_table.c.seq == now)).scalar() or "someone"
                what = "claim" if row[0] == "claim" else "arrow"
                if isinstance(expected, int):
                    return (f"{by} changed this {what} since; undoing would overwrite "
                            "their change, so it was not undone.")
                return f"{by} changed this {what} a moment ago; it now shows their change."
        return None

    def _log(self, conn: Connection, plan: EditPlan) -> int:
        event = plan.event
        claims = sorted(event.added_claims | event.changed_claims | event.removed_claims)
        links = sorted(event.added_links | event.changed_links | event.removed_links)
        seq, at = conn.execute(
            insert(edit_log_table).values(by=self.by, label=event.label,
                                          claims=json.dumps(claims), links=json.dumps(links))
            .returning(edit_log_table.c.seq, edit_log_table.c.at)).one()
        seq = int(seq)
        self.authors[seq] = (self.by, at)
        rows = [{"kind": "claim", "row_id": i, "seq": seq} for i in claims]
        rows += [{"kind": "link", "row_id": i, "seq": seq} for i in links]
        if event.info_changed:
            rows.append({"kind": "info", "row_id": "debate", "seq": seq})
        if rows:
            statement = pg_insert(row_edits_table)
            conn.execute(statement.on_conflict_do_update(
                index_elements=["kind", "row_id"], set_={"seq": statement.excluded.seq}),
                rows)
        notice = Notice.of(self.address.debate, seq, self.by, claims, links)
        conn.execute(_NOTIFY, {"channel": CHANNEL, "payload": notice.payload()})
        return seq

    # ---- others' edits -------------------------------------------------------------
    def catch_up(self) -> DebateChanged | None:
        """Read every edit logged since the last one read; tell the views what changed,
        as one event. A read that fails leaves the document as it was and raises."""
        conn = self._connection()
        try:
            with conn.begin():
                conn.execute(_SNAPSHOT)
                logged = conn.execute(
                    select(edit_log_table.c.seq, edit_log_table.c.claims,
                           edit_log_table.c.links, edit_log_table.c.by,
                           edit_log_table.c.at)
                    .where(edit_log_table.c.seq > self.seen_seq)
                    .order_by(edit_log_table.c.seq)).all()
                if not logged:
                    return None
                claim_ids: set[str] = set()
                link_ids: set[str] = set()
                for seq, claims, links, by, at in logged:
                    self.authors[int(seq)] = (str(by), at)
                    claim_ids.update(json.loads(claims))
                    link_ids.update(json.loads(links))
                return self._read_rows(conn, claim_ids, link_ids, int(logged[-1][0]))
        except exc.DBAPIError as error:
            raise DebateFileError(self.address, "cannot be read "
                                  f"({server.driver_words(error)}).") from None

    def _read_rows(self, conn: Connection, claim_ids: set[str], link_ids: set[str],
                   last: int) -> DebateChanged | None:
        claims = {c.id: c for c in read_claims(conn, claim_ids)}
        links = {link.id: link for link in read_links(conn, link_ids)}
        info = read_info(conn)
        versions = {(k, i): int(s) for k, i, s in conn.execute(
            select(row_edits_table.c.kind, row_edits_table.c.row_id, row_edits_table.c.seq)
            .where(row_edits_table.c.seq > self.seen_seq))}
        old_claims = {i: self.graph.claims[i] for i in claim_ids if i in self.graph.claims}
        old_links = {i: self.graph.links[i] for i in link_ids if i in self.graph.links}
        edit = Edit(
            add_claims=tuple(c for i, c in claims.items() if i not in old_claims),
            add_links=tuple(x for i, x in links.items() if i not in old_links),
            update_claims=tuple(c for i, c in claims.items()
                                if i in old_claims and old_claims[i] != c),
            update_links=tuple(x for i, x in links.items()
                               if i in old_links and old_links[i] != x),
            remove_links=tuple(i for i in old_links if i not in links),
            remove_claims=tuple(i for i in old_claims if i not in claims),
        )
        info_changed = info is not None and info != self.info
        self.versions.update(versions)
        self.seen_seq = last
        if edit.is_empty() and not info_changed:
            return None
        try:
            plan = plan_edit(self.graph, self.info, edit)
            follow(self.graph, plan)
        except (InvalidDebateError, KeyError):
            # rows that only agree with edits not yet read here: read it all again
            before_c, before_l = dict(self.graph.claims), dict(self.graph.links)
            self._read_everything()
            event = changes(before_c, self.graph.claims, before_l, self.graph.links,
                            info_changed=info_changed)
        else:
            event = changes(old_claims, claims, old_links, links, info_changed=info_changed)
        if info is not None:
            self.info = info
        if event is not None:
            event = labelled(event)
            self.events.emit(event)
        return event
