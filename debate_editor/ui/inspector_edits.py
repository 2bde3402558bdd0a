"""The edits the inspector makes: a claim's fields, an arrow's kind, the debate's own
title and description. Each is one `Edit` (one undo step), or an empty one when nothing
would change, built from the document as it is now."""

from __future__ import annotations

from debate_editor.domain.edit import Edit
from debate_editor.domain.model import has_text
from debate_editor.store import DebateDocument

FIELD_LABELS = {"text": "Edit text", "note": "Edit note", "source": "Edit source",
                "tags": "Edit tags"}
INFO_LABELS = {"title": "Rename debate", "description": "Edit description"}


def claim_field_edit(doc: DebateDocument, claim_id: str, field: str,
                     value: str | tuple[str, ...]) -> Edit:
    """One field of one claim set to `value` (a claim's text must say something: a blank
    one is no edit, and the caller says why)."""
    claim = doc.graph.claims.get(claim_id)
    if claim is None or getattr(claim, field) == value:
        return Edit()
    if field == "text" and not (isinstance(value, str) and has_text(value)):
        return Edit()
    return Edit(update_claims=(claim.model_copy(update={field: value}),),
                label=FIELD_LABELS[field])


def info_edit(doc: DebateDocument, field: str, value: str) -> Edit:
    """The debate's title or description set to `value` (a blank title is no edit)."""
    if getattr(doc.info, field) == value or (field == "title" and not value.strip()):
        return Edit()
    return Edit(info=doc.info.model_copy(update={field: value}), label=INFO_LABELS[field])


def debate_tags(doc: DebateDocument) -> set[str]:
    """Every tag some claim of the debate carries (what tags complete from)."""
    return {tag for claim in doc.graph.claims.values() for tag in claim.tags}
