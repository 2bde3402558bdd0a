"""One declaration of the file's tables (store/schema.py): a file made by the frozen upgrade
steps has exactly the declared tables, and `metadata.create_all` makes the same tables on
PostgreSQL, refusing the same bad rows (README, "The .debate file")."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from debate_editor.store import upgrades
from debate_editor.store.file import connect, engine_over
from debate_editor.store.schema import metadata

TABLES = ("debate", "claims", "links", "premises")


def _ladder_file(path: Path) -> Path:
    engine, conn = engine_over(connect(path, "rwc"), "rwc")
    with conn.begin():
        upgrades.upgrade(conn, 0)
    conn.close()
    engine.dispose()
    return path


def _declared_file(path: Path) -> Path:
    engine = sa.create_engine(f"sqlite:///{path}")
    metadata.create_all(engine)
    engine.dispose()
    return path


def _squeeze(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def sqlite_shape(path: Path) -> dict[str, Any]:
    """Everything about a file's schema that decides what it accepts, normalized so that
    two ways of writing the same table compare equal."""
    raw = sqlite3.connect(path)
    engine = sa.create_engine(f"sqlite:///{path}")
    inspector = sa.inspect(engine)
    shape: dict[str, Any] = {
        "objects": sorted(
            (kind, name, table) for kind, name, table in raw.execute(
                "SELECT type, name, tbl_name FROM sqlite_master") if
            not name.startswith("sqlite_autoindex_")),
    }
    for table in TABLES:
        # A PRIMARY KEY column of a rowid table may hold NULL in SQLite unless NOT NULL
        # is written out; the product never writes one, so a key counts as not null.
        shape[table] = {
            "columns": [(name, kind.upper(), bool(notnull) or pk > 0, default, pk)
                        for _, name, kind, notnull, default, pk in
                        raw.execute(f"PRAGMA table_info({table})")],
            "checks": sorted(_squeeze(c["sqltext"])
                             for c in inspector.get_check_constraints(table)),
            "foreign_keys": sorted((src, ref, to, on_update, on_delete)
                                   for _, _, ref, src, to, on_update, on_delete, _ in
                                   raw.execute(f"PRAGMA foreign_key_list({table})")),
            "indexes": sorted((name, unique, origin, tuple(
                col for _, _, col in raw.execute(f"PRAGMA index_info({name})")))
                for _, name, unique, origin, _ in raw.execute(f"PRAGMA index_list({table})")),
        }
    raw.close()
    engine.dispose()
    return shape


def test_the_upgrade_ladder_makes_exactly_the_declared_schema(tmp_path: Path) -> None:
    ladder = sqlite_shape(_ladder_file(tmp_path / "ladder.debate"))
    declared = sqlite_shape(_declared_file(tmp_path / "declared.debate"))
    assert ladder == declared
    # The comparison saw what it is for: every rule, key and index is there to compare.
    assert len(ladder["links"]["checks"]) == 3
    assert len(ladder["claims"]["checks"]) == 2
    assert len(ladder["premises"]["checks"]) == 1
    assert {fk[4] for fk in ladder["links"]["foreign_keys"]} == {"CASCADE"}
    assert {fk[4] for fk in ladder["premises"]["foreign_keys"]} == {"CASCADE"}
    assert [i[0] for i in ladder["links"]["indexes"] if i[2] == "c"] == [
        "links_by_claim", "links_by_link"]
    assert [i[0] for i in ladder["premises"]["indexes"] if i[2] == "c"] == ["premises_by_claim"]
    assert [i[1] for i in ladder["premises"]["indexes"] if i[2] == "u"] == [1]  # once a link


def test_a_declaration_the_ladder_does_not_make_is_caught(tmp_path: Path) -> None:
    """The comparison is sharp: one check more in the declaration shows as a difference."""
    ladder = sqlite_shape(_ladder_file(tmp_path / "ladder.debate"))
    extra = sa.MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(extra)
    extra.tables["claims"].append_constraint(
        sa.CheckConstraint("length(kind) > 0", name="kind_not_empty"))
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'extra.debate'}")
    extra.create_all(engine)
    engine.dispose()
    assert sqlite_shape(tmp_path / "extra.debate")["claims"] != ladder["claims"]


BAD_ROWS: list[tuple[str, str, dict[str, Any]]] = [
    ("blank text", "claims", {"id": "c9", "text": "  ", "kind": "claim"}),
    ("second debate row", "debate",
     {"id": 2, "title": "t", "created": "2026", "modified": "2026"}),
    ("unknown link kind", "links", {"id": "l9", "to_claim": "c2", "kind": "maybe"}),
    ("two targets", "links", {"id": "l9", "to_claim": "c2", "to_link": "l1",
                              "kind": "objection"}),
    ("no target", "links", {"id": "l9", "kind": "objection"}),
    ("premise from nothing", "premises", {"link": "l1", "seq": 1, "claim": "c404"}),
    ("premise of no link", "premises", {"link": "l404", "seq": 0, "claim": "c1"}),
    ("premise twice in a link", "premises", {"link": "l1", "seq": 1, "claim": "c2"}),
    ("two premises in one place", "premises", {"link": "l1", "seq": 0, "claim": "c1"}),
    ("premise before the first", "premises", {"link": "l1", "seq": -1, "claim": "c1"}),
    # A premise that is its link's own target is refused by the domain's check on every
    # read (a rule across two tables, which a CHECK cannot state).
]


def _fill(conn: sa.Connection) -> None:
    tables = metadata.tables
    conn.execute(tables["debate"].insert(), [
        {"id": 1, "title": "t", "created": "2026", "modified": "2026"}])
    conn.execute(tables["claims"].insert(), [
        {"id": "c1", "text": "one", "kind": "thesis"}, {"id": "c2", "text": "two",
                                                         "kind": "claim"}])
    conn.execute(tables["links"].insert(), [{"id": "l1", "to_claim": "c1", "kind": "support"}])
    conn.execute(tables["premises"].insert(), [{"link": "l1", "seq": 0, "claim": "c2"}])


def _refusals(engine: sa.Engine) -> dict[str, bool]:
    refused = {}
    for what, table, row in BAD_ROWS:
        with engine.connect() as conn:
            try:
                with conn.begin():
                    conn.execute(metadata.tables[table].insert(), [row])
            except IntegrityError:
                refused[what] = True
            else:
                refused[what] = False
    return refused


def _sqlite_engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(f"sqlite:///{path}")
    sa.event.listen(engine, "connect",
                    lambda dbapi, _: dbapi.execute("PRAGMA foreign_keys = ON"))
    return engine


def _pg_engine(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def test_the_ladder_file_and_postgresql_refuse_the_same_bad_rows(
        tmp_path: Path, fresh_pg_url: str) -> None:
    file_engine = _sqlite_engine(_ladder_file(tmp_path / "ladder.debate"))
    pg_engine = _pg_engine(fresh_pg_url)
    metadata.create_all(pg_engine)
    for engine in (file_engine, pg_engine):
        with engine.begin() as conn:
            _fill(conn)
    everything = {what: True for what, _, _ in BAD_ROWS}
    assert _refusals(file_engine) == everything
    assert _refusals(pg_engine) == everything
    with pg_engine.begin() as conn:  # the cascade: a claim takes its links along
        conn.execute(metadata.tables["claims"].delete().where(
            metadata.tables["claims"].c.id == "c2"))
        assert conn.execute(sa.select(sa.func.count()).select_from(
            metadata.tables["premises"])).scalar_one() == 0
    file_engine.dispose()
    pg_engine.dispose()


def _pg_type(kind: sa.types.TypeEngine[Any], dialect: sa.Dialect) -> str:
    """A type as PostgreSQL spells it (FLOAT without a precision is DOUBLE PRECISION)."""
    name = kind.compile(dialect=dialect)
    return {"FLOAT": "DOUBLE PRECISION"}.get(name, name)


def test_create_all_on_postgresql_yields_the_declared_tables(fresh_pg_url: str) -> None:
    engine = _pg_engine(fresh_pg_url)
    metadata.create_all(engine)
    inspector = sa.inspect(engine)
    assert sorted(inspector.get_table_names()) == sorted(TABLES)
    for table in metadata.sorted_tables:
        columns = inspector.get_columns(table.name)
        dialect = engine.dialect
        assert [(c["name"], _pg_type(c["type"], dialect), c["nullable"])
                for c in columns] == [(c.name, _pg_type(c.type, dialect), c.nullable)
            for c in table.columns]
        declared_checks = {c.name for c in table.constraints
                           if isinstance(c, sa.CheckConstraint)}
        assert {c["name"] for c in inspector.get_check_constraints(table.name)} == \
            declared_checks
        assert sorted((fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"],
                       fk["options"].get("ondelete"))
                      for fk in inspector.get_foreign_keys(table.name)) == sorted(
            (fk.name, (fk.parent.name,), fk.column.table.name, fk.ondelete)
            for fk in table.foreign_keys)
        assert sorted((i["name"], tuple(i["column_names"]))
                      for i in inspector.get_indexes(table.name)
                      if not i.get("duplicates_constraint")) == sorted(  # UNIQUE's own
            (i.name, tuple(c.name for c in i.columns)) for i in table.indexes)
    engine.dispose()


@pytest.mark.parametrize("table", TABLES)
def test_the_declaration_names_every_constraint(table: str) -> None:
    """Named constraints: a later step can drop or replace one by name on PostgreSQL."""
    for constraint in metadata.tables[table].constraints:
        if not isinstance(constraint, sa.PrimaryKeyConstraint):
            assert constraint.name, constraint
