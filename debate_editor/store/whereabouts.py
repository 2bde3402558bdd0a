"""Where an open debate's file is now, and whether a path may hold a debate or an export.

A file open in a window can be renamed, deleted, replaced (a sync tool or another program
writes a new file under its name) or made read-only while it is open. SQLite goes on
holding the file it opened, but once that file has moved it refuses every write ("attempt
to write a readonly database"), since its journal would carry the old name; and a file
made read-only goes on taking edits through the descriptor opened before. `Whereabouts`
tells these apart (on Linux by the descriptors the process holds, `/proc/self/fd`, which
follow a renamed file), and `follow` reopens a renamed file under its new name, so the
window goes on writing it there (README, "What we guarantee").
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from debate_editor.domain.errors import DebateFileError
from debate_editor.store import atomic
from debate_editor.store import file as debate_file
from debate_editor.store.document import DebateDocument
from debate_editor.store.version import APPLICATION_ID

JOURNAL = "-journal"
NAME_MAX = 255
"""Bytes in one name of a path (Linux, macOS)."""
SQLITE_PATH_MAX = 512
"""SQLite's unix VFS opens no path longer than this (its MAX_PATHNAME), journals included."""
_DESCRIPTORS = Path("/proc/self/fd")


def path_problem(path: Path) -> str | None:
    """Why a debate cannot live at `path` however its folder is set, or None: SQLite
    writes a journal beside it, named with 8 bytes more, and opens no longer path."""
    name = len(os.fsencode(path.name))
    if name + len(JOURNAL) > NAME_MAX:
        return (f"its name is too long ({name} bytes; a debate's name may have at most "
                f"{NAME_MAX - len(JOURNAL)}, to leave room for the journal beside it)")
    try:
        full = len(os.fsencode(os.path.realpath(path)))
    except (OSError, ValueError):
        full = len(os.fsencode(Path(path).absolute()))
    if full + len(JOURNAL) > SQLITE_PATH_MAX:
        return (f"its path is too long ({full:,} bytes; SQLite opens a debate whose path "
                f"has at most {SQLITE_PATH_MAX - len(JOURNAL)})")
    return None


def is_debate_file(path: Path) -> bool:
    """Whether `path` holds a debate file of ours (its SQLite header says so)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe would wait for its writer
            return False
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError:
        return False
    return (head.startswith(debate_file.SQLITE_MAGIC) and len(head) == 100
            and int.from_bytes(head[68:72], "big") == APPLICATION_ID)


def export_target_problem(target: Path, source: Path | None = None) -> str | None:
    """Why an export may not be written to `target`, or None: an export never replaces
    a debate (the one being exported least of all), nor takes a debate's name."""
    try:
        if source is not None and target.exists() and target.samefile(source):
            return "it is the debate being exported; choose another name for the export"
        if is_debate_file(target):
            return "it is a debate, and an export never replaces one; choose another name"
        if target.is_dir():
            return "it is a folder; choose a file name for the export"
    except OSError as error:
        return f"it cannot be written ({error.strerror})"
    if target.suffix.lower() == debate_file.EXTENSION:
        return f"an export cannot be named {debate_file.EXTENSION}, which is for debates"
    return None


Kind = Literal["here", "moved", "deleted", "replaced", "read_only"]


@dataclass(frozen=True)
class Finding:
    """Where the file is now: still `here`, `moved` to `path`, or a reason to stop."""

    kind: Kind
    path: Path
    reason: str = ""
    """Why edits must stop, in words that finish "Read-only: …" (empty when they may go on)."""


class Whereabouts:
    """The file a document opened, known by its device and inode, not its name."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        status = self.path.stat()
        self.identity = (status.st_dev, status.st_ino)

    def look(self) -> Finding:
        """Where the file is now. Cheap when nothing changed (a few `stat` calls), so it
        may run before every edit."""
        try:
            status = self.path.stat()
            same = (status.st_dev, status.st_ino) == self.identity
        except OSError:
            status, same = None, False
        if same:
            problem = debate_file.writable_problem(self.path)
            if problem:
                words = problem.replace(" is read-only", " was made read-only")
                return Finding("read_only", self.path, words)
            return Finding("here", self.path)
        now = self._open_name()
        if now is not None and now != self.path:
            return Finding("moved", now)
        if status is None:
            return Finding("deleted", self.path, "the file was deleted or moved away")
        return Finding("replaced", self.path, "another file was put in its place")

    def _open_name(self) -> Path | None:
        """The name the file has now, from a descriptor this process holds on it; None
        when it has none left (deleted) or the system does not say (not Linux)."""
        try:
            entries = list(_DESCRIPTORS.iterdir())
        except OSError:
            return None
        for entry in entries:
            try:
                status = entry.stat()
                if (status.st_dev, status.st_ino) != self.identity:
                    continue
                name = str(entry.readlink())
            except OSError:
                continue
            return None if name.endswith(" (deleted)") else Path(name)
        return None


def follow(document: DebateDocument, path: Path) -> None:
    """Go on writing the file at its new name `path`. SQLite names its journal after the
    path it opened, so the file is opened again there, with its writer's lock; memory,
    history and views stay as they are (the file holds the same debate)."""
    problem = path_problem(path) or debate_file.writable_problem(path)
    if problem:
        raise DebateFileError(path, f"cannot be edited: {problem}.")
    document.close()
    lock = debate_file.WriterLock(path)
    if not lock.acquire():
        raise DebateFileError(path, "cannot be edited: it is open in another window.")
    # The document's own connection and lock, as `DebateDocument.save_as` sets them.
    document._attach(debate_file.connect(path, "rw"), "rw", lock)
    document.path = path


def save_in_place(document: DebateDocument) -> None:
    """Write the open debate to its own name again, after its file was deleted or
    replaced there (Save As under the same name): a whole copy, then edits go on in it."""
    atomic.copy_file(document._driver(), document.path).release()  # taken again at once by `follow`
    follow(document, document.path)
    document.read_only, document.read_only_reason = False, ""
