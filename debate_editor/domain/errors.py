"""The documented errors. Each one's message is one plain sentence a person understands.

The command line prints that sentence on one line and exits with status 1; the GUI
shows it in a dialog. Anything else escaping is a bug.
"""

from __future__ import annotations

from pydantic import ValidationError


class DebateError(Exception):
    """Base of every error Debate Editor documents."""


class InvalidDebateError(DebateError):
    """An edit or an imported debate breaks a rule: empty text, a link to nothing, …"""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")


class DebateFileError(DebateError):
    """A file cannot be opened as a debate: not ours, damaged, too new, missing, locked.

    The file is never modified when this is raised.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class StaleTextError(DebateError):
    """Text typed over a claim's text that has changed since the typing began."""

    def __init__(self, claim_id: str) -> None:
        self.claim_id = claim_id
        super().__init__("This claim changed while you were typing; it now shows the "
                         "change, and your text is still in the box.")


class EditConflictError(DebateFileError):
    """An edit of a team debate refused because someone else changed what it is based on
    since this window read it (README, "Team debates on a server"). The window then shows
    their change; what the user typed is still at hand."""

    def __str__(self) -> str:
        return self.reason  # a sentence about the edit, in the window that made it


class ImportFormatError(DebateError):
    """Text handed to an importer does not follow its format; names the line (and column)."""

    def __init__(
        self, message: str, line: int | None = None, column: int | None = None, source: str = ""
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.source = source
        where = ""
        if line is not None:
            where = f"line {line}" + (f", column {column}" if column is not None else "") + ": "
        prefix = f"{source}: " if source else ""
        super().__init__(f"{prefix}{where}{message}")


def plain_message(error: ValidationError) -> str:
    """Turn pydantic's report into one sentence: the first problem, in words."""
    first = error.errors()[0]
    message = str(first.get("msg", "invalid value"))
    message = message.removeprefix("Value error, ")
    location = ".".join(str(part) for part in first.get("loc", ()))
    return f"{location}: {message}" if location else message


class ExportError(DebateError):
    """A debate cannot be written in the format asked for (for example, a rebuttal of a
    debate that has no claim to answer)."""
