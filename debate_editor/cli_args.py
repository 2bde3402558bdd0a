"""The command line's words: its two parsers (the window's and the commands'), kept apart
from what the commands do so that `--help` and a usage error cost no command's imports.
Stable: scripts rely on every word (README, "Command line")."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from debate_editor import __version__
from debate_editor.domain.status import Semantics
from debate_editor.formats import registry
from debate_editor.store import targets

PROG = "debate-editor"
VIEWS = ("canvas", "columns", "outline", "argdown", "presentation")
DRAWN_FORMATS = ("pdf", "png", "svg")


def _size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT, such as 1200x800: {value!r}"
        ) from None
    if not (16 <= width <= 16384 and 16 <= height <= 16384):
        raise argparse.ArgumentTypeError("width and height must be between 16 and 16384")
    return width, height


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="An offline editor for structured debates.",
        epilog="Commands: new, info, import, export, evaluate, copy, watch "
               "(debate-editor COMMAND --help).",
    )
    parser.add_argument("file", nargs="?", type=targets.target, help="a .debate file to open")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="render the laid-out view to a PNG and exit")
    parser.add_argument("--view", choices=VIEWS, default="canvas",
                        help="the view the window opens on, or --screenshot renders "
                             "(default: canvas)")
    parser.add_argument("--size", type=_size, metavar="WxH",
                        help="window size for --screenshot, such as 1200x800")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


class _FormatNames:
    """The format names a `--format` accepts, asked of the registry only when a name is
    checked or the help is shown: `info` and the window never load the formats."""

    def __init__(self, names: Callable[[], Iterable[str]]) -> None:
        self._names = names
        self._known: list[str] | None = None

    def _list(self) -> list[str]:
        if self._known is None:
            self._known = sorted(set(self._names()))
        return self._known

    def __contains__(self, name: object) -> bool:
        return name in self._list()

    def __iter__(self) -> Iterator[str]:
        return iter(self._list())


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    new = sub.add_parser("new", help="create an empty debate (a file or on a server)")
    new.add_argument("file", type=targets.target, metavar="DEBATE")
    new.add_argument("--title", help="its title (with --from: default, the text's own)")
    new.add_argument("--from", dest="text", type=Path, metavar="NOTES.argdown",
                     help="start from this Argdown text (open it on its text with "
                          "`debate-editor DEBATE --view argdown`)")

    info = sub.add_parser("info", help="what a debate file holds")
    info.add_argument("file", type=targets.target, metavar="DEBATE")
    info.add_argument("--json", action="store_true", help="print JSON for scripts")

    names = _FormatNames(lambda: (f.name for f in registry.importers()))
    imp = sub.add_parser("import", help="make a debate (a file or on a server) from another format")
    imp.add_argument("source", type=Path)
    where = imp.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", type=targets.target, metavar="DEBATE")
    where.add_argument("--into", type=targets.target, metavar="DEBATE",
                       help="add its claims to this existing debate, as one edit")
    imp.add_argument("--force", action="store_true",
                     help="replace a debate of that name on the server")
    imp.add_argument("--format", choices=names, metavar="F",
                     help="one of %(choices)s; default: guessed from the file")

    exp_names = _FormatNames(lambda: (*(f.name for f in registry.exporters()), *DRAWN_FORMATS))
    exp = sub.add_parser("export", help="write a debate in another format")
    exp.add_argument("file", type=targets.target, metavar="DEBATE")
    exp.add_argument("--format", choices=exp_names, required=True, metavar="F",
                     help="one of %(choices)s")
    exp.add_argument("-o", "--output", type=Path, metavar="OUT",
                     help="where to write (text formats go to standard output without it)")
    exp.add_argument("--claim", metavar="ID", help="the claim to answer or export from")
    exp.add_argument("--inline", action="store_true",
                     help="rebuttal: all numbered points on one line")
    exp.add_argument("--size", type=_size, metavar="WxH", help="png: image size in pixels")
    exp.add_argument("--open", action="store_true", dest="open_points",
                     help="rebuttal: only the objections that still stand")
    exp.add_argument("--status", action="store_true",
                     help="markdown, pdf: say of each claim whether it stands")

    ev = sub.add_parser("evaluate", help="which claims stand (in, out or undecided)")
    ev.add_argument("file", type=targets.target, metavar="DEBATE")
    ev.add_argument("--json", action="store_true", help="print JSON for scripts")
    ev.add_argument("--semantics", choices=[s.value for s in Semantics],
                    default=Semantics.GROUNDED.value, help="default: grounded")

    copy = sub.add_parser("copy", help="copy a debate between a file and a server")
    copy.add_argument("source", type=targets.target, metavar="SRC")
    copy.add_argument("target", type=targets.target, metavar="DST")
    copy.add_argument("--force", action="store_true", help="replace the debate at DST")

    watch = sub.add_parser("watch", help="print one JSON line per change anyone makes")
    watch.add_argument("file", type=targets.target, metavar="DEBATE")
    return parser
