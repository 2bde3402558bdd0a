"""Text formats in and out. Pure Python: importing this registers every text format."""

from debate_editor.formats import argdown_format, json_format  # noqa: F401
