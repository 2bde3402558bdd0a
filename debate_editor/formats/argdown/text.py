"""Putting any text into Argdown so that it reads back as the same text.

Argdown gives meaning to many characters: `[x]` names a statement, `*` opens italics that
must be closed, `//` starts a comment, `-` at the start of a line is an attack. Rather than
guess, each piece is written as it stands and read back with our parser (which cuts text
exactly as the real one does); only if that changes it are the characters that can carry
syntax escaped with a backslash, and as a last resort every sign is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from debate_editor.domain.errors import ImportFormatError
from debate_editor.formats.argdown import tokens as lx
from debate_editor.formats.argdown.lexer import tokenize
from debate_editor.formats.argdown.parser import Member, normalize_space, parse

_BARE_TAG = re.compile(r"[a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+")
_UNTITLED = re.compile(r"Untitled \d+")
_SIGNS = frozenset("\\[]<>{}*_@/#=")
_LINE_START_SAFE = re.compile(r"[^\W_]", re.UNICODE)
# Text of these characters only is read as plain text wherever it stands in a line.
_PLAIN = re.compile(r"[^\\@#*_\[\]<>/{}=\n\r\t]+")
_PLAIN_TITLE = re.compile(r"[^\[\]<>\n\r\u2028\u2029]+")


def tag_markup(tag: str) -> str:
    """`#name`, or `#(two words)` for a tag that is not one word; "" if nothing is left."""
    name = normalize_space(tag.replace(")", " "))
    if not name:
        return ""
    return f"#{name}" if _BARE_TAG.fullmatch(name) else f"#({name})"


def tag_of_markup(tag: str) -> str:
    """The tag as it reads back after `tag_markup`."""
    return normalize_space(tag.replace(")", " "))


def yaml_quote(value: str) -> str:
    """A YAML double-quoted string that is safe inside Argdown `{…}` data and front matter
    (no braces, no `===`, no line breaks)."""
    out = ['"']
    for char in value:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char in "={}" or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn",
                                                                "Zl", "Zp"):
            if code <= 0xFF:
                out.append(f"\\x{code:02X}")
            elif code <= 0xFFFF:
                out.append(f"\\u{code:04X}")
            else:
                out.append(f"\\U{code:08X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _member(document_text: str, tokens: tuple[list[lx.Token], list[lx.Token]] | None = None
            ) -> Member | None:
    try:
        document = parse(document_text, tokens)
    except ImportFormatError:
        return None
    if len(document.blocks) != 1 or document.front_matter is not None:
        return None
    block = document.blocks[0]
    return block if isinstance(block, Member) else None


def _read_back(line: str, line_start: bool) -> Member | None:
    """How `line` reads as a paragraph's first line (`line_start`) or after a relation sign;
    None if it does not read as one plain statement, or if it leaves an opening sign (`[`,
    `<`, `{`, `#(`, `===`) that a later line could close: such tokens may span lines."""
    if line_start and line[:1] in (",", "}"):
        return None  # `{data}` at the end of the paragraph above would not read as data
    prefix = "" if line_start else "[x]\n  + "
    text = prefix + line + "\n"
    try:
        tokens, skipped = tokenize(text)
    except ImportFormatError:
        return None
    for token in tokens:
        if token.offset < len(prefix) or not token.image:
            continue
        if token.type == lx.UNUSED_CONTROL_CHAR and (
            token.image[0] in "[<{" or text.startswith("#(", token.offset)
        ):
            return None
        if text.startswith("===", token.offset):
            return None
    member = _member(text, (tokens, skipped))
    if member is not None and not line_start:
        if len(member.relations) != 1:
            return None
        member = member.relations[0].member
    if member is None or member.is_argument or member.title is not None or member.relations:
        return None
    return member


@lru_cache(maxsize=4096)
def render_text(text: str, tags: tuple[str, ...] = (), data: str = "",
                line_start: bool = False) -> str:
    """`text`, then the tags it does not already carry, then `data`, written so that the
    reader gets back exactly `normalize_space(text)` and `tags`.

    `line_start` is for text that opens a line (an untitled statement of its own);
    otherwise the text follows a title (`[T]: `) or a relation sign (`+ `).
    """
    text = normalize_space(text)
    wanted = {tag_of_markup(t) for t in tags} - {""}
    if _PLAIN.fullmatch(text) and (not line_start or text[0].isalpha()):
        # No sign here can start a token other than plain text (the slow path below
        # confirms this for every other text).
        extra = dict.fromkeys(filter(None, map(tag_markup, tags)))
        return " ".join([text, *extra, *([data] if data else [])])
    for level in range(3):
        candidate = _escape(text, level, line_start)
        member = _read_back(candidate, line_start)
        if member is None or member.body != text or member.data is not None:
            continue
        have = set(member.all_tags)
        if not have <= wanted:
            continue
        extra = [tag_markup(t) for t in tags if tag_of_markup(t) in wanted - have]
        line = " ".join([candidate, *dict.fromkeys(extra), *([data] if data else [])])
        check = _read_back(line, line_start)
        if (check is not None and check.body == text and set(check.all_tags) == wanted
                and (check.data is not None) == bool(data)):
            return line
    raise ValueError(f"cannot write this text as Argdown: {text!r}")


def _escape(text: str, level: int, line_start: bool) -> str:
    if level == 0:
        return text
    out = []
    for index, char in enumerate(text):
        sign = char in _SIGNS if level == 1 else not (char.isalnum() or char == " ")
        first = index == 0 and line_start and not _LINE_START_SAFE.match(char)
        out.append("\\" + char if sign or first else char)
    return "".join(out)


@lru_cache(maxsize=4096)
def valid_title(title: str, argument: bool) -> str | None:
    """`title` as Argdown can both define and reference it, or None if it cannot."""
    title = normalize_space(title)
    if not title or _UNTITLED.fullmatch(title):
        return None
    if _PLAIN_TITLE.fullmatch(title) and title[0] not in "-!":
        return title
    open_, close = ("<", ">") if argument else ("[", "]")
    for form in (f"{open_}{title}{close}: x", f"{open_}{title}{close}"):
        member = _member(form)
        if member is None or member.title != title or member.is_argument != argument:
            return None
    return title


def clean_title(title: str, argument: bool) -> str | None:
    """A usable title close to `title`: as is, or with brackets made round, or in words."""
    for candidate in (
        title,
        title.translate(str.maketrans("[]<>{}", "()()()")).lstrip("-"),
        " ".join(re.findall(r"\w+", title)),
    ):
        found = valid_title(candidate, argument)
        if found is not None:
            return found
    return None


def title_from_text(text: str, words: int = 6) -> str:
    """A short title made of a text's first words."""
    found = re.findall(r"[^\W_]+", text)
    return " ".join(found[:words]) or "Claim"
