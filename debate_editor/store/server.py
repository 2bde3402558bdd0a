"""Whole debates read from and written to a PostgreSQL server (README, "Team debates on a
server"): the same declared tables and the same row code (tables.py) as a file, each
debate in its own PostgreSQL schema, reached through `schema_translate_map`, so no
statement is written twice and every name is quoted by SQLAlchemy, never pasted.

A reader sees one snapshot (REPEATABLE READ) and never writes: an older debate climbs
the ladder inside its read transaction, which is rolled back. A writer makes the schema,
its tables, its marks and every row in one transaction: all of it, or nothing.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from types import TracebackType

from pydantic import ValidationError
from sqlalchemy import URL, Connection, Engine, create_engine, exc, text
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateSchema, DropSchema

from debate_editor.domain.errors import DebateFileError, InvalidDebateError, plain_message
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Claim, Debate, DebateInfo, Link
from debate_editor.domain.validation import check_debate
from debate_editor.store.file import unstorable_text
from debate_editor.store.rows import RowError
from debate_editor.store.schema import metadata
from debate_editor.store.server_schema import (
    FIRST_SERVER_VERSION,
    ROW_ORDER,
    mark_new,
    read_marks,
    upgrade_server,
)
from debate_editor.store.server_url import ServerAddress
from debate_editor.store.tables import read_rows, write_debate
from debate_editor.store.version import APPLICATION_ID, SCHEMA_VERSION

logging.getLogger("psycopg").addHandler(logging.NullHandler())
"""psycopg logs a failed batch's aborted pipeline as a warning; with no handler anywhere,
Python would print it to stderr beside the one line our error makes."""

CONNECT_SECONDS = 10
"""How long to wait for a server that does not answer (unless the URL says)."""

_MARKS = text("SELECT 1 FROM pg_catalog.pg_tables "
              "WHERE schemaname = :name AND tablename = 'debate_format'")
_SCHEMA = text("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = :name")
DEBATE_LOCK = text("SELECT pg_advisory_xact_lock(hashtext(:key))")


def lock_key(address: ServerAddress) -> str:
    """The debate's advisory lock: held by every writer of it for its transaction."""
    return f"debate-editor:{address.debate}"


def server_engine(address: ServerAddress) -> Engine:
    query = dict(address.query)
    query.setdefault("connect_timeout", str(CONNECT_SECONDS))
    url = URL.create("postgresql+psycopg", username=address.user, password=address.password,
                     host=address.host, port=address.port, database=address.database,
                     query=query)
    engine = create_engine(url, poolclass=NullPool)
    return engine.execution_options(schema_translate_map={None: address.debate})


def driver_words(error: BaseException) -> str:
    """The driver's reason, short: libpq's "connection to server at … failed: Connection
    refused" becomes "Connection refused"."""
    cause = getattr(error, "orig", None) or error
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    words = lines[0] if lines else type(cause).__name__
    words = words.rsplit("failed: ", 1)[-1].removeprefix("FATAL:").strip()
    return words if len(words) <= 160 else words[:157] + "…"


@contextlib.contextmanager
def _connected(address: ServerAddress) -> Iterator[Connection]:
    """A connection to the debate's database; the server's refusals as one sentence."""
    engine = server_engine(address)
    try:
        try:
            conn = engine.connect()
        except exc.DBAPIError as error:
            raise DebateFileError(
                address, f"cannot reach the server ({driver_words(error)}).") from None
        with conn:
            yield conn
    finally:
        engine.dispose()


def _state(conn: Connection, address: ServerAddress) -> tuple[int, int] | str:
    """The debate's marks, or "missing" (no such schema) or "foreign" (a schema that is
    not a debate of ours)."""
    if conn.execute(_SCHEMA, {"name": address.debate}).first() is None:
        return "missing"
    if conn.execute(_MARKS, {"name": address.debate}).first() is None:
        return "foreign"
    marks = read_marks(conn)
    if marks is None or marks[0] != APPLICATION_ID:
        return "foreign"
    return marks


_FOREIGN = "is a schema of another program, not a Debate Editor debate."


def server_debate_exists(address: ServerAddress) -> bool:
    """Whether a debate of that name is on the server (or a schema of that name is)."""
    with _connected(address) as conn, conn.begin():
        return _state(conn, address) != "missing"


