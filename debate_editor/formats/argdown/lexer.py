"""Argdown's tokens, cut exactly as the Argdown parser (@argdown/core 1.7) cuts them.

Argdown's lexer is context sensitive: a relation sign counts only at the start of a line,
indentation turns into INDENT and DEDENT tokens, and `*` or `_` open emphasis that must be
closed. Every later step (our reader, and the writer that checks its own output) rests on
this lexer agreeing with the real one, so it follows the original token by token: the same
patterns (JavaScript semantics spelled out for Python's `re`), in the same order, first
match wins.

Where Argdown reads by a guess (a line indented to a level no line above opened), so does
this lexer, adding a warning to a list given it; without one it refuses (an
ImportFormatError: the writer checking its own output wants no guesses).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from debate_editor.domain.errors import ImportFormatError
from debate_editor.formats.argdown.tokens import (
    ARGUMENT_DEFINITION,
    ARGUMENT_MENTION,
    ARGUMENT_REFERENCE,
    COMMENT,
    CONTRADICTION,
    DATA,
    DEDENT,
    EMPTYLINE,
    ESCAPED_CHAR,
    FREESTYLE,
    FRONT_MATTER,
    HEADING_START,
    INCOMING_ATTACK,
    INCOMING_SUPPORT,
    INCOMING_UNDERCUT,
    INDENT,
    INFERENCE_END,
    INFERENCE_START,
    LINE_BREAKS,
    LINK,
    LIST_DELIMITER,
    NEWLINE,
    ORDERED_LIST_ITEM,
    OUTGOING_ATTACK,
    OUTGOING_SUPPORT,
    OUTGOING_UNDERCUT,
    RELATIONS,
    SKIPPED,
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
    Token,
)
from debate_editor.formats.imported import warning_at

# JavaScript's `.` and `\s`, which differ from Python's.
_DOT = r"[^\n\r\u2028\u2029]"
_WS = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_S = f"[{_WS}]"
_NS = f"[^{_WS}]"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_RELATION_PATTERNS = {
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
_COMMENT = _rx(_COMMENT_BODY)
_COMMENT_AFTER_EMPTYLINE = _rx(rf"(?:{_COMMENT_BODY})(?:[ \t]*\r\n|\n|\r)*")
_COMMENT_AFTER_NEWLINE = _rx(
    rf"(?:{_COMMENT_BODY})(?:[ \t]*(?:\r\n|\n|\r)(?!([ \t]*(\r\n|\n|\r))))?"
)
_EMPTYLINE = _rx(r"(?:[ \t]*(?:\r\n|\n)){2,}")
_INFERENCE_START = _rx(r"[' \t]*-{2}")
_HEADING = _rx(r"(#+)(?: )")
_STATEMENT_NUMBER = _rx(r"[' \t]*\([0-9]+\)")
_ORDERED_ITEM = _rx(rf"([' \t]*)[0-9]+\.(?={_S})")
_UNORDERED_ITEM = _rx(rf"([' \t]*)\*(?={_S})")
_END_FOLLOW = r"(?:[ \t]|(?=\n|\r|\)|\}|_|\.|,|!|\?|;|:|-|\*|\Z))"
_EMPHASIS = {
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
_PLAIN = {
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

_DEFAULT_MODE = (
    COMMENT, FRONT_MATTER, DATA, ESCAPED_CHAR, SPECIAL_CHAR, EMPTYLINE, NEWLINE,
    INFERENCE_START, *RELATIONS, HEADING_START, STATEMENT_NUMBER, ORDERED_LIST_ITEM,
    UNORDERED_LIST_ITEM, "AsteriskBoldEnd", "UnderscoreBoldEnd", "AsteriskItalicEnd",
    "UnderscoreItalicEnd", "AsteriskBoldStart", "UnderscoreBoldStart", "AsteriskItalicStart",
    "UnderscoreItalicStart", LINK, TAG, STATEMENT_DEFINITION, STATEMENT_REFERENCE,
    STATEMENT_MENTION, ARGUMENT_DEFINITION, ARGUMENT_REFERENCE, ARGUMENT_MENTION, SPACES,
    FREESTYLE, UNUSED_CONTROL_CHAR,
)
_INFERENCE_MODE = (
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
    **{name: name[0].replace("A", "*").replace("U", "_") for name in _EMPHASIS},
}
_CANDIDATES: dict[tuple[int, str], tuple[str, ...]] = {}


def _candidates(mode: tuple[str, ...], char: str) -> tuple[str, ...]:
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


class _Lexer:
    """One run over one text; the state Argdown keeps in module globals lives here."""

    def __init__(self, text: str, warnings: list[str] | None = None) -> None:
        self.text = text
        self.warnings = warnings
        self.tokens: list[Token] = []
        self.skipped: list[Token] = []
        self.indents = [0]
        self.ranges: list[str] = []
        self.line = 1
        self.column = 1
        self.pos = 0
        self.matchers: dict[str, Callable[[], str | None]] = {
            COMMENT: self._comment,
            EMPTYLINE: self._emptyline,
            INFERENCE_START: self._inference_start,
            HEADING_START: self._heading,
            STATEMENT_NUMBER: self._statement_number,
            ORDERED_LIST_ITEM: lambda: self._list_item(_ORDERED_ITEM),
            UNORDERED_LIST_ITEM: lambda: self._list_item(_UNORDERED_ITEM),
        }
        for name in RELATIONS:
            self.matchers[name] = self._relation_matcher(_RELATION_PATTERNS[name])
        for name, (pattern, range_type, opens) in _EMPHASIS.items():
            self.matchers[name] = self._emphasis_matcher(pattern, range_type, opens)

    # ---- the context the custom patterns look at ------------------------------------
    def _last(self) -> Token | None:
        return self.tokens[-1] if self.tokens else None

    def _after(self, *types: str) -> bool:
        last = self._last()
        return last is None or last.type in types

    def _current_line(self) -> int:
        last = self._last()
        if last is None:
            return 1
        line = last.last_line
        if last.type in (EMPTYLINE, NEWLINE):
            line = last.line + len(LINE_BREAKS.findall(last.image))
        return line

    def _end_offset(self) -> int:
        last = self._last()
        return last.end_offset if last else 0

    def _push(self, kind: str, offset: int) -> None:
        self.tokens.append(Token(kind, "", offset, self._current_line(), 1))

    def remaining_dedents(self) -> None:
        while len(self.indents) > 1:
            self._push(DEDENT, self._end_offset())
            self.indents.pop()

    def _indent_to(self, indentation: str, shown: int) -> None:
        """Indent or dedent to `indentation`, as Argdown does (`shown`: how many of its
        characters stand in the text, for the column a warning names)."""
        level = len(indentation)
        if level > self.indents[-1]:
            self.indents.append(level)
            self._push(INDENT, self._end_offset() + 1)
        elif level < self.indents[-1]:
            while len(self.indents) > 1 and level < self.indents[-1]:
                self.indents.pop()
                self._push(DEDENT, self._end_offset() + 1)
            if level != self.indents[-1]:
                self._guessed_level(shown)

    def _guessed_level(self, shown: int) -> None:
        """Argdown closes the deeper levels and reads the line at the one left open."""
        message = ("this line is indented to a level that no line above it opened; it is read "
                   "as Argdown reads it, at the level of the nearest line above that is "
                   "indented less (indent it like the line it belongs under to say so)")
        if self.warnings is None:
            raise ImportFormatError(message, self.line, self.column + shown)
        self.warnings.append(warning_at(message, self.line, self.column + shown))

    # ---- custom patterns ------------------------------------------------------------
    def _relation_matcher(self, pattern: re.Pattern[str]) -> Callable[[], str | None]:
        def match() -> str | None:
            if self._after(EMPTYLINE, NEWLINE):
                found = pattern.match(self.text, self.pos)
                if found:
                    self._indent_to(found.group(1), len(found.group(1)))
                    return found.group(0)
            return None

        return match

    def _comment(self) -> str | None:
        last = self._last()
        if last is not None and last.type == EMPTYLINE:
            pattern = _COMMENT_AFTER_EMPTYLINE
        elif last is not None and last.type == NEWLINE:
            pattern = _COMMENT_AFTER_NEWLINE
        else:
            pattern = _COMMENT
        found = pattern.match(self.text, self.pos)
        return found.group(0) if found else None

    def _emptyline(self) -> str | None:
        last = self._last()
        if last is not None and last.type == EMPTYLINE:
            return None
        found = _EMPTYLINE.match(self.text, self.pos)
        if found is None:
            return None
        if found.end() < len(self.text):
            self.remaining_dedents()
        return found.group(0)

    def _inference_start(self) -> str | None:
        if self._after(NEWLINE):
            found = _INFERENCE_START.match(self.text, self.pos)
            if found:
                self.remaining_dedents()
                return found.group(0)
        return None

    def _heading(self) -> str | None:
        if self._after(EMPTYLINE, NEWLINE):
            found = _HEADING.match(self.text, self.pos)
            if found:
                return found.group(0)
        return None

    def _statement_number(self) -> str | None:
        if self._after(EMPTYLINE, NEWLINE):
            found = _STATEMENT_NUMBER.match(self.text, self.pos)
            if found:
                self.remaining_dedents()
                return found.group(0)
        return None

    def _list_item(self, pattern: re.Pattern[str]) -> str | None:
        if self._after(EMPTYLINE, NEWLINE):
            found = pattern.match(self.text, self.pos)
            if found:
                self._indent_to(found.group(1) + " ", len(found.group(1)))
                return found.group(0)
        return None

    def _emphasis_matcher(
        self, pattern: re.Pattern[str], range_type: str, opens: bool
    ) -> Callable[[], str | None]:
        def match() -> str | None:
            if not opens:
                if not self.ranges or self.ranges[-1] != range_type:
                    return None
                last = self._last()
                if last is None or (
                    self.skipped and self.skipped[-1].end_offset > last.end_offset
                ):
                    return None
            found = pattern.match(self.text, self.pos)
            if found is None:
                return None
            if opens:
                self.ranges.append(range_type)
            else:
                self.ranges.pop()
            return found.group(0)

        return match

    # ---- the loop -------------------------------------------------------------------
    def run(self) -> list[Token]:
        text = self.text
        mode: list[tuple[str, ...]] = [_DEFAULT_MODE]
        while self.pos < len(text):
            for kind in _candidates(mode[-1], text[self.pos]):
                matcher = self.matchers.get(kind)
                if matcher is not None:
                    image = matcher()
                else:
                    found = _PLAIN[kind].match(text, self.pos)
                    image = found.group(0) if found else None
                if image is not None:
                    break
            else:
                raise ImportFormatError(_unexpected(text[self.pos]), self.line, self.column)
            token = Token(kind, image, self.pos, self.line, self.column)
            (self.skipped if kind in SKIPPED else self.tokens).append(token)
            self.pos += len(image)
            breaks = list(LINE_BREAKS.finditer(image))
            if breaks:
                self.line += len(breaks)
                self.column = len(image) - breaks[-1].end() + 1
            else:
                self.column += len(image)
            if kind == INFERENCE_START:
                mode.append(_INFERENCE_MODE)
            elif kind == INFERENCE_END and len(mode) > 1:
                mode.pop()
        if self.tokens and self.tokens[-1].type == EMPTYLINE:
            self.tokens.pop()
        self.remaining_dedents()
        return self.tokens


def _unexpected(char: str) -> str:
    if char == "\\":
        return "a backslash must be followed by the character it escapes on the same line"
    return f"unexpected character {char!r}"


def tokenize(text: str, warnings: list[str] | None = None) -> tuple[list[Token], list[Token]]:
    """Argdown's tokens for `text`, and the skipped ones (comments and spaces) beside them.

    Raises ImportFormatError for text Argdown's lexer cannot cut. Indentation that
    dedents to a level no line above opened is read as Argdown reads it, with a warning
    added to `warnings`; without that list it is an ImportFormatError too.
    """
    lexer = _Lexer(text, warnings)
    try:
        return lexer.run(), lexer.skipped
    finally:
        # Its matchers are bound to it, a cycle that only the garbage collector's full
        # pass would free: without this, every token outlived the parse.
        lexer.matchers.clear()
