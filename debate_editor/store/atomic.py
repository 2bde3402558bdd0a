"""Writing a whole `.debate` file (create, import -o, Save As) all or nothing.

The new file is written beside its target under a temporary name and renamed over it
only when complete, so a failure leaves the target as it was. The target's writer lock
is held from the first check to the rename, and the new file is locked before it takes
the target's name, so no window can open the target for writing in between and be told
edits were written that the rename then throws away. The new file gets the mode of the
file it replaces (or what the umask allows for a new file), and a target that is a
symbolic link is written through to the file it names.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from debate_editor.domain.errors import DebateFileError, InvalidDebateError
from debate_editor.domain.model import Debate
from debate_editor.store.file import (
    EXTENSION,
    WriterLock,
    _first_line,
    _folder_problem,
    _special,
    connect,
    engine_over,
    unstorable_text,
    writable_problem,
)
from debate_editor.store.upgrades import upgrade
from debate_editor.store.version import APPLICATION_ID


def _store_error(error: Exception) -> bool:
    """The file refused a write: the driver's error, the system's, or SQLAlchemy's (asked
    only when SQLAlchemy is loaded: copying a file never imports it)."""
    if isinstance(error, sqlite3.Error | OSError):
        return True
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, exc.SQLAlchemyError)


def _umask() -> int:
    """The process's umask, read without changing it where Linux tells it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    return 0o666 & ~_umask()


@contextlib.contextmanager
def _atomic_target(path: Path) -> Iterator[tuple[Path, WriterLock]]:
    """A temporary file beside the file `path` names, and the lock the finished file
    will carry; the temporary file replaces the target only if the block succeeds."""
    try:
        target = path.resolve() if path.is_symlink() else path
    except (RuntimeError, OSError) as error:  # Python 3.11 says RuntimeError for a loop
        if isinstance(error, OSError) and error.errno != errno.ELOOP:
            raise DebateFileError(path, f"cannot be written ({error.strerror}).") from None
        raise DebateFileError(path, "is a symbolic link that leads round in a circle; "
                              "choose another name for the debate.") from None
    folder = target.parent
    if not folder.exists():
        raise DebateFileError(path, f"the folder {folder} does not exist.")
    if target.exists() and not target.is_file():
        kind = target.stat().st_mode
        what = "a folder" if stat.S_ISDIR(kind) else _special(kind)
        raise DebateFileError(path, f"is {what}; choose another name for the debate.")
    problem = writable_problem(target) if target.exists() else _folder_problem(folder)
    if problem:
        raise DebateFileError(path, f"cannot be written: {problem}.")
    old_lock = WriterLock(target)
    if target.exists() and not old_lock.acquire():
        raise DebateFileError(path, "is open in another window; close it there first.")
    try:
        mode = _mode_for(target)
        try:
            fd, name = tempfile.mkstemp(prefix=".~", suffix=EXTENSION, dir=folder)
        except OSError as error:
            raise DebateFileError(path, f"cannot be written ({error.strerror}).") from None
        os.close(fd)
        temp = Path(name)
        new_lock = WriterLock(temp)
        try:
            try:
                yield temp, new_lock
                temp.chmod(mode)
                if not new_lock.acquire():  # pragma: no cover - nobody knows the name yet
                    raise DebateFileError(path, "cannot be written (its new copy is in use).")
                # A journal left beside the target by a writer killed mid-edit belongs to
                # the file being replaced. Beside the new file, SQLite would copy its old
                # pages in.
                target.with_name(target.name + "-journal").unlink(missing_ok=True)
                temp.replace(target)
                new_lock.path = target
            except Exception as error:  # a full disk, say
                if not _store_error(error):
                    raise
                why = error.strerror if isinstance(error, OSError) else None
                reason = why or _first_line(getattr(error, "orig", None) or error)
                raise DebateFileError(path, f"cannot be written ({reason}).") from None
        except BaseException:
            new_lock.release()
            raise
        finally:
            for leftover in (temp, temp.with_name(temp.name + "-journal")):
                leftover.unlink(missing_ok=True)
    finally:
        old_lock.release()


def create_file(path: Path, debate: Debate) -> WriterLock:
    """Write `debate` as a new .debate file at `path`, atomically (all or nothing); the
    new file's writer lock, held, for the document that opens it."""
    from debate_editor.store.tables import write_debate

    with _atomic_target(path) as (temp, lock):
        temp.unlink()
        engine, conn = engine_over(connect(temp, "rwc"), "rwc")
        try:
            with conn.begin():
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                upgrade(conn, 0)
                write_debate(conn, debate)
            # The ladder's rebuilding steps leave pages free in a new file: compact it.
            raw = conn.connection.driver_connection
            if raw is not None:
                raw.execute("VACUUM")
        except UnicodeEncodeError as error:  # the temporary file goes; the target stays
            raise InvalidDebateError([unstorable_text(error)]) from None
        finally:
            conn.close()
            engine.dispose()
    return lock


def copy_file(source: sqlite3.Connection, target: Path) -> WriterLock:
    """Copy an open database to `target` with SQLite's backup API (consistent even while
    the source is in use), replacing `target` only when the copy is complete; the copy's
    writer lock, held."""
    with _atomic_target(target) as (temp, lock):
        dest = sqlite3.connect(str(temp))
        try:
            source.backup(dest)
        finally:
            dest.close()
    return lock
