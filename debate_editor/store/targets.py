"""Where a command reads or writes a whole debate: a `.debate` file or a debate on a
PostgreSQL server (README, "Command line", "Team debates on a server").

The same few questions of either, so the command line names no store: read it, does it
exist, write a new one. The server's code (and SQLAlchemy) is imported only for a URL:
`info` on a file loads neither (README, "Performance").
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from debate_editor.domain.errors import DebateFileError
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Debate
from debate_editor.store.server_url import ServerAddress, is_server_url, parse_server_url

if TYPE_CHECKING:
    from types import TracebackType

Target = Path | ServerAddress


class ReadDebate(Protocol):
    """What a command asks of an opened debate (a `DebateDocument` or a `ServerDebate`)."""

    @property
    def graph(self) -> DebateGraph: ...

    @property
    def schema_version(self) -> int: ...

    def snapshot(self) -> Debate: ...

    def __enter__(self) -> ReadDebate: ...

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None: ...


def target(text: str) -> Target:
    """A command's word for a debate: a server URL (checked now) or a file's path."""
    return parse_server_url(text) if is_server_url(text) else Path(text)


def open_for_reading(where: Target) -> ReadDebate:
    """The whole debate, read without writing anything."""
    if isinstance(where, ServerAddress):
        from debate_editor.store.server import read_server_debate

        return read_server_debate(where)
    from debate_editor.store.document import DebateDocument

    return DebateDocument.open(where, read_only=True)


def exists(where: Target) -> bool:
    if isinstance(where, ServerAddress):
        from debate_editor.store.server import server_debate_exists

        return server_debate_exists(where)
    return where.exists() or where.is_symlink()


def same(first: Target, second: Target) -> bool:
    """Whether two targets name one debate."""
    if isinstance(first, ServerAddress) or isinstance(second, ServerAddress):
        return (isinstance(first, ServerAddress) and isinstance(second, ServerAddress)
                and first.same_debate(second))
    return os.path.realpath(first) == os.path.realpath(second)


EXISTS = "already exists; choose another name."


def write_new(where: Target, debate: Debate, *, replace: bool, refusal: str = EXISTS) -> None:
    """Write `debate` whole at `where`, all or nothing. An existing debate there is
    replaced only when `replace` (else refused with `refusal`); what is not a debate, never."""
    if not replace and exists(where):
        raise DebateFileError(where, refusal)
    if isinstance(where, ServerAddress):
        from debate_editor.store.server import write_server_debate

        write_server_debate(where, debate, replace=replace)
        return
    from debate_editor.store import atomic
    from debate_editor.store.whereabouts import is_debate_file, path_problem

    problem = path_problem(where)
    if problem:
        raise DebateFileError(where, f"cannot be written: {problem}.")
    if where.is_file() and not is_debate_file(where):
        raise DebateFileError(where, "is not a debate, and only a debate is ever replaced "
                              "by one; choose another name.")
    atomic.create_file(where, debate).release()


def create_empty(where: Target, title: str) -> None:
    """A new, empty debate; refused where one exists."""
    if isinstance(where, ServerAddress):
        from debate_editor.store.server import new_server_debate

        new_server_debate(where, title)
        return
    from debate_editor.store.document import DebateDocument

    DebateDocument.create(where, title).close()


def copy_debate(source: Target, target: Target, *, replace: bool, refusal: str = EXISTS) -> None:
    """A whole debate from a file or server to a file or server: read, then written all
    or nothing."""
    if same(source, target):
        raise DebateFileError(target, "is the debate being copied; choose another.")
    with open_for_reading(source) as doc:
        debate = doc.snapshot()
    write_new(target, debate, replace=replace, refusal=refusal)
