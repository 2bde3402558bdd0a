"""Claims and links named in words for the status docks: a claim by its text, a link by
the claims at its ends, each as a link the docks turn into a selection."""

from __future__ import annotations

from html import escape

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import LinkKind

SHORT = 90
"""How much of a claim's text a dock quotes."""


def quote(text: str, most: int = SHORT) -> str:
    """A claim's text on one line, cut with an ellipsis past `most` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= most else flat[: most - 1].rstrip() + "…"


def anchor(item_id: str, words: str) -> str:
    return f'<a href="item:{escape(item_id)}">{escape(words)}</a>'


def name(graph: DebateGraph, item_id: str) -> str:
    """A claim as “its text”, a link as the objection (or support) of one claim to
    another, as HTML with the item itself clickable."""
    claim = graph.claims.get(item_id)
    if claim is not None:
        return anchor(item_id, f"“{quote(claim.text)}”")
    link = graph.links.get(item_id)
    if link is None:
        return escape(item_id)
    source = graph.claims.get(link.source)
    what = "objection" if link.kind is LinkKind.OBJECTION else "support"
    if link.to_link:
        inner = graph.links.get(link.to_link)
        start = graph.claims.get(inner.source) if inner is not None else None
        target = f"the link from “{quote(start.text, 30)}”" if start is not None else "a link"
    else:
        aimed = graph.claims.get(link.to_claim or "")
        target = f"“{quote(aimed.text, 40)}”" if aimed is not None else "a claim"
    by = f"“{quote(source.text, 40)}”" if source is not None else "a claim"
    join = "to" if link.kind is LinkKind.OBJECTION else "for"
    return anchor(item_id, f"the {what} of {by} {join} {target}")
