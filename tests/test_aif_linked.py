"""AIF's linked arguments: an RA or CA node with several premises is one reason of
co-premises, and is written back as one scheme node with an edge from each premise
(README, "Formats" and "Co-premises"). Checked on the OVA- and AIFdb-shaped files of
tests/data/aif/ (their README says where they come from)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from debate_strategies import ANY_TEXT, debates
from hypothesis import given, settings
from test_aif_format import comparable

from debate_editor.domain import Debate, DebateGraph, LinkKind
from debate_editor.formats.aif import read_aif, write_aif
from debate_editor.formats.registry import ExportOptions

FILES = sorted((Path(__file__).parent / "data" / "aif").glob("*.json"))
ARGUMENT = {"I", "RA", "MA", "CA"}


def _body(data: dict[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = data.get("AIF", data)
    return body


class Shape:
    """An AIF document as its argument reads, without ids: each scheme node by its kind
    (a rephrase counts as an inference), its premises in edge order and what it answers."""

    def __init__(self, text: str) -> None:
        body = _body(json.loads(text))
        self.kind = {str(n["nodeID"]): n["type"] for n in body["nodes"]}
        self.text = {str(n["nodeID"]): n["text"] for n in body["nodes"]}
        self.edges = [(str(e["fromID"]), str(e["toID"])) for e in body["edges"]
                      if {self.kind[str(e["fromID"])], self.kind[str(e["toID"])]} <= ARGUMENT]

    def premises(self, node: str) -> list[str]:
        return [a for a, b in self.edges if b == node and self.kind[a] == "I"]

    def sign(self, node: str) -> tuple[object, ...]:
        if self.kind[node] == "I":
            return ("I", self.text[node])
        [target] = [b for a, b in self.edges if a == node]
        kind = "RA" if self.kind[node] == "MA" else self.kind[node]
        return (kind, tuple(self.sign(p) for p in self.premises(node)), self.sign(target))

    def i_nodes(self) -> set[str]:
        return {self.text[n] for n, kind in self.kind.items() if kind == "I"}

    def schemes(self) -> set[tuple[object, ...]]:
        return {self.sign(n) for n, kind in self.kind.items() if kind in ARGUMENT - {"I"}}

    def edge_set(self) -> set[tuple[object, ...]]:
        return {(self.sign(a), self.sign(b)) for a, b in self.edges}


def test_the_files_hold_linked_arguments() -> None:
    assert len(FILES) >= 3
    for path in FILES:
        shape = Shape(path.read_text(encoding="utf-8"))
        linked = [n for n, k in shape.kind.items() if k in {"RA", "CA"} and
                  len(shape.premises(n)) > 1]
        assert linked, path.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_linked_scheme_node_is_one_link_with_all_its_premises(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    shape = Shape(text)
    debate = read_aif(text)
    graph = DebateGraph.of(debate)
    words = {c.id: c.text for c in debate.claims}

    def arrow(link_id: str) -> tuple[object, ...]:
        link = graph.links[link_id]
        target = ("I", words[link.to_claim]) if link.to_claim else arrow(link.target)
        kind = "RA" if link.kind is LinkKind.SUPPORT else "CA"
        return (kind, tuple(("I", words[s]) for s in link.sources), target)

    read = {arrow(link.id) for link in debate.links}
    assert read == shape.schemes()
    assert len(debate.links) == len(shape.schemes())
    assert any(link.is_group for link in debate.links)
    assert set(words.values()) == shape.i_nodes()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_exporting_gives_the_same_i_nodes_scheme_nodes_and_edges(path: Path) -> None:
    original = Shape(path.read_text(encoding="utf-8"))
    written = Shape(write_aif(read_aif(path.read_text(encoding="utf-8")), ExportOptions()))
    assert written.i_nodes() == original.i_nodes()
    assert written.schemes() == original.schemes()
    assert written.edge_set() == original.edge_set()
    linked = [n for n, k in written.kind.items() if k != "I" and len(written.premises(n)) > 1]
    assert len(linked) == sum(len(original.premises(n)) > 1 for n, k in
                              original.kind.items() if k != "I")


def test_a_group_is_written_as_one_ra_node_with_an_edge_from_each_premise() -> None:
    debate = read_aif(FILES[0].read_text(encoding="utf-8"))
    group = next(link for link in debate.links if link.is_group)
    data = json.loads(write_aif(debate, ExportOptions()))
    texts = {n["nodeID"]: n["text"] for n in data["nodes"]}
    words = {c.id: c.text for c in debate.claims}
    into = {}
    for edge in data["edges"]:
        into.setdefault(edge["toID"], []).append(texts[edge["fromID"]])
    assert [words[s] for s in group.sources] in into.values()


@settings(max_examples=150, deadline=None)
@given(debates(texts=ANY_TEXT, rich=False, undercuts=True, groups=True))
def test_any_debate_with_groups_written_as_aif_reads_back_the_same(debate: Debate) -> None:
    assert comparable(read_aif(write_aif(debate, ExportOptions()))) == comparable(debate)
