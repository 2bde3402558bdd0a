"""Argdown's grammar (@argdown/core 1.7's parser rules), read without error recovery.

The real Argdown command line refuses to export a file with any syntax error, so the
first error here is final: an ImportFormatError naming its line and column. What the
parser accepts it returns as a small syntax tree: blocks (headings, statements,
arguments, premise-conclusion structures, lists) with their relations nested under them.
What Argdown reads although it is most likely a slip (a comment or a title never closed,
read as text) is read the same way, with a warning when a list for them is given;
without one (the writer checking its own output) it is refused.
"""

from __future__ import annotations

import re

from debate_editor.domain.errors import ImportFormatError
from debate_editor.formats.argdown import tokens as lx
from debate_editor.formats.argdown.lexer import tokenize
from debate_editor.formats.argdown.tokens import Token
from debate_editor.formats.argdown.tree import (
    Block,
    Content,
    Document,
    Heading,
    Inference,
    ItemList,
    Member,
    Pcs,
    Relation,
    load_data,
    load_front_matter,
    normalize_space,
    tag_name,
)
from debate_editor.formats.imported import warning_at

__all__ = [
    "Block", "Content", "Document", "Heading", "Inference", "ItemList", "Member", "Pcs",
    "Relation", "load_data", "load_front_matter", "normalize_space", "parse", "tag_name",
]

_FREESTYLE = (lx.FREESTYLE, lx.UNUSED_CONTROL_CHAR, lx.ESCAPED_CHAR, lx.SPECIAL_CHAR)
_CONTENT_START = frozenset((
    *_FREESTYLE, lx.LINK, *lx.BOLD_STARTS, *lx.ITALIC_STARTS, lx.TAG,
    lx.ARGUMENT_MENTION, lx.STATEMENT_MENTION, lx.NEWLINE,
))
_END_OF = {
    "AsteriskBoldStart": "AsteriskBoldEnd", "UnderscoreBoldStart": "UnderscoreBoldEnd",
    "AsteriskItalicStart": "AsteriskItalicEnd", "UnderscoreItalicStart": "UnderscoreItalicEnd",
}
_WHAT = {
    lx.EMPTYLINE: "an empty line", lx.NEWLINE: "the end of the line", lx.DEDENT: "a dedent",
    lx.INDENT: "an indented line", lx.INFERENCE_START: "an inference line (--)",
    lx.INFERENCE_END: "the end of an inference (--)", lx.STATEMENT_NUMBER: "a numbered statement",
    lx.FRONT_MATTER: "front matter (===)", lx.DATA: "data in braces", "EOF": "the end of the text",
}


