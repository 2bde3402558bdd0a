"""How fast the labelling is (README, "Which claims stand"): a full labelling, and the
re-labelling after one edit, beside the bare cost of one pass over the links.

    python tests/benchmarks/bench_status.py [--sizes 10000 50000] [--repeats 7] [--edits 200]

Debates come from `generate.py` (seed 1). An edit is one of: a new objection to a claim,
a link's kind flipped, a link removed, taken in turn at claims and links spread evenly
over the debate; each is applied to the graph, then `Labelling.update` follows it (the
time measured), then it is undone the same way. Figures are medians (and the slowest) in
milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from debate_editor.domain import (
    Claim,
    DebateChanged,
    DebateGraph,
    Link,
    LinkKind,
)
from debate_editor.domain.status import Labelling, Semantics


def _ms(seconds: float) -> float:
    return seconds * 1000


def bare_pass(graph: DebateGraph) -> float:
    start = time.perf_counter()
    for link in graph.links.values():
        link.source, link.target  # noqa: B018  (the reading is what is timed)
    return time.perf_counter() - start


def full(graph: DebateGraph, semantics: Semantics) -> float:
    start = time.perf_counter()
    Labelling(graph.claims.values(), graph.links.values(), semantics)
    return time.perf_counter() - start


def _follow(labelling: Labelling, graph: DebateGraph, event: DebateChanged) -> float:
    start = time.perf_counter()
    labelling.update(graph.claims, graph.links, event)
    return time.perf_counter() - start


def edits(graph: DebateGraph, labelling: Labelling, count: int) -> list[float]:
    """Times of `count` edits followed (the undos are followed too, not timed)."""
    times: list[float] = []
    claim_ids = sorted(graph.claims)
    link_ids = sorted(graph.links)
    for n in range(count):
        which = n % 3
        if which == 0:
            target = claim_ids[(n * 7919) % len(claim_ids)]
            claim = Claim(id=f"bench-c{n}", text="An objection.")
            link = Link(id=f"bench-l{n}", source=claim.id, to_claim=target,
                        kind=LinkKind.OBJECTION)
            graph.add_claim(claim)
            graph.add_link(link)
            times.append(_follow(labelling, graph, DebateChanged(
                added_claims=frozenset({claim.id}), added_links=frozenset({link.id}))))
            graph.remove_link(link.id)
            graph.remove_claim(claim.id)
            _follow(labelling, graph, DebateChanged(
                removed_claims=frozenset({claim.id}), removed_links=frozenset({link.id})))
        else:
            old = graph.links[link_ids[(n * 7919) % len(link_ids)]]
            if which == 1 and old.to_link is None:
                flipped = (LinkKind.SUPPORT if old.kind is LinkKind.OBJECTION
                           else LinkKind.OBJECTION)
                graph.replace_link(old.model_copy(update={"kind": flipped}))
                changed = DebateChanged(changed_links=frozenset({old.id}))
                times.append(_follow(labelling, graph, changed))
                graph.replace_link(old)
                _follow(labelling, graph, changed)
            elif not graph.incoming(old.id):
                graph.remove_link(old.id)
                times.append(_follow(labelling, graph,
                                     DebateChanged(removed_links=frozenset({old.id}))))
                graph.add_link(old)
                _follow(labelling, graph, DebateChanged(added_links=frozenset({old.id})))
    return times


def region_sizes(graph: DebateGraph, labelling: Labelling) -> tuple[float, int]:
    """Median and largest number of items downstream of one claim."""
    sizes = [len(labelling.downstream([cid])) for cid in sorted(graph.claims)[::50]]
    return statistics.median(sizes), max(sizes)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--edits", type=int, default=300)
    args = parser.parse_args()
    print("| claims | reading | one pass over the links | full labelling | ratio | "
          "edit followed, median | slowest | items downstream of a claim (median, max) |")
    print("|---:|---|---:|---:|---:|---:|---:|---|")
    for size in args.sizes:
        debate = generate(size, seed=1)
        graph = DebateGraph.of(debate)
        bare = statistics.median(bare_pass(graph) for _ in range(args.repeats))
        for semantics in Semantics:
            whole = statistics.median(full(graph, semantics) for _ in range(args.repeats))
            labelling = Labelling(graph.claims.values(), graph.links.values(), semantics)
            times = edits(graph, labelling, args.edits)
            fresh = Labelling(graph.claims.values(), graph.links.values(), semantics)
            assert fresh.labels == labelling.labels, "edits followed went wrong"
            median_region, max_region = region_sizes(graph, labelling)
            print(f"| {size:,} | {semantics.value} | {_ms(bare):.2f} ms | {_ms(whole):.1f} ms | "
                  f"{whole / bare:.0f}× | {_ms(statistics.median(times)):.3f} ms | "
                  f"{_ms(max(times)):.2f} ms | {median_region:.0f}, {max_region} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