class ServerDebate:
    """A whole debate read from a server: what `info`, `export` and `copy` ask of a
    document (snapshot, graph, schema_version), without a window's edits."""

    def __init__(self, address: ServerAddress, debate: Debate, schema_version: int) -> None:
        self.address = address
        self.debate = debate
        self.info = debate.info
        self.graph = DebateGraph.of(debate)
        self.schema_version = schema_version

    def snapshot(self) -> Debate:
        return self.debate

    def close(self) -> None:
        """Nothing is held open: the connection closed when the debate was read."""

    def __enter__(self) -> ServerDebate:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def read_server_debate(address: ServerAddress) -> ServerDebate:
    """The whole debate, or DebateFileError: no server, no such debate, not ours, newer,
    or damaged. Nothing on the server is changed."""
    with _connected(address) as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        try:
            with conn.begin() as transaction:
                version = checked_version(conn, address)
                if version < SCHEMA_VERSION:
                    upgrade_server(conn, version)  # rolled back below: reading never writes
                info, claims, links = read_checked(conn, address)
                transaction.rollback()
        except exc.DBAPIError as error:
            raise DebateFileError(address, f"cannot be read ({driver_words(error)}).") from None
    debate = Debate.model_construct(info=info, claims=tuple(claims), links=tuple(links))
    return ServerDebate(address, debate, version)


def read_checked(conn: Connection, address: ServerAddress
                 ) -> tuple[DebateInfo, list[Claim], list[Link]]:
    """Every row of the debate, held to the rules a file's rows are held to (anyone with
    the database's password could have written them); DebateFileError "is damaged"."""
    try:
        info, claims, links = read_rows(conn, ROW_ORDER)
        check_debate(claims, links)
    except (ValidationError, RowError, InvalidDebateError, LookupError, TypeError) as error:
        detail = plain_message(error) if isinstance(error, ValidationError) else str(error)
        raise DebateFileError(address, f"is damaged ({detail.splitlines()[0]}).") from None
    if info is None:
        raise DebateFileError(address, "is damaged (it has no debate record).")
    return info, claims, links


def readable_version(address: ServerAddress) -> int:
    """The debate's schema version, or DebateFileError saying why it cannot be read."""
    with _connected(address) as conn, conn.begin():
        return checked_version(conn, address)


def checked_version(conn: Connection, address: ServerAddress) -> int:
    state = _state(conn, address)
    if state == "missing":
        raise DebateFileError(address, f"there is no debate named {address.debate} in the "
                              f"database {address.database}.")
    if isinstance(state, str):  # "foreign"
        raise DebateFileError(address, _FOREIGN)
    version = state[1]
    if version > SCHEMA_VERSION:
        raise DebateFileError(
            address, f"was written by a newer Debate Editor (format {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Please update Debate Editor to open it.")
    if version < FIRST_SERVER_VERSION:
        raise DebateFileError(address, f"is damaged (its format number {version} is not one "
                              "Debate Editor writes).")
    return version


def _nul_problem(debate: Debate) -> str | None:
    """PostgreSQL's text holds no NUL character, which a file's may (a paste can bring
    one): said before anything is written, naming where it is."""
    if "\x00" in debate.info.title + debate.info.description:
        return "the debate's title or description holds a NUL character (\\x00)"
    for claim in debate.claims:
        fields = (claim.id, claim.text, claim.title, claim.note, claim.source,
                  claim.argument_structure, *claim.tags)
        if any("\x00" in value for value in fields):
            return f"claim {claim.id.replace(chr(0), '')} holds a NUL character (\\x00)"
    for link in debate.links:
        if "\x00" in link.id:
            return "a link's id holds a NUL character (\\x00)"
    return None


def write_server_debate(address: ServerAddress, debate: Debate, *, replace: bool) -> None:
    """Make the debate on the server whole, in one transaction. An existing debate of that
    name is replaced only when `replace`; a schema not ours, never."""
    problem = _nul_problem(debate)
    if problem:
        raise DebateFileError(address, f"cannot be written: {problem}, which PostgreSQL's "
                              "text cannot hold.")
    with _connected(address) as conn:
        try:
            with conn.begin():
                conn.execute(DEBATE_LOCK, {"key": lock_key(address)})
                state = _state(conn, address)
                if state == "foreign":
                    raise DebateFileError(address, _FOREIGN)
                if state != "missing":
                    if not replace:
                        raise DebateFileError(address, "already exists; choose another name.")
                    conn.execute(DropSchema(address.debate, cascade=True))
                conn.execute(CreateSchema(address.debate))
                metadata.create_all(conn, checkfirst=False)
                mark_new(conn)
                write_debate(conn, debate)
        except UnicodeEncodeError as error:
            raise InvalidDebateError([unstorable_text(error)]) from None
        except exc.DBAPIError as error:
            raise DebateFileError(
                address, f"cannot be written ({driver_words(error)}).") from None


def new_server_debate(address: ServerAddress, title: str) -> None:
    """An empty debate on the server; refused where one of that name exists."""
    write_server_debate(address, Debate(info=DebateInfo(title=title)), replace=False)
