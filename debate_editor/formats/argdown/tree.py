"""The syntax tree of an Argdown text, as the parser returns it, and the readers of its
parts: text with markup kept, tag names, and `{…}` YAML data."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

import yaml

from debate_editor.domain.errors import ImportFormatError
from debate_editor.formats.argdown import tokens as lx
from debate_editor.formats.argdown.tokens import Token


@dataclass(slots=True)
class Content:
    """Text as written, markup kept, escapes resolved, lines joined: the strings the reader
    asks for, not the tokens they came from (each token is an object and a copy of its
    text; kept in the tree, they held a big import's memory at several times its input)."""

    text: str
    body: str  # the text less the #tags that end it: those are the claim's tags, not its words
    tags: tuple[str, ...] = ()

    @classmethod
    def of(cls, tokens: list[Token]) -> Content:
        end = len(tokens)
        while end and tokens[end - 1].type in (lx.TAG, lx.NEWLINE):
            end -= 1
        body = _joined(tokens[:end])
        text = body if end == len(tokens) else _joined(tokens)
        if text == body:
            text = body  # one string for both (most text ends with a line break)
        return cls(text, body, tuple(tag_name(t.image) for t in tokens if t.type == lx.TAG))


def _joined(tokens: list[Token]) -> str:
    parts = []
    for token in tokens:
        if token.type == lx.NEWLINE:
            parts.append(" ")
        elif token.type == lx.ESCAPED_CHAR:
            parts.append(token.image[1:])
        else:
            parts.append(token.image)
    return normalize_space("".join(parts))


@dataclass(slots=True)
class Member:
    """A statement (`[title]: text`, `[title]`, or plain text) or an argument (`<title>…`)."""

    is_argument: bool
    line: int
    column: int
    title: str | None = None
    is_reference: bool = False
    content: Content | None = None
    tags: tuple[str, ...] = ()
    data: Token | None = None
    relations: tuple[Relation, ...] = ()
    last_line: int = 0

    @property
    def text(self) -> str:
        return self.content.text if self.content is not None else ""

    @property
    def body(self) -> str:
        return self.content.body if self.content is not None else ""

    @property
    def all_tags(self) -> list[str]:
        return [*(self.content.tags if self.content is not None else ()), *self.tags]


@dataclass(slots=True)
class Relation:
    kind: str  # one of lexer.RELATIONS
    member: Member
    line: int
    column: int
    last_line: int = 0


@dataclass(slots=True)
class Inference:
    line: int
    rules: list[str] = field(default_factory=list)
    data: Token | None = None
    undercuts: tuple[Relation, ...] = ()


@dataclass(slots=True)
class Pcs:
    """A premise-conclusion structure: numbered statements and inference lines."""

    items: list[Member | Inference]
    line: int
    last_line: int = 0

    @property
    def statements(self) -> list[Member]:
        return [item for item in self.items if isinstance(item, Member)]


@dataclass(slots=True)
class Heading:
    level: int
    content: Content
    line: int


@dataclass(slots=True)
class ItemList:
    items: list[Member]
    line: int


Block = Heading | Member | Pcs | ItemList


@dataclass(slots=True)
class Document:
    front_matter: Token | None
    blocks: list[Block]
    comments: list[Token]


_SPACE_RUN = re.compile(r"[ \t\r\n]+")


def normalize_space(text: str) -> str:
    """Argdown joins lines with one space; we also fold runs of spaces and tabs."""
    return _SPACE_RUN.sub(" ", text).strip(" ")


def tag_name(image: str) -> str:
    found = lx.TAG_PATTERN.match(image)
    assert found is not None
    return found.group(1) or found.group(2)


_BLOCK_DATA = re.compile(r"^\{[ \t]*(\n\r|\n)")


class _UniqueKeys(yaml.SafeLoader):
    """YAML as Argdown's reader (js-yaml) takes it on one point that matters: a key given
    twice in one mapping is an error, not the last value winning."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False
                          ) -> dict[Hashable, Any]:
        seen: set[object] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:
                continue  # an unhashable key: PyYAML's own error follows
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicated mapping key {key!r}", key_node.start_mark)
        return super().construct_mapping(node, deep)


def load_data(token: Token) -> object:
    """The YAML inside `{…}`, as Argdown's DataPlugin reads it. Data it cannot read makes
    Argdown stop, so it is refused here too."""
    text = token.image
    if _BLOCK_DATA.match(text):
        text = _BLOCK_DATA.sub("", text)
        text = re.sub(r"\}\s*$", "", text)
    return _yaml(text, token, "the data in braces {…} is not valid YAML")


def load_front_matter(token: Token) -> object:
    """The front matter's YAML; unreadable front matter is refused, as Argdown refuses it
    (its settings change what the rest of the text means)."""
    text = re.sub(r"^\s*={3,}", "", token.image)
    text = re.sub(r"={3,}\s*$", "", text)
    return _yaml(text, token, "the front matter (between ===) is not valid YAML")


def _yaml(text: str, token: Token, message: str) -> object:
    try:
        return yaml.load(text, Loader=_UniqueKeys)  # a SafeLoader that refuses repeated keys
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = token.line + (mark.line if mark is not None else 0)
        raise ImportFormatError(message, line) from None
