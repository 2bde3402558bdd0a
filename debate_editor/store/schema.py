"""The one declaration of a `.debate` file's tables (current schema), as SQLAlchemy Core
`Table`s with every constraint the file keeps.

The store builds its statements from these tables, `metadata.create_all` makes the same
tables on PostgreSQL, and tests/test_schema.py checks that a file made by the frozen steps
of `upgrades.py` has exactly these columns, types, defaults, checks, keys and indexes.
The CHECK expressions are written in SQL both SQLite and PostgreSQL read the same way.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects import sqlite

from debate_editor.store.version import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "metadata"]

metadata = MetaData()

# SQLite stores a REAL in 8 bytes; PostgreSQL's REAL has 4, so there FLOAT (double).
_POSITION = Float().with_variant(sqlite.REAL(), "sqlite")
# An order is any 64-bit integer, as SQLite's INTEGER holds; PostgreSQL's has 4 bytes.
_ORDER = BigInteger().with_variant(Integer(), "sqlite")

debate_table = Table(
    "debate",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("created", Text, nullable=False),
    Column("modified", Text, nullable=False),
    CheckConstraint("id = 1", name="debate_one_row"),
)

claims_table = Table(
    "claims",
    metadata,
    Column("id", Text, primary_key=True),
    Column("text", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("title", Text, nullable=False, server_default=""),
    Column("note", Text, nullable=False, server_default=""),
    Column("source", Text, nullable=False, server_default=""),
    Column("tags", Text, nullable=False, server_default="[]"),
    Column("x", _POSITION),
    Column("y", _POSITION),
    Column("ord", _ORDER, nullable=False, server_default=text("0")),
    Column("argument_structure", Text, nullable=False, server_default=""),
    Column("mark", Text, nullable=False, server_default=""),
    CheckConstraint("length(trim(text)) > 0", name="claim_has_text"),
    CheckConstraint("mark IN ('', 'accepted', 'rejected', 'unsure')", name="claim_mark"),
)

links_table = Table(
    "links",
    metadata,
    Column("id", Text, primary_key=True),
    Column("to_claim", Text, ForeignKey("claims.id", ondelete="CASCADE",
                                        name="link_to_claim")),
    Column("to_link", Text, ForeignKey("links.id", ondelete="CASCADE",
                                       name="link_to_link")),
    Column("kind", Text, nullable=False),
    Column("ord", _ORDER, nullable=False, server_default=text("0")),
    Column("strength", Text, nullable=False, server_default=""),
    CheckConstraint("kind IN ('support', 'objection')", name="link_kind"),
    CheckConstraint("strength IN ('', 'strong', 'weak', 'none')", name="link_strength"),
    CheckConstraint("(to_claim IS NULL) <> (to_link IS NULL)", name="link_one_target"),
)

premises_table = Table(
    "premises",
    metadata,
    Column("link", Text, ForeignKey("links.id", ondelete="CASCADE", name="premise_of"),
           primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("claim", Text, ForeignKey("claims.id", ondelete="CASCADE", name="premise_claim"),
           nullable=False),
    CheckConstraint("seq >= 0", name="premise_seq"),
    UniqueConstraint("link", "claim", name="premise_once"),
)
"""A link's premises in order (seq 0 first): one row for a plain reason, several for a
group that holds only together."""

Index("links_by_claim", links_table.c.to_claim)
Index("links_by_link", links_table.c.to_link)
Index("premises_by_claim", premises_table.c.claim)
