"""The names of Argdown's tokens and the token itself, shared by the lexer and every
reader step after it (kept apart so the lexer's module holds only how text is cut)."""

from __future__ import annotations

import re
from dataclasses import dataclass

LINE_BREAKS = re.compile(r"\r\n?|\n")

COMMENT = "Comment"
FRONT_MATTER = "FrontMatter"
DATA = "Data"
ESCAPED_CHAR = "EscapedChar"
SPECIAL_CHAR = "SpecialChar"
EMPTYLINE = "Emptyline"
NEWLINE = "Newline"
INDENT = "Indent"
DEDENT = "Dedent"
INFERENCE_START = "InferenceStart"
INFERENCE_END = "InferenceEnd"
LIST_DELIMITER = "ListDelimiter"
INCOMING_SUPPORT = "IncomingSupport"  # +>  the parent supports the child
INCOMING_ATTACK = "IncomingAttack"  # ->
OUTGOING_SUPPORT = "OutgoingSupport"  # + or <+  the child supports the parent
OUTGOING_ATTACK = "OutgoingAttack"  # - or <-
CONTRADICTION = "Contradiction"  # ><
INCOMING_UNDERCUT = "IncomingUndercut"  # _>  the parent undercuts the child
OUTGOING_UNDERCUT = "OutgoingUndercut"  # <_ or _
HEADING_START = "HeadingStart"
STATEMENT_NUMBER = "StatementNumber"
ORDERED_LIST_ITEM = "OrderedListItem"
UNORDERED_LIST_ITEM = "UnorderedListItem"
BOLD_STARTS = ("AsteriskBoldStart", "UnderscoreBoldStart")
BOLD_ENDS = ("AsteriskBoldEnd", "UnderscoreBoldEnd")
ITALIC_STARTS = ("AsteriskItalicStart", "UnderscoreItalicStart")
ITALIC_ENDS = ("AsteriskItalicEnd", "UnderscoreItalicEnd")
LINK = "Link"
TAG = "Tag"
STATEMENT_DEFINITION = "StatementDefinition"
STATEMENT_REFERENCE = "StatementReference"
STATEMENT_MENTION = "StatementMention"
ARGUMENT_DEFINITION = "ArgumentDefinition"
ARGUMENT_REFERENCE = "ArgumentReference"
ARGUMENT_MENTION = "ArgumentMention"
SPACES = "Spaces"
FREESTYLE = "Freestyle"
UNUSED_CONTROL_CHAR = "UnusedControlChar"

RELATIONS = (
    INCOMING_SUPPORT, INCOMING_ATTACK, OUTGOING_SUPPORT, OUTGOING_ATTACK,
    CONTRADICTION, INCOMING_UNDERCUT, OUTGOING_UNDERCUT,
)
SKIPPED = (COMMENT, SPACES)

TAG_PATTERN = re.compile(
    r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))[ \t]?"
)


@dataclass(slots=True)
class Token:
    type: str
    image: str
    offset: int
    line: int
    column: int

    @property
    def end_offset(self) -> int:
        return self.offset + len(self.image) - 1

    @property
    def last_line(self) -> int:
        """The line this token's last character stands on (a line break counts as its own
        line's end)."""
        return self.line + len(LINE_BREAKS.findall(self.image.rstrip("\r\n")))
