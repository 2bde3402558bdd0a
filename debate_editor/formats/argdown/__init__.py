"""Argdown, the argument-mapping field's text format (https://argdown.org), in and out.

The package follows @argdown/core 1.7 token for token, so a file reads the way the real
Argdown tools read it: `lexer` (text to tokens), `tree` and `parser` (tokens to the
syntax tree), `semantics` (the tree to statements, arguments and relations, as Argdown's
model has them), `reader` (that model to a Debate), `writer` (a Debate to Argdown) and
`text` (escaping and titles both directions share); `groups` and `writer_groups` map
premise-conclusion structures to reasons of co-premises and back. Importing the package
registers the format.
"""

from __future__ import annotations

from debate_editor.formats.argdown.reader import import_argdown, read_argdown
from debate_editor.formats.argdown.semantics import argdown_counts
from debate_editor.formats.argdown.writer import write_argdown
from debate_editor.formats.registry import Format, register

__all__ = ["argdown_counts", "import_argdown", "read_argdown", "write_argdown"]

register(Format("argdown", "Argdown", (".argdown", ".ad"), read=read_argdown,
                write=write_argdown, read_report=import_argdown))
