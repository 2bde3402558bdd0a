"""Opening, checking and locking `.debate` files (writing whole files: atomic.py).

Every check runs on a read-only connection first, so a file that is not ours, is
damaged or comes from a newer version is refused before anything could write to it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from debate_editor.domain.errors import DebateFileError
from debate_editor.store.trust import harden, schema_problem
from debate_editor.store.upgrades import RawSteps, upgrade

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
from debate_editor.store.version import APPLICATION_ID, SCHEMA_VERSION

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; one writer is then not enforced
    fcntl = None  # type: ignore[assignment]  # None: no locking here

SQLITE_MAGIC = b"SQLite format 3\x00"
EXTENSION = ".debate"


BUSY_SECONDS = 10.0
"""How long a write waits for readers to finish their (short) read transactions."""


def _uri(path: Path, mode: str) -> str:
    uri = f"file:{quote(os.fsencode(path.resolve()))}?mode={mode}"  # any name's bytes
    if mode == "ro" and _wal_mode(path):
        # A write-ahead-log file read through SQLite gets -wal and -shm files made beside
        # it; with no log there (inspect_file refuses one), the file alone is the debate.
        uri += "&immutable=1"
    return uri


def _wal_mode(path: Path) -> bool:
    """Whether the header says the file keeps a write-ahead log (bytes 18 and 19 are 2)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(20)
    except OSError:
        return False
    return len(head) == 20 and head.startswith(SQLITE_MAGIC) and 2 in head[18:20]


def _raw_connect(path: Path, mode: str) -> sqlite3.Connection:
    # A document may be opened by a worker thread and used by the window's: one thread
    # at a time uses it, and SQLite's own build is serialized.
    conn = sqlite3.connect(_uri(path, mode), uri=True, isolation_level=None,
                           timeout=BUSY_SECONDS, check_same_thread=False)
    harden(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    if mode != "ro" and _wal_mode(path):  # ours keep the rollback journal: one file
        conn.execute("PRAGMA journal_mode = DELETE")
    return conn


def _cut_short(head: bytes, size: int) -> bool:
    """Whether the header promises more pages than the file holds (when SQLite's own
    "in-header database size" is valid: its change counter matches)."""
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96] and pages > 0
    return valid and size < pages * page_size


def inspect_file(path: Path) -> int:
    """The schema version of a debate file, or DebateFileError.

    A file that is not a sound debate is never written to. The one write this may make
    is the one SQLite makes on first reading any database: a debate whose writer was
    killed half-way through an edit is put back as it was before that edit, from the
    journal beside it. Where the file may not be written, it is refused saying why.
    """
    if not path.exists():
        parent = path.parent
        if not parent.exists():
            raise DebateFileError(path, f"the folder {parent} does not exist.")
        raise DebateFileError(path, "no such file.")
    kind = path.stat().st_mode
    if stat.S_ISDIR(kind):
        raise DebateFileError(path, "is a folder, not a debate file.")
    if not stat.S_ISREG(kind):  # reading a named pipe would wait for a writer forever
        raise DebateFileError(path, f"is {_special(kind)}, not a debate file.")
    _refuse_odd_journal(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except PermissionError:
        raise DebateFileError(path, "you do not have permission to read this file.") from None
    except OSError as error:
        raise DebateFileError(path, f"cannot be read ({error.strerror}).") from None
    if len(head) == 0:
        raise DebateFileError(path, "is empty, not a debate file.")
    if not head.startswith(SQLITE_MAGIC):
        raise DebateFileError(path, "is not a debate file (it is not an SQLite database).")
    if len(head) < 100:
        raise DebateFileError(path, "is damaged: the file is cut short.")
    log = path.with_name(path.name + "-wal")
    if 2 in head[18:20] and log.exists() and log.stat().st_size > 0:
        raise DebateFileError(
            path, f"has another program's unfinished write-ahead log beside it ({log.name}); "
            "open it once in that program so it finishes, then try again.")
    try:
        return _check_database(path, head)
    except _UnfinishedEditError:
        _roll_back_unfinished_edit(path, head)
        return _check_database(path, head)


def _refuse_odd_journal(path: Path) -> None:
    """SQLite opens `NAME-journal` on first reading, to see whether an edit was left
    half-way (and `-wal`, `-shm` for a write-ahead log): a named pipe there would keep it
    waiting for a writer forever."""
    for suffix, keeps in (("-journal", "its journal"), ("-wal", "its log"),
                          ("-shm", "its log's index")):
        beside = path.with_name(path.name + suffix)
        try:
            kind = beside.stat().st_mode
        except OSError:  # none there (or a link to nothing): SQLite finds none either
            continue
        if not stat.S_ISREG(kind):
            what = "a folder" if stat.S_ISDIR(kind) else _special(kind)
            raise DebateFileError(
                path, f"has {what} named {beside.name} beside it, where SQLite keeps "
                f"{keeps}; move that away, then try again.")


_NO_SUCH_VERSION = 10_000
"""Above this a format number is damage, not a newer Debate Editor."""


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "something other than a file"


class _UnfinishedEditError(Exception):
    """A hot journal: a writer stopped mid-edit, and a read-only connection cannot undo it."""


_READONLY_ROLLBACK = getattr(sqlite3, "SQLITE_READONLY_ROLLBACK", 776)


def _check_database(path: Path, head: bytes) -> int:
    """Ask SQLite, under a read lock (so a writer elsewhere is never caught mid-commit),
    whether this is a sound debate of a version we read."""
    try:
        conn = _raw_connect(path, "ro")
    except sqlite3.Error as error:
        raise DebateFileError(path, f"cannot be opened ({_first_line(error)}).") from None
    try:
        conn.execute("BEGIN")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DebateFileError(
                path, "is a database of another program, not a Debate Editor debate."
            )
        if version < 0 or version > _NO_SUCH_VERSION:
            raise DebateFileError(
                path, f"is damaged (its format number {version} is not one Debate Editor "
                "writes).")
        if version > SCHEMA_VERSION:
            raise DebateFileError(
                path,
                f"was written by a newer Debate Editor (file format {version}; this version "
                f"reads up to {SCHEMA_VERSION}). Please update Debate Editor to open it.",
            )
        check = conn.execute("PRAGMA quick_check").fetchall()
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        if pages * page_size > path.stat().st_size:
            raise DebateFileError(path, "is damaged: the file is cut short.")
        if check != [("ok",)]:
            raise DebateFileError(path, "is damaged; its database does not pass a check.")
        problem = schema_problem(conn, version) if version > 0 else None
        if problem:
            raise DebateFileError(path, f"{problem}.")
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) == _READONLY_ROLLBACK:
            raise _UnfinishedEditError from None
        if _cut_short(head, path.stat().st_size):
            raise DebateFileError(path, "is damaged: the file is cut short.") from None
        raise DebateFileError(path, f"is damaged ({_first_line(error)}).") from None
    except UnicodeDecodeError:  # SQLite's own report quoted damaged names
        raise DebateFileError(path, "is damaged; its database does not pass a check.") from None
    finally:
        conn.close()
    return int(version)


