"""The tables of a `.debate` file, as SQLAlchemy Core sees them (current schema)."""

from __future__ import annotations

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    Table,
    Text,
)

APPLICATION_ID = 0x44624564
"""`PRAGMA application_id` of every .debate file ("DbEd"): how we know a file is ours."""

SCHEMA_VERSION = 1
"""`PRAGMA user_version` this program writes; older files are upgraded on open."""

metadata = MetaData()

debate_table = Table(
    "debate",
    metadata,
    Column("id", Integer, CheckConstraint("id = 1"), primary_key=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("created", Text, nullable=False),
    Column("modified", Text, nullable=False),
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
    Column("x", Float),
    Column("y", Float),
    Column("ord", Integer, nullable=False, server_default="0"),
    Column("argument_structure", Text, nullable=False, server_default=""),
)

links_table = Table(
    "links",
    metadata,
    Column("id", Text, primary_key=True),
    Column("source", Text, ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
    Column("to_claim", Text, ForeignKey("claims.id", ondelete="CASCADE")),
    Column("to_link", Text, ForeignKey("links.id", ondelete="CASCADE")),
    Column("kind", Text, nullable=False),
    Column("ord", Integer, nullable=False, server_default="0"),
)
