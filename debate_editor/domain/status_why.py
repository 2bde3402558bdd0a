"""Why a claim stands, falls or is undecided: the chain of links and claims behind its label.

The answer is data (steps, each naming the items it rests on), for a dock or a script to
show. It follows the labelling's own causes: an item that is out rests on the one input
that defeated it, an item that is in on all of its inputs, an undecided one on its
undecided inputs. Every step appears once, so cycles end.
"""

from __future__ import annotations

from dataclasses import dataclass

from debate_editor.domain.status import IN, NO_SUPPORT, OUT, Label, Labelling, Semantics


@dataclass(frozen=True)
class Step:
    """One item of the explanation and the items its label rests on."""

    id: str
    is_claim: bool
    label: Label
    rule: str
    """The rule that gives the label, in words."""
    because: tuple[str, ...]


def _claim_step(labelling: Labelling, cid: str) -> Step:
    label = labelling.labels[cid]
    incoming = labelling.incoming(cid)
    objections = [lid for lid in incoming if labelling.is_objection(lid)]
    supports = (
        [lid for lid in incoming if not labelling.is_objection(lid)]
        if labelling.semantics is Semantics.EVIDENTIAL
        else []
    )
    labels = labelling.labels
    if label is OUT:
        cause = labelling.cause[cid]
        if cause == NO_SUPPORT:
            return Step(cid, True, label, "every reason for it fails", tuple(supports))
        return Step(cid, True, label, "an objection to it stands", (cause,))
    if label is IN:
        standing = [lid for lid in supports if labels[lid] is IN][:1]
        if not objections and not standing:
            return Step(cid, True, label, "nothing objects to it", ())
        rule = "every objection to it fails" if objections else "nothing objects to it"
        if standing:
            rule += ", and a reason for it stands"
        return Step(cid, True, label, rule, (*objections, *standing))
    open_objections = [lid for lid in objections if labels[lid] is not OUT]
    if open_objections:
        return Step(cid, True, label, "an objection to it is undecided",
                    tuple(open_objections))
    open_reasons = [lid for lid in supports if labels[lid] is not OUT]
    return Step(cid, True, label, "no reason for it is sure to stand", tuple(open_reasons))


def _link_step(labelling: Labelling, lid: str) -> Step:
    label = labelling.labels[lid]
    sources = labelling.sources(lid)
    undercuts = labelling.incoming(lid)
    labels = labelling.labels
    if label is OUT:
        cause = labelling.cause[lid]
        if labelling.is_claim(cause):
            return Step(lid, False, label, "its premise is defeated", (cause,))
        return Step(lid, False, label, "an undercut of it stands", (cause,))
    if label is IN:
        rule = "its premise stands" + (", and every undercut of it fails" if undercuts else "")
        return Step(lid, False, label, rule, (*sources, *undercuts))
    open_items = [s for s in sources if labels[s] is not IN]
    open_items += [u for u in undercuts if labels[u] is not OUT]
    return Step(lid, False, label, "its premise or an undercut of it is undecided",
                tuple(open_items))


def why(labelling: Labelling, item_id: str) -> tuple[Step, ...]:
    """The explanation of one claim's (or link's) label, that item first, then what it
    rests on, breadth first."""
    steps: list[Step] = []
    seen = {item_id}
    queue = [item_id]
    index = 0
    while index < len(queue):
        current = queue[index]
        index += 1
        step = (_claim_step if labelling.is_claim(current) else _link_step)(labelling, current)
        steps.append(step)
        for nxt in step.because:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return tuple(steps)

