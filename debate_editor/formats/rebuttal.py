"""The numbered rebuttal: plain text to paste into a forum as a reply.

    I think it’s useful for government to do safety/alignment but:
    1. I don’t think it’s a zero sum game—…
    2. Like we have seen with software security, …

For the chosen claim (`--claim`, default the first thesis):

* the lead line is the text of the first concession (a claim of kind concession that
  supports the chosen claim), written verbatim; without one it is
  ``I see the point of “<claim>”, but:`` (the claim's title, or its text cut to about
  80 characters);
* the points are the objections to the chosen claim and to every claim that stands
  under it through supports (its reasons, their reasons, …; not the concession), and the
  undercuts of those support arrows, numbered in the graph's reading order. An objection
  to an objection is not a point: it defends the claim rather than answering it. A
  co-premise group of objections is one point naming its premises in order ("1. A, and
  B"), numbered where its first premise is read.

With `--open`, only the open points are numbered: the objections (and undercuts) whose
link still stands by the grounded labelling, that is the ones no counter-objection or
undercut has answered yet (`domain/open_points.py`).

One point per line by default; `--inline` puts them all on the line after the lead
("1. … 2. …"). A point's own line breaks become spaces so that each point stays one
line. The text ends with one newline, like every text file this program writes.
"""

from __future__ import annotations

from debate_editor.domain.errors import ExportError
from debate_editor.domain.graph import DebateGraph, Reason
from debate_editor.domain.model import Claim, ClaimKind, Debate, LinkKind
from debate_editor.domain.open_points import defended, open_points
from debate_editor.domain.status import Labelling
from debate_editor.formats._common import one_line, title_from, together
from debate_editor.formats.registry import ExportOptions, Format, register

DEFAULT_LEAD = "I see the point of “{claim}”, but:"


def chosen_claim(graph: DebateGraph, claim_id: str | None) -> Claim:
    """The claim a rebuttal answers: the one asked for, or the first thesis."""
    if claim_id is not None:
        if claim_id not in graph.claims:
            raise ExportError(f"there is no claim with the id {claim_id}")
        return graph.claims[claim_id]
    theses = graph.theses()
    if not theses:
        raise ExportError("the debate has no claims, so there is nothing to answer")
    return theses[0]


def lead_line(graph: DebateGraph, claim: Claim) -> str:
    for reason in graph.pros(claim.id):
        if reason.claim.kind is ClaimKind.CONCESSION:
            return reason.claim.text.strip()
    return DEFAULT_LEAD.format(claim=one_line(claim.title) or title_from(claim.text))


def _answered(graph: DebateGraph, root: str) -> tuple[set[str], set[str]]:
    """The claims a rebuttal of `root` answers (root and what supports it, transitively,
    concessions aside) and the support arrows among them."""
    claims = {root}
    arrows: set[str] = set()
    stack = [root]
    while stack:
        for reason in graph.pros(stack.pop()):
            held = [p for p in reason.premises if p.kind is not ClaimKind.CONCESSION]
            if not held:
                continue
            arrows.add(reason.link.id)
            for premise in held:  # a group is answered premise by premise
                if premise.id not in claims:
                    claims.add(premise.id)
                    stack.append(premise.id)
    return claims, arrows


def points(graph: DebateGraph, root: str) -> list[Reason]:
    """The objections a rebuttal of `root` numbers, in reading order: each claim that
    objects on its own once (by its first such link), each co-premise group of objections
    once, where its first premise is read."""
    claims, arrows = _answered(graph, root)
    result: list[Reason] = []
    for claim in graph.reading_order(root):
        alone = False
        for link in graph.outgoing(claim.id):
            if link.kind is not LinkKind.OBJECTION:
                continue
            if not (link.to_claim in claims or link.to_link in arrows):
                continue
            if link.is_group:
                if link.source == claim.id:
                    result.append(Reason(link, tuple(graph.claims[s] for s in link.sources)))
            elif not alone:
                alone = True
                result.append(Reason(link, (claim,)))
    return result


def write_rebuttal(debate: Debate, options: ExportOptions) -> str:
    graph = DebateGraph.of(debate)
    claim = chosen_claim(graph, options.claim)
    answers = points(graph, claim.id)
    if options.open_points:
        labelling = Labelling(graph.claims.values(), graph.links.values())
        found = open_points(graph, labelling, defended(graph, claim.id), claim.id)
        links = {p.link for p in found}
        claims = {p.objection for p in found if not graph.links[p.link].is_group}
        answers = [point for point in answers
                   if (point.link.id in links if point.link.is_group else point.claim.id in claims)]
    numbered = [f"{n}. {together([one_line(c.text) for c in point.premises])}"
                for n, point in enumerate(answers, 1)]
    lines = [lead_line(graph, claim)]
    if options.inline:
        if numbered:
            lines.append(" ".join(numbered))
    else:
        lines.extend(numbered)
    return "\n".join(lines) + "\n"


register(Format("rebuttal", "Numbered rebuttal", (".txt",), write=write_rebuttal))
