"""What an import gives besides the debate: the warnings a reader leaves.

A reader refuses only what its format's own tools refuse. Where a file is read by a
guess (Argdown's indentation that no line above opened, a thread written out twice),
the file is imported as those tools would read it and the guess is said in a warning:
one plain sentence naming the line, printed on stderr by the command line (exit status
0) and shown by the window after the import.
"""

from __future__ import annotations

from dataclasses import dataclass

from debate_editor.domain.model import Debate


@dataclass(frozen=True)
class Imported:
    """A debate read from a file, and the sentences saying where the reading guessed."""

    debate: Debate
    warnings: tuple[str, ...] = ()


def warning_at(message: str, line: int | None = None, column: int | None = None) -> str:
    """A warning sentence led by where it points, as ImportFormatError names a place."""
    if line is None:
        return message
    return f"line {line}" + (f", column {column}" if column is not None else "") + f": {message}"
