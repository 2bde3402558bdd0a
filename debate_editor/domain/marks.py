"""The user's own marks against the structure (README, "Your own marks").

Rationale lets a person mark each claim accepted, rejected or unsure and each reason
strong, weak or none. The formal labelling says what the structure makes of the debate;
these marks say what the person thinks. Where the two part, the person has either missed
something or knows something the map does not say yet: `disagreements` lists those
places, each with a sentence. Plain Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Claim, Link, LinkKind, Mark, Strength
from debate_editor.domain.status import IN, Labelling

MARK_WORDS = {Mark.ACCEPTED: "you accept", Mark.REJECTED: "you reject",
              Mark.UNSURE: "you are unsure"}
STRENGTH_WORDS = {Strength.STRONG: "strong to you", Strength.WEAK: "weak to you",
                  Strength.NONE: "no bearing to you"}


def mine(claim: Claim, link: Link | None = None) -> str:
    """The user's marks in words, for a card's header and a row's small print: the
    claim's, and the reason's (`link`) it stands under there; "" when unmarked."""
    words = [MARK_WORDS[claim.mark]] if claim.mark is not Mark.UNMARKED else []
    if link is not None and link.strength is not Strength.UNMARKED:
        words.append(STRENGTH_WORDS[link.strength])
    return ", ".join(words)


@dataclass(frozen=True)
class Disagreement:
    """A claim whose mark the structure, as the user marked it too, does not bear out."""

    claim: str
    why: str
    """A sentence for people."""
    because: tuple[str, ...] = ()
    """The links the sentence is about."""


def accepted(graph: DebateGraph) -> set[str]:
    """The claims the user accepted: they count as held for the open points."""
    return {cid for cid, claim in graph.claims.items() if claim.mark is Mark.ACCEPTED}


def _premises_accepted(graph: DebateGraph, link: Link) -> bool:
    return all(graph.claims[source].mark is Mark.ACCEPTED for source in link.sources)


def _rejected_reason(graph: DebateGraph, link: Link) -> bool:
    """A reason the user rejected: one of its premises, or its bearing (strength none)."""
    return (link.strength is Strength.NONE
            or any(graph.claims[s].mark is Mark.REJECTED for s in link.sources))


def disagreements(graph: DebateGraph, labelling: Labelling) -> list[Disagreement]:
    """Where the marks part from the structure, in the graph's reading order:

    - an accepted claim that an objection defeats which the user accepts (every premise
      accepted) with a strong link;
    - a rejected claim against which no objection stands;
    - an accepted claim with reasons, every one of which the user rejected.
    """
    labels = labelling.labels
    found: list[Disagreement] = []
    for claim in graph.reading_order():
        if claim.mark is Mark.UNMARKED or claim.mark is Mark.UNSURE:
            continue
        incoming = graph.incoming(claim.id)
        objections = [link for link in incoming if link.kind is LinkKind.OBJECTION]
        if claim.mark is Mark.ACCEPTED:
            beaten = [link.id for link in objections
                      if link.strength is Strength.STRONG and _premises_accepted(graph, link)]
            if beaten:
                found.append(Disagreement(
                    claim.id, "You accept it, and you accept an objection to it that you "
                    "marked strong.", tuple(beaten)))
            pros = [link for link in incoming if link.kind is LinkKind.SUPPORT]
            if pros and all(_rejected_reason(graph, link) for link in pros):
                found.append(Disagreement(
                    claim.id, "You accept it, but you rejected every reason given for it.",
                    tuple(link.id for link in pros)))
        elif not any(labels[link.id] is IN for link in objections):
            found.append(Disagreement(
                claim.id, "You reject it, but no objection to it stands.",
                tuple(link.id for link in objections)))
    return found
