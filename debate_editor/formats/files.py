"""Files in and out of the formats: an input file's text, an export written whole.

Kept apart from the registry (which formats exist) so each module's name says what it
holds; the command line and File → Import / Export reach both through here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from debate_editor.domain.collector import gc_paused
from debate_editor.domain.errors import DebateFileError, ImportFormatError
from debate_editor.domain.model import Debate
from debate_editor.formats import registry
from debate_editor.formats.imported import Imported


def read_text(path: Path) -> str:
    """A text file as str; an encoding problem is an ImportFormatError naming the line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportFormatError(
            "the file is not UTF-8 text", line=line, source=path.name
        ) from None


def write_whole(target: Path, data: str | bytes) -> None:
    """Write an export whole or not at all, through a temporary file in the same folder:
    an existing file is replaced only by a complete one (the command line's `-o` and
    File → Export alike). A symlink is written through to the file it names, a replaced
    file keeps its mode (a new one gets the umask's), and a device or pipe (`-o
    /dev/stdout`) is written straight into, since it cannot be replaced."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        status: os.stat_result | None = target.stat()  # of what a symlink names
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise DebateFileError(target, f"cannot be written ({error.strerror}).") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise DebateFileError(target, "is a folder; choose a file name for the export.")
    if status is not None and not stat.S_ISREG(status.st_mode):
        _write_into(target, payload)
        return
    real = Path(os.path.realpath(target))
    folder = real.parent
    if not folder.is_dir():
        raise DebateFileError(target, f"the folder {folder} does not exist.")
    fd, temp = _temporary_beside(target, folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            if status is not None:  # the file it replaces: its mode, and owner if we may
                os.fchmod(handle.fileno(), stat.S_IMODE(status.st_mode))
                with contextlib.suppress(OSError):
                    os.fchown(handle.fileno(), status.st_uid, status.st_gid)
            handle.write(payload)
        temp.replace(real)
    except OSError as error:
        raise DebateFileError(target, f"cannot be written ({error.strerror}).") from None
    finally:
        temp.unlink(missing_ok=True)


def _temporary_beside(target: Path, folder: Path) -> tuple[int, Path]:
    """A new file in `folder` created as any file is (mode 0666 less the umask), so the
    export gets the mode the person's other new files get."""
    for _attempt in range(100):
        temp = folder / f".~{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temp
        except FileExistsError:
            continue
        except OSError as error:
            raise DebateFileError(target, f"cannot be written ({error.strerror}).") from None
    raise DebateFileError(target, "cannot be written (no free temporary name).")


def _write_into(target: Path, payload: bytes) -> None:
    try:
        with target.open("wb") as handle:
            handle.write(payload)
    except OSError as error:
        raise DebateFileError(target, f"cannot be written ({error.strerror}).") from None


class UnknownFormatError(ImportFormatError):
    """A file whose format cannot be told from its name and text (and none was named)."""


def read_debate(path: Path, name: str | None = None) -> Debate:
    """The debate in the file at `path` (see import_debate), without its warnings."""
    return import_debate(path, name).debate


def import_debate(path: Path, name: str | None = None) -> Imported:
    """The debate in the file at `path`, in format `name` or the one its name and text
    show, with the reader's warnings: the one way the command line and File → Import
    read a file. Documented errors only; an importer's error names the file."""
    if not path.is_file():
        raise DebateFileError(path, "no such file." if not path.exists() else "is not a file.")
    text = read_text(path)
    if not text.replace("\x00", " ").strip():  # every importer's one sentence for it
        raise ImportFormatError("the file holds no text, only spaces or NUL characters",
                                line=1, source=path.name)
    name = name or registry.detect(path, text)
    if name is None:
        raise UnknownFormatError("this is not a format Debate Editor can import",
                                 source=path.name)
    fmt = registry.get(name)
    assert fmt.read is not None
    try:
        with gc_paused():  # a reader makes an object or more per claim, none of them garbage
            if fmt.read_report is not None:
                return fmt.read_report(text)
            return Imported(fmt.read(text))
    except ImportFormatError as error:
        if error.source:
            raise
        raise ImportFormatError(error.message, error.line, error.column, path.name) from None
