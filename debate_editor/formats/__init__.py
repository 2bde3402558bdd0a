"""Text formats in and out. Pure Python: importing this registers every text format."""

from debate_editor.formats import (  # noqa: F401
    aif,
    argdown,
    dung,
    json_format,
    kialo,
    markdown,
    rebuttal,
    thread,
)
