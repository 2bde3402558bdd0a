"""The thin store: rows in and out of the declared tables (schema.py) through SQLAlchemy
Core statements, the same on SQLite and PostgreSQL. It writes what the domain checked and
checks nothing again; the caller holds the transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Table,
    bindparam,
    delete,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.sql.dml import UpdateBase

from debate_editor.domain.edit_plan import EditPlan
from debate_editor.domain.graph import links_in_dependency_order
from debate_editor.domain.model import Claim, Debate, DebateInfo, Link
from debate_editor.store.rows import (
    RowError,
    claim_from_row,
    claim_row,
    info_from_row,
    info_row,
    link_from_row,
    link_row,
)
from debate_editor.store.schema import claims_table, debate_table, links_table

Row = Mapping[Any, Any]


FAST_ROWS = 200
"""From this many rows on, a statement on SQLite goes by `_many_on_sqlite`."""


def _many_on_sqlite(conn: Connection, statement: UpdateBase, rows: Sequence[Row]) -> None:
    """The one fast path: a Core statement compiled once, its rows handed to the driver's
    executemany as plain tuples, skipping SQLAlchemy's per-row parameter handling.

    Measured (tests/benchmarks/bench_store.py, 10,000 claims and 10,289 links in one
    transaction): inserting every row 246 ms through Core executemany, 117 ms this way;
    moving every claim (Ctrl+L) 183 ms against 82 ms. An edit of a few rows costs the same
    either way (the commit dominates), so small edits go through Core. The columns are
    Text, Integer and REAL, which need no conversion on the way to SQLite. Reading has no
    such path: 10,000 claims come through Core's select in 45 ms against 15 ms by the
    driver's cursor, a few per cent of opening that file, not worth a second way.
    """
    compiled = statement.compile(dialect=conn.dialect, column_keys=list(rows[0]))
    order = compiled.positiontup or ()
    conn.exec_driver_sql(str(compiled), [tuple(row[key] for key in order) for row in rows])


def _run(conn: Connection, statement: UpdateBase, rows: Sequence[Row]) -> None:
    if not rows:
        return
    if len(rows) >= FAST_ROWS and conn.dialect.name == "sqlite":
        _many_on_sqlite(conn, statement, rows)
    else:
        conn.execute(statement, list(rows))


def _update(table: Table) -> UpdateBase:
    return update(table).where(table.c.id == bindparam("key"))


_INSERT = {table.name: insert(table) for table in (claims_table, links_table)}
_UPDATE = {table.name: _update(table) for table in (claims_table, links_table, debate_table)}
"""Built once: building a statement again for each edit (and its cache key) cost as
much as SQLite's writing the rows."""


def _keyed(row: Row) -> dict[str, Any]:
    """An update's parameters: every column but the id, and the id as `key`."""
    return {**{k: v for k, v in row.items() if k != "id"}, "key": row["id"]}


_DELETE = {table.name: delete(table).where(table.c.id == bindparam("key"))
           for table in (claims_table, links_table)}


def write_debate(conn: Connection, debate: Debate) -> None:
    """Fill an empty, upgraded file with a whole debate."""
    conn.execute(insert(debate_table), [info_row(debate.info)])
    _run(conn, insert(claims_table), [claim_row(c) for c in debate.claims])
    ordered = links_in_dependency_order(debate.links)
    _run(conn, insert(links_table), [link_row(link) for link in ordered])


def write_edit(conn: Connection, plan: EditPlan) -> None:
    """Write a checked edit in the order `Edit` promises."""
    edit = plan.edit
    _run(conn, _INSERT["claims"], [claim_row(c) for c in edit.add_claims])
    ordered = links_in_dependency_order(edit.add_links)
    _run(conn, _INSERT["links"], [link_row(link) for link in ordered])
    _run(conn, _UPDATE["claims"], [_keyed(claim_row(c)) for c in edit.update_claims])
    _run(conn, _UPDATE["links"], [_keyed(link_row(link)) for link in edit.update_links])
    _run(conn, _DELETE["links"], [{"key": i} for i in plan.removed_links])
    _run(conn, _DELETE["claims"], [{"key": i} for i in edit.remove_claims])
    conn.execute(_UPDATE["debate"], [_keyed(info_row(plan.info))])


Rows = tuple[DebateInfo | None, list[Claim], list[Link]]

READ_PAGE = 5_000
"""Rows read in one read transaction of a SQLite file (about 20 ms of holding it)."""

def read_debate(conn: Connection) -> Rows:
    """Every row, as the domain's values (info None when the debate row is missing).

    A reader must not starve the writer: on SQLite a read transaction blocks every commit
    until it ends, so a file is read a page of rows per transaction, in the order the rows
    were written; if another connection commits between pages the reading starts over
    (twice at most, then the rest is read in one transaction), so what is read is one
    state of the file. PostgreSQL's readers never block its writers: one transaction."""
    if conn.dialect.name != "sqlite":
        with conn.begin():
            return _read_whole(conn)
    for _ in range(3):
        rows = _read_paged(conn)
        if rows is not None:
            return rows
    with conn.begin():
        return _read_whole(conn)


def _read_whole(conn: Connection) -> Rows:
    info = _info(conn)
    claims = [claim_from_row(r._mapping) for r in conn.execute(select(claims_table))]
    links = [link_from_row(r._mapping) for r in conn.execute(select(links_table))]
    return info, claims, links


def _info(conn: Connection) -> DebateInfo | None:
    """The debate record, None when it is missing. Any record but the one numbered 1 is
    damage: SQLite checks no CHECK on a read-only connection, and every edit of the
    debate's title updates record 1 only, so it would be reported done and lost."""
    rows = conn.execute(select(debate_table).limit(2)).mappings().all()
    if len(rows) > 1 or (rows and rows[0]["id"] != 1):
        raise RowError("it must hold one debate record, numbered 1")
    return info_from_row(rows[0]) if rows else None


def _read_page(conn: Connection, table: Table, after: int | None) -> list[Row]:
    """Up to READ_PAGE rows of `table` written after row number `after` (None: from the
    first, since another program may number a row 0 or below), in its own read
    transaction; each row's number is under `_rowid`."""
    number: ColumnElement[int] = literal_column("rowid", Integer)
    statement = select(table, number.label("_rowid")).order_by(number).limit(READ_PAGE)
    if after is not None:
        statement = statement.where(number > after)
    with conn.begin():
        return [r._mapping for r in conn.execute(statement)]


def _read_paged(conn: Connection) -> Rows | None:
    """The whole file page by page, or None if another connection committed meanwhile."""
    with conn.begin():
        start = conn.exec_driver_sql("PRAGMA data_version").scalar()
        info = _info(conn)
    found: dict[str, list[Row]] = {"claims": [], "links": []}
    for table in (claims_table, links_table):
        after: int | None = None
        while True:
            page = _read_page(conn, table, after)
            found[table.name].extend(page)
            if len(page) < READ_PAGE:
                break
            after = page[-1]["_rowid"]
        with conn.begin():
            if conn.exec_driver_sql("PRAGMA data_version").scalar() != start:
                return None
    return (info, [claim_from_row(r) for r in found["claims"]],
            [link_from_row(r) for r in found["links"]])