class _Parser:
    def __init__(self, tokens: list[Token], text: str, warnings: list[str] | None) -> None:
        self.tokens = tokens
        self.text = text
        self.warnings = warnings
        self.i = 0
        self.eof = (text.count("\n") + 1, len(text) - text.rfind("\n"))

    # ---- looking and taking -----------------------------------------------------------
    def peek(self, ahead: int = 0) -> str:
        index = self.i + ahead
        return self.tokens[index].type if index < len(self.tokens) else "EOF"

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def where(self) -> tuple[int, int]:
        """Line and column of the next token; for a relation sign, of the sign itself."""
        index = self.i
        while index < len(self.tokens) and self.tokens[index].type in (lx.INDENT, lx.DEDENT):
            if self.tokens[index].type == lx.DEDENT and index == self.i:
                break
            index += 1
        if index < len(self.tokens):
            token = self.tokens[index]
            return token.line, token.column + len(token.image) - len(token.image.lstrip(" \t'"))
        return self.eof

    def fail(self, message: str) -> ImportFormatError:
        line, column = self.where()
        return ImportFormatError(message, line, column)

    def found(self) -> str:
        kind = self.peek()
        if kind in _WHAT:
            return _WHAT[kind]
        image = self.tokens[self.i].image.strip()
        return repr(image[:30]) if image else kind

    def expect(self, kind: str, what: str) -> Token:
        if self.peek() != kind:
            raise self.fail(f"expected {what} but found {self.found()}")
        return self.take()

    # ---- the document -----------------------------------------------------------------
    def document(self) -> Document:
        front = None
        if self.peek() == lx.NEWLINE:
            self.take()
        if self.peek() == lx.EMPTYLINE:
            self.take()
        if self.peek() == lx.FRONT_MATTER:
            front = self.take()
            load_front_matter(front)
            if self.peek() == lx.NEWLINE:
                self.take()
            if self.peek() == "EOF":
                raise self.fail("there is no Argdown text after the front matter")
            self.expect(lx.EMPTYLINE, "an empty line after the front matter")
        if self.peek() == "EOF":
            raise self.fail("there is no Argdown text here")
        blocks = [self.block()]
        while self.peek() == lx.EMPTYLINE:
            self.take()
            blocks.append(self.block())
        if self.peek() in lx.RELATIONS:
            raise self.fail("a relation (+, -, <_, ->, …) must be indented under the "
                            "statement or argument it answers, deeper than that line")
        if self.peek() != "EOF":
            raise self.fail(
                f"expected an empty line before a new paragraph but found {self.found()}"
            )
        return Document(front, blocks, [])

    def block(self) -> Block:
        kind = self.peek()
        if kind == lx.HEADING_START:
            return self.heading()
        if kind == lx.STATEMENT_NUMBER:
            return self.pcs()
        if kind in (lx.ARGUMENT_DEFINITION, lx.ARGUMENT_REFERENCE):
            return self.member(argument=True)
        if kind == lx.INDENT and self.peek(1) in (lx.ORDERED_LIST_ITEM, lx.UNORDERED_LIST_ITEM):
            return self.item_list()
        if kind in (lx.STATEMENT_DEFINITION, lx.STATEMENT_REFERENCE) or kind in _CONTENT_START:
            return self.member(argument=False)
        if kind in lx.RELATIONS or (kind == lx.INDENT and self.peek(1) in lx.RELATIONS):
            raise self.fail(
                "a relation (+, -, <_, ->, …) must stand under the statement or argument it "
                "answers, with no empty line between them"
            )
        if kind == lx.INFERENCE_START:
            raise self.fail("an inference line (--) must come after a numbered premise")
        if kind == lx.FRONT_MATTER:
            raise self.fail("front matter (===) may only stand at the very start")
        raise self.fail(f"expected a statement, an argument or a heading but found {self.found()}")

    def heading(self) -> Heading:
        start = self.take()
        if self.peek() not in _CONTENT_START:
            raise self.fail("a heading needs some text after the #")
        content = self.content()
        self.data_option()
        return Heading(len(start.image) - 1, content, start.line)

    def data_option(self) -> Token | None:
        if self.peek() == lx.DATA:
            data = self.take()
            load_data(data)
            if self.peek() == lx.NEWLINE:
                self.take()
            return data
        return None

    # ---- statements and arguments -----------------------------------------------------
    def content(self) -> Content:
        return Content.of(self.content_tokens())

    def content_tokens(self) -> list[Token]:
        tokens: list[Token] = []
        while self.peek() in _CONTENT_START:
            kind = self.peek()
            if kind == lx.LINK and not _ONE_LINE_LINK.search(self.tokens[self.i].image):
                raise self.fail("a link [text](address) must stay on one line")
            if kind in _END_OF:
                tokens.append(self.take())
                if self.peek() in _CONTENT_START:
                    tokens.extend(self.content_tokens())
                if self.peek() != _END_OF[kind]:
                    mark = tokens[-1] if self.peek() == "EOF" else None
                    what = "*" if kind.startswith("Asterisk") else "_"
                    error = self.fail(
                        f"bold or italic text is not closed: add the closing {what}, or "
                        f"write \\{what} for the character itself"
                    )
                    if mark is not None:
                        error = ImportFormatError(error.message, mark.line, mark.column)
                    raise error
            tokens.append(self.take())
        return tokens

    def member(self, argument: bool) -> Member:
        line, column = self.where()
        node = Member(argument, line, column)
        kind = self.peek()
        definition = lx.ARGUMENT_DEFINITION if argument else lx.STATEMENT_DEFINITION
        reference = lx.ARGUMENT_REFERENCE if argument else lx.STATEMENT_REFERENCE
        if kind == definition:
            node.title = self.take().image[1:-2]
            if self.peek() not in _CONTENT_START:
                raise self.fail(f"expected text after the title but found {self.found()}")
            node.content = self.content()
        elif kind == reference:
            node.title = _reference_title(self.take().image)
            node.is_reference = True
            tags = []
            while self.peek() == lx.TAG:
                tags.append(tag_name(self.take().image))
            node.tags = tuple(tags)
            if self.peek() == lx.NEWLINE:
                self.take()
        elif not argument and kind in _CONTENT_START:
            first = self.tokens[self.i]
            after = self.text[first.offset + 1:first.offset + 2]
            if first.type == lx.UNUSED_CONTROL_CHAR and first.image[0] in "[<" and after.isalpha():
                # Looks like the start of a title; Argdown takes it for text.
                close = "]" if first.image[0] == "[" else ">"
                message = (f"this title is never closed, so it is read as Argdown reads it, "
                           f"as text; a title in {first.image[0]}{close} must be closed with "
                           f"{close} on the same line")
                if self.warnings is None:
                    raise self.fail(message)
                self.warnings.append(warning_at(message, *self.where()))
            node.content = self.content()
        else:
            raise self.fail(f"expected a statement but found {self.found()}")
        node.data = self.data_option()
        node.last_line = self.tokens[self.i - 1].last_line
        if self.peek() == lx.INDENT:
            node.relations = self.relations()
        return node

    def relation(self, allowed: tuple[str, ...] = lx.RELATIONS) -> Relation:
        if self.peek() not in allowed:
            raise self.fail("only undercuts (<_) may stand under an inference")
        token = self.take()
        is_argument = self.peek() in (lx.ARGUMENT_DEFINITION, lx.ARGUMENT_REFERENCE)
        if is_argument and token.type == lx.CONTRADICTION:
            raise self.fail("a contradiction (><) joins two statements, not an argument")
        if not is_argument and self.peek() not in (
            lx.STATEMENT_DEFINITION, lx.STATEMENT_REFERENCE, *_CONTENT_START
        ):
            raise self.fail(
                f"a relation sign needs a statement or an argument after it, not {self.found()}"
            )
        member = self.member(argument=is_argument)
        last = _last_line(member)
        return Relation(token.type, member, token.line, token.column, last)

    def relations(self, allowed: tuple[str, ...] = lx.RELATIONS) -> tuple[Relation, ...]:
        self.take()  # INDENT
        if self.peek() not in lx.RELATIONS:
            raise self.fail(f"expected a relation (+, -, …) but found {self.found()}")
        found = []
        while self.peek() in lx.RELATIONS:
            found.append(self.relation(allowed))
        self.expect(lx.DEDENT, "the end of the indented relations")
        return tuple(found)

    # ---- premise-conclusion structures ------------------------------------------------
    def pcs_statement(self) -> Member:
        self.take()  # STATEMENT_NUMBER
        if self.peek() not in (lx.STATEMENT_DEFINITION, lx.STATEMENT_REFERENCE, *_CONTENT_START):
            raise self.fail(f"expected a statement after the number but found {self.found()}")
        return self.member(argument=False)

    def pcs(self) -> Pcs:
        first = self.pcs_statement()
        node = Pcs([first], first.line)
        while True:
            while self.peek() == lx.STATEMENT_NUMBER:
                node.items.append(self.pcs_statement())
            if self.peek() != lx.INFERENCE_START:
                raise self.fail(
                    "a premise-conclusion structure needs an inference line (---- or "
                    "-- rule --) before its conclusion"
                )
            node.items.append(self.inference())
            if self.peek() != lx.STATEMENT_NUMBER:
                raise self.fail("an inference line must be followed by a numbered conclusion")
            node.items.append(self.pcs_statement())
            if self.peek() not in (lx.STATEMENT_NUMBER, lx.INFERENCE_START):
                break
        node.last_line = _last_line(node.items[-1])
        return node

    def inference(self) -> Inference:
        start = self.take()
        node = Inference(start.line)
        if self.peek() in _FREESTYLE or (
            self.peek() == lx.NEWLINE and self.peek(1) in _FREESTYLE
        ):
            if self.peek() == lx.NEWLINE:
                self.take()
            node.rules.append(self.freestyle())
            while self.peek() == lx.LIST_DELIMITER:
                self.take()
                node.rules.append(self.freestyle())
        if self.peek() == lx.NEWLINE:
            self.take()
        node.data = self.data_option()
        self.expect(lx.INFERENCE_END, "the end of the inference (--)")
        self.expect(lx.NEWLINE, "a line break after the inference")
        if self.peek() == lx.INDENT:
            node.undercuts = self.relations((lx.OUTGOING_UNDERCUT,))
        return node

    def freestyle(self) -> str:
        if self.peek() not in _FREESTYLE:
            raise self.fail(f"expected the name of an inference rule but found {self.found()}")
        tokens = []
        while self.peek() in _FREESTYLE:
            tokens.append(self.take())
        return Content.of(tokens).text

    def item_list(self) -> ItemList:
        start = self.take()  # INDENT
        node = ItemList([], start.line)
        item_kind = self.peek()
        while self.peek() == item_kind:
            self.take()
            argument = self.peek() in (lx.ARGUMENT_DEFINITION, lx.ARGUMENT_REFERENCE)
            node.items.append(self.member(argument=argument))
        self.expect(lx.DEDENT, "the end of the list")
        return node


