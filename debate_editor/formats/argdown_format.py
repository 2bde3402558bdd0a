"""Argdown, the argument-mapping field's text format (https://argdown.org), in and out.

The reader is `argdown_reader`, the writer `argdown_writer`; both rest on a lexer and
parser that follow @argdown/core 1.7 token for token, so a file reads the way the real
Argdown tools read it.
"""

from __future__ import annotations

from debate_editor.formats.argdown_reader import read_argdown
from debate_editor.formats.argdown_writer import write_argdown
from debate_editor.formats.registry import Format, register

register(Format("argdown", "Argdown", (".argdown", ".ad"), read=read_argdown,
                write=write_argdown))
