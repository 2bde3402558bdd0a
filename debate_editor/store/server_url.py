"""A debate on a PostgreSQL server, named by a URL (README, "Team debates on a server"):

    postgresql://user@host:port/dbname?debate=NAME

Parsed here without SQLAlchemy or the driver, so the command line tells a URL from a
file (and refuses a malformed one) without loading either. The password is never ours
to keep: libpq reads it from ~/.pgpass (or PGPASSFILE) by itself; one written into the
URL is passed on and never shown in a message.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from debate_editor.domain.errors import DebateFileError

SCHEMES = ("postgresql", "postgres")
"""The schemes libpq itself takes."""

NAME_BYTES = 63
"""PostgreSQL cuts a longer identifier short (NAMEDATALEN - 1), which would make two
long names one debate: refused instead."""

_RESERVED = ("public", "information_schema")
SHAPE = "postgresql://user@host:port/dbname?debate=NAME"


def is_server_url(text: str) -> bool:
    """Whether `text` names a debate on a server rather than a file."""
    scheme, sep, _ = text.partition("://")
    return bool(sep) and scheme.lower() in SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    """Where a server debate lives: the database to connect to, and the debate's name,
    which is also the name of its PostgreSQL schema (quoted wherever it is used)."""

    user: str | None
    password: str | None = field(repr=False)
    host: str | None
    port: int | None
    database: str
    debate: str
    query: tuple[tuple[str, str], ...] = ()
    """Other connection parameters (host=/socket/folder, sslmode, …), passed to libpq."""

    def __str__(self) -> str:
        """The URL as a message names it: never with its password."""
        who = f"{self.user}@" if self.user else ""
        where = (f"[{self.host}]" if self.host and ":" in self.host else self.host or "")
        port = f":{self.port}" if self.port is not None else ""
        extra = "".join(f"&{key}={value}" for key, value in self.query)
        return f"postgresql://{who}{where}{port}/{self.database}?debate={self.debate}{extra}"

    def same_debate(self, other: ServerAddress) -> bool:
        """Whether two addresses name one debate (as far as their words tell)."""
        return ((self.host or "", self.port, self.database, self.debate, dict(self.query))
                == (other.host or "", other.port, other.database, other.debate,
                    dict(other.query)))


def _refuse(text: str, reason: str) -> DebateFileError:
    return DebateFileError(_shown(text), reason)


def _shown(text: str) -> str:
    """The URL as typed, its password (if any) hidden."""
    scheme, _, rest = text.partition("://")
    login, at, after = rest.partition("@")
    if at and ":" in login:
        login = login.split(":", 1)[0] + ":***"
    return f"{scheme}://{login}{at}{after}"


def debate_name_problem(name: str) -> str | None:
    """Why `name` cannot name a debate on a server, or None."""
    if not name.strip():
        return "the debate's name is empty"
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in name):
        return "the debate's name holds a control character"
    if len(name.encode("utf-8")) > NAME_BYTES:
        return (f"the debate's name is too long ({len(name.encode('utf-8'))} bytes; "
                f"PostgreSQL keeps {NAME_BYTES})")
    if name.lower().startswith("pg_") or name.lower() in _RESERVED:
        return f"{name} is a name PostgreSQL keeps for itself; choose another"
    return None


def parse_server_url(text: str) -> ServerAddress:
    """The address a URL names, or DebateFileError saying what is wrong with it."""
    if not is_server_url(text):
        raise _refuse(text, f"is not a server debate's URL ({SHAPE}).")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as error:  # a port that is no number, a bracket left open
        raise _refuse(text, f"is not a valid URL ({error}); the form is {SHAPE}.") from None
    if parts.fragment:
        raise _refuse(text, f"has a '#' part, which a server debate's URL has not ({SHAPE}).")
    database = unquote(parts.path.removeprefix("/"))
    if not database or "/" in database:
        raise _refuse(text, f"names no database; the form is {SHAPE}.")
    names: list[str] = []
    query: list[tuple[str, str]] = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        (names.append(value) if key == "debate" else query.append((key, value)))
    if not names:
        raise _refuse(text, f"names no debate; add ?debate=NAME ({SHAPE}).")
    if len(names) > 1:
        raise _refuse(text, "names more than one debate; give debate= once.")
    problem = debate_name_problem(names[0])
    if problem:
        raise _refuse(text, f"cannot name a debate: {problem}.")
    return ServerAddress(
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        host=unquote(parts.hostname) if parts.hostname else None,
        port=port,
        database=database,
        debate=names[0],
        query=tuple(query),
    )
