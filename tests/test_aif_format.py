"""AIF JSON as OVA and AIFdb write it: I-nodes, RA supports, CA attacks, undercuts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from debate_strategies import ANY_TEXT, debates
from hypothesis import given, settings

from debate_editor.domain import ClaimKind, Debate, DebateGraph, ImportFormatError, LinkKind
from debate_editor.formats.aif import read_aif, write_aif
from debate_editor.formats.registry import ExportOptions, detect
from debate_editor.store import DebateDocument

# Shaped like an OVA3 save: the argument inside "AIF", numeric ids, the dialogue (L, YA,
# TA nodes, locutions, participants) beside it, and an "OVA" part for the drawing.
OVA = {
    "AIF": {
        "nodes": [
            {"nodeID": 1, "text": "Cities should ban cars", "type": "I"},
            {"nodeID": 2, "text": "Cars pollute", "type": "I"},
            {"nodeID": 3, "text": "Pollution harms health", "type": "I"},
            {"nodeID": 4, "text": "Default Inference", "type": "RA", "scheme": "Default"},
            {"nodeID": 5, "text": "Deliveries need roads", "type": "I"},
            {"nodeID": 6, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 7, "text": "This city has clean air anyway", "type": "I"},
            {"nodeID": 8, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 9, "text": "Ann : cars pollute", "type": "L"},
            {"nodeID": 10, "text": "Asserting", "type": "YA"},
            {"nodeID": 11, "text": "Default Transition", "type": "TA"},
            {"nodeID": 12, "text": "Cargo bikes can deliver", "type": "I"},
            {"nodeID": 13, "text": "Default Conflict", "type": "CA"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": 2, "toID": 4},
            {"edgeID": 2, "fromID": 3, "toID": 4},
            {"edgeID": 3, "fromID": 4, "toID": 1},
            {"edgeID": 4, "fromID": 5, "toID": 6},
            {"edgeID": 5, "fromID": 6, "toID": 1},
            {"edgeID": 6, "fromID": 7, "toID": 8},
            {"edgeID": 7, "fromID": 8, "toID": 4},
            {"edgeID": 8, "fromID": 9, "toID": 10},
            {"edgeID": 9, "fromID": 10, "toID": 2},
            {"edgeID": 10, "fromID": 11, "toID": 10},
            {"edgeID": 11, "fromID": 12, "toID": 13},
            {"edgeID": 12, "fromID": 13, "toID": 6},
        ],
        "schemefulfillments": [],
        "locutions": [{"nodeID": 9, "personID": 1}],
        "participants": [{"participantID": 1, "firstname": "Ann", "surname": "B"}],
    },
    "OVA": {"firstname": "", "surname": "", "nodes": [], "edges": []},
    "text": "",
}


def test_an_ova_save_reads_as_claims_supports_objections_and_undercuts() -> None:
    debate = read_aif(json.dumps(OVA, indent=1))
    graph = DebateGraph.of(debate)
    text = {c.id: c.text for c in debate.claims}
    assert sorted(text.values()) == sorted([
        "Cities should ban cars", "Cars pollute", "Pollution harms health",
        "Deliveries need roads", "This city has clean air anyway", "Cargo bikes can deliver",
    ])  # the locution "Ann : cars pollute" is dialogue, not a claim
    [thesis] = graph.theses()
    assert thesis.text == "Cities should ban cars" and thesis.kind is ClaimKind.THESIS
    # The RA node's two premises are linked: one reason that holds only with both.
    assert [(tuple(text[c.id] for c in r.premises), r.link.kind)
            for r in graph.reasons(thesis.id)] == [
        (("Cars pollute", "Pollution harms health"), LinkKind.SUPPORT),
        (("Deliveries need roads",), LinkKind.OBJECTION),
    ]
    # The CA aimed at the RA node attacks the inference: an undercut of that one arrow.
    # The CA aimed at the other CA undercuts the objection's arrow.
    undercuts = {(text[lk.source], tuple(text[s] for s in graph.links[lk.to_link].sources))
                 for lk in debate.links if lk.is_undercut}
    assert undercuts == {
        ("This city has clean air anyway", ("Cars pollute", "Pollution harms health")),
        ("Cargo bikes can deliver", ("Deliveries need roads",)),
    }


def test_aifdb_style_string_ids_and_a_flat_document() -> None:
    flat = {
        "nodes": [
            {"nodeID": "101", "text": "A", "type": "I", "timestamp": "2016-01-01 10:00:00"},
            {"nodeID": "102", "text": "B", "type": "I", "timestamp": "2016-01-01 10:00:00"},
            {"nodeID": "103", "text": "Default Rephrase", "type": "MA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "102", "toID": "103", "formEdgeID": None},
            {"edgeID": "2", "fromID": "103", "toID": "101", "formEdgeID": None},
        ],
        "locutions": [],
    }
    debate = read_aif(json.dumps(flat))
    assert [(lk.source, lk.to_claim, lk.kind) for lk in debate.links] == [
        ("c2", "c1", LinkKind.SUPPORT)]


def comparable(debate: Debate) -> tuple[object, ...]:
    """What AIF keeps: claims in order with their texts, and each target's answers (by
    source position and kind) in order; undercuts by the arrow they attack."""
    graph = DebateGraph.of(debate)
    position = {c.id: n for n, c in enumerate(sorted(graph.claims.values(),
                                                      key=lambda c: _natural(c.id)))}

    def arrow(link_id: str) -> tuple[object, ...]:
        link = graph.links[link_id]
        target = arrow(link.to_link) if link.to_link else position[link.to_claim]
        return (tuple(position[s] for s in link.sources), target, link.kind)

    answers = sorted((
        (arrow(link.id), tuple(arrow(u.id) for u in graph.incoming(link.id)))
        for link in graph.links.values()
    ), key=repr)
    per_claim = sorted(
        (position[c], tuple(arrow(lk.id) for lk in graph.incoming(c))) for c in graph.claims
    )
    return ([c.text for c in sorted(graph.claims.values(), key=lambda c: _natural(c.id))],
            answers, per_claim)


def _natural(claim_id: str) -> tuple[object, ...]:
    from debate_editor.domain.ids import id_key
    return id_key(claim_id)


def test_the_seed_written_as_aif_reads_back_to_the_same_debate(seed_file: Path) -> None:
    with DebateDocument.open(seed_file, read_only=True) as doc:
        seed = doc.snapshot()
    text = write_aif(seed, ExportOptions())
    data = json.loads(text)
    assert {n["type"] for n in data["nodes"]} == {"I", "RA", "CA"}
    assert all({"fromID", "toID"} <= set(e) for e in data["edges"])
    again = read_aif(text)
    assert comparable(again) == comparable(seed)
    assert [c.kind for c in again.claims if c.kind is ClaimKind.THESIS] == [ClaimKind.THESIS]
    assert write_aif(again, ExportOptions()).count('"type": "CA"') == 2


@settings(max_examples=200, deadline=None)
@given(debates(texts=ANY_TEXT, rich=False, undercuts=True))
def test_any_debate_written_as_aif_reads_back_the_same(debate: Debate) -> None:
    assert comparable(read_aif(write_aif(debate, ExportOptions()))) == comparable(debate)


def test_aif_and_our_json_are_told_apart(tmp_path: Path) -> None:
    assert detect(tmp_path / "x.json", json.dumps(OVA)) == "aif"
    assert detect(tmp_path / "x.json", '{"nodes": [], "edges": []}') == "aif"
    assert detect(tmp_path / "x.json", '{"claims": []}') == "json"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('{"nodes": [\n  {"nodeID": "1", "text": "a", "type": "I"}\n]\n', 4, "not valid JSON"),
        ('{"claims": []}', 1, "not AIF"),
        ('{"nodes": [\n  {"nodeID": "1", "text": "a", "type": "I"}\n], "edges": 3}', 3, "edges"),
        ('{"nodes": [\n  {"text": "a", "type": "I"}\n], "edges": []}', 2, "nodeID"),
        ('{"nodes": [\n  {"nodeID": 1, "text": "a", "type": "I"},\n'
         '  {"nodeID": "1", "text": "b", "type": "I"}\n], "edges": []}', 3, "two nodes"),
        ('{"nodes": [\n  {"nodeID": 1, "text": " ", "type": "I"}\n], "edges": []}', 2,
         "no text"),
        ('{"nodes": [\n  {"nodeID": 1, "text": "a"}\n], "edges": []}', 2, "type"),
        ('{"nodes": [{"nodeID": 1, "text": "a", "type": "I"}],\n "edges": [\n'
         '  {"fromID": 1, "toID": true}\n]}', 3, "toID"),
    ],
)
def test_malformed_aif_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_aif(text)
    assert caught.value.line == line
    assert words in caught.value.message
