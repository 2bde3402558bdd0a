"""JSON with line numbers: parse fast, and find where a value sits only when it is wrong.

`json.loads` knows the line of a syntax error but not of a value that is well-formed
JSON and still wrong (a node without an id, a link to nothing). `locate` walks the text
to the value at a path such as ("edges", 3, "toID") so the error can name its line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.decoder import scanstring  # type: ignore[attr-defined]  # not in typeshed's json
from typing import Any

from debate_editor.domain.errors import ImportFormatError
from debate_editor.formats._common import (
    MAX_DIGITS,
    line_and_column,
    printable,
    too_many_digits,
)

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.S)


def parse(text: str) -> Any:
    """The JSON value of `text`, or ImportFormatError naming the line and column."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFormatError(
            f"this is not valid JSON ({error.msg})", line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise ImportFormatError("this JSON is nested too deeply to read", line=1) from None
    except ValueError:  # Python refuses to turn more than MAX_DIGITS digits into an int
        line, column = _long_number(text)
        raise ImportFormatError(too_many_digits("a number"), line=line, column=column) from None
    _refuse_half_pairs(text)
    return value


def _long_number(text: str) -> tuple[int, int]:
    """Where the first number longer than MAX_DIGITS digits starts."""
    found = re.search(rf"\d{{{MAX_DIGITS + 1},}}", text)
    return line_and_column(text, found.start() if found else 0)


def _refuse_half_pairs(text: str) -> None:
    """JSON may spell half of a UTF-16 surrogate pair ("\\ud83d" alone), which has no
    UTF-8 form: no .debate file could store the text, so it is refused here, where its
    line and column are known. (Only escapes can make one: decoded text has none.)"""
    if "\\u" not in text:
        return
    high: re.Match[str] | None = None  # a first half, waiting for its second half
    for match in _ESCAPE.finditer(text):
        code = int(match.group(1), 16) if match.group(1) else -1
        is_low = 0xDC00 <= code <= 0xDFFF
        if high is not None:
            if not (is_low and match.start() == high.end()):
                _half_pair(text, high)
            high = None
        elif 0xD800 <= code <= 0xDBFF:
            high = match
        elif is_low:
            _half_pair(text, match)
    if high is not None:
        _half_pair(text, high)


def _half_pair(text: str, escape: re.Match[str]) -> None:
    line, column = line_and_column(text, escape.start())
    raise ImportFormatError(
        f"{escape.group(0)} is half of a UTF-16 surrogate pair, which no file can store",
        line=line, column=column,
    )


def _skip(text: str, index: int) -> int:
    found = _WS.match(text, index)  # always a match (`*`), if an empty one
    return found.end() if found is not None else index


def _find_key(text: str, index: int, key: str) -> int | None:
    """Offset of the value of `key` in the object starting at `index` (at "{")."""
    index = _skip(text, index + 1)
    while index < len(text) and text[index] == '"':
        name, index = scanstring(text, index + 1)
        index = _skip(text, index)
        index = _skip(text, index + 1)  # past ':'
        if name == key:
            return index
        _, index = _DECODER.raw_decode(text, index)
        index = _skip(text, index)
        if index < len(text) and text[index] == ",":
            index = _skip(text, index + 1)
    return None


def _find_item(text: str, index: int, position: int) -> int | None:
    """Offset of item `position` in the array starting at `index` (at "[")."""
    index = _skip(text, index + 1)
    for _ in range(position):
        if index >= len(text) or text[index] == "]":
            return None
        _, index = _DECODER.raw_decode(text, index)
        index = _skip(text, index)
        if index < len(text) and text[index] == ",":
            index = _skip(text, index + 1)
    if index >= len(text) or text[index] == "]":
        return None
    return index


def locate(text: str, path: Sequence[str | int]) -> tuple[int, int]:
    """Line and column of the value at `path` in valid JSON `text`; where the path stops
    matching, the deepest value it reached."""
    index = _skip(text, 0)
    try:
        for step in path:
            char = text[index] if index < len(text) else ""
            if char == "{" and isinstance(step, str):
                found = _find_key(text, index, step)
            elif char == "[" and isinstance(step, int):
                found = _find_item(text, index, step)
            else:
                found = None
            if found is None:
                break
            index = found
    except (ValueError, IndexError, RecursionError):
        pass
    return line_and_column(text, index)


def error_at(text: str, path: Sequence[str | int], message: str) -> ImportFormatError:
    line, column = locate(text, path)
    return ImportFormatError(printable(message), line=line, column=column)
