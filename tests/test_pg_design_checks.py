"""What the planned team debates would rely on in PostgreSQL itself, checked on a real server
(README, "Testing against PostgreSQL"). No product code yet: the tables here are small
stand-ins shaped like the file's (a one-row `debate` table, text claim ids)."""

from __future__ import annotations

import threading
import time
import uuid

import psycopg
import sqlalchemy as sa
from sqlalchemy.schema import CreateSchema

meta = sa.MetaData()
debate = sa.Table("debate", meta,
                  sa.Column("id", sa.Integer, sa.CheckConstraint("id = 1"), primary_key=True),
                  sa.Column("title", sa.Text, nullable=False))
claims = sa.Table("claims", meta, sa.Column("id", sa.Text, primary_key=True),
                  sa.Column("text", sa.Text, nullable=False),
                  sa.Column("version", sa.Integer, nullable=False, server_default="1"),
                  sa.Column("changed_by", sa.Text, nullable=False,
                            server_default=sa.text("current_user")),
                  sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False,
                            server_default=sa.func.now()))


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def test_one_schema_per_debate_keeps_the_files_tables_and_keeps_debates_apart(
        fresh_pg_url: str) -> None:
    """The same Table objects serve every debate through schema_translate_map, even the
    one-row `debate` table; a listener on one debate's channel hears nothing of another's."""
    engine = _engine(fresh_pg_url)
    for name, title in (("debate_alpha", "Alpha"), ("debate_beta", "Beta")):
        with engine.begin() as conn:
            conn.execute(CreateSchema(name))
        scoped = engine.execution_options(schema_translate_map={None: name})
        meta.create_all(scoped)
        with scoped.begin() as conn:
            conn.execute(debate.insert().values(id=1, title=title))
            conn.execute(claims.insert().values(id="c1", text=f"{title}'s thesis"))
    with psycopg.connect(fresh_pg_url, autocommit=True) as listener:
        listener.execute("LISTEN debate_alpha")
        for name in ("debate_beta", "debate_alpha"):
            scoped = engine.execution_options(schema_translate_map={None: name})
            with scoped.begin() as conn:
                conn.execute(claims.update().where(claims.c.id == "c1")
                             .values(version=claims.c.version + 1))
                conn.execute(sa.text("SELECT pg_notify(:channel, 'c1')"), {"channel": name})
        heard = [(n.channel, n.payload) for n in listener.notifies(timeout=10, stop_after=1)]
        assert heard == [("debate_alpha", "c1")]
        assert list(listener.notifies(timeout=0.3)) == []
    for name, title in (("debate_alpha", "Alpha"), ("debate_beta", "Beta")):
        scoped = engine.execution_options(schema_translate_map={None: name})
        with scoped.connect() as conn:
            assert conn.execute(sa.select(debate.c.title)).scalar_one() == title
            row = conn.execute(sa.select(claims.c.text, claims.c.version)).one()
            assert tuple(row) == (f"{title}'s thesis", 2)
    engine.dispose()


def _wait_until_blocked(monitor: psycopg.Connection, pid: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        row = monitor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
                              (pid,)).fetchone()
        if row and row[0] == "Lock":
            return
        time.sleep(0.01)
    raise AssertionError("the second edit never waited for the first one's row lock")


def test_of_two_racing_edits_on_one_version_the_later_is_refused_and_learns_who(
        pg_server: object, fresh_pg_url: str) -> None:
    """`UPDATE … WHERE version = seen` under READ COMMITTED: the second edit waits for the
    first, then re-checks the row it would change, finds the newer version and changes
    nothing; reading the row tells it who changed it (the database role) and when."""
    alice, bob = f"alice_{uuid.uuid4().hex[:6]}", f"bob_{uuid.uuid4().hex[:6]}"
    engine = _engine(fresh_pg_url)
    meta.create_all(engine)
    with engine.begin() as conn:
        for role in (alice, bob):
            conn.execute(sa.text(f"CREATE ROLE {role} LOGIN"))
            conn.execute(sa.text(f"GRANT SELECT, UPDATE ON claims TO {role}"))
        conn.execute(claims.insert().values(id="c1", text="original"))
    database = fresh_pg_url.rsplit("/", 1)[1]
    edit = ("UPDATE claims SET text = %s, version = version + 1, changed_by = current_user, "
            "changed_at = now() WHERE id = 'c1' AND version = %s")
    with psycopg.connect(pg_server.url(database, alice)) as first, \
            psycopg.connect(pg_server.url(database, bob)) as second, \
            psycopg.connect(fresh_pg_url, autocommit=True) as monitor:
        assert first.execute(edit, ("alice's text", 1)).rowcount == 1  # holds the row lock
        outcome: dict[str, object] = {}

        def bobs_edit() -> None:
            try:
                outcome["rowcount"] = second.execute(edit, ("bob's text", 1)).rowcount
            except BaseException as error:  # reported by the assertion below
                outcome["error"] = error

        thread = threading.Thread(target=bobs_edit)
        thread.start()
        _wait_until_blocked(monitor, second.info.backend_pid)
        first.commit()
        thread.join(30)
        assert outcome == {"rowcount": 0}
        text, version, by, at = second.execute(
            "SELECT text, version, changed_by, changed_at FROM claims WHERE id = 'c1'").fetchone()
        second.rollback()
    assert (text, version, by) == ("alice's text", 2, alice)
    assert at is not None and at.tzinfo is not None
    engine.dispose()
