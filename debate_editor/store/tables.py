"""The thin store: rows in and out of the declared tables (schema.py) through SQLAlchemy
Core statements, the same on SQLite and PostgreSQL. It writes what the domain checked and
checks nothing again; the caller holds the transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
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
from debate_editor.domain.model import Debate, DebateInfo
from debate_editor.store.rows import (
    RowError,
    claim_from_row,
    claim_row,
    info_from_row,
    info_row,
    link_row,
    premise_rows,
)
from debate_editor.store.schema import claims_table, debate_table, links_table, premises_table
from debate_editor.store.sqlite_read import Rows, links_of, read_sqlite

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


_INSERT = {table.name: insert(table) for table in (claims_table, links_table, premises_table)}
_UPDATE = {table.name: _update(table) for table in (claims_table, links_table, debate_table)}
"""Built once: building a statement again for each edit (and its cache key) cost as
much as SQLite's writing the rows."""


def _keyed(row: Row) -> dict[str, Any]:
    """An update's parameters: every column but the id, and the id as `key`."""
    return {**{k: v for k, v in row.items() if k != "id"}, "key": row["id"]}


_MOVE = (update(claims_table).where(claims_table.c.id == bindparam("key"))
         .values(x=bindparam("to_x"), y=bindparam("to_y")))
"""A claim only moved (`EditPlan.event.moved_claims`) has its two places written, not
its whole row again: Ctrl+L moves every card (README, "Performance")."""

_DELETE = {table.name: delete(table).where(table.c.id == bindparam("key"))
           for table in (claims_table, links_table)}
_PREMISES_OF = delete(premises_table).where(premises_table.c.link == bindparam("key"))


def write_debate(conn: Connection, debate: Debate) -> None:
    """Fill an empty, upgraded file with a whole debate."""
    conn.execute(insert(debate_table), [info_row(debate.info)])
    _run(conn, insert(claims_table), [claim_row(c) for c in debate.claims])
    ordered = links_in_dependency_order(debate.links)
    _run(conn, insert(links_table), [link_row(link) for link in ordered])
    _run(conn, insert(premises_table), [row for link in ordered for row in premise_rows(link)])


def write_edit(conn: Connection, plan: EditPlan) -> None:
    """Write a checked edit in the order `Edit` promises."""
    edit = plan.edit
    _run(conn, _INSERT["claims"], [claim_row(c) for c in edit.add_claims])
    ordered = links_in_dependency_order(edit.add_links)
    _run(conn, _INSERT["links"], [link_row(link) for link in ordered])
    _run(conn, _INSERT["premises"], [row for link in ordered for row in premise_rows(link)])
    moved = plan.event.moved_claims
    _run(conn, _UPDATE["claims"],
         [_keyed(claim_row(c)) for c in edit.update_claims if c.id not in moved])
    _run(conn, _MOVE, [{"to_x": c.x, "to_y": c.y, "key": c.id}
                       for c in edit.update_claims if c.id in moved])
    _run(conn, _UPDATE["links"], [_keyed(link_row(link)) for link in edit.update_links])
    # a changed link's premises are written again whole (a few rows; the order may move)
    _run(conn, _PREMISES_OF, [{"key": link.id} for link in edit.update_links])
    _run(conn, _INSERT["premises"],
         [row for link in edit.update_links for row in premise_rows(link)])
    _run(conn, _DELETE["links"], [{"key": i} for i in plan.removed_links])
    _run(conn, _DELETE["claims"], [{"key": i} for i in edit.remove_claims])
    conn.execute(_UPDATE["debate"], [_keyed(info_row(plan.info))])


def read_debate(conn: Connection) -> Rows:
    """Every row, as the domain's values (info None when the debate row is missing).

    A SQLite file is read through its driver, page by page (sqlite_read.py, which says
    why); PostgreSQL's readers never block its writers: one transaction of Core selects."""
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        return read_sqlite(raw)
    with conn.begin():
        return read_rows(conn)


def read_rows(conn: Connection, order: str | None = None) -> Rows:
    """Every row by Core selects, in the caller's transaction (a server debate's reader
    checks its marks in the same one: store/server.py), claims and links by the column
    `order` names, if any."""
    info = read_info(conn)
    claims = [claim_from_row(r._mapping) for r in conn.execute(_all(claims_table, order))]
    link_rows = [r._mapping for r in conn.execute(_all(links_table, order))]
    premise_rows = [r._mapping for r in conn.execute(select(premises_table))]
    return info, claims, links_of(link_rows, premise_rows)


def _all(table: Table, order: str | None) -> Select[Any]:
    statement = select(table)
    return statement if order is None else statement.order_by(literal_column(order))


def read_info(conn: Connection) -> DebateInfo | None:
    """The debate record, None when it is missing; any record but the one numbered 1 is
    damage (as sqlite_read.py says)."""
    rows = conn.execute(select(debate_table).limit(2)).mappings().all()
    if len(rows) > 1 or (rows and rows[0]["id"] != 1):
        raise RowError("it must hold one debate record, numbered 1")
    return info_from_row(rows[0]) if rows else None
