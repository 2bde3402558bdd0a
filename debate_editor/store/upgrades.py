"""The schema ladder: step N turns a version-N file into version N+1, in the caller's
transaction. A new file climbs from 0; an old file climbs from where it stands.

Each step is frozen SQL, never the current Table objects: a step must do tomorrow
exactly what it did the day it was written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Protocol

from debate_editor.store.version import SCHEMA_VERSION


class Connection(Protocol):
    """What a step needs of a connection: SQLAlchemy's, or a bare one in `RawSteps`."""

    def exec_driver_sql(self, statement: str, /) -> object: ...


class RawSteps:
    """A bare sqlite3 connection, as the steps ask of one: opening and checking a file
    climbs the ladder without importing SQLAlchemy."""

    def __init__(self, raw: sqlite3.Connection) -> None:
        self.raw = raw

    def exec_driver_sql(self, statement: str, /) -> object:
        return self.raw.execute(statement)


def _create_v1(conn: Connection) -> None:
    for statement in (
        """CREATE TABLE debate (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            modified TEXT NOT NULL)""",
        """CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            kind TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            x REAL,
            y REAL,
            ord INTEGER NOT NULL DEFAULT 0,
            argument_structure TEXT NOT NULL DEFAULT '')""",
        """CREATE TABLE links (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            to_claim TEXT REFERENCES claims(id) ON DELETE CASCADE,
            to_link TEXT REFERENCES links(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('support', 'objection')),
            ord INTEGER NOT NULL DEFAULT 0,
            CHECK ((to_claim IS NULL) <> (to_link IS NULL)),
            CHECK (source <> to_claim))""",
        "CREATE INDEX links_by_source ON links(source)",
        "CREATE INDEX links_by_claim ON links(to_claim)",
        "CREATE INDEX links_by_link ON links(to_link)",
    ):
        conn.exec_driver_sql(statement)


def _premises_v2(conn: Connection) -> None:
    """A link's premises move to their own table, so that a reason can have several.

    SQLite cannot drop a column that holds a foreign key, so `links` is built again: the
    old table is renamed first (SQLite then points its own undercut key at the new name),
    the new one made under the old name and filled, and the old dropped, which cascades
    to nothing since no other table refers to it by then."""
    for statement in (
        "ALTER TABLE links RENAME TO links_v1",
        """CREATE TABLE links (
            id TEXT PRIMARY KEY,
            to_claim TEXT REFERENCES claims(id) ON DELETE CASCADE,
            to_link TEXT REFERENCES links(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('support', 'objection')),
            ord INTEGER NOT NULL DEFAULT 0,
            CHECK ((to_claim IS NULL) <> (to_link IS NULL)))""",
        """INSERT INTO links (rowid, id, to_claim, to_link, kind, ord)
            SELECT rowid, id, to_claim, to_link, kind, ord FROM links_v1""",
        """CREATE TABLE premises (
            link TEXT NOT NULL REFERENCES links(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            PRIMARY KEY (link, seq),
            UNIQUE (link, claim))""",
        """INSERT INTO premises (link, seq, claim)
            SELECT id, 0, source FROM links_v1 ORDER BY rowid""",
        "DROP TABLE links_v1",
        "CREATE INDEX links_by_claim ON links(to_claim)",
        "CREATE INDEX links_by_link ON links(to_link)",
        "CREATE INDEX premises_by_claim ON premises(claim)",
    ):
        conn.exec_driver_sql(statement)


def _marks_v3(conn: Connection) -> None:
    """The user's own marks (README, "Your own marks"): a claim accepted, rejected or
    unsure, a reason strong, weak or none; "" is unmarked, which every older row is."""
    for statement in (
        """ALTER TABLE claims ADD COLUMN mark TEXT NOT NULL DEFAULT ''
            CHECK (mark IN ('', 'accepted', 'rejected', 'unsure'))""",
        """ALTER TABLE links ADD COLUMN strength TEXT NOT NULL DEFAULT ''
            CHECK (strength IN ('', 'strong', 'weak', 'none'))""",
    ):
        conn.exec_driver_sql(statement)


Step = Callable[[Connection], None]

STEPS: dict[int, Step] = {0: _create_v1, 1: _premises_v2, 2: _marks_v3}
"""From version N (key) to N+1. Add a step here and raise SCHEMA_VERSION together."""


def upgrade(conn: Connection, from_version: int, to_version: int | None = None) -> int:
    """Run every step from `from_version` up to `to_version`; returns the version reached.

    The caller holds the transaction, so a file is either fully upgraded or untouched.
    """
    version = from_version
    target = SCHEMA_VERSION if to_version is None else to_version
    while version < target:
        STEPS[version](conn)
        version += 1
        conn.exec_driver_sql(f"PRAGMA user_version = {int(version)}")
    return version
