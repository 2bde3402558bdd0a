"""The open document: the one source of truth every view follows.

It holds the debate in memory (a `DebateGraph`) and in its `.debate` file. `apply`
checks an edit, writes it in one transaction, updates memory, tells its followers, and
hands back the inverse edit, which is all an undo needs.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Table, select
from sqlalchemy.exc import SQLAlchemyError

from debate_editor.domain.collector import gc_paused
from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import DebateFileError, InvalidDebateError, plain_message
from debate_editor.domain.events import DebateChanged, EventHub, Listener
from debate_editor.domain.graph import DebateGraph, links_in_dependency_order
from debate_editor.domain.ids import next_number
from debate_editor.domain.model import (
    Claim,
    ClaimKind,
    Debate,
    DebateInfo,
    Link,
    LinkKind,
    has_text,
    utc_now,
)
from debate_editor.domain.validation import check_debate, link_problems, undercut_circles
from debate_editor.store import file as debate_file
from debate_editor.store.rows import (
    claim_from_row,
    claim_row,
    info_from_row,
    info_row,
    link_from_row,
    link_row,
)
from debate_editor.store.schema import SCHEMA_VERSION, claims_table, debate_table, links_table
from debate_editor.store.upgrades import upgrade


class DebateDocument:
    """A debate open from its file. Use `create` or `open`; close when done."""

    def __init__(self, path: Path, *, read_only: bool, read_only_reason: str = "") -> None:
        self.path = path
        self.read_only = read_only
        self.read_only_reason = read_only_reason
        self.events = EventHub()
        self._lock: debate_file.WriterLock | None = None
        self._engine: Any = None
        self._conn: Any = None
        self.graph = DebateGraph()
        self.info = DebateInfo()
        self._next_claim = 1
        self._next_link = 1
        self._pairs: dict[tuple[str, str], str] = {}
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
        debate_file.create_file(path, debate)
        return cls.open(path, read_only=False)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool | None = None) -> DebateDocument:
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
        lock: debate_file.WriterLock | None = None
        if read_only is not True:
            reason = debate_file.writable_problem(path) or ""
            if not reason:
                lock = debate_file.WriterLock(path)
                if not lock.acquire():
                    lock = None
                    reason = "it is open in another window"
            if reason and read_only is False:
                raise DebateFileError(path, f"cannot be edited: {reason}.")
            if version < SCHEMA_VERSION and reason:
                raise DebateFileError(
                    path, f"is in an older format and cannot be upgraded: {reason}."
                )
        writable = read_only is not True and not reason
        doc = cls(path, read_only=not writable, read_only_reason=reason)
        doc._lock = lock
        try:
            doc._engine, doc._conn = debate_file.connect(path, "rw" if writable else "ro")
            if writable and version < SCHEMA_VERSION:
                with doc._conn.begin():
                    version = upgrade(doc._conn, version)
            doc.schema_version = version
            doc._load()
        except (SQLAlchemyError, sqlite3.Error, ValueError, LookupError,
                InvalidDebateError) as error:
            # ValueError: also pydantic's ValidationError, broken JSON tags, broken dates;
            # LookupError: a column missing from a table another program rewrote.
            doc.close()
            detail = plain_message(error) if isinstance(error, ValidationError) else str(error)
            if isinstance(error, LookupError):
                detail = "a table lacks a column this version needs"
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
        conn = self._conn
        row = conn.execute(select(debate_table)).mappings().first()
        if row is None:
            raise DebateFileError(self.path, "is damaged (it has no debate record).")
        self.info = info_from_row(row)
        # The driver's own cursor with name-indexed rows: a 10,000-claim file is read in
        # one fetch instead of 20,000 trips through SQLAlchemy's result layer.
        raw = conn.connection.driver_connection.cursor()
        raw.row_factory = sqlite3.Row
        claims = [claim_from_row(r) for r in raw.execute("SELECT * FROM claims").fetchall()]
        links = [link_from_row(r) for r in raw.execute("SELECT * FROM links").fetchall()]
        raw.close()
        check_debate(claims, links)  # another program may have written rows we would not
        self.graph = DebateGraph(claims, links)
        self._pairs = {(link.source, link.target): link.id for link in links}
        self._next_claim = next_number("c", self.graph.claims)
        self._next_link = next_number("l", self.graph.links)
        conn.rollback()  # end the read transaction; each edit begins its own

    def data_version(self) -> int:
        """SQLite's `PRAGMA data_version`: it changes when another connection commits to
        the file (this one's own commits leave it), so a reader knows to look again."""
        raw = self._conn.connection.driver_connection
        return int(raw.execute("PRAGMA data_version").fetchone()[0])

    def reload(self) -> None:
        """Read the whole file again, for a read-only document whose file another writer
        changed (store/follow.py); a read that fails leaves the document as it was."""
        before = (self.info, self.graph, self._pairs, self._next_claim, self._next_link)
        try:
            self._load()
        except BaseException:
            self.info, self.graph, self._pairs, self._next_claim, self._next_link = before
            self._conn.rollback()
            raise

    def close(self) -> None:
        """Close the file. The journal is gone after a commit, so one file is left."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def closed(self) -> bool:
        return self._conn is None

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
        if target.resolve() == self.path.resolve():
            return
        raw = self._conn.connection.driver_connection
        debate_file.copy_file(raw, target)
        self.close()
        reopened = DebateDocument.open(target, read_only=False)
        self.path = reopened.path
        self.read_only, self.read_only_reason = False, ""
        self._engine, self._conn, self._lock = reopened._engine, reopened._conn, reopened._lock
        reopened._engine = reopened._conn = reopened._lock = None

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
            schema_version=1,
            info=self.info,
            claims=tuple(self.graph.claims.values()),
            links=tuple(self.graph.links.values()),
        )

    def subscribe(self, listener: Listener) -> Any:
        """Follow every committed edit; returns a function that stops following."""
        return self.events.subscribe(listener)

    # ---- ids -----------------------------------------------------------------------
    def new_claim_id(self) -> str:
        while f"c{self._next_claim}" in self.graph.claims:
            self._next_claim += 1
        self._next_claim += 1
        return f"c{self._next_claim - 1}"

    def new_link_id(self) -> str:
        while f"l{self._next_link}" in self.graph.links:
            self._next_link += 1
        self._next_link += 1
        return f"l{self._next_link - 1}"

    # ---- editing -------------------------------------------------------------------
    def apply(self, edit: Edit) -> Edit:
        """Check, write in one transaction, update memory, notify; return the inverse.

        On any problem nothing is written and nothing in memory changes.
        """
        if self.read_only:
            why = f" ({self.read_only_reason})" if self.read_only_reason else ""
            raise DebateFileError(self.path, f"is open read-only{why}; it cannot be changed.")
        if self.closed:
            raise DebateFileError(self.path, "is closed.")
        with gc_paused():  # a layout of 10,000 cards makes as many objects at once
            return self._apply(edit)

    def _apply(self, edit: Edit) -> Edit:
        removed_links = self._cascade(edit)
        self._check(edit, removed_links)
        old_claims = [self.graph.claims[c.id] for c in edit.update_claims]
        old_links = [self.graph.links[link.id] for link in edit.update_links]
        gone_links = [self.graph.links[i] for i in removed_links]
        gone_claims = [self.graph.claims[i] for i in edit.remove_claims]
        old_info = self.info
        info = (edit.info or self.info).model_copy(
            update={"modified": utc_now(), "created": self.info.created}
        )
        self._write(edit, removed_links, info)
        self._remember(edit, removed_links, info)
        inverse = Edit(
            add_claims=tuple(gone_claims),
            add_links=tuple(links_in_dependency_order(gone_links)),
            update_claims=tuple(old_claims),
            update_links=tuple(old_links),
            remove_links=tuple(link.id for link in edit.add_links),
            remove_claims=tuple(claim.id for claim in edit.add_claims),
            info=old_info if edit.info is not None else None,
            label=edit.label,
        )
        self.events.emit(
            DebateChanged(
                added_claims=frozenset(c.id for c in edit.add_claims),
                changed_claims=frozenset(c.id for c in edit.update_claims),
                removed_claims=frozenset(edit.remove_claims),
                added_links=frozenset(link.id for link in edit.add_links),
                changed_links=frozenset(link.id for link in edit.update_links),
                removed_links=frozenset(removed_links),
                info_changed=edit.info is not None,
                label=edit.label,
            )
        )
        return inverse

    def _cascade(self, edit: Edit) -> list[str]:
        """Links removed by the edit: those named, those at removed claims, and every
        undercut of a removed link; in an order where undercuts go first."""
        removed: list[str] = []
        seen: set[str] = set()
        pending = list(edit.remove_links)
        for claim_id in edit.remove_claims:
            if claim_id in self.graph.claims:
                pending.extend(link.id for link in self.graph.outgoing(claim_id))
                pending.extend(link.id for link in self.graph.incoming(claim_id))
        while pending:
            link_id = pending.pop()
            if link_id in seen or link_id not in self.graph.links:
                continue
            seen.add(link_id)
            removed.append(link_id)
            pending.extend(link.id for link in self.graph.incoming(link_id))
        # Undercuts go before the links they attack (however they were found), so that
        # the graph never holds an undercut of a link it has let go.
        ordered = links_in_dependency_order([self.graph.links[i] for i in removed])
        return [link.id for link in reversed(ordered)]

    def _check(self, edit: Edit, removed_links: list[str]) -> None:
        graph = self.graph
        problems: list[str] = []
        added_claims = {c.id: c for c in edit.add_claims}
        removed_claims = set(edit.remove_claims)
        removed = set(removed_links)
        problems.extend(_named_twice(edit))
        problems.extend(_unchecked_values(edit))
        for claim_id in edit.remove_claims:
            if claim_id not in graph.claims:
                problems.append(f"Claim {claim_id} does not exist, so it cannot be removed.")
        for link_id in edit.remove_links:
            if link_id not in graph.links:
                problems.append(f"Link {link_id} does not exist, so it cannot be removed.")
        for claim in edit.add_claims:
            if claim.id in graph.claims or claim.id in graph.links:
                problems.append(f"The id {claim.id} is already taken.")
        for link in edit.add_links:
            if link.id in graph.links or link.id in graph.claims or link.id in added_claims:
                problems.append(f"The id {link.id} is already taken.")
        for claim in edit.update_claims:
            if claim.id not in graph.claims or claim.id in removed_claims:
                problems.append(f"Claim {claim.id} does not exist, so it cannot be changed.")
            if not has_text(claim.text):
                problems.append("A claim needs some text.")
        for link in edit.update_links:
            if link.id not in graph.links or link.id in removed:
                problems.append(f"Link {link.id} does not exist, so it cannot be changed.")
        for claim in edit.add_claims:
            if not has_text(claim.text):
                problems.append("A claim needs some text.")

        claim_ids = _Ids(graph.claims, added_claims, removed_claims)
        changed = {link.id for link in edit.update_links}
        link_ids = _Ids(graph.links, [link.id for link in edit.add_links], removed)
        pairs = _Pairs(self._pairs, removed | changed)
        problems.extend(
            link_problems(
                [*edit.update_links, *edit.add_links],
                claim_ids,
                link_ids,
                pairs,
            )
        )
        if not problems and any(link.to_link is not None for link in
                                (*edit.update_links, *edit.add_links)):
            after = {link.id: link for link in (*edit.add_links, *edit.update_links)}

            def find(link_id: str) -> Link | None:
                if link_id in after:
                    return after[link_id]
                return None if link_id in removed else graph.links.get(link_id)

            problems.extend(undercut_circles([*edit.update_links, *edit.add_links], find))
        if problems:
            raise InvalidDebateError(problems)

    def _write(self, edit: Edit, removed_links: list[str], info: DebateInfo) -> None:
        conn = self._conn
        try:
            with conn.begin():
                run = conn.exec_driver_sql
                if edit.add_claims:
                    run(_CLAIMS.insert, [_CLAIMS.values(claim_row(c)) for c in edit.add_claims])
                if edit.add_links:
                    ordered = links_in_dependency_order(list(edit.add_links))
                    run(_LINKS.insert, [_LINKS.values(link_row(link)) for link in ordered])
                if edit.update_claims:
                    run(_CLAIMS.update, [_CLAIMS.keyed(claim_row(c)) for c in edit.update_claims])
                if edit.update_links:
                    run(_LINKS.update,
                        [_LINKS.keyed(link_row(link)) for link in edit.update_links])
                if removed_links:
                    run(_LINKS.delete, [(i,) for i in removed_links])
                if edit.remove_claims:
                    run(_CLAIMS.delete, [(i,) for i in edit.remove_claims])
                run(_INFO.update, [_INFO.keyed(info_row(info))])
        except SQLAlchemyError as error:
            reason = str(getattr(error, "orig", error)).splitlines()[0]
            raise DebateFileError(self.path, f"the edit could not be written ({reason}).") from None
        except UnicodeEncodeError as error:  # rolled back: nothing was written
            raise InvalidDebateError([debate_file.unstorable_text(error)]) from None

    def _remember(self, edit: Edit, removed_links: list[str], info: DebateInfo) -> None:
        graph = self.graph
        self.info = info
        for claim in edit.add_claims:
            graph.add_claim(claim)
        for link in links_in_dependency_order(list(edit.add_links)):
            graph.add_link(link)
            self._pairs[(link.source, link.target)] = link.id
        for claim in edit.update_claims:
            graph.replace_claim(claim)
        for link in edit.update_links:
            old = graph.links[link.id]
            self._pairs.pop((old.source, old.target), None)
            graph.replace_link(link)
            self._pairs[(link.source, link.target)] = link.id
        for link_id in removed_links:
            old = graph.links[link_id]
            self._pairs.pop((old.source, old.target), None)
            graph.remove_link(link_id)
        for claim_id in edit.remove_claims:
            graph.remove_claim(claim_id)

    # ---- convenience edits (each one transaction) ----------------------------------------
    def add_claim(
        self,
        text: str,
        kind: ClaimKind = ClaimKind.CLAIM,
        *,
        answers: str | None = None,
        link_kind: LinkKind = LinkKind.SUPPORT,
        **fields: Any,
    ) -> Claim:
        """Add a claim, and with `answers` the link that makes it a reason for (or against)
        that claim or link, placed after its siblings."""
        if answers is None:
            order = 1 + max((c.order for c in self.graph.theses()), default=-1)
            fields.setdefault("order", order)
        try:
            claim = Claim(id=self.new_claim_id(), text=text, kind=kind, **fields)
        except ValidationError as error:
            raise InvalidDebateError([plain_message(error)]) from None
        links: tuple[Link, ...] = ()
        if answers is not None:
            links = (self._new_link(claim.id, answers, link_kind),)
        self.apply(Edit(add_claims=(claim,), add_links=links, label=f"Add {kind.value}"))
        return claim

    def _new_link(self, source: str, target: str, kind: LinkKind) -> Link:
        siblings = self.graph.incoming(target)
        order = 1 + max((link.order for link in siblings), default=-1)
        target_field = "to_link" if target in self.graph.links else "to_claim"
        return Link(id=self.new_link_id(), source=source, kind=kind, order=order,
                    **{target_field: target})

    def add_link(self, source: str, target: str, kind: LinkKind = LinkKind.SUPPORT) -> Link:
        link = self._new_link(source, target, kind)
        self.apply(Edit(add_links=(link,), label="Link"))
        return link

    def update_claim(self, claim_id: str, **fields: Any) -> Claim:
        try:
            claim = Claim.model_validate({**self.claim(claim_id).model_dump(), **fields})
        except ValidationError as error:
            raise InvalidDebateError([plain_message(error)]) from None
        self.apply(Edit(update_claims=(claim,), label="Edit claim"))
        return claim

    def update_link(self, link_id: str, **fields: Any) -> Link:
        try:
            link = Link.model_validate({**self.link(link_id).model_dump(), **fields})
        except ValidationError as error:
            raise InvalidDebateError([plain_message(error)]) from None
        self.apply(Edit(update_links=(link,), label="Change link"))
        return link

    def remove_claims(self, claim_ids: Iterable[str]) -> Edit:
        return self.apply(Edit(remove_claims=tuple(claim_ids), label="Delete"))

    def remove_links(self, link_ids: Iterable[str]) -> Edit:
        return self.apply(Edit(remove_links=tuple(link_ids), label="Delete link"))

    def set_info(self, **fields: Any) -> DebateInfo:
        info = self.info.model_copy(update=fields)
        self.apply(Edit(info=info, label="Debate details"))
        return self.info


def _named_twice(edit: Edit) -> list[str]:
    """An id twice in one list of an edit: the second would find the first's work done
    (and the inverse would name it twice too), so refuse it outright."""
    problems: list[str] = []
    for ids in (
        [*(c.id for c in edit.add_claims), *(link.id for link in edit.add_links)],
        [c.id for c in edit.update_claims],
        [link.id for link in edit.update_links],
        list(edit.remove_claims),
        list(edit.remove_links),
    ):
        seen: set[str] = set()
        for item_id in ids:
            if item_id in seen:
                problems.append(f"The id {item_id} appears twice in one edit.")
            seen.add(item_id)
    return problems


def _unchecked_values(edit: Edit) -> list[str]:
    """Check again what `model_copy` or `model_construct` let through unchecked (a
    blank text, a NaN position, an undercut turned support), so that nothing written
    here makes the file refuse to open later."""
    problems: list[str] = []
    values: list[Claim | Link | DebateInfo] = [
        *edit.add_claims, *edit.update_claims, *edit.add_links, *edit.update_links
    ]
    if edit.info is not None:
        values.append(edit.info)
    for value in values:
        try:
            type(value).model_validate(value.model_dump())
        except ValidationError as error:
            problems.append(plain_message(error))
    return problems


class _Ids:
    """Which ids exist after an edit, without copying the debate to find out."""

    def __init__(self, base: dict[str, Any], plus: Iterable[str], minus: set[str]) -> None:
        self.base, self.plus, self.minus = base, set(plus), minus

    def __contains__(self, item: object) -> bool:
        return (item in self.base or item in self.plus) and item not in self.minus


class _Pairs:
    """The (source, target) pairs linked after an edit, as `link_problems` asks about
    them: the document's pairs minus those of links removed or changed, plus those added
    so far. A view, so checking one new link does not copy every pair of the debate."""

    def __init__(self, base: dict[tuple[str, str], str], dropped: set[str]) -> None:
        self.base, self.dropped, self.added = base, dropped, set[tuple[str, str]]()

    def __contains__(self, pair: tuple[str, str]) -> bool:
        if pair in self.added:
            return True
        link_id = self.base.get(pair)
        return link_id is not None and link_id not in self.dropped

    def add(self, pair: tuple[str, str]) -> None:
        self.added.add(pair)


class _Statements:
    """A table's insert, update and delete as plain SQL with positional parameters, run
    through SQLAlchemy's connection (its transaction and errors) without its expression
    layer: an edit of one card spends its time in SQLite, not in building statements."""

    def __init__(self, table: Table) -> None:
        self.columns = [c.name for c in table.columns]
        names = ", ".join(f'"{c}"' for c in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        sets = ", ".join(f'"{c}" = ?' for c in self.columns if c != "id")
        self.insert = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
        self.update = f'UPDATE "{table.name}" SET {sets} WHERE "id" = ?'
        self.delete = f'DELETE FROM "{table.name}" WHERE "id" = ?'

    def values(self, row: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(row[c] for c in self.columns)

    def keyed(self, row: dict[str, Any]) -> tuple[Any, ...]:
        """The values for `update`: every column but the id, then the id."""
        return (*(row[c] for c in self.columns if c != "id"), row["id"])


_CLAIMS = _Statements(claims_table)
_LINKS = _Statements(links_table)
_INFO = _Statements(debate_table)
