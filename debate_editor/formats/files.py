"""Files in and out of the formats: an input file's text, an export written whole.

Kept apart from the registry (which formats exist) so each module's name says what it
holds; the command line and File → Import / Export reach both through here.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

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
    File → Export alike)."""
    folder = target.parent
    if not folder.is_dir():
        raise DebateFileError(target, f"the folder {folder} does not exist.")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, name = tempfile.mkstemp(prefix=".~", dir=folder)
    except OSError as error:
        raise DebateFileError(target, f"cannot be written ({error.strerror}).") from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        temp.replace(target)
    except OSError as error:
        raise DebateFileError(target, f"cannot be written ({error.strerror}).") from None
    finally:
        temp.unlink(missing_ok=True)


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
    name = name or registry.detect(path, text)
    if name is None:
        raise UnknownFormatError("this is not a format Debate Editor can import",
                                 source=path.name)
    fmt = registry.get(name)
    assert fmt.read is not None
    try:
        if fmt.read_report is not None:
            return fmt.read_report(text)
        return Imported(fmt.read(text))
    except ImportFormatError as error:
        if error.source:
            raise
        raise ImportFormatError(error.message, error.line, error.column, path.name) from None
