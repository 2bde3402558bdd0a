"""Co-premises from any view (README, "Columns, outline and presentation": "Co-premises").

A (Add Co-premise) gives the selected reason one more premise, "and …", that supports or
objects to the target only together with the others; Shift+A splits the selected group
into reasons of their own; Take Premise Out lets the selected premise stand alone again.
The reason is the selected arrow, or else the link by which the selected claim answers
(a group it belongs to first). Each is one edit of `domain/groups.py` run through the
session, so Ctrl+Z takes it back and every view follows its event.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import DebateError
from debate_editor.domain.groups import co_premise_edit, leave_edit, split_edit
from debate_editor.domain.model import Claim, Link
from debate_editor.ui.session import Session

NEW_PREMISE = "and …"
"""The text a new co-premise starts with, until the person types its own."""


def chosen_reason(session: Session, *, group: bool = False) -> Link | None:
    """The selected arrow, or the link by which the selected claim answers (one of its
    groups first); `group`: only a reason of several premises."""
    graph = session.document.graph
    for link_id in session.selection.links:
        link = graph.links.get(link_id)
        if link is not None and (link.is_group or not group):
            return link
    current = session.selection.current
    if current is None or current not in graph.claims:
        return None
    outgoing = graph.outgoing(current)
    groups = [link for link in outgoing if link.is_group]
    if groups or group:
        return groups[0] if groups else None
    return outgoing[0] if outgoing else None


def _run(session: Session, build: Callable[[], Edit], say: Callable[[str], None]) -> bool:
    try:
        edit = build()
    except DebateError as error:
        say(str(error))
        return False
    return session.run(edit)


def add_co_premise(session: Session, say: Callable[[str], None],
                   active: Callable[[], QWidget] | None = None) -> Claim | None:
    """A new premise "and …" in the chosen reason's group; the map opens its editor."""
    link = chosen_reason(session)
    if link is None:
        say("Select a reason (its arrow or its claim) to add a co-premise to it.")
        return None
    if not session.may_edit():
        return None
    doc = session.document
    view = active() if active is not None else None
    after = session.selection.current if session.selection.current in link.sources else None
    if getattr(view, "name", "") == "canvas":
        # The map opens its editor where the premise will stand; kept, it is one step.
        view.begin_co_premise(link.id, after)  # type: ignore[union-attr]  # the canvas
        say("A co-premise: it counts only together with the others.")
        return None
    try:
        edit, claim = co_premise_edit(doc.graph, doc.ids, link.id, NEW_PREMISE, after=after)
    except DebateError as error:
        say(str(error))
        return None
    if not session.run(edit):
        return None
    session.selection.select(claim.id)
    say("A co-premise: it counts only together with the others.")
    return claim


def split_co_premises(session: Session, say: Callable[[str], None]) -> bool:
    """The chosen group split into one reason per premise."""
    link = chosen_reason(session, group=True)
    if link is None:
        say("Select a reason of several premises to split it.")
        return False
    doc = session.document
    done = _run(session, lambda: split_edit(doc.graph, doc.ids, link.id), say)
    if done:
        say("Each premise is a reason of its own now.")
    return done


def take_premise_out(session: Session, say: Callable[[str], None]) -> bool:
    """The selected premise leaves its group and stands as a reason of its own."""
    graph = session.document.graph
    current = session.selection.current
    link = chosen_reason(session, group=True)
    if link is None or current is None or current not in link.sources:
        say("Select one premise of a group to take it out.")
        return False
    premise, doc = current, session.document
    done = _run(session, lambda: leave_edit(doc.graph, doc.ids, link.id, premise), say)
    if done:
        say(f"“{graph.claims[premise].text[:40]}” stands as a reason of its own.")
    return done


def group_handlers(session: Session, say: Callable[[str], None],
                   active: Callable[[], QWidget]) -> dict[str, Callable[[], object]]:
    """The window's handlers for the co-premise commands of the command table."""
    return {"add_co_premise": lambda: add_co_premise(session, say, active),
            "split_co_premises": lambda: split_co_premises(session, say),
            "take_premise_out": lambda: take_premise_out(session, say)}
