"""Kialo's discussion export in and out: numbering, Pro/Con, "-> See" links, escapes."""

from __future__ import annotations

import pytest
from debate_strategies import LINE_TEXT, debates
from hypothesis import given, settings

from debate_editor.domain import Debate, DebateGraph, ImportFormatError, LinkKind
from debate_editor.formats.kialo import read_kialo, write_kialo
from debate_editor.formats.registry import ExportOptions

# Written the way Kialo writes its exports: title line, blank line, numbered entries,
# Markdown links, escaped parentheses and brackets, a claim placed under a second parent.
KIALO = """\
Discussion Title: Should cities ban cars from their centres?

1. Cities should ban cars from their centres.
1.1. Pro: Cleaner air \\(fewer particulates\\) improves health.
1.1.1. Con: E-cars cut exhaust; [tyre wear](https://example.org/wiki/Tyre_\\(wear\\)) remains.
1.1.2. Pro: Noise falls too \\[citation needed\\].
1.2. Con: Deliveries and disabled people need road access.
1.2.1. Pro: Emergency vehicles need it as well.
1.2.2. Con: Access can be kept for them alone.
1.2.2.1. Pro: -> See 1.1.2.
1.3. Pro: Streets become places to meet.
1.3.1. Con: -> See 1.2.
"""


def test_reads_numbering_stances_escapes_and_second_parents() -> None:
    debate = read_kialo(KIALO)
    graph = DebateGraph.of(debate)
    assert debate.info.title == "Should cities ban cars from their centres?"
    assert [t.text for t in graph.theses()] == ["Cities should ban cars from their centres."]
    texts = {c.text: c.id for c in debate.claims}
    assert "Cleaner air (fewer particulates) improves health." in texts
    assert "Noise falls too [citation needed]." in texts
    assert ("E-cars cut exhaust; [tyre wear](https://example.org/wiki/Tyre_(wear)) "
            "remains.") in texts
    assert len(debate.claims) == 8  # the two "-> See" lines add links, not claims
    noise = texts["Noise falls too [citation needed]."]
    deliveries = texts["Deliveries and disabled people need road access."]
    assert sorted((link.to_claim, link.kind) for link in graph.outgoing(noise)) == sorted([
        (texts["Cleaner air (fewer particulates) improves health."], LinkKind.SUPPORT),
        (texts["Access can be kept for them alone."], LinkKind.SUPPORT),
    ])
    assert {(link.to_claim, link.kind) for link in graph.outgoing(deliveries)} == {
        (texts["Cities should ban cars from their centres."], LinkKind.OBJECTION),
        (texts["Streets become places to meet."], LinkKind.OBJECTION),
    }
    thesis = graph.theses()[0].id
    assert [r.claim.text[:8] for r in graph.reasons(thesis)] == ["Cleaner ", "Deliveri", "Streets "]


def test_kialo_text_to_debate_to_kialo_text_is_the_same_text() -> None:
    assert write_kialo(read_kialo(KIALO), ExportOptions()) == KIALO


def test_blank_lines_between_entries_and_continued_lines_are_read() -> None:
    text = ("Discussion Title: T\n\n1. A thesis\n\n1.1. Con: First line\nsecond line\n\n"
            "1.1.1. Pro: x\n")
    debate = read_kialo(text)
    assert [c.text for c in debate.claims] == ["A thesis", "First line\nsecond line", "x"]


def test_theses_below_a_question_become_theses() -> None:
    text = ("Discussion Title: Which transport?\n\n1. Which transport is best in cities?\n"
            "1.1. Thesis: Bicycles\n1.1.1. Pro: Cheap\n1.2. Thesis: Trams\n")
    debate = read_kialo(text)
    graph = DebateGraph.of(debate)
    assert [t.text for t in graph.theses()] == ["Bicycles", "Trams"]
    assert debate.info.description == "Which transport is best in cities?"


def structure(debate: Debate) -> tuple[object, ...]:
    """What Kialo keeps: the texts, and per claim its answers (text, kind) in order."""
    graph = DebateGraph.of(debate)
    return (
        sorted(c.text for c in debate.claims),
        sorted(
            (graph.claims[claim_id].text,
             tuple((graph.claims[lk.source].text, lk.kind) for lk in graph.incoming(claim_id)))
            for claim_id in graph.claims
        ),
    )


@settings(max_examples=200, deadline=None)
@given(debates(texts=LINE_TEXT, rich=False, undercuts=False))
def test_debate_to_kialo_to_debate_keeps_the_structure(debate: Debate) -> None:
    text = write_kialo(debate, ExportOptions())
    again = read_kialo(text)
    assert structure(again) == structure(debate)
    assert len(again.links) == len(debate.links)
    assert write_kialo(again, ExportOptions()) == text


@settings(max_examples=100, deadline=None)
@given(debates(texts=LINE_TEXT, rich=False, undercuts=True))
def test_undercuts_become_cons_of_the_reason(debate: Debate) -> None:
    again = read_kialo(write_kialo(debate, ExportOptions()))
    assert sorted(c.text for c in again.claims) == sorted(c.text for c in debate.claims)
    assert again.link_counts()["undercut"] == 0
    graph, graph_again = DebateGraph.of(debate), DebateGraph.of(again)
    answers_again = {
        (graph_again.claims[lk.source].text, graph_again.claims[lk.to_claim].text, lk.kind)
        for lk in again.links
    }
    for link in debate.links:
        source = graph.claims[link.source].text
        if link.to_claim is not None:
            assert (source, graph.claims[link.to_claim].text, link.kind) in answers_again
        else:  # an undercut: a con of the reason whose arrow it attacks, unless that
            reason = graph.claims[graph.links[link.to_link].source]  # is the same claim
            if reason.id != link.source:
                assert any(s == source and t == reason.text for s, t, _ in answers_again)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("1. No title\n", 1, "Discussion Title"),
        ("Discussion Title: T\n\nThe thesis without a number\n", 3, "numbered claim"),
        ("Discussion Title: T\n\n1. A\n1.1. B without stance\n", 4, "Pro:"),
        ("Discussion Title: T\n\n1. A\n1.2.1. Pro: orphan\n", 4, "no entry 1.2."),
        ("Discussion Title: T\n\n1. A\n1.1. Pro: x\n1.1. Con: y\n", 5, "twice"),
        ("Discussion Title: T\n\n1. A\n1.1. Pro: -> See 1.9.\n", 4, "points at no entry"),
        ("Discussion Title: T\n\n1. A\n1.1. Pro: x\n1.1.1. Con: -> See 1.1.\n", 5, "itself"),
        ("Discussion Title: T\n\n1. A\n1.1. Pro:\n", 4, "no text"),
        ("Discussion Title: T\n\n", 2, "no claims"),
    ],
)
def test_malformed_kialo_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_kialo(text)
    assert caught.value.line == line
    assert words in caught.value.message
