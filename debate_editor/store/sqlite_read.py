"""Reading a whole `.debate` file through the bare sqlite3 driver.

Opening a file is what every start of the program waits for, and SQLAlchemy's import
alone took a third of it (README, "Performance"): so a SQLite file is read here, by plain
SELECTs of the declared columns, and SQLAlchemy is brought up only for the first edit.
PostgreSQL is read through Core (tables.py), the same rows into the same models.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from debate_editor.domain.model import Claim, DebateInfo, Link
from debate_editor.store.rows import (
    RowError,
    StoredRow,
    claim_from_row,
    info_from_row,
    link_from_row,
)

Rows = tuple[DebateInfo | None, list[Claim], list[Link]]

READ_PAGE = 5_000
"""Rows read in one read transaction of a SQLite file (about 20 ms of holding it)."""

COLUMNS = {
    "claims": ("id", "text", "kind", "title", "note", "source", "tags", "x", "y", "ord",
               "argument_structure", "mark"),
    "links": ("id", "to_claim", "to_link", "kind", "ord", "strength"),
    "premises": ("link", "seq", "claim"),
}
"""The columns read of each table: those of store/schema.py (a test holds them equal)."""


def premises_by_link(rows: Sequence[StoredRow]) -> dict[str, tuple[str, ...]]:
    """Link id -> its premises in order, from premise rows in any order."""
    found: dict[str, list[tuple[int, str]]] = {}
    for row in rows:
        found.setdefault(row["link"], []).append((row["seq"], row["claim"]))
    return {link: tuple(claim for _, claim in sorted(pairs)) for link, pairs in found.items()}


def links_of(rows: Sequence[StoredRow], premise_rows: Sequence[StoredRow]) -> list[Link]:
    premises = premises_by_link(premise_rows)
    return [link_from_row(row, premises.get(row["id"], ())) for row in rows]


def _info(raw: sqlite3.Connection) -> DebateInfo | None:
    """The debate record, None when it is missing. Any record but the one numbered 1 is
    damage: SQLite checks no CHECK on a read-only connection, and every edit of the
    debate's title updates record 1 only, so it would be reported done and lost."""
    rows = raw.execute(
        "SELECT id, title, description, created, modified FROM debate LIMIT 2").fetchall()
    if len(rows) > 1 or (rows and rows[0][0] != 1):
        raise RowError("it must hold one debate record, numbered 1")
    if not rows:
        return None
    return info_from_row(dict(zip(("id", "title", "description", "created", "modified"),
                                  rows[0], strict=True)))


def _page(raw: sqlite3.Connection, table: str, after: int | None) -> list[dict[str, Any]]:
    """Up to READ_PAGE rows of `table` written after row number `after` (None: from the
    first, since another program may number a row 0 or below), in its own read
    transaction; each row's number is under `_rowid`."""
    names = COLUMNS[table]
    where = "" if after is None else f" WHERE rowid > {int(after)}"
    sql = (f"SELECT {', '.join(names)}, rowid FROM {table}{where} "
           f"ORDER BY rowid LIMIT {READ_PAGE}")
    keys = (*names, "_rowid")
    raw.execute("BEGIN")
    try:
        return [dict(zip(keys, row, strict=True)) for row in raw.execute(sql)]
    finally:
        raw.execute("COMMIT")


def _data_version(raw: sqlite3.Connection) -> int:
    return int(raw.execute("PRAGMA data_version").fetchone()[0])


def _paged(raw: sqlite3.Connection) -> Rows | None:
    """The whole file page by page, or None if another connection committed meanwhile."""
    raw.execute("BEGIN")
    try:
        start = _data_version(raw)
        info = _info(raw)
    finally:
        raw.execute("COMMIT")
    found: dict[str, list[dict[str, Any]]] = {table: [] for table in COLUMNS}
    for table in COLUMNS:
        after: int | None = None
        while True:
            page = _page(raw, table, after)
            found[table].extend(page)
            if len(page) < READ_PAGE:
                break
            after = page[-1]["_rowid"]
        if _data_version(raw) != start:
            return None
    return (info, [claim_from_row(r) for r in found["claims"]],
            links_of(found["links"], found["premises"]))


def read_sqlite(raw: sqlite3.Connection) -> Rows:
    """Every row, as the domain's values (info None when the debate row is missing).

    A reader must not starve the writer: on SQLite a read transaction blocks every commit
    until it ends, so a file is read a page of rows per transaction, in the order the rows
    were written; if another connection commits between pages the reading starts over
    (twice at most, then the rest is read in one transaction), so what is read is one
    state of the file."""
    for _ in range(3):
        rows = _paged(raw)
        if rows is not None:
            return rows
    raw.execute("BEGIN")
    try:
        info = _info(raw)
        found = {table: [dict(zip(COLUMNS[table], row, strict=True)) for row in raw.execute(
            f"SELECT {', '.join(COLUMNS[table])} FROM {table} ORDER BY rowid")]
            for table in COLUMNS}
    finally:
        raw.execute("COMMIT")
    return (info, [claim_from_row(r) for r in found["claims"]],
            links_of(found["links"], found["premises"]))