_REFERENCE_TITLE = {"[": re.compile(r"\[([^\n\r\u2028\u2029]+)\]"),
                    "<": re.compile(r"<([^\n\r\u2028\u2029]+)>")}


def _reference_title(image: str) -> str | None:
    """The title of `[title]` or `<title>` as Argdown takes it: a reference whose opening
    bracket ends a line matches across the line break, and then only what stands on one
    line counts (or nothing: an untitled statement)."""
    found = _REFERENCE_TITLE[image[0]].search(image)
    return found.group(1) if found else None


_ONE_LINE_LINK = re.compile(r"\[([^\n\r\u2028\u2029]+)\]\(([^\n\r\u2028\u2029]+)\)")


def _last_line(node: Member | Inference | Relation) -> int:
    if isinstance(node, Relation):
        return node.last_line
    if isinstance(node, Inference):
        return max([node.line, *(r.last_line for r in node.undercuts)])
    return max([node.last_line, *(r.last_line for r in node.relations)])


def parse(text: str, tokens: tuple[list[Token], list[Token]] | None = None,
          warnings: list[str] | None = None) -> Document:
    """The syntax tree of an Argdown text (whose `tokenize` result may be passed along);
    ImportFormatError at the first mistake. Given `warnings`, what Argdown reads by a
    guess is read so and said there; without it, refused."""
    found, skipped = tokens if tokens is not None else tokenize(text, warnings)
    found = list(found)
    _check_unclosed(text, found, warnings)
    try:
        document = _Parser(found, text, warnings).document()
    except RecursionError:
        raise ImportFormatError("the relations are nested too deeply to read") from None
    document.comments = [t for t in skipped if t.type == lx.COMMENT]
    return document


def _check_unclosed(text: str, tokens: list[Token], warnings: list[str] | None) -> None:
    """Argdown reads an unclosed `/*` or `<!--` as text, which is almost always a
    forgotten end: read so, it is named in a warning (or refused, without a list)."""
    for token in tokens:
        for opener, closer in (("/*", "*/"), ("<!--", "-->")):
            if token.image and text.startswith(opener, token.offset):
                message = (f"this comment is never closed, so it is read as Argdown reads "
                           f"it, as text; add {closer} where it ends")
                if warnings is None:
                    raise ImportFormatError(message, token.line, token.column)
                warnings.append(warning_at(message, token.line, token.column))
