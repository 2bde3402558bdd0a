"""Cut, copy and paste of cards with the arrows between them.

The clipboard holds the cards as JSON under our own MIME type (for pasting into a map)
and their text as plain text (for pasting into a forum post or another program). Pasted
cards get new ids; an arrow comes along only when both of its ends do.
"""

from __future__ import annotations

import atexit
import json
from collections.abc import Iterable

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from debate_editor.domain.builders import fragment_edit
from debate_editor.domain.edit import Edit
from debate_editor.domain.ids import id_key
from debate_editor.domain.model import Claim, ClaimKind, Link, LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui.edits import CardPlaces, add_claim_edit, new_position

MIME_TYPE = "application/x-debate-editor-cards"
PASTE_OFFSET = 40.0


def copy_mime(doc: DebateDocument, claim_ids: Iterable[str]) -> QMimeData | None:
    graph = doc.graph
    chosen = {cid for cid in claim_ids if cid in graph.claims}
    if not chosen:
        return None
    order = [c.id for c in graph.reading_order() if c.id in chosen]
    links: list[Link] = []
    kept: set[str] = set()
    pending = sorted(graph.links.values(), key=lambda link: id_key(link.id))
    progress = True
    while progress:  # an undercut comes along once the link it attacks has
        progress = False
        for link in pending:
            if link.id in kept or link.source not in chosen:
                continue
            if link.target in chosen or link.target in kept:
                links.append(link)
                kept.add(link.id)
                progress = True
    payload = {
        "claims": [graph.claims[cid].model_dump(mode="json") for cid in order],
        "links": [link.model_dump(mode="json") for link in links],
    }
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    mime.setText("\n\n".join(graph.claims[cid].text for cid in order))
    return mime


def put_on_clipboard(mime: QMimeData) -> None:
    """Hand cards to the clipboard.

    When the program ends, cards the clipboard still holds are swapped for their plain
    text: that is what other programs can use afterwards, and a QMimeData made in Python
    and left to the clipboard crashes PySide6 while the application shuts down.
    """
    global _exit_hook
    QGuiApplication.clipboard().setMimeData(mime)
    if not _exit_hook:
        atexit.register(_plain_text_only)
        _exit_hook = True


_exit_hook = False


def _plain_text_only() -> None:
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    held = clipboard.mimeData()
    if held is not None and held.hasFormat(MIME_TYPE):
        clipboard.setText(held.text())


def paste_edit(doc: DebateDocument, mime: QMimeData | None, answers: str | None = None,
               places: CardPlaces | None = None) -> tuple[Edit, list[str]]:
    """The edit that pastes the clipboard, and the ids of the new cards. With `answers`
    (the selected claim) the pasted cards that answer nothing among themselves become its
    supporting reasons, after the ones it has, and stand below it; without, they land
    beside where they were copied from."""
    if answers is not None and answers not in doc.graph.claims:
        answers = None
    if mime is None:
        return Edit(), []
    if mime.hasFormat(MIME_TYPE):
        try:
            payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
            claims = [Claim.model_validate(c) for c in payload["claims"]]
            links = [Link.model_validate(link) for link in payload["links"]]
        except (ValueError, KeyError, TypeError):
            return Edit(), []
        if not claims:
            return Edit(), []
        edit, new_ids = _fresh_copy(doc, claims, links)
        if answers is not None:
            edit = _under(doc, edit, answers, places)
        return edit, new_ids
    text = mime.text().strip() if mime.hasText() else ""
    if not text:
        return Edit(), []
    edit, claim = add_claim_edit(doc, text, answers=answers, places=places,
                                 claim_kind=ClaimKind.CLAIM)
    return Edit(add_claims=edit.add_claims, add_links=edit.add_links, label="Paste"), [claim.id]


def _under(doc: DebateDocument, edit: Edit, answers: str, places: CardPlaces | None) -> Edit:
    """The pasted cards as reasons of `answers`: their roots (the cards that answer
    nothing pasted with them) support it, and the whole group moves below it, its first
    root where a new reason would go."""
    answering = {link.source for link in edit.add_links}
    roots = [c for c in edit.add_claims if c.id not in answering]
    order = 1 + max((link.order for link in doc.graph.incoming(answers)), default=-1)
    new_links = tuple(
        Link(id=doc.new_link_id(), sources=(root.id,), to_claim=answers, kind=LinkKind.SUPPORT,
             order=order + n)
        for n, root in enumerate(roots))
    first = roots[0]
    x, y = new_position(doc, first.model_copy(update={"kind": ClaimKind.CLAIM}), answers,
                        LinkKind.SUPPORT, places=places)
    dx, dy = (x - first.position[0], y - first.position[1]) if first.position else (0.0, 0.0)
    claims = []
    for claim in edit.add_claims:
        update: dict[str, object] = {}
        if claim.kind is ClaimKind.THESIS:
            update["kind"] = ClaimKind.CLAIM  # a thesis no more: it answers a claim now
        if claim.position is not None:
            update["x"] = round(claim.position[0] + dx, 1)
            update["y"] = round(claim.position[1] + dy, 1)
        elif claim is first:
            update["x"], update["y"] = x, y
        claims.append(claim.model_copy(update=update))
    return Edit(add_claims=tuple(claims), add_links=edit.add_links + new_links, label="Paste")


def _fresh_copy(
    doc: DebateDocument, claims: list[Claim], links: list[Link]
) -> tuple[Edit, list[str]]:
    order = iter(range(doc.graph.next_thesis_order(), 1 << 62))

    def changes(claim: Claim) -> dict[str, object]:
        update: dict[str, object] = {"order": next(order)}
        if claim.position is not None:
            update["x"] = round(claim.position[0] + PASTE_OFFSET, 1)
            update["y"] = round(claim.position[1] + PASTE_OFFSET, 1)
        return update

    edit = fragment_edit(doc.ids, claims, links, changes, "Paste")
    return edit, [c.id for c in edit.add_claims]
