"""AIF JSON, as OVA and AIFdb write it, in and out.

    {"nodes": [{"nodeID": "1", "text": "…", "type": "I"},
               {"nodeID": "3", "text": "Default Inference", "type": "RA"}, …],
     "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, …],
     "locutions": []}

I-nodes are claims. A premise reaches its conclusion through an RA node (a support); an
attacker reaches what it attacks through a CA node (an objection). A CA node that points
at an RA node (or at another CA node) attacks the inference itself: an undercut, an
objection to the link. MA nodes (rephrase) are read as supports. Locutions (L), their
illocutions (YA), transitions (TA) and preferences (PA) are dialogue, not argument: they
are skipped. OVA's {"AIF": {…}, "OVA": {…}} wrapping and numeric node ids are read too.

A scheme node with several premises is one link with all of them, in the order of
their edges in the file: premises that hold only together (README, "Co-premises"), as
AIF's linked argument means. Claims that support and attack nothing are theses; other
kinds, notes, tags, titles and the debate's title are not kept. Node timestamps (UTC)
give the debate's created and modified times; written nodes carry its modified time.
Written AIF has one RA or CA node per link with an edge from each premise, arrows to
claims first and undercuts after the arrows they attack, so it reads back to the same
debate.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from debate_editor.domain.errors import ImportFormatError
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import id_key, numbered_ids
from debate_editor.domain.model import (
    Claim,
    ClaimKind,
    Debate,
    DebateInfo,
    Link,
    LinkKind,
    has_text,
)
from debate_editor.formats import _jsonpos
from debate_editor.formats._common import build_debate, no_text_message, title_from
from debate_editor.formats.registry import ExportOptions, Format, add_sniffer, register

SUPPORT_TYPES = {"RA", "MA"}
ATTACK_TYPES = {"CA"}
_TIMESTAMP = "%Y-%m-%d %H:%M:%S"


def _body(data: Any) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The object that holds "nodes" and "edges", and its path in the document."""
    if isinstance(data, dict):
        if "nodes" in data or "edges" in data:
            return data, ()
        for key in ("AIF", "aif"):
            if isinstance(data.get(key), dict):
                return data[key], (key,)
    raise ImportFormatError("this JSON is not AIF (it has no \"nodes\" and \"edges\")", line=1)


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        data = _jsonpos.parse(text)
        self.body, self.prefix = _body(data)
        self.types: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.into: dict[str, list[str]] = {}
        self.out_of: dict[str, list[str]] = {}
        self.stamps: list[datetime] = []

    def fail(self, path: Sequence[str | int], message: str) -> ImportFormatError:
        return _jsonpos.error_at(self.text, (*self.prefix, *path), message)

    def _list(self, key: str) -> list[Any]:
        value = self.body.get(key)
        if not isinstance(value, list):
            raise self.fail((key,) if key in self.body else (),
                            f"AIF needs a list \"{key}\"")
        return value

    def _id(self, value: Any, path: Sequence[str | int], what: str) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value) == "":
            raise self.fail(path, f"{what} must be a string or a number")
        return str(value)

    def read_nodes(self) -> list[str]:
        order: list[str] = []
        for index, node in enumerate(self._list("nodes")):
            where = ("nodes", index)
            if not isinstance(node, dict):
                raise self.fail(where, "each node must be an object")
            node_id = self._id(node.get("nodeID"), (*where, "nodeID"), "a node's \"nodeID\"")
            if node_id in self.types:
                raise self.fail((*where, "nodeID"), f"two nodes have the id {node_id}")
            kind = node.get("type")
            if not isinstance(kind, str):
                raise self.fail(where, f"node {node_id} has no \"type\" (I, RA, CA, …)")
            text = node.get("text", "")
            if kind == "I":
                if not isinstance(text, str) or not has_text(text):
                    raise self.fail(where, no_text_message(f"I-node {node_id}"))
                self.texts[node_id] = text
                self._stamp(node.get("timestamp"))
            self.types[node_id] = kind
            order.append(node_id)
        return order

    def _stamp(self, value: Any) -> None:
        """AIFdb's node timestamps (UTC, to the second); anything else is ignored."""
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                self.stamps.append(datetime.strptime(value, _TIMESTAMP).replace(tzinfo=UTC))

    def info(self, claims: list[Claim]) -> DebateInfo:
        """A title from the first thesis; created and modified from the I-nodes' times."""
        roots = [c for c in claims if c.kind is ClaimKind.THESIS] or claims
        title = title_from(roots[0].text) if roots else "Untitled debate"
        if not self.stamps:
            return DebateInfo(title=title)
        return DebateInfo(title=title, created=min(self.stamps), modified=max(self.stamps))

    def read_edges(self) -> None:
        for index, edge in enumerate(self._list("edges")):
            where = ("edges", index)
            if not isinstance(edge, dict):
                raise self.fail(where, "each edge must be an object")
            ends = []
            for key in ("fromID", "toID"):
                end = self._id(edge.get(key), (*where, key), f"an edge's \"{key}\"")
                if end not in self.types:
                    raise self.fail((*where, key), f"edge {key} {end} names no node")
                ends.append(end)
            self.out_of.setdefault(ends[0], []).append(ends[1])
            self.into.setdefault(ends[1], []).append(ends[0])

    def read(self) -> Debate:
        order = self.read_nodes()
        self.read_edges()
        claim_ids = numbered_ids("c")
        claim_of = {node: next(claim_ids) for node in order if self.types[node] == "I"}
        link_ids = numbered_ids("l")
        links: list[Link] = []
        links_of: dict[str, list[str]] = {}  # scheme node -> the links it became
        pairs: set[tuple[tuple[str, ...], str]] = set()
        ranks: dict[str, int] = {}

        def add(sources: list[str], target: str, kind: LinkKind, undercut: bool) -> str | None:
            premises = tuple(dict.fromkeys(s for s in sources if s != target))
            pair = (tuple(sorted(premises)), target)
            if not premises or pair in pairs:
                return None
            pairs.add(pair)
            rank = ranks.get(target, 0)
            ranks[target] = rank + 1
            link = Link(id=next(link_ids), sources=premises, kind=kind, order=rank,
                        to_link=target if undercut else None,
                        to_claim=None if undercut else target)
            links.append(link)
            return link.id

        pending = [n for n in order if self.types[n] in SUPPORT_TYPES | ATTACK_TYPES]
        while pending:  # an attack on an attack waits until that attack is read
            waiting = []
            for node in pending:
                if not self._scheme(node, claim_of, links_of, add):
                    waiting.append(node)
            if len(waiting) == len(pending):
                break  # attacks on attacks in a circle, or on nothing: skipped
            pending = waiting
        outgoing = {source for link in links for source in link.sources}
        claims = []
        theses = 0
        for node, claim_id in claim_of.items():
            thesis = claim_id not in outgoing
            claims.append(Claim(id=claim_id, text=self.texts[node],
                                kind=ClaimKind.THESIS if thesis else ClaimKind.CLAIM,
                                order=theses if thesis else 0))
            theses += thesis
        return build_debate(self.info(claims), claims, links)

    def _scheme(self, node: str, claim_of: dict[str, str],
                links_of: dict[str, list[str]], add: Any) -> bool:
        """Turn one RA/MA/CA node into links, one per conclusion with every premise;
        False if it attacks a node not read yet."""
        sources = [claim_of[n] for n in self.into.get(node, ()) if n in claim_of]
        targets = self.out_of.get(node, [])
        made: list[str] = []
        support = self.types[node] in SUPPORT_TYPES
        kind = LinkKind.SUPPORT if support else LinkKind.OBJECTION
        for target in targets:
            if target in claim_of:
                made.append(add(sources, claim_of[target], kind, False))
            elif not support and self.types.get(target) in SUPPORT_TYPES | ATTACK_TYPES:
                if target not in links_of:
                    return False
                made += [add(sources, arrow, kind, True) for arrow in links_of[target]]
        links_of[node] = [link for link in made if link is not None]
        return True


