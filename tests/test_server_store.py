"""Whole debates on a PostgreSQL server (README, "Team debates on a server"): one schema
per debate with the file's tables and marks, written in one transaction, read back the
same, names quoted whatever they hold, and nothing replaced that is not ours."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from debate_strategies import debates
from hypothesis import HealthCheck, assume, given, settings

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.domain.errors import DebateFileError, InvalidDebateError
from debate_editor.domain.model import Mark, Strength
from debate_editor.store import DebateDocument
from debate_editor.store.server import (
    read_server_debate,
    server_debate_exists,
    write_server_debate,
)
from debate_editor.store.server_document import ServerDocument
from debate_editor.store.server_schema import FIRST_SERVER_VERSION, SERVER_STEPS
from debate_editor.store.server_url import ServerAddress, parse_server_url
from debate_editor.store.version import SCHEMA_VERSION


def _address(url: str, name: str) -> ServerAddress:
    return parse_server_url(f"{url}?debate={quote(name)}")


def _marked() -> Debate:
    """Marks, a co-premise group, an undercut and a claim under two parents."""
    claims = (
        Claim(id="c1", text="Thesis", kind=ClaimKind.THESIS, x=0.0, y=-12.5),
        Claim(id="c2", text="Reason 'one'", mark=Mark.ACCEPTED, tags=("a", "b c")),
        Claim(id="c3", text="Co-premise", note="n", source="s", title="t", order=4),
        Claim(id="c4", text="But…", mark=Mark.UNSURE, x=12345678.123456789),
        Claim(id="c5", text="Under two", argument_structure="p1 ∧ p2"),
    )
    links = (
        Link(id="l1", sources=("c2", "c3"), to_claim="c1", strength=Strength.WEAK),
        Link(id="l2", sources=("c4",), to_link="l1", kind=LinkKind.OBJECTION),
        Link(id="l3", sources=("c5",), to_claim="c1", order=2),
        Link(id="l4", sources=("c5",), to_claim="c2", kind=LinkKind.OBJECTION, order=-3),
    )
    return Debate(info=DebateInfo(title="Marked", description="d"), claims=claims, links=links)


@pytest.mark.parametrize("name", ['Team "A"; DROP SCHEMA public', "a.b", "Vélos en ville",
                                  "UPPER", "select"])
def test_a_debate_is_written_whole_and_read_back_the_same_under_any_name(
        fresh_pg_url: str, name: str) -> None:
    address = _address(fresh_pg_url, name)
    assert not server_debate_exists(address)
    debate = _marked()
    write_server_debate(address, debate, replace=False)
    got = read_server_debate(address)
    assert got.snapshot() == debate and got.schema_version == SCHEMA_VERSION
    engine = sa.create_engine(fresh_pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:  # the schema is named exactly so, nothing else made
        schemas = set(conn.execute(sa.text("SELECT nspname FROM pg_namespace")).scalars())
    engine.dispose()
    assert name in schemas and "public" in schemas


def test_an_existing_debate_is_replaced_only_when_asked(fresh_pg_url: str) -> None:
    address = _address(fresh_pg_url, "d")
    write_server_debate(address, _marked(), replace=False)
    other = Debate(info=DebateInfo(title="Other"))
    with pytest.raises(DebateFileError, match="already exists"):
        write_server_debate(address, other, replace=False)
    assert read_server_debate(address).info.title == "Marked"
    write_server_debate(address, other, replace=True)
    assert read_server_debate(address).snapshot() == other


def test_a_schema_that_is_not_a_debate_is_never_read_nor_replaced(fresh_pg_url: str) -> None:
    engine = sa.create_engine(fresh_pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(sa.text('CREATE SCHEMA payroll; CREATE TABLE payroll.pay (x int)'))
    address = _address(fresh_pg_url, "payroll")
    for attempt in (lambda: read_server_debate(address),
                    lambda: write_server_debate(address, _marked(), replace=True)):
        with pytest.raises(DebateFileError, match="another program, not a Debate Editor"):
            attempt()
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM payroll.pay")).scalar() == 0
    engine.dispose()


def test_a_failed_write_leaves_no_half_debate(fresh_pg_url: str) -> None:
    """A lone surrogate cannot be sent; the schema made before it goes with the rest."""
    address = _address(fresh_pg_url, "half")
    broken = Debate(info=DebateInfo(title="T"), claims=(Claim(id="c1", text="a\ud800b"),))
    with pytest.raises(InvalidDebateError, match="surrogate"):
        write_server_debate(address, broken, replace=False)
    assert not server_debate_exists(address)


def test_text_with_a_nul_is_refused_by_name_before_anything_is_written(
        fresh_pg_url: str) -> None:
    address = _address(fresh_pg_url, "nul")
    debate = Debate(claims=(Claim(id="c1", text="fine"), Claim(id="c2", text="a\x00b")))
    with pytest.raises(DebateFileError, match="cannot be written: claim c2 holds a NUL"):
        write_server_debate(address, debate, replace=False)
    assert not server_debate_exists(address)


def test_newer_and_damaged_server_debates_are_refused_saying_so(fresh_pg_url: str) -> None:
    address = _address(fresh_pg_url, "d")
    write_server_debate(address, _marked(), replace=False)
    engine = sa.create_engine(fresh_pg_url.replace("postgresql://", "postgresql+psycopg://"))
    for statement, words in (
        (f"UPDATE d.debate_format SET schema_version = {SCHEMA_VERSION + 1}", "newer Debate"),
        ("UPDATE d.debate_format SET schema_version = 1", "format number 1"),
        (f"UPDATE d.debate_format SET schema_version = {SCHEMA_VERSION};"
         "UPDATE d.claims SET tags = 'abc'", "tags of claim"),
        ("UPDATE d.claims SET tags = '[]'; DELETE FROM d.debate", "no debate record"),
    ):
        with engine.begin() as conn:
            conn.execute(sa.text(statement))
        with pytest.raises(DebateFileError, match=words):
            read_server_debate(address)
        with pytest.raises(DebateFileError, match=words):  # the window reads it its own way
            ServerDocument.open_server(address)
    engine.dispose()


def test_every_version_from_the_first_server_one_has_a_server_step() -> None:
    """The file's steps are SQLite's SQL; a new schema version needs its PostgreSQL form."""
    assert set(SERVER_STEPS) == set(range(FIRST_SERVER_VERSION, SCHEMA_VERSION))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(debate=debates(groups=True, max_claims=10))
def test_any_debate_goes_file_to_server_to_file_unchanged(
        fresh_pg_url: str, tmp_path: Path, debate: Debate) -> None:
    assume("\\u0000" not in debate.model_dump_json())  # a NUL is refused (above)
    source = tmp_path / "from.debate"
    DebateDocument.create_from(source, debate).close()
    address = _address(fresh_pg_url, "round")
    with DebateDocument.open(source, read_only=True) as doc:
        write_server_debate(address, doc.snapshot(), replace=True)
    back = tmp_path / "back.debate"
    DebateDocument.create_from(back, read_server_debate(address).snapshot()).close()
    with DebateDocument.open(back, read_only=True) as doc:
        assert doc.snapshot() == debate
