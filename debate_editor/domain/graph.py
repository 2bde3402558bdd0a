"""The questions every view asks of a debate, answered from one graph.

Claims are the graph's nodes; a link to a claim is an edge from the reason to what it
answers. An undercut (an objection to a link) is kept beside the graph, under the link
it attacks; for depth and reading order it stands beside the reason whose arrow it attacks.

The graph follows edits in place (the open document calls `add_*`/`remove_*`), so a
view never waits for the whole debate to be rebuilt after one change. The networkx graph
is only needed to find cycles, so it is built (and networkx imported: a fifth of a second
at start) the first time someone asks, not on open (README, "Performance").
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from debate_editor.domain.ids import id_key
from debate_editor.domain.model import Claim, Debate, Link, LinkKind, PairKey
from debate_editor.domain.reach import reaches

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Reason:
    """One entry under a claim: the link and its premises (one claim, or a group that
    holds only together), in the link's order."""

    link: Link
    premises: tuple[Claim, ...]

    @property
    def claim(self) -> Claim:
        """The first premise: the whole reason when it has one."""
        return self.premises[0]


class DebateGraph:
    """Claims, links and the indexes that answer "what are the pros of X" in O(answer)."""

    def __init__(self, claims: Iterable[Claim] = (), links: Iterable[Link] = ()) -> None:
        self.claims: dict[str, Claim] = {}
        self.links: dict[str, Link] = {}
        self._nx: nx.DiGraph[str] | None = None
        self._incoming: dict[str, list[str]] = {}
        self._outgoing: dict[str, list[str]] = {}
        self._in_order: dict[str, list[Link]] = {}
        """Target id -> its incoming links sorted, kept until a link there changes."""
        self.pairs: dict[PairKey, str] = {}
        """(premises, target) -> the link between them: a group answers a target once."""
        self._thesis_ids: set[str] = set()
        """Claims with no outgoing link, kept as links come and go: views ask for the theses
        after each edit, and a pass over every claim was a third of it (README, "Performance")."""
        self._theses: list[Claim] | None = None  # sorted, until a thesis comes, goes or changes
        for claim in claims:
            self.add_claim(claim)
        for link in links:
            self.add_link(link)
        # Every claim passed through it: a set never shrinks, and walking a table sized
        # for 50,000 ids to find 5 theses took 0.5 ms of every edit that asks for them.
        self._thesis_ids = set(self._thesis_ids)

    @classmethod
    def of(cls, debate: Debate) -> DebateGraph:
        return cls(debate.claims, debate.links)

    # ---- following edits ---------------------------------------------------------
    @property
    def _graph(self) -> nx.DiGraph[str]:
        """Claims as nodes, links to claims as edges (built on first use, then kept)."""
        if self._nx is None:
            import networkx as nx

            graph: nx.DiGraph[str] = nx.DiGraph()
            graph.add_nodes_from(self.claims)
            graph.add_edges_from(
                (source, link.to_claim)
                for link in self.links.values()
                if link.to_claim is not None
                for source in link.sources
            )
            self._nx = graph
        return self._nx

    def add_claim(self, claim: Claim) -> None:
        self.claims[claim.id] = claim
        if not self._outgoing.get(claim.id):
            self._thesis_ids.add(claim.id)
            self._theses = None
        if self._nx is not None:
            self._nx.add_node(claim.id)

    def replace_claim(self, claim: Claim) -> None:
        self.claims[claim.id] = claim
        if claim.id in self._thesis_ids:
            self._theses = None

    def remove_claim(self, claim_id: str) -> None:
        """Remove a claim whose links have been removed already."""
        del self.claims[claim_id]
        if claim_id in self._thesis_ids:
            self._thesis_ids.discard(claim_id)
            self._theses = None
        self._in_order.pop(claim_id, None)
        if self._nx is not None:
            self._nx.remove_node(claim_id)
        self._incoming.pop(claim_id, None)
        self._outgoing.pop(claim_id, None)

    def add_link(self, link: Link) -> None:
        self.links[link.id] = link
        self._in_order.pop(link.target, None)
        self._incoming.setdefault(link.target, []).append(link.id)
        for source in link.sources:
            self._outgoing.setdefault(source, []).append(link.id)
            if source in self._thesis_ids:
                self._thesis_ids.discard(source)
                self._theses = None
        self.pairs[link.pair] = link.id
        if link.to_claim is not None and self._nx is not None:
            self._nx.add_edges_from((source, link.to_claim) for source in link.sources)

    def replace_link(self, link: Link) -> None:
        old = self.links[link.id]
        if (old.sources, old.target) != (link.sources, link.target):
            undercuts = self._incoming.pop(link.id, None)  # they stay with the arrow
            self.remove_link(link.id)
            self.add_link(link)
            if undercuts is not None:
                self._incoming[link.id] = undercuts
        else:
            self.links[link.id] = link
            self._in_order.pop(link.target, None)

    def remove_link(self, link_id: str) -> None:
        link = self.links.pop(link_id)
        self._in_order.pop(link.target, None)
        self._in_order.pop(link_id, None)
        self._incoming[link.target].remove(link_id)
        for source in link.sources:
            self._outgoing[source].remove(link_id)
            if not self._outgoing[source] and source in self.claims:
                self._thesis_ids.add(source)
                self._theses = None
        self._incoming.pop(link_id, None)
        if self.pairs.get(link.pair) == link_id:
            del self.pairs[link.pair]
        if link.to_claim is not None and self._nx is not None:
            self._nx = None  # two reasons may share an edge: built again when next asked

    # ---- queries -----------------------------------------------------------------
    def _sorted_links(self, link_ids: Iterable[str]) -> list[Link]:
        links = [self.links[i] for i in link_ids]
        links.sort(key=lambda link: (link.order, id_key(link.id)))
        return links

    def _ordered(self, target_id: str) -> list[Link]:
        """The kept sorted list itself (callers here only read it)."""
        ordered = self._in_order.get(target_id)
        if ordered is None:
            ordered = self._sorted_links(self._incoming.get(target_id, ()))
            self._in_order[target_id] = ordered
        return ordered

    def incoming(self, target_id: str) -> list[Link]:
        """Links that answer a claim or a link, in their stored order."""
        return list(self._ordered(target_id))

    def outgoing(self, claim_id: str) -> list[Link]:
        """Links that start at a claim: what it supports, opposes or undercuts, alone or
        as one premise of a group."""
        return self._sorted_links(self._outgoing.get(claim_id, ()))

    def outgoing_unsorted(self, claim_id: str) -> list[Link]:
        """`outgoing` in no particular order, for a walk that does not care (the outline
        asks it of every claim as it opens: sorting them was a third of that)."""
        return [self.links[i] for i in self._outgoing.get(claim_id, ())]

    def reasons(self, target_id: str, kind: LinkKind | None = None) -> list[Reason]:
        return [
            Reason(link, tuple(self.claims[source] for source in link.sources))
            for link in self.incoming(target_id)
            if kind is None or link.kind is kind
        ]

    def pros(self, claim_id: str) -> list[Reason]:
        return self.reasons(claim_id, LinkKind.SUPPORT)

    def cons(self, claim_id: str) -> list[Reason]:
        return self.reasons(claim_id, LinkKind.OBJECTION)

    def reason_counts(self, claim_id: str) -> tuple[int, int]:
        """How many pros and cons a claim has (without sorting or building them)."""
        pros = cons = 0
        links = self.links
        for link_id in self._incoming.get(claim_id, ()):
            if links[link_id].kind is LinkKind.SUPPORT:
                pros += 1
            else:
                cons += 1
        return pros, cons

    def undercuts(self, link_id: str) -> list[Reason]:
        return self.reasons(link_id)

    def parents(self, claim_id: str) -> list[str]:
        """Claims this claim answers: the targets of its links; for an undercut, the claim
        the attacked arrow points at, so that it stands beside the reason it attacks."""
        result: list[str] = []
        for link in self.outgoing(claim_id):
            parent = link.to_claim if link.to_claim is not None else self.arrow_target(link)
            if parent not in result:
                result.append(parent)
        return result

    def arrow_target(self, undercut: Link) -> str:
        """The claim at the end of the arrow an undercut attacks (following undercuts of
        undercuts down to a claim)."""
        link = undercut
        while link.to_link is not None:
            link = self.links[link.to_link]
        return link.to_claim  # type: ignore[return-value]  # a chain ends at a claim

    def theses(self) -> list[Claim]:
        """Claims that support, oppose and undercut nothing, in their stored order."""
        if self._theses is None:
            roots = [self.claims[cid] for cid in self._thesis_ids]
            roots.sort(key=lambda claim: (claim.order, id_key(claim.id)))
            self._theses = roots
        return list(self._theses)

    def answers_through(self, claim_id: str, ancestor: str) -> bool:
        """Whether `claim_id` answers `ancestor`, directly or through other claims."""
        return reaches(claim_id, ancestor, self.parents)

    def next_thesis_order(self) -> int:
        """The order a new thesis takes: after every thesis there is."""
        return 1 + max((c.order for c in self.theses()), default=-1)

    def children(self, claim_id: str) -> Iterator[Link]:
        """What answers a claim in reading order: its pros, then its cons, each followed
        by the undercuts of its link."""
        incoming = self._ordered(claim_id)
        undercut = self._incoming
        for kind in (LinkKind.SUPPORT, LinkKind.OBJECTION):
            for link in incoming:
                if link.kind is kind:
                    yield link
                    if undercut.get(link.id):
                        yield from self._ordered(link.id)

    def _roots(self) -> list[str]:
        """Theses first; then one claim of each part that no thesis reaches (a pure cycle)."""
        return [c.id for c in self.theses()]

    def reading_order(self, root: str | None = None) -> list[Claim]:
        """Every claim once: each thesis, then depth first its pros and their reasons, then
        its cons. A claim under several parents is read under the first. Deterministic, so
        numbering is the same in every export and view. With `root`, only what stands
        under that claim, the claim first."""
        seen: set[str] = set()
        order: list[Claim] = []

        def walk(root: str) -> None:
            stack: list[str] = [root]
            while stack:
                claim_id = stack.pop()
                if claim_id in seen:
                    continue
                seen.add(claim_id)
                order.append(self.claims[claim_id])
                kids = [s for link in self.children(claim_id) for s in link.sources]
                stack.extend(reversed(kids))

        if root is not None:
            walk(root)
            return order
        for thesis in self._roots():
            walk(thesis)
        if len(order) < len(self.claims):
            for claim_id in sorted(self.claims, key=id_key):
                if claim_id not in seen:
                    walk(claim_id)
        return order

    def depths(self) -> dict[str, int]:
        """Shortest number of steps from a thesis; a claim only in a cycle counts from the
        first of it to be read."""
        depth: dict[str, int] = {}
        queue: deque[str] = deque()
        for root in self._roots():
            depth[root] = 0
            queue.append(root)

        def spread() -> None:
            while queue:
                claim_id = queue.popleft()
                for link in self.children(claim_id):
                    for source in link.sources:
                        if source not in depth:
                            depth[source] = depth[claim_id] + 1
                            queue.append(source)

        spread()
        if len(depth) < len(self.claims):
            for claim in self.reading_order():
                if claim.id not in depth:
                    depth[claim.id] = 0
                    queue.append(claim.id)
                    spread()
        return depth

    def depth(self, claim_id: str) -> int:
        return self.depths()[claim_id]

    def _may_circle(self) -> bool:
        """False when peeling off every claim nothing answers leaves none (no cycle): the
        usual answer, found without importing networkx (README, "Performance")."""
        waiting = {claim_id: 0 for claim_id in self.claims}
        for link in self.links.values():
            if link.to_claim is not None:  # once per premise, as the peeling counts down
                waiting[link.to_claim] += len(link.sources)
        free = [claim_id for claim_id, count in waiting.items() if count == 0]
        peeled = 0
        while free:
            claim_id = free.pop()
            peeled += 1
            for link_id in self._outgoing.get(claim_id, ()):
                target = self.links[link_id].to_claim
                if target is not None:
                    waiting[target] -= 1
                    if waiting[target] == 0:
                        free.append(target)
        return peeled < len(waiting)

    def cycles(self) -> list[list[str]]:
        """One cycle of claims from each knot of circular reasoning; reported, never fatal."""
        if not self._may_circle():
            return []
        import networkx as nx

        found: list[list[str]] = []
        for component in nx.strongly_connected_components(self._graph):
            if len(component) < 2:
                continue
            sub = self._graph.subgraph(component)
            start = min(component, key=id_key)
            edges = nx.find_cycle(sub, source=start)
            found.append([edge[0] for edge in edges])
        found.sort(key=lambda cycle: id_key(cycle[0]))
        return found


def links_in_dependency_order(links: Iterable[Link]) -> list[Link]:
    """The links, each undercut after the arrow it attacks when that arrow is among them
    (whoever draws or writes an undercut needs its arrow first); otherwise in the order
    given. Iterative: a chain of 1,200 undercuts, each on the one before, is one walk up
    the chain, not 1,200 nested calls. Undercuts in a circle are taken as they come."""
    links = list(links)
    by_id = {link.id: link for link in links}
    placed: set[str] = set()
    ordered: list[Link] = []
    for link in links:
        if link.id in placed:
            continue
        chain = [link]
        in_chain = {link.id}
        target = link.to_link
        while target in by_id and target not in placed and target not in in_chain:
            above = by_id[target]
            chain.append(above)
            in_chain.add(above.id)
            target = above.to_link
        for step in reversed(chain):
            placed.add(step.id)
            ordered.append(step)
    return ordered
