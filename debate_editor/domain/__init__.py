"""The debate in plain Python: models, rules, graph questions, edits and events."""

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import (
    DebateError,
    DebateFileError,
    ExportError,
    ImportFormatError,
    InvalidDebateError,
)
from debate_editor.domain.events import DebateChanged, EventHub
from debate_editor.domain.graph import DebateGraph, Reason
from debate_editor.domain.model import (
    Claim,
    ClaimKind,
    Debate,
    DebateInfo,
    Link,
    LinkKind,
    Mark,
    Strength,
)

__all__ = [
    "Claim",
    "ClaimKind",
    "Debate",
    "DebateChanged",
    "DebateError",
    "DebateFileError",
    "DebateGraph",
    "DebateInfo",
    "Edit",
    "EventHub",
    "ExportError",
    "ImportFormatError",
    "InvalidDebateError",
    "Link",
    "LinkKind",
    "Mark",
    "Reason",
    "Strength",
]
