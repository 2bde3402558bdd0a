"""The user's own marks, set from any view (README, "Your own marks").

Alt+A, Alt+R and Alt+U mark the selected claims accepted, rejected or unsure; Alt+S,
Alt+W and Alt+N mark the selected reason strong, weak or of no bearing: the selected
arrows, or else the links by which the selected claims answer what they answer. Pressing
the same key again takes the mark off. Each is one ordinary edit through the session, so
Ctrl+Z takes it back; the views follow the edit's event as for any other.
"""

from __future__ import annotations

from collections.abc import Callable

from debate_editor.domain.edit import Edit
from debate_editor.domain.marks import MARK_WORDS, STRENGTH_WORDS
from debate_editor.domain.model import Link, Mark, Strength
from debate_editor.ui.session import Session

CLAIM_MARKS = {"mark_accepted": Mark.ACCEPTED, "mark_rejected": Mark.REJECTED,
               "mark_unsure": Mark.UNSURE}
LINK_MARKS = {"mark_strong": Strength.STRONG, "mark_weak": Strength.WEAK,
              "mark_no_bearing": Strength.NONE}


def mark_claims(session: Session, mark: Mark, say: Callable[[str], None]) -> bool:
    """The selected claims marked `mark`; all of them unmarked if all had it already."""
    graph = session.document.graph
    claims = [graph.claims[c] for c in session.selection.claims if c in graph.claims]
    if not claims:
        say("Select a claim to mark it.")
        return False
    undo = all(claim.mark is mark for claim in claims)
    new = Mark.UNMARKED if undo else mark
    edit = Edit(update_claims=tuple(c.model_copy(update={"mark": new}) for c in claims),
                label="Unmark" if undo else f"Mark {mark.value}")
    done = session.run(edit)
    if done:
        say("Mark taken off." if undo else f"Marked: {MARK_WORDS[mark]}.")
    return done


def _reasons(session: Session) -> list[Link]:
    graph = session.document.graph
    chosen = [graph.links[i] for i in session.selection.links if i in graph.links]
    if chosen:
        return chosen
    return [link for claim_id in session.selection.claims if claim_id in graph.claims
            for link in graph.outgoing(claim_id)]


def mark_links(session: Session, strength: Strength, say: Callable[[str], None]) -> bool:
    """The selected reasons weighed `strength`; unweighed if all had it already."""
    links = _reasons(session)
    if not links:
        say("Select a reason (or its arrow) to weigh it.")
        return False
    undo = all(link.strength is strength for link in links)
    new = Strength.UNMARKED if undo else strength
    edit = Edit(update_links=tuple(link.model_copy(update={"strength": new}) for link in links),
                label="Unweigh reason" if undo else f"Weigh reason {strength.value}")
    done = session.run(edit)
    if done:
        say("Weight taken off." if undo else f"The reason is {STRENGTH_WORDS[strength]}.")
    return done


def mark_handlers(session: Session,
                  say: Callable[[str], None]) -> dict[str, Callable[[], object]]:
    """The window's handlers for the marking commands of the command table."""
    def claims(mark: Mark) -> Callable[[], object]:
        return lambda: mark_claims(session, mark, say)

    def links(strength: Strength) -> Callable[[], object]:
        return lambda: mark_links(session, strength, say)

    return {**{key: claims(mark) for key, mark in CLAIM_MARKS.items()},
            **{key: links(strength) for key, strength in LINK_MARKS.items()}}