def read_aif(text: str) -> Debate:
    return _Reader(text).read()


def write_aif(debate: Debate, options: ExportOptions) -> str:
    graph = DebateGraph.of(debate)
    modified = debate.info.modified
    if modified.tzinfo is not None:
        modified = modified.astimezone(UTC)
    stamp = modified.strftime(_TIMESTAMP)
    number = numbered_ids("", 1)
    node_of: dict[str, str] = {}
    nodes: list[dict[str, str]] = []
    edges: list[dict[str, Any]] = []
    claims = sorted(debate.claims, key=lambda claim: id_key(claim.id))
    for claim in claims:
        node_of[claim.id] = next(number)
        nodes.append({"nodeID": node_of[claim.id], "text": claim.text, "type": "I",
                      "timestamp": stamp})
    edge_number = numbered_ids("", 1)

    def edge(start: str, end: str) -> None:
        edges.append({"edgeID": next(edge_number), "fromID": start, "toID": end,
                      "formEdgeID": None})

    for link in _links_in_order(graph):
        scheme = next(number)
        node_of[link.id] = scheme
        support = link.kind is LinkKind.SUPPORT
        nodes.append({"nodeID": scheme, "text": "Default Inference" if support else
                      "Default Conflict", "type": "RA" if support else "CA",
                      "timestamp": stamp})
        for source in link.sources:
            edge(node_of[source], scheme)
        edge(scheme, node_of[link.target])
    document = {"nodes": nodes, "edges": edges, "locutions": []}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _links_in_order(graph: DebateGraph) -> list[Link]:
    """Arrows to claims first, then undercuts of those, then undercuts of undercuts, …;
    within each, by place among the target's answers. Reading the nodes back in this
    order gives each target its answers in the same order."""

    def depth(link: Link) -> int:
        steps = 0
        while link.to_link is not None and steps <= len(graph.links):
            link = graph.links[link.to_link]
            steps += 1
        return steps  # more than the number of links: undercuts in a circle, written last

    return sorted(graph.links.values(),
                  key=lambda link: (depth(link), link.order, id_key(link.id)))


def sniff(path: Path, text: str) -> str | None:
    """AIF when the JSON object has "nodes" and "edges" (or OVA's "AIF" wrapping)."""
    if text.lstrip()[:1] != "{":
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    if {"nodes", "edges"} <= data.keys() or isinstance(data.get("AIF"), dict):
        return "aif"
    return None


register(Format("aif", "AIF JSON (OVA, AIFdb)", (".json",), read=read_aif, write=write_aif))
add_sniffer(sniff)
