"""How fast the labelling is (README, "Which claims stand"): a full labelling, and the
re-labelling after one edit, beside the bare cost of one pass over the links.

    python tests/benchmarks/bench_status.py [--sizes 10000 50000] [--repeats 7] [--edits 300]
        [--json]

`make bench` runs it for each size (`--json`, the figures as JSON) and lists them in its
table.

Debates come from `generate.py` (seed 1). An edit is one of: a new objection to a claim,
a link's kind flipped, a link removed, taken in turn at claims and links spread evenly
over the debate; each is applied to the graph, then `Labelling.update` follows it (the
time measured), then it is undone the same way. Figures are medians (and the slowest) in
milliseconds; the debate is settled for the collector first, as the window settles an
open debate.
"""

from __future__ import annotations

import argparse
import json
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
from debate_editor.domain.collector import settle, unsettle
from debate_editor.domain.status import Labelling, Semantics


def _ms(seconds: float) -> float:
    return seconds * 1000


def bare_pass(graph: DebateGraph) -> float:
    start = time.perf_counter()
    for link in graph.links.values():
        link.source, link.target  # noqa: B018  (the reading is what is timed)
    return time.perf_counter() - start


def full(graph: DebateGraph, semantics: Semantics) -> tuple[float, float]:
    """Seconds of one full labelling: on the clock, and of this process's CPU time (the
    fairer figure on a machine shared with other work)."""
    start, cpu = time.perf_counter(), time.process_time()
    Labelling(graph.claims.values(), graph.links.values(), semantics)
    return time.perf_counter() - start, time.process_time() - cpu


def _follow(labelling: Labelling, graph: DebateGraph, event: DebateChanged) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    labelling.update(graph.claims, graph.links, event)
    _cpu_times.append(time.process_time() - cpu)
    return time.perf_counter() - start


_cpu_times: list[float] = []
"""The CPU time of every edit followed, timed or not (the slowest is reported)."""


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


def measure(size: int, repeats: int, edit_count: int) -> dict[str, dict[str, float]]:
    """Per reading: seconds of one pass over the links, of a full labelling, the median
    and slowest edit followed; items downstream of a claim (median, max)."""
    debate = generate(size, seed=1)
    graph = DebateGraph.of(debate)
    settle()  # as the window does once a debate is open (domain/collector.py)
    bare = statistics.median(bare_pass(graph) for _ in range(repeats))
    figures: dict[str, dict[str, float]] = {}
    for semantics in Semantics:
        runs = [full(graph, semantics) for _ in range(repeats)]
        whole = statistics.median(wall for wall, _ in runs)
        cpu = statistics.median(cpu for _, cpu in runs)
        labelling = Labelling(graph.claims.values(), graph.links.values(), semantics)
        _cpu_times.clear()
        times = edits(graph, labelling, edit_count)
        fresh = Labelling(graph.claims.values(), graph.links.values(), semantics)
        assert fresh.labels == labelling.labels, "edits followed went wrong"
        median_region, max_region = region_sizes(graph, labelling)
        figures[semantics.value] = {
            "bare": bare, "full": whole, "full_cpu": cpu,
            "edit_median": statistics.median(times), "edit_max": max(times),
            "edit_max_cpu": max(_cpu_times),
            "region_median": median_region, "region_max": max_region,
        }
    unsettle()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    results = {str(size): measure(size, args.repeats, args.edits) for size in args.sizes}
    if args.json:
        print(json.dumps(results))
        return 0
    print("| claims | reading | one pass over the links | full labelling | its CPU time | "
          "ratio | edit followed, median | slowest | its CPU time | items downstream of a "
          "claim (median, max) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for size, readings in results.items():
        for reading, f in readings.items():
            print(f"| {int(size):,} | {reading} | {_ms(f['bare']):.2f} ms | "
                  f"{_ms(f['full']):.1f} ms | {_ms(f['full_cpu']):.1f} ms | "
                  f"{f['full'] / f['bare']:.0f}× | "
                  f"{_ms(f['edit_median']):.3f} ms | {_ms(f['edit_max']):.2f} ms | "
                  f"{_ms(f['edit_max_cpu']):.2f} ms | "
                  f"{f['region_median']:.0f}, {f['region_max']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
