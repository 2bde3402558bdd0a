"""The patterns Argdown's lexer (@argdown/core 1.7) tries, in its order per mode, with
JavaScript's regular-expression semantics spelled out for Python's `re`; the lexer
(formats/argdown/lexer.py) is the state machine that tries them."""

from __future__ import annotations

import re

from debate_editor.formats.argdown.tokens import (
    ARGUMENT_DEFINITION,
    ARGUMENT_MENTION,
    ARGUMENT_REFERENCE,
    COMMENT,
    CONTRADICTION,
    DATA,
    EMPTYLINE,
    ESCAPED_CHAR,
    FREESTYLE,
    FRONT_MATTER,
    HEADING_START,
    INCOMING_ATTACK,
    INCOMING_SUPPORT,
    INCOMING_UNDERCUT,
    INFERENCE_END,
    INFERENCE_START,
    LINK,
    LIST_DELIMITER,
    NEWLINE,
    ORDERED_LIST_ITEM,
    OUTGOING_ATTACK,
    OUTGOING_SUPPORT,
    OUTGOING_UNDERCUT,
    RELATIONS,
    SPACES,
    SPECIAL_CHAR,
    STATEMENT_DEFINITION,
    STATEMENT_MENTION,
    STATEMENT_NUMBER,
    STATEMENT_REFERENCE,
    TAG,
    TAG_PATTERN,
    UNORDERED_LIST_ITEM,
    UNUSED_CONTROL_CHAR,
)

# JavaScript's `.` and `\s`, which differ from Python's.
_DOT = r"[^\n\r\u2028\u2029]"
_WS = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_S = f"[{_WS}]"
_NS = f"[^{_WS}]"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


