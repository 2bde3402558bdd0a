"""A deterministic generator of big debates, for benchmarks and stress tests.

    python tests/benchmarks/generate.py N OUT.debate [--seed S] [--argdown OUT.argdown]
                                                     [--no-positions]

Same N and seed, same debate: a few theses, a tree of pros and cons whose fan-out falls
with depth, sentences of realistic length (8 to 40 words), about 3 % of claims reused
under a second parent, and about 1 % undercuts.

The file holds every card's position, laid out by the editor's own layout, as a file the
editor has saved does (`--no-positions` leaves them out, as an import does: the editor then
lays the map out when it opens it). The Argdown copy is written by the Argdown exporter
when it is installed, otherwise by `argdown_text` below (the same tree: `+` support, `-`
objection, `<_` undercut under the reason it attacks, a reused claim referenced by its title).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

from debate_editor.domain import (
    Claim,
    ClaimKind,
    Debate,
    DebateGraph,
    DebateInfo,
    Link,
    LinkKind,
)

WORDS = (
    "the a policy city cars people safety research government labs cost evidence study "
    "shows that this would because however most many should could not always often risk "
    "benefit public private funding data health air traffic climate energy school students "
    "teachers time money law rule market price tax voters trust science model result "
    "effect change growth jobs future harm fair cheap slow fast local national global "
    "more less better worse clear new old small large every some"
).split()


def sentence(rng: random.Random) -> str:
    length = max(8, min(40, int(rng.gauss(20, 8))))
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def generate(n: int, seed: int = 1) -> Debate:
    """A valid debate of exactly `n` claims."""
    rng = random.Random(seed)
    undercuts = n // 100
    tree_size = n - undercuts
    theses = max(1, min(5, n // 2000 + 1))
    claims: list[Claim] = []
    links: list[Link] = []
    depth: dict[str, int] = {}
    parent: dict[str, str] = {}
    children: dict[str, int] = {}
    open_slots: list[str] = []
    for t in range(min(theses, n)):
        cid = f"c{len(claims) + 1}"
        claims.append(Claim(id=cid, text=sentence(rng), kind=ClaimKind.THESIS, order=t))
        depth[cid] = 0
        open_slots.append(cid)
    while len(claims) < tree_size:
        # Prefer shallow targets with few children so the tree is bushy, not a chain.
        target = open_slots[min(len(open_slots) - 1, int(rng.expovariate(1 / 40)))]
        cid = f"c{len(claims) + 1}"
        kind = LinkKind.SUPPORT if rng.random() < 0.55 else LinkKind.OBJECTION
        evidence = rng.random() < 0.1
        claims.append(Claim(id=cid, text=sentence(rng),
                            kind=ClaimKind.EVIDENCE if evidence else ClaimKind.CLAIM))
        links.append(Link(id=f"l{len(links) + 1}", source=cid, to_claim=target, kind=kind,
                          order=children.get(target, 0)))
        children[target] = children.get(target, 0) + 1
        depth[cid] = depth[target] + 1
        parent[cid] = target
        if children[target] >= max(2, 7 - 2 * depth[target]):
            open_slots.remove(target)
        open_slots.append(cid)
        if len(open_slots) > 400:
            open_slots.pop(rng.randrange(len(open_slots) // 2, len(open_slots)))
    by_depth: dict[int, list[str]] = {}
    for cid, d in depth.items():
        by_depth.setdefault(d, []).append(cid)
    pairs = {(link.source, link.target) for link in links}
    # Reused claims: an extra link from a claim to another claim one level up (never
    # creating a cycle: every link goes to a strictly shallower claim).
    for cid in rng.sample(sorted(parent), k=len(parent) * 3 // 100):
        candidates = by_depth.get(depth[cid] - 1, [])
        target = rng.choice(candidates) if candidates else None
        if target is None or (cid, target) in pairs:
            continue
        pairs.add((cid, target))
        links.append(Link(id=f"l{len(links) + 1}", source=cid, to_claim=target,
                          kind=LinkKind.SUPPORT, order=children.get(target, 0)))
        children[target] = children.get(target, 0) + 1
    # Undercuts: the last claims object to an arrow instead of a claim.
    arrows = [link for link in links if link.to_claim is not None]
    for arrow in rng.sample(arrows, k=min(len(arrows), undercuts)):
        cid = f"c{len(claims) + 1}"
        claims.append(Claim(id=cid, text=sentence(rng)))
        links.append(Link(id=f"l{len(links) + 1}", source=cid, to_link=arrow.id,
                          kind=LinkKind.OBJECTION))
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    info = DebateInfo(title=f"Generated debate of {n} claims (seed {seed})",
                      created=moment, modified=moment)
    return Debate(info=info, claims=tuple(claims), links=tuple(links))


def laid_out(debate: Debate) -> Debate:
    """The same debate with every card placed by the editor's layout (what Ctrl+L does)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from debate_editor.layout import layout
    from debate_editor.render.card_style import card_size

    _app = QGuiApplication.instance() or QGuiApplication([])  # fonts need one
    graph = DebateGraph.of(debate)
    places = layout(graph, {c.id: card_size(c) for c in debate.claims})
    claims = tuple(c.model_copy(update={"x": places[c.id][0], "y": places[c.id][1]})
                   for c in debate.claims)
    return Debate.model_construct(schema_version=debate.schema_version, info=debate.info,
                                  claims=claims, links=debate.links)


def argdown_text(debate: Debate) -> str:
    """The debate as Argdown: each thesis with its reasons nested under it."""
    graph = DebateGraph.of(debate)
    lines = ["===", f"title: {debate.info.title}", "===", ""]
    written: set[str] = set()

    def write(claim_id: str, marker: str, depth: int) -> None:
        claim = graph.claims[claim_id]
        if claim_id in written:  # a second parent: refer to it by its title
            lines.append(f"{'  ' * depth}{marker}[{claim_id}]")
            return
        written.add(claim_id)
        lines.append(f"{'  ' * depth}{marker}[{claim_id}]: {claim.text}")
        for link in graph.incoming(claim_id):
            sign = "+ " if link.kind is LinkKind.SUPPORT else "- "
            write(link.source, sign, depth + 1)
            for undercut in graph.incoming(link.id):
                write(undercut.source, "<_ ", depth + 2)

    for thesis in graph.theses():
        write(thesis.id, "", 0)
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--argdown", type=Path, help="also write the debate as Argdown")
    parser.add_argument("--no-positions", action="store_true",
                        help="leave the cards without positions (as an import does)")
    args = parser.parse_args(argv)
    debate = generate(args.n, args.seed)
    from debate_editor.store import DebateDocument

    stored = debate if args.no_positions else laid_out(debate)
    DebateDocument.create_from(args.out, stored).close()
    if args.argdown:
        from debate_editor.formats import registry

        try:
            fmt = registry.get("argdown")
        except KeyError:
            text = argdown_text(debate)
        else:
            text = str(fmt.write(debate, registry.ExportOptions()))  # type: ignore[misc]
        args.argdown.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
