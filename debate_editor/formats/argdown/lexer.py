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
from debate_editor.formats.argdown.patterns import (
    COMMENT_AFTER_EMPTYLINE_PATTERN,
    COMMENT_AFTER_NEWLINE_PATTERN,
    COMMENT_PATTERN,
    DEFAULT_MODE,
    EMPHASIS,
    EMPTYLINE_PATTERN,
    HEADING_PATTERN,
    INFERENCE_MODE,
    INFERENCE_START_PATTERN,
    ORDERED_ITEM_PATTERN,
    PLAIN,
    RELATION_PATTERNS,
    STATEMENT_NUMBER_PATTERN,
    UNORDERED_ITEM_PATTERN,
    candidates,
)
from debate_editor.formats.argdown.tokens import (
    COMMENT,
    DEDENT,
    EMPTYLINE,
    HEADING_START,
    INDENT,
    INFERENCE_END,
    INFERENCE_START,
    LINE_BREAKS,
    NEWLINE,
    ORDERED_LIST_ITEM,
    RELATIONS,
    SKIPPED,
    STATEMENT_NUMBER,
    UNORDERED_LIST_ITEM,
    Token,
)
from debate_editor.formats.imported import warning_at


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
            ORDERED_LIST_ITEM: lambda: self._list_item(ORDERED_ITEM_PATTERN),
            UNORDERED_LIST_ITEM: lambda: self._list_item(UNORDERED_ITEM_PATTERN),
        }
        for name in RELATIONS:
            self.matchers[name] = self._relation_matcher(RELATION_PATTERNS[name])
        for name, (pattern, range_type, opens) in EMPHASIS.items():
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
            pattern = COMMENT_AFTER_EMPTYLINE_PATTERN
        elif last is not None and last.type == NEWLINE:
            pattern = COMMENT_AFTER_NEWLINE_PATTERN
        else:
            pattern = COMMENT_PATTERN
        found = pattern.match(self.text, self.pos)
        return found.group(0) if found else None

    def _emptyline(self) -> str | None:
        last = self._last()
        if last is not None and last.type == EMPTYLINE:
            return None
        found = EMPTYLINE_PATTERN.match(self.text, self.pos)
        if found is None:
            return None
        if found.end() < len(self.text):
            self.remaining_dedents()
        return found.group(0)

    def _inference_start(self) -> str | None:
        if self._after(NEWLINE):
            found = INFERENCE_START_PATTERN.match(self.text, self.pos)
            if found:
                self.remaining_dedents()
                return found.group(0)
        return None

    def _heading(self) -> str | None:
        if self._after(EMPTYLINE, NEWLINE):
            found = HEADING_PATTERN.match(self.text, self.pos)
            if found:
                return found.group(0)
        return None

    def _statement_number(self) -> str | None:
        if self._after(EMPTYLINE, NEWLINE):
            found = STATEMENT_NUMBER_PATTERN.match(self.text, self.pos)
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
        mode: list[tuple[str, ...]] = [DEFAULT_MODE]
        while self.pos < len(text):
            for kind in candidates(mode[-1], text[self.pos]):
                matcher = self.matchers.get(kind)
                if matcher is not None:
                    image = matcher()
                else:
                    found = PLAIN[kind].match(text, self.pos)
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
                mode.append(INFERENCE_MODE)
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
