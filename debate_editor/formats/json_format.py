"""Our own JSON: the pydantic models as they are, versioned by `schema_version`."""

from __future__ import annotations

import json

from pydantic import ValidationError

from debate_editor.domain.errors import ImportFormatError, InvalidDebateError, plain_message
from debate_editor.domain.model import Debate
from debate_editor.formats.registry import ExportOptions, Format, register

JSON_SCHEMA_VERSION = 1


def write_json(debate: Debate, options: ExportOptions | None = None) -> str:
    return debate.model_dump_json(indent=2) + "\n"


def read_json(text: str) -> Debate:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFormatError(error.msg, line=error.lineno, column=error.colno) from None
    if not isinstance(data, dict) or "claims" not in data:
        raise ImportFormatError("this JSON is not a Debate Editor debate (no \"claims\")", line=1)
    version = data.get("schema_version", JSON_SCHEMA_VERSION)
    if isinstance(version, int) and version > JSON_SCHEMA_VERSION:
        raise ImportFormatError(
            f"this JSON was written by a newer Debate Editor (schema {version})", line=1
        )
    try:
        return Debate.model_validate(data)
    except ValidationError as error:
        raise ImportFormatError(plain_message(error)) from None
    except InvalidDebateError as error:
        raise ImportFormatError(str(error)) from None


def json_schema() -> dict[str, object]:
    """The JSON Schema of the format, generated from the models."""
    return Debate.model_json_schema()


register(Format("json", "Debate Editor JSON", (".json",), read=read_json, write=write_json))
