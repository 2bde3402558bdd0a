"""The open document: the one source of truth every view follows.

It holds the debate in memory (a `DebateGraph`) and in its `.debate` file, and
coordinates every edit: `apply` has the domain check it and work out its inverse
(domain/edit_plan.py), has the store write it in one transaction (store/tables.py), has
the graph follow, tells its followers, and hands back the inverse, which is all an undo
needs. Opening, locking and copying the file live in store/file.py.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from debate_editor.domain import builders
from debate_editor.domain.collector import gc_paused
from debate_editor.domain.edit import Edit
from debate_editor.domain.edit_plan import follow, plan_edit
from debate_editor.domain.errors import DebateFileError, InvalidDebateError, plain_message
from debate_editor.domain.events import EventHub, Listener
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import IdSource
from debate_editor.domain.model import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.domain.validation import check_debate
from debate_editor.store import atomic
from debate_editor.store import file as debate_file
from debate_editor.store.sqlite_read import read_sqlite

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from debate_editor.store.server_url import ServerAddress
from debate_editor.store.version import SCHEMA_VERSION


class DebateDocument:
    """A debate open from its file. Use `create` or `open`; close when done."""

    address: ServerAddress | None = None
    """Where a team debate lives on a server (store/server_document.py); None for a file."""

    def __init__(self, path: Path, *, read_only: bool, read_only_reason: str = "") -> None:
        self.path = path
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.events = EventHub()
        self._lock: debate_file.WriterLock | None = None
        self._raw: sqlite3.Connection | None = None
        """The file's one connection: opening reads through it directly."""
        self._mode = "ro"
        self._engine: Engine | None = None
        self._conn: Connection | None = None
        """SQLAlchemy over `_raw`, made for the first edit (`_live`)."""
        self.graph = DebateGraph()
        self.info = DebateInfo()
        self.ids = IdSource.after(self.graph.claims, self.graph.links)
        self.schema_version = SCHEMA_VERSION

    # ---- opening and closing ---------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, title: str = "Untitled debate") -> DebateDocument:
        """Make a new, empty debate file (refusing to replace an existing one) and open it."""
        return cls.create_from(path, Debate(info=DebateInfo(title=title)), replace=False)

    @classmethod
    def create_from(
        cls, path: str | Path, debate: Debate, *, replace: bool = True
    ) -> DebateDocument:
        """Write a whole debate as a new file (atomically) and open it for writing."""
        path = Path(path)
        if path.exists() and not replace:
            raise DebateFileError(path, "already exists; choose another name.")
        lock = atomic.create_file(path, debate)
        return cls._open_locked(path, lock)

    @classmethod
    def _open_locked(cls, path: Path, lock: debate_file.WriterLock) -> DebateDocument:
        """Open for writing a file written just now, whose writer lock is held already."""
        try:
            return cls.open(path, read_only=False, _held=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool | None = None,
             _held: debate_file.WriterLock | None = None) -> DebateDocument:
        """Open a debate file.

        read_only=None opens for writing when it can and read-only (saying why) when the
        file is open elsewhere or cannot be written; False insists on writing; True never
        writes. A bad file raises DebateFileError and is left byte for byte unchanged.
        """
        path = Path(path)
        version = debate_file.inspect_file(path)
        if version == 0:
            raise DebateFileError(path, "is damaged (it holds no debate).")
        reason = ""
        lock: debate_file.WriterLock | None = _held
        if read_only is not True and lock is None:
            reason = debate_file.writable_problem(path) or ""
            if not reason:
                lock = debate_file.WriterLock(path)
                if not lock.acquire():
                    lock = None
                    reason = "it is open in another window"
            if reason and read_only is False:
                raise DebateFileError(path, f"cannot be edited: {reason}.")
        writable = read_only is not True and not reason
        doc = cls(path, read_only=not writable, read_only_reason=reason)
        doc._lock = lock
        try:
            if not writable and version < SCHEMA_VERSION:
                # read through the same upgrade, in memory: the file stays as it is
                doc._raw = debate_file.connect_upgraded_copy(path, version)
            else:
                doc._mode = "rw" if writable else "ro"
                doc._raw = debate_file.connect(path, doc._mode)
            if writable and version < SCHEMA_VERSION:
                version = debate_file.upgrade_in_place(doc._raw, version)
            doc.schema_version = version  # the file's own: an older one read as today's
            doc._load()
        except (sqlite3.Error, ValueError, LookupError, TypeError, InvalidDebateError) as error:
            # ValueError: also pydantic's ValidationError and rows.RowError (tags, dates);
            # LookupError: a column missing from a table another program rewrote.
            doc.close()
            cause = getattr(error, "orig", None) or error  # the driver's words, not its class
            detail = plain_message(error) if isinstance(error, ValidationError) else str(cause)
            if isinstance(error, LookupError):
                detail = "a table lacks a column this version needs"
            if isinstance(error, TypeError):
                detail = "a value is of a kind no Debate Editor stores"
            detail = detail.splitlines()[0] if detail else "unreadable"
            if len(detail) > 160:  # the driver may quote a whole damaged row
                detail = detail[:157] + "…"
            raise DebateFileError(path, f"is damaged ({detail}).") from None
        except BaseException:
            doc.close()
            raise
        return doc

    def _load(self) -> None:
        with gc_paused():
            self._read_all()

    def _read_all(self) -> None:
        info, claims, links = read_sqlite(self._driver())
        if info is None:
            raise DebateFileError(self.path, "is damaged (it has no debate record).")
        check_debate(claims, links)  # another program may have written rows we would not
        self.info = info
        self.graph = DebateGraph(claims, links)
        self.ids = IdSource.after(self.graph.claims, self.graph.links)

    def _driver(self) -> sqlite3.Connection:
        if self._raw is None:
            raise DebateFileError(self.path, "is closed.")
        return self._raw

    def _live(self) -> Connection:
        """SQLAlchemy over the file's connection, brought up on first use."""
        raw = self._driver()
        if self._conn is None:
            self._engine, self._conn = debate_file.engine_over(raw, self._mode)
        return self._conn

    def prepare_writing(self) -> None:
        """Bring SQLAlchemy up now (a window does, once its first frame is shown), so that
        the first edit does not wait for it, nor for the module that writes it."""
        if self._raw is not None and not self.read_only:
            self._live()
            import debate_editor.store.tables  # noqa: F401 - loaded now, used by apply

    def _attach(self, raw: sqlite3.Connection, mode: str,
                lock: debate_file.WriterLock | None) -> None:
        """Go on with another connection to the (moved or copied) file."""
        self._raw, self._mode, self._lock = raw, mode, lock
        self._engine = self._conn = None

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`: it changes when another connection commits to
        the file (this one's own commits leave it), so a reader knows to look again."""
        return int(self._driver().execute("PRAGMA data_version").fetchone()[0])

    def reload(self) -> None:
        """Read the whole file again, for a read-only document whose file another writer
        changed (store/follow.py); a read that fails leaves the document as it was."""
        before = (self.info, self.graph, self.ids)
        try:
            self._load()
        except BaseException:
            self.info, self.graph, self.ids = before
            if self._raw is not None and self._raw.in_transaction:
                self._raw.rollback()
            raise

    def close(self) -> None:
        """Close the file. The journal is gone after a commit, so one file is left."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._raw is not None:
            self._raw.close()
            self._raw = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def closed(self) -> bool:
        return self._raw is None

    def __enter__(self) -> DebateDocument:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def save_as(self, target: str | Path) -> None:
        """Copy the file with SQLite's backup API and go on editing the copy."""
        target = Path(target)
        if os.path.realpath(target) == os.path.realpath(self.path):  # never raises on a loop
            return
        lock = atomic.copy_file(self._driver(), target)
        self.close()
        reopened = DebateDocument._open_locked(target, lock)
        self.path = reopened.path
        self.read_only, self.read_only_reason = False, ""
        assert reopened._raw is not None
        self._attach(reopened._raw, "rw", reopened._lock)
        reopened._raw = reopened._lock = None

    # ---- reading -------------------------------------------------------------------
    @property
    def title(self) -> str:
        return self.info.title

    def claim(self, claim_id: str) -> Claim:
        return self.graph.claims[claim_id]

    def link(self, link_id: str) -> Link:
        return self.graph.links[link_id]

    def claims(self) -> Iterator[Claim]:
        return iter(self.graph.claims.values())

    def links(self) -> Iterator[Link]:
        return iter(self.graph.links.values())

    def snapshot(self) -> Debate:
        """The whole debate as one immutable value, for exports and workers."""
        return Debate.model_construct(
            info=self.info,
            claims=tuple(self.graph.claims.values()),
            links=tuple(self.graph.links.values()),
        )

    def subscribe(self, listener: Listener) -> Any:
        """Follow every committed edit; returns a function that stops following."""
        return self.events.subscribe(listener)

    # ---- ids -----------------------------------------------------------------------
    def new_claim_id(self) -> str:
        return self.ids.claim_id()

    def new_link_id(self) -> str:
        return self.ids.link_id()

    # ---- editing -------------------------------------------------------------------
    def apply(self, edit: Edit) -> Edit:
        """Check, write in one transaction, update memory, notify; return the inverse.

        The inverse is built before anything is written; on any problem nothing is
        written and nothing in memory changes.
        """
        if self.read_only:
            why = f" ({self.read_only_reason})" if self.read_only_reason else ""
            raise DebateFileError(self.path, f"is open read-only{why}; it cannot be changed.")
        from sqlalchemy.exc import SQLAlchemyError

        from debate_editor.store.tables import write_edit

        conn = self._live()
        with gc_paused():  # a layout of 10,000 cards makes as many objects at once
            plan = plan_edit(self.graph, self.info, edit)
            try:
                with conn.begin():
                    write_edit(conn, plan)
            except SQLAlchemyError as error:
                self._end_failed_transaction()
                reason = str(getattr(error, "orig", error)).splitlines()[0]
                if "database is locked" in reason:  # a reader outlasted the busy timeout
                    reason = "another program kept reading the file; try the edit again"
                raise DebateFileError(
                    self.path, f"the edit could not be written ({reason}).") from None
            except UnicodeEncodeError as error:  # rolled back: nothing was written
                raise InvalidDebateError([debate_file.unstorable_text(error)]) from None
            follow(self.graph, plan)
            self.info = plan.info
        self.events.emit(plan.event)
        return plan.inverse

    def _end_failed_transaction(self) -> None:
        """A COMMIT refused as busy leaves SQLite's transaction open (SQLAlchemy has let
        go of it): roll it back, so the file keeps nothing of the edit and the next edit
        can begin."""
        raw = self._raw
        if raw is not None and raw.in_transaction:
            raw.rollback()

    # ---- edits in a few words, for the seed script and the tests ------------------------
    def add_claim(self, text: str, kind: ClaimKind = ClaimKind.CLAIM, *,
                  answers: str | None = None, link_kind: LinkKind = LinkKind.SUPPORT,
                  **fields: Any) -> Claim:
        """`builders.claim_edit`, applied."""
        edit, claim = builders.claim_edit(self.graph, self.ids, text, kind, answers=answers,
                                          link_kind=link_kind, **fields)
        self.apply(edit)
        return claim

    def add_link(self, source: str, target: str, kind: LinkKind = LinkKind.SUPPORT) -> Link:
        edit, link = builders.link_edit(self.graph, self.ids, source, target, kind)
        self.apply(edit)
        return link

    def update_claim(self, claim_id: str, **fields: Any) -> Claim:
        edit, claim = builders.claim_change_edit(self.graph, claim_id, **fields)
        self.apply(edit)
        return claim

    def update_link(self, link_id: str, **fields: Any) -> Link:
        edit, link = builders.link_change_edit(self.graph, link_id, **fields)
        self.apply(edit)
        return link

    def remove_claims(self, claim_ids: Iterable[str]) -> Edit:
        return self.apply(builders.removal_edit(claim_ids))

    def remove_links(self, link_ids: Iterable[str]) -> Edit:
        return self.apply(builders.removal_edit(link_ids=link_ids, label="Delete link"))

    def set_info(self, **fields: Any) -> DebateInfo:
        self.apply(builders.info_edit(self.info, **fields))
        return self.info
