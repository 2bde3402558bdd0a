"""The benchmark generator makes the debate it promises, the same every time."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))

from generate import generate

from debate_editor.domain import DebateGraph


def test_same_seed_same_debate_and_exactly_n_valid_claims() -> None:
    first = generate(600, seed=4)
    assert first == generate(600, seed=4)
    assert first != generate(600, seed=5)
    assert len(first.claims) == 600
    counts = first.link_counts()
    assert counts["undercut"] == 6
    assert counts["support"] > 0 and counts["objection"] > 0
    graph = DebateGraph.of(first)
    assert graph.cycles() == []
    reused = [c for c in first.claims if len(graph.parents(c.id)) > 1]
    assert len(reused) >= 5  # some claims stand under a second parent
    assert 1 <= len(graph.theses()) <= 5
    assert max(graph.depths().values()) >= 4
