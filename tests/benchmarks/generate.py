"""A deterministic generator of big debates, for benchmarks and stress tests.

    python tests/benchmarks/generate.py N OUT.debate [--seed S] [--argdown OUT.argdown]

Same N and seed, same debate: a few theses, a tree of pros and cons whose fan-out falls
with depth, sentences of realistic length (8 to 40 words), about 3 % of claims reused
under a second parent, and about 1 % undercuts.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--argdown", type=Path, help="also write the debate as Argdown")
    args = parser.parse_args(argv)
    debate = generate(args.n, args.seed)
    from debate_editor.store import DebateDocument

    DebateDocument.create_from(args.out, debate).close()
    if args.argdown:
        from debate_editor.formats import registry

        text = registry.get("argdown").write(debate, registry.ExportOptions())  # type: ignore[misc]
        args.argdown.write_text(str(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