def _first_line(error: Exception) -> str:
    """SQLite's own words, short: a damaged schema would be quoted whole otherwise."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= 160 else text[:157] + "…"


def _roll_back_unfinished_edit(path: Path, head: bytes) -> None:
    """Let SQLite put the file back as it was before the edit its writer never finished
    (it does so on the first read through a read-write connection)."""
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        raise DebateFileError(path, "is a database of another program, not a Debate Editor debate.")
    problem = writable_problem(path)
    if problem:
        raise DebateFileError(
            path,
            "was left half-way through an edit by a program that stopped, and cannot be "
            f"put back as it was because {problem}.",
        )
    try:
        conn = _raw_connect(path, "rw")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise DebateFileError(path, f"is damaged ({_first_line(error)}).") from None


def unstorable_text(error: UnicodeEncodeError) -> str:
    """A sentence for text SQLite cannot hold: only a lone UTF-16 surrogate (half of a
    pair, as a broken paste can hand over) has no UTF-8 form."""
    text = str(error.object)
    start = max(0, error.start - 20)
    return (
        f"The text {text[start : error.start + 20]!r} holds a character that cannot be "
        "stored (half of a UTF-16 surrogate pair)."
    )


def writable_problem(path: Path) -> str | None:
    """Why this file cannot be written here, or None. Root ignores permission bits, so we
    honour them ourselves: a file someone made read-only is meant to stay unchanged."""
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return "the file is read-only"
    return _folder_problem(path.parent)


def _folder_problem(folder: Path) -> str | None:
    """SQLite writes its journal beside the file, and new files go there too."""
    if not os.access(folder, os.W_OK) or not folder.stat().st_mode & stat.S_IWUSR:
        return "its folder is read-only"
    return None


class WriterLock:
    """One writer per file: an exclusive flock on the file, held while it is open for
    writing, released by the kernel even if the process is killed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: int | None = None

    def acquire(self) -> bool:
        if fcntl is None:
            return True
        handle = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            return False
        self._handle = handle
        return True

    def release(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle = None


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """The one connection to a file (`mode` ro, rw or rwc), foreign keys on: opening reads
    through it, and `engine_over` wraps it for the first edit."""
    return _raw_connect(path, mode)


def engine_over(raw: sqlite3.Connection, mode: str) -> tuple[Engine, Connection]:
    """SQLAlchemy over the open connection `raw`, with BEGIN IMMEDIATE for every write
    transaction so that a write never meets a lock half-way. SQLAlchemy is imported here,
    at the first edit, not when a file is opened (README, "Performance")."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN" if mode == "ro" else "BEGIN IMMEDIATE")

    return engine, engine.connect()


def connect_upgraded_copy(path: Path, version: int) -> sqlite3.Connection:
    """An older file read without writing it: copied into memory whole (SQLite's backup,
    under a read lock) and brought up the same upgrade ladder there. The file is never
    written; the copy does not follow another program writing the file."""
    raw = sqlite3.connect(":memory:", isolation_level=None)
    harden(raw)
    source = _raw_connect(path, "ro")
    try:
        source.backup(raw)
    finally:
        source.close()
    raw.execute("PRAGMA foreign_keys = ON")
    upgrade_in_place(raw, version)
    return raw


def upgrade_in_place(raw: sqlite3.Connection, version: int) -> int:
    """Climb the ladder from `version` in one transaction: all of it, or none."""
    raw.execute("BEGIN IMMEDIATE")
    try:
        reached = upgrade(RawSteps(raw), version)
    except BaseException:
        raw.execute("ROLLBACK")
        raise
    raw.execute("COMMIT")
    return reached