RELATION_PATTERNS = {
    INCOMING_SUPPORT: _rx(r"([' \t]*)(\+>)"),
    INCOMING_ATTACK: _rx(r"([' \t]*)(->)"),
    OUTGOING_SUPPORT: _rx(r"([' \t]*)(<?\+)"),
    OUTGOING_ATTACK: _rx(r"([' \t]*)(<?-)"),
    CONTRADICTION: _rx(r"([' \t]*)(><)"),
    INCOMING_UNDERCUT: _rx(r"([' \t]*)(_>)"),
    OUTGOING_UNDERCUT: _rx(rf"([' \t]*)(<_|(?:_(?={_S})))"),
}
_COMMENT_BODY = (
    r"(?:<!--[^\u2028\u2029]*?-->)|(?:/\*[^\u2028\u2029]*?\*/)"
    rf"|(?://{_DOT}*?(?=\r\n|\n|\r))"
)
COMMENT_PATTERN = _rx(_COMMENT_BODY)
COMMENT_AFTER_EMPTYLINE_PATTERN = _rx(rf"(?:{_COMMENT_BODY})(?:[ \t]*\r\n|\n|\r)*")
COMMENT_AFTER_NEWLINE_PATTERN = _rx(
    rf"(?:{_COMMENT_BODY})(?:[ \t]*(?:\r\n|\n|\r)(?!([ \t]*(\r\n|\n|\r))))?"
)
EMPTYLINE_PATTERN = _rx(r"(?:[ \t]*(?:\r\n|\n)){2,}")
INFERENCE_START_PATTERN = _rx(r"[' \t]*-{2}")
HEADING_PATTERN = _rx(r"(#+)(?: )")
STATEMENT_NUMBER_PATTERN = _rx(r"[' \t]*\([0-9]+\)")
ORDERED_ITEM_PATTERN = _rx(rf"([' \t]*)[0-9]+\.(?={_S})")
UNORDERED_ITEM_PATTERN = _rx(rf"([' \t]*)\*(?={_S})")
_END_FOLLOW = r"(?:[ \t]|(?=\n|\r|\)|\}|_|\.|,|!|\?|;|:|-|\*|\Z))"
EMPHASIS = {
    # token type: (pattern, range type, opens?)
    "AsteriskBoldEnd": (_rx(r"\*\*" + _END_FOLLOW), "AsteriskBold", False),
    "UnderscoreBoldEnd": (_rx(r"__" + _END_FOLLOW), "UnderscoreBold", False),
    "AsteriskItalicEnd": (_rx(r"\*" + _END_FOLLOW), "AsteriskItalic", False),
    "UnderscoreItalicEnd": (_rx(r"_" + _END_FOLLOW), "UnderscoreItalic", False),
    "AsteriskBoldStart": (_rx(rf"\*\*(?!{_S})"), "AsteriskBold", True),
    "UnderscoreBoldStart": (_rx(rf"__(?!{_S})"), "UnderscoreBold", True),
    "AsteriskItalicStart": (_rx(rf"\*(?!{_S})"), "AsteriskItalic", True),
    "UnderscoreItalicStart": (_rx(rf"_(?!{_S})"), "UnderscoreItalic", True),
}
PLAIN = {
    FRONT_MATTER: _rx(r"===+[\s\S]*?===+"),
    DATA: _rx(rf"\{{(?:(?!\}}{_S}[^,}}])(?:{_DOT}|\n))*\}}(?!{_S}*(?:,|\}}))"),
    ESCAPED_CHAR: _rx(rf"\\{_DOT}(?: )*"),
    SPECIAL_CHAR: _rx(rf"(?:\.{_NS}+?\.[ \t]?)|(?::{_NS}+?:[ \t]?)"),
    NEWLINE: _rx(r"[ \t]*(?:\r\n|\n|\r)"),
    LINK: _rx(r"\[[^\]]+?\]\([^)]+?\)[ \t]?"),
    TAG: TAG_PATTERN,
    STATEMENT_DEFINITION: _rx(rf"\[{_DOT}+?\]:"),
    STATEMENT_REFERENCE: _rx(rf"\[[^-]{_DOT}*?\]"),
    STATEMENT_MENTION: _rx(rf"@\[{_DOT}+?\][ \t]?"),
    ARGUMENT_DEFINITION: _rx(rf"<{_DOT}+?>:"),
    ARGUMENT_REFERENCE: _rx(rf"<[^-]{_DOT}*?>"),
    ARGUMENT_MENTION: _rx(rf"@<{_DOT}+?>[ \t]?"),
    SPACES: _rx(r"[ \t]+"),
    FREESTYLE: _rx(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+"),
    UNUSED_CONTROL_CHAR: _rx(r"[@#*_\[\],.:;</>\-(){}][ \t]?"),
    INFERENCE_END: _rx(r"-{2,}"),
    LIST_DELIMITER: _rx(r","),
}

DEFAULT_MODE = (
    COMMENT, FRONT_MATTER, DATA, ESCAPED_CHAR, SPECIAL_CHAR, EMPTYLINE, NEWLINE,
    INFERENCE_START, *RELATIONS, HEADING_START, STATEMENT_NUMBER, ORDERED_LIST_ITEM,
    UNORDERED_LIST_ITEM, "AsteriskBoldEnd", "UnderscoreBoldEnd", "AsteriskItalicEnd",
    "UnderscoreItalicEnd", "AsteriskBoldStart", "UnderscoreBoldStart", "AsteriskItalicStart",
    "UnderscoreItalicStart", LINK, TAG, STATEMENT_DEFINITION, STATEMENT_REFERENCE,
    STATEMENT_MENTION, ARGUMENT_DEFINITION, ARGUMENT_REFERENCE, ARGUMENT_MENTION, SPACES,
    FREESTYLE, UNUSED_CONTROL_CHAR,
)
INFERENCE_MODE = (
    COMMENT, NEWLINE, ESCAPED_CHAR, SPECIAL_CHAR, INFERENCE_END, DATA, LIST_DELIMITER,
    SPACES, FREESTYLE, UNUSED_CONTROL_CHAR,
)


_INDENT_CHARS = " \t'"
_FREESTYLE_EXCLUDED = "\\@#*_[],.:;</>-\r\n(){}"
_FIRST_CHARS = {
    COMMENT: "/<", FRONT_MATTER: "=", DATA: "{", ESCAPED_CHAR: "\\", SPECIAL_CHAR: ".:",
    EMPTYLINE: " \t\r\n", NEWLINE: " \t\r\n", INFERENCE_START: _INDENT_CHARS + "-",
    INCOMING_SUPPORT: _INDENT_CHARS + "+", INCOMING_ATTACK: _INDENT_CHARS + "-",
    OUTGOING_SUPPORT: _INDENT_CHARS + "<+", OUTGOING_ATTACK: _INDENT_CHARS + "<-",
    CONTRADICTION: _INDENT_CHARS + ">", INCOMING_UNDERCUT: _INDENT_CHARS + "_",
    OUTGOING_UNDERCUT: _INDENT_CHARS + "<_", HEADING_START: "#",
    STATEMENT_NUMBER: _INDENT_CHARS + "(", ORDERED_LIST_ITEM: _INDENT_CHARS + "0123456789",
    UNORDERED_LIST_ITEM: _INDENT_CHARS + "*", LINK: "[", TAG: "#", STATEMENT_DEFINITION: "[",
    STATEMENT_REFERENCE: "[", STATEMENT_MENTION: "@", ARGUMENT_DEFINITION: "<",
    ARGUMENT_REFERENCE: "<", ARGUMENT_MENTION: "@", SPACES: " \t",
    UNUSED_CONTROL_CHAR: "@#*_[],.:;</>-(){}", INFERENCE_END: "-", LIST_DELIMITER: ",",
    **{name: name[0].replace("A", "*").replace("U", "_") for name in EMPHASIS},
}
_CANDIDATES: dict[tuple[int, str], tuple[str, ...]] = {}


def candidates(mode: tuple[str, ...], char: str) -> tuple[str, ...]:
    """The token kinds that can start with `char`, in the mode's order (a speed-up only:
    every other kind fails on that character anyway)."""
    key = (id(mode), char)
    found = _CANDIDATES.get(key)
    if found is None:
        found = tuple(
            kind for kind in mode
            if (char not in _FREESTYLE_EXCLUDED if kind == FREESTYLE
                else char in _FIRST_CHARS[kind])
        )
        if len(_CANDIDATES) < 20_000:
            _CANDIDATES[key] = found
    return found
