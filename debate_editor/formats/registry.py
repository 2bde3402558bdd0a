"""Which formats exist, what they are called on the command line, and how to reach them.

Reading an input file (its text, the debate in it) and writing an export whole live in
`formats.files`, which asks this registry which format a file is.

Text formats are pure Python and register here when `debate_editor.formats` is
imported; drawn formats (PDF, PNG, SVG) register from `debate_editor.render`, which the
command line and the GUI import only when one is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from debate_editor.domain.model import Debate
from debate_editor.formats.imported import Imported

__all__ = [
    "ExportOptions", "Format", "add_sniffer", "all_formats", "detect", "exporters", "get",
    "importers", "register",
]


@dataclass(frozen=True)
class ExportOptions:
    """What an export may be asked for; each format uses what applies to it."""

    claim: str | None = None
    """Export only what stands under this claim (rebuttal: the claim being answered)."""
    inline: bool = False
    """Rebuttal: all numbered points on one line, as many forums show them."""
    size: tuple[int, int] | None = None
    """Images: width and height in pixels."""
    open_points: bool = False
    """Rebuttal: number only the open points, the objections that still stand."""
    status: bool = False
    """Markdown, PDF: say of each claim whether it stands (README, "Which claims stand")."""


Reader = Callable[[str], Debate]
Reporter = Callable[[str], Imported]
Writer = Callable[[Debate, ExportOptions], "str | bytes"]


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    extensions: tuple[str, ...]
    read: Reader | None = None
    write: Writer | None = None
    binary: bool = False
    read_report: Reporter | None = None
    """A reader that can leave warnings (see formats.imported); `read` is its debate."""


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    _FORMATS[fmt.name] = fmt
    return fmt


TEXT_FORMATS = ("aif", "argdown", "dung", "json_format", "kialo", "markdown", "rebuttal",
                "thread")
"""The modules of `debate_editor.formats` that register a text format when imported."""


def _load_all() -> None:
    """Import the text formats, on the first question about formats (each registers itself)."""
    for name in TEXT_FORMATS:
        import_module(f"debate_editor.formats.{name}")


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
