"""The links of an Argdown import: relations as written become links, undercuts
once what they attack exists.

Kept apart from the reader so the undercut resolution, the one step whose cost depends
on the order of the text, stands on its own.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from debate_editor.domain.ids import numbered_ids
from debate_editor.domain.model import Link, LinkKind
from debate_editor.formats._common import lean
from debate_editor.formats.argdown import tokens as lx
from debate_editor.formats.argdown.parser import Inference
from debate_editor.formats.argdown.semantics import FROM_PARENT, Node, Ref, Rel
from debate_editor.formats.imported import warning_at


@dataclass
class Build:
    claims: dict[Ref, dict[str, object]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    pairs: dict[tuple[str, str], Link] = field(default_factory=dict)
    of_rel: dict[int, Link] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    link_ids: Iterator[str] = field(default_factory=lambda: numbered_ids("l"))
    warnings: list[str] = field(default_factory=list)
    group_of: dict[Ref, str] = field(default_factory=dict)  # argument -> its group's link

    def claim_id(self, ref: Ref) -> str:
        """The claim's id; for an argument that is a group, its link's id, which stands
        for it as what an undercut attacks (`resolve_undercuts`)."""
        fields = self.claims.get(ref)
        return str(fields["id"]) if fields is not None else self.group_of[ref]

    def add(self, source: str, kind: LinkKind, *, to_claim: str | None = None,
            to_link: str | None = None, line: int | None = None) -> Link | None:
        target = to_claim if to_claim is not None else to_link
        assert target is not None
        if source == to_claim:
            # Argdown counts the relation; a debate cannot hold it, so it is said, not kept.
            self.warnings.append(warning_at(
                "a statement or argument answers itself here; a debate cannot hold that "
                "link, so it is left out", line))
            return None
        existing = self.pairs.get((source, target))
        if existing is not None:
            return existing if existing.kind is kind else None
        link = lean(Link, id=next(self.link_ids), sources=(source,), to_claim=to_claim,
                    to_link=to_link, kind=kind, order=len(self.links))
        self.links.append(link)
        self.pairs[(source, target)] = link
        return link


    def add_group(self, argument: Ref, sources: tuple[str, ...], to_claim: str) -> None:
        """One link of co-premises (README, "Argdown") standing for `argument`, which is
        no claim: an undercut of the argument attacks this link."""
        link = lean(Link, id=next(self.link_ids), sources=sources, to_claim=to_claim,
                    kind=LinkKind.SUPPORT, order=len(self.links))
        self.links.append(link)
        self.group_of[argument] = link.id


def ends(rel: Rel) -> tuple[Ref, Ref]:
    """Source and target as written: child to parent, or parent to child for +>, ->, _>, ><.
    A relation lifted out of a conclusion starts at the argument itself."""
    parent = rel.parent
    if rel.lifted:
        parent = ("argument", rel.owner, 0)
    if rel.sign in FROM_PARENT:
        return parent, rel.child
    return rel.child, parent


def ref_text(ref: Ref, build: Build) -> str:
    fields = build.claims[ref]
    if fields.get("title"):
        return f"<{fields['title']}>" if ref[0] == "argument" else f"[{fields['title']}]"
    return str(fields["text"])


def structure_links(
    arguments: Iterable[Node], titles: dict[int, str], build: Build
) -> dict[str, str]:
    """Premises that are claims support their argument; the argument supports its
    conclusion when that is a claim. Returns argument id -> id of its conclusion link."""
    conclusions: dict[str, str] = {}
    for node in arguments:
        if node.pcs is None or node.ref not in build.claims:
            continue
        argument = build.claim_id(node.ref)
        statements = node.pcs.items
        conclusion: Ref = ("statement", titles[id(statements[-1])], 0)
        if conclusion in build.claims and build.claim_id(conclusion) != argument:
            link = build.add(argument, LinkKind.SUPPORT, to_claim=build.claim_id(conclusion))
            if link is not None:
                conclusions[argument] = link.id
        after_inference = False
        for item in statements[:-1]:
            if isinstance(item, Inference):
                after_inference = True
                continue
            premise: Ref = ("statement", titles[id(item)], 0)
            if not after_inference and premise in build.claims:
                source = build.claim_id(premise)
                if source != argument:
                    build.add(source, LinkKind.SUPPORT, to_claim=argument)
            after_inference = False
    return conclusions


class _Outgoing:
    """Each claim's first link to a claim and first link to a link, kept up to date as
    links are added, so that finding what an undercut attacks is one look-up."""

    def __init__(self, build: Build) -> None:
        self.build = build
        self.by_id: dict[str, Link] = {}
        self.first: dict[tuple[str, bool], Link] = {}
        self.seen = 0
        self.update()

    def update(self) -> list[str]:
        """Take in the links added since the last call; returns their sources."""
        new = self.build.links[self.seen:]
        self.seen = len(self.build.links)
        for link in new:
            self.by_id[link.id] = link
            self.first.setdefault((link.source, link.to_link is not None), link)
        return [link.source for link in new]

    def of(self, claim_id: str) -> Link | None:
        return self.first.get((claim_id, False)) or self.first.get((claim_id, True))


def resolve_undercuts(pending: list[Rel], build: Build, conclusions: dict[str, str]) -> None:
    """Resolve undercuts once the links they may attack exist; an undercut of an
    undercut waits for it.

    Reads as passes over the undercuts in document order, each taking every undercut
    whose target exists by then; when a pass takes none, the first one left attacks the
    claim instead (noted as `_>`). An undercut waits on the claim it attacks and is
    woken by that claim's next link, so the passes cost time in proportion to the
    undercuts, however they are ordered (not their square or cube)."""
    conclusions = {**conclusions, **{g: g for g in build.group_of.values()}}
    out = _Outgoing(build)
    waiting: dict[str, list[int]] = {}
    left: set[int] = set(range(len(pending)))
    ready: list[int] = []  # this pass, by position
    later: list[int] = []  # the next pass
    for index, rel in enumerate(pending):
        attacked = _undercutends(rel, build)[1]
        if _undercut_target(rel, build, conclusions, out) is not None:
            ready.append(index)
        else:
            waiting.setdefault(attacked, []).append(index)
    queue_of_left = list(range(len(pending)))  # a heap of positions, some already taken
    ref_of: dict[str, Ref] | None = None

    def wake(position: int) -> None:
        for source in out.update():
            for index in waiting.pop(source, ()):
                if index not in left:
                    continue
                heapq.heappush(ready, index) if index > position else later.append(index)

    while left:
        heapq.heapify(ready)
        position = -1
        while ready:
            index = heapq.heappop(ready)
            if index not in left:
                continue
            rel = pending[index]
            link = _undercut_target(rel, build, conclusions, out)
            if link is None:  # cannot happen: woken only once its claim has a link
                waiting.setdefault(_undercutends(rel, build)[1], []).append(index)
                continue
            left.discard(index)
            position = index
            source, _ = _undercutends(rel, build)
            made = build.add(source, LinkKind.OBJECTION, to_link=link.id, line=rel.line)
            if made is not None:
                build.of_rel[id(rel)] = made
            wake(position)
        if later:
            ready, later = later, []
            continue
        while queue_of_left and queue_of_left[0] not in left:
            heapq.heappop(queue_of_left)
        if not queue_of_left:
            break
        index = heapq.heappop(queue_of_left)
        left.discard(index)
        rel = pending[index]
        source, target = _undercutends(rel, build)
        made = build.add(source, LinkKind.OBJECTION, to_claim=target, line=rel.line)
        if made is not None:
            build.of_rel[id(rel)] = made
            if ref_of is None:
                ref_of = {str(f["id"]): r for r, f in build.claims.items()}
            build.notes.setdefault(source, []).append(f"_> {ref_text(ref_of[target], build)}")
        wake(-1)  # a new pass starts from the beginning: everything woken is in it


def _undercutends(rel: Rel, build: Build) -> tuple[str, str]:
    if rel.lifted == "inference":
        return build.claim_id(rel.child), build.claim_id(("argument", rel.owner, 0))
    source, target = ends(rel)
    return build.claim_id(source), build.claim_id(target)


def _undercut_target(rel: Rel, build: Build, conclusions: dict[str, str],
                     out: _Outgoing) -> Link | None:
    _, attacked = _undercutends(rel, build)
    if rel.sign == lx.OUTGOING_UNDERCUT and rel.context is not None:
        written = build.of_rel.get(id(rel.context))
        if written is not None and written.source == attacked:
            return written
    if attacked in conclusions:
        return out.by_id[conclusions[attacked]]
    return out.of(attacked)


