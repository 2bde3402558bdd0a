"""A server debate's marks: the PostgreSQL counterpart of a file's `PRAGMA application_id`
and `user_version` (README, "Team debates on a server").

Each debate is one PostgreSQL schema holding the declared tables (schema.py) and one
more, `debate_format`: one row, our application id and the schema version. A schema
without it is not a debate of ours and is never read, written or replaced. `claims` and
`links` carry one column more, `row_order`, which the server numbers as rows come: a
file's rows are read in SQLite's rowid order, the order they were written, and a
server's heap keeps no order, so this keeps it (no statement of ours names it but the
reader's ORDER BY).

The ladder: a server debate is made at today's version from the declaration, which
tests/test_schema.py holds equal to what the file's frozen steps make. The file's steps
are SQLite's SQL (PRAGMA, rowid) and cannot run on a server, so every step from
`FIRST_SERVER_VERSION` on needs its PostgreSQL form in `SERVER_STEPS`, run in the same
transaction as the write that finds an older debate (tests/test_server_store.py fails
when SCHEMA_VERSION rises without one).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    DDL,
    CheckConstraint,
    Column,
    Connection,
    Integer,
    MetaData,
    Table,
    insert,
    select,
    update,
)

from debate_editor.store.schema import claims_table, links_table
from debate_editor.store.version import APPLICATION_ID, SCHEMA_VERSION

FIRST_SERVER_VERSION = 3
"""The schema version the first server debates were made at: none is older."""

server_metadata = MetaData()

format_table = Table(
    "debate_format",
    server_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("application_id", Integer, nullable=False),
    Column("schema_version", Integer, nullable=False),
    CheckConstraint("id = 1", name="debate_format_one_row"),
)

ServerStep = Callable[[Connection], None]

SERVER_STEPS: dict[int, ServerStep] = {}
"""From version N (key) to N+1, in PostgreSQL's SQL; frozen once written, as upgrades.py's."""


ROW_ORDER = "row_order"
_ADD_ROW_ORDER = DDL(  # type: ignore[no-untyped-call]  # SQLAlchemy's DDL() is unannotated
    f"ALTER TABLE %(fullname)s ADD COLUMN {ROW_ORDER} bigint GENERATED ALWAYS AS IDENTITY")
"""%(fullname)s: the table's name in the debate's schema, quoted by SQLAlchemy."""


def mark_new(conn: Connection) -> None:
    """Make the marks table and the row order in a new debate's schema (whose declared
    tables are made, empty), at today's version."""
    for table in (claims_table, links_table):
        conn.execute(_ADD_ROW_ORDER.against(table))
    server_metadata.create_all(conn, checkfirst=False)
    conn.execute(insert(format_table).values(id=1, application_id=APPLICATION_ID,
                                             schema_version=SCHEMA_VERSION))


def read_marks(conn: Connection) -> tuple[int, int] | None:
    """(application id, schema version), None when the row is missing or doubled."""
    rows = conn.execute(select(format_table.c.application_id, format_table.c.schema_version)
                        .limit(2)).all()
    return (int(rows[0][0]), int(rows[0][1])) if len(rows) == 1 else None


def upgrade_server(conn: Connection, version: int) -> int:
    """Climb from `version` to today's in the caller's transaction; the version reached."""
    while version < SCHEMA_VERSION:
        SERVER_STEPS[version](conn)
        version += 1
        conn.execute(update(format_table).values(schema_version=version))
    return version
