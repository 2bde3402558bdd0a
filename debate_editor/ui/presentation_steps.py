"""The steps of a presentation: every claim once, in the debate's reading order.

Each step focuses one claim. A thesis or a supporting reason gets a slide of its own:
the claim, all its pros, and the objections to it met so far. An objection (to a claim,
or to the link of one of its reasons) does not get its own slide: it appears on the
slide of what it objects to, one more per step, so the room sees the case made first
and then the objections one at a time. Its own reasons follow as slides of their own.

Pure Python: the walk is the one `DebateGraph.reading_order` makes, kept with the link
each claim was reached by (a test holds the two equal).
"""

from __future__ import annotations

from dataclasses import dataclass

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import id_key
from debate_editor.domain.model import Link, LinkKind


@dataclass(frozen=True)
class Step:
    claim: str
    """The claim this step visits."""
    via: Link | None
    """The link it was reached by in the reading order (None for a thesis)."""
    parent: str | None
    """The claim it was reached from."""

    @property
    def objection(self) -> bool:
        return self.via is not None and self.via.kind is LinkKind.OBJECTION

    @property
    def frame(self) -> str:
        """The claim whose slide shows this step: its own, or what it objects to."""
        return self.parent if self.objection and self.parent is not None else self.claim


def reading_walk(graph: DebateGraph) -> list[Step]:
    """`graph.reading_order()` with the link and parent each claim was reached by."""
    seen: set[str] = set()
    steps: list[Step] = []

    def walk(root: str) -> None:
        stack: list[tuple[str, Link | None, str | None]] = [(root, None, None)]
        while stack:
            claim_id, via, parent = stack.pop()
            if claim_id in seen:
                continue
            seen.add(claim_id)
            steps.append(Step(claim_id, via, parent))
            kids = [(source, link, claim_id) for link in graph.children(claim_id)
                    for source in link.sources]
            stack.extend(reversed(kids))

    for thesis in graph.theses():
        walk(thesis.id)
    if len(steps) < len(graph.claims):
        for claim_id in sorted(graph.claims, key=id_key):
            if claim_id not in seen:
                walk(claim_id)
    return steps


@dataclass(frozen=True)
class Slide:
    """What one step shows."""

    frame: str
    """The claim in large type."""
    focus: str
    """The step's claim: the frame itself, or the objection just revealed."""
    pros: tuple[Link, ...]
    """Every support of the frame, in stored order."""
    cons: tuple[Link, ...]
    """Every objection to the frame, in stored order (see `hidden`)."""
    undercuts: tuple[Link, ...]
    """Every objection to the links of the frame's reasons."""
    hidden: frozenset[str]
    """The objections (link ids) not revealed yet: they keep their place, unseen, so the
    slide does not change its type size as they appear."""
    context: Link | None
    """How the frame stands under what it answers (None for a thesis)."""
    context_claim: str | None
    number: int
    total: int


class Presentation:
    """The steps of one debate and the slide of each."""

    def __init__(self, graph: DebateGraph) -> None:
        self.graph = graph
        walk = reading_walk(graph)
        # An objection of several premises appears whole, in one step: its later
        # premises have no step of their own and are found at its first one's.
        self.steps = [step for step in walk if not _later_premise(step)]
        self.index_of = {step.claim: n for n, step in enumerate(self.steps)}
        for step in walk:
            if _later_premise(step) and step.via is not None:
                self.index_of[step.claim] = self.index_of.get(step.via.source, 0)

    def __len__(self) -> int:
        return len(self.steps)

    def slide(self, number: int) -> Slide:
        graph = self.graph
        step = self.steps[number]
        frame = step.frame
        own = self.steps[self.index_of[frame]]

        def shown(link: Link) -> bool:
            return self.index_of.get(link.source, len(self.steps)) <= number

        incoming = graph.incoming(frame)
        pros = tuple(lk for lk in incoming if lk.kind is LinkKind.SUPPORT)
        cons = tuple(lk for lk in incoming if lk.kind is LinkKind.OBJECTION)
        undercuts = tuple(u for lk in incoming for u in graph.incoming(lk.id))
        hidden = frozenset(lk.id for lk in (*cons, *undercuts) if not shown(lk))
        return Slide(frame, step.claim, pros, cons, undercuts, hidden, own.via, own.parent,
                     number, len(self.steps))

    def seen_before(self, number: int) -> set[str]:
        """The claims visited up to this step (for the map: the rest is faint)."""
        return {claim for claim, at in self.index_of.items() if at <= number}


def _later_premise(step: Step) -> bool:
    """A premise after the first of an objection group: revealed with the group."""
    return step.objection and step.via is not None and step.claim != step.via.source
