"""Our own JSON: the pydantic models as they are, versioned by `schema_version`.

Lossless: every field of every claim, link and of the debate's details is written, and
reading the text back gives an equal `Debate`. The JSON Schema is generated from the
models (`json_schema()`); `resources/debate.schema.json` holds a copy for other tools:

    python -c "from debate_editor.formats.json_format import schema_text as s; \
               print(s(), end='')" > resources/debate.schema.json
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from debate_editor.domain.errors import ImportFormatError, InvalidDebateError, plain_message
from debate_editor.domain.model import Claim, Debate, Link, PairKey
from debate_editor.domain.validation import link_problems
from debate_editor.formats import _jsonpos
from debate_editor.formats.registry import ExportOptions, Format, add_sniffer, register

JSON_SCHEMA_VERSION = 2


def write_json(debate: Debate, options: ExportOptions | None = None) -> str:
    return debate.model_dump_json(indent=2) + "\n"


def _rule_breaker(data: dict[str, Any]) -> tuple[str | int, ...]:
    """The path of the first claim or link that breaks a rule of the debate, found by
    checking each on its own (the debate's own check names problems, not places)."""
    claims = [Claim.model_validate(c) for c in data.get("claims", ())]
    links = [Link.model_validate(link) for link in data.get("links", ())]
    claim_ids: set[str] = set()
    for index, claim in enumerate(claims):
        if claim.id in claim_ids:
            return ("claims", index, "id")
        claim_ids.add(claim.id)
    link_ids = {link.id for link in links}
    pairs: set[PairKey] = set()
    seen: set[str] = set()
    for index, link in enumerate(links):
        if link.id in seen or link.id in claim_ids:
            return ("links", index, "id")
        seen.add(link.id)
        if link_problems([link], claim_ids, link_ids, pairs):
            return ("links", index)
    return ()


def read_json(text: str) -> Debate:
    data = _jsonpos.parse(text)
    if not isinstance(data, dict) or "claims" not in data:
        raise ImportFormatError("this JSON is not a Debate Editor debate (no \"claims\")", line=1)
    version = data.get("schema_version", JSON_SCHEMA_VERSION)
    if isinstance(version, int) and version > JSON_SCHEMA_VERSION:
        raise _jsonpos.error_at(
            text, ("schema_version",),
            f"this JSON was written by a newer Debate Editor (schema {version})",
        )
    data = {**data, "schema_version": JSON_SCHEMA_VERSION}  # read as today's, so written so
    try:
        return Debate.model_validate(data)
    except ValidationError as error:
        location = tuple(error.errors()[0].get("loc", ()))
        raise _jsonpos.error_at(text, location, plain_message(error)) from None
    except InvalidDebateError as error:
        raise _jsonpos.error_at(text, _rule_breaker(data), error.problems[0]) from None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, generated from the models."""
    return Debate.model_json_schema()


def schema_text() -> str:
    """The schema as `resources/debate.schema.json` holds it."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def sniff(path: object, text: str) -> str | None:
    """Ours when the JSON object has "claims" (AIF's has "nodes" and "edges")."""
    head = text.lstrip()[:1]
    if head != "{":
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return "json" if isinstance(data, dict) and "claims" in data else None


register(Format("json", "Debate Editor JSON", (".json",), read=read_json, write=write_json))
add_sniffer(sniff)
