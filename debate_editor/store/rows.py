"""Claims and links to table rows and back."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from debate_editor.domain.model import Claim, DebateInfo, Link

StoredRow = Mapping[Any, Any]
"""A row as the database hands it over (SQLAlchemy's RowMapping, or a plain dict)."""


def claim_row(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind.value,
        "title": claim.title,
        "note": claim.note,
        "source": claim.source,
        "tags": json.dumps(list(claim.tags), ensure_ascii=False),
        "x": claim.x,
        "y": claim.y,
        "ord": claim.order,
        "argument_structure": claim.argument_structure,
        "mark": claim.mark.value,
    }


class RowError(ValueError):
    """A value another program stored that no Debate Editor writes; its message is the
    end of a sentence after "is damaged"."""


def _tags(value: object, claim_id: object) -> tuple[str, ...]:
    """Tags are stored as a JSON list of words; anything else is refused, not guessed at
    (a bare "abc" would otherwise become the tags a, b and c)."""
    try:
        tags = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):  # RecursionError: lists nested thousands deep
        tags = None
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise RowError(f"the tags of claim {claim_id} are not a list of words")
    return tuple(tags)


def _moment(value: object, what: str) -> datetime:
    try:
        if isinstance(value, str):
            return datetime.fromisoformat(value)
    except ValueError:
        pass
    raise RowError(f"the debate's {what} date is not a date")


def claim_from_row(row: StoredRow) -> Claim:
    return Claim(
        id=row["id"],
        text=row["text"],
        kind=row["kind"],
        title=row["title"],
        note=row["note"],
        source=row["source"],
        tags=_tags(row["tags"], row["id"]),
        x=row["x"],
        y=row["y"],
        order=row["ord"],
        argument_structure=row["argument_structure"],
        mark=row["mark"],
    )


def link_row(link: Link) -> dict[str, Any]:
    return {
        "id": link.id,
        "to_claim": link.to_claim,
        "to_link": link.to_link,
        "kind": link.kind.value,
        "ord": link.order,
        "strength": link.strength.value,
    }


def premise_rows(link: Link) -> list[dict[str, Any]]:
    return [{"link": link.id, "seq": seq, "claim": claim}
            for seq, claim in enumerate(link.sources)]


def link_from_row(row: StoredRow, sources: tuple[str, ...]) -> Link:
    if not sources:
        raise RowError(f"link {row['id']} has no premise")
    return Link(
        id=row["id"],
        sources=sources,
        to_claim=row["to_claim"],
        to_link=row["to_link"],
        kind=row["kind"],
        order=row["ord"],
        strength=row["strength"],
    )


def info_row(info: DebateInfo) -> dict[str, Any]:
    return {
        "id": 1,
        "title": info.title,
        "description": info.description,
        "created": info.created.isoformat(),
        "modified": info.modified.isoformat(),
    }


def info_from_row(row: StoredRow) -> DebateInfo:
    return DebateInfo(
        title=row["title"],
        description=row["description"],
        created=_moment(row["created"], "created"),
        modified=_moment(row["modified"], "modified"),
    )
