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


def test_the_generated_file_is_laid_out_and_its_argdown_names_every_claim(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from generate import argdown_text, main

    from debate_editor.store import DebateDocument

    path, argdown = tmp_path / "g.debate", tmp_path / "g.argdown"
    assert main(["300", str(path), "--seed", "2", "--argdown", str(argdown)]) == 0
    with DebateDocument.open(path, read_only=True) as doc:
        assert len(doc.graph.claims) == 300
        assert all(c.position is not None for c in doc.claims())
        places = {c.position for c in doc.claims()}
        assert len(places) == 300  # no two cards on the same spot
    assert argdown.read_text(encoding="utf-8").strip()
    debate = generate(300, seed=2)
    text = argdown_text(debate)  # used when the Argdown exporter is not installed
    for claim in debate.claims:
        assert text.count(f"[{claim.id}]: ") == 1  # defined once, referred to after
    assert "<_ " in text and "\n  - " in text and "\n  + " in text
