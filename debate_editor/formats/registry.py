"""Which formats exist, what they are called on the command line, and how to reach them.

Text formats are pure Python and register here when `debate_editor.formats` is
imported; drawn formats (PDF, PNG, SVG) register from `debate_editor.render`, which the
command line and the GUI import only when one is asked for.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from debate_editor.domain.errors import DebateFileError, ImportFormatError
from debate_editor.domain.model import Debate


@dataclass(frozen=True)
class ExportOptions:
    """What an export may be asked for; each format uses what applies to it."""

    claim: str | None = None
    """Export only what stands under this claim (rebuttal: the claim being answered)."""
    inline: bool = False
    """Rebuttal: all numbered points on one line, as many forums show them."""
    size: tuple[int, int] | None = None
    """Images: width and height in pixels."""


Reader = Callable[[str], Debate]
Writer = Callable[[Debate, ExportOptions], "str | bytes"]


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    extensions: tuple[str, ...]
    read: Reader | None = None
    write: Writer | None = None
    binary: bool = False


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    _FORMATS[fmt.name] = fmt
    return fmt


def _load_all() -> None:
    import debate_editor.formats  # noqa: F401  (registers the text formats)


def get(name: str) -> Format:
    _load_all()
    return _FORMATS[name]


def all_formats() -> list[Format]:
    _load_all()
    return list(_FORMATS.values())


def importers() -> list[Format]:
    return [f for f in all_formats() if f.read is not None]


def exporters() -> list[Format]:
    return [f for f in all_formats() if f.write is not None]


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


class UnknownFormatError(ImportFormatError):
    """A file whose format cannot be told from its name and text (and none was named)."""


def read_debate(path: Path, name: str | None = None) -> Debate:
    """The debate in the file at `path`, in format `name` or the one its name and text
    show: the one way the command line and File → Import read a file. Documented errors
    only; an importer's error names the file."""
    if not path.is_file():
        raise DebateFileError(path, "no such file." if not path.exists() else "is not a file.")
    text = read_text(path)
    name = name or detect(path, text)
    if name is None:
        raise UnknownFormatError("this is not a format Debate Editor can import",
                                 source=path.name)
    fmt = get(name)
    assert fmt.read is not None
    try:
        return fmt.read(text)
    except ImportFormatError as error:
        if error.source:
            raise
        raise ImportFormatError(error.message, error.line, error.column, path.name) from None


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


Sniffer = Callable[[Path, str], "str | None"]
_SNIFFERS: list[Sniffer] = []


def add_sniffer(sniffer: Sniffer) -> None:
    """A guess at a file's format from its name and text; the first answer wins."""
    _SNIFFERS.append(sniffer)


def detect(path: Path, text: str) -> str | None:
    _load_all()
    for sniffer in _SNIFFERS:
        name = sniffer(path, text)
        if name is not None:
            return name
    suffix = path.suffix.lower()
    for fmt in _FORMATS.values():
        if fmt.read is not None and suffix in fmt.extensions:
            return fmt.name
    return None
