"""Co-premise groups in the text exports (README, "Formats"): Markdown, the numbered
rebuttal and the PDF outline name a group's premises together as one item ("1. A, and
B"); Kialo, which has no co-premises, writes one claim stating them ("A; and B")."""

from __future__ import annotations

import io

import pypdf
from debate_strategies import LINE_TEXT, debates
from hypothesis import given, settings

from debate_editor.domain import Debate, DebateGraph
from debate_editor.domain.model import Claim, ClaimKind, DebateInfo, Link, LinkKind
from debate_editor.formats.kialo import read_kialo, write_kialo
from debate_editor.formats.markdown import write_markdown
from debate_editor.formats.rebuttal import write_rebuttal
from debate_editor.formats.registry import ExportOptions

CON = LinkKind.OBJECTION
WORDS = {"t": "The DoD can run this research", "a": "The DoD has the budget",
         "b": "The DoD has the clearances", "c": "Budgets get cut",
         "u": "Clearances take years", "d": "It has done so before",
         "x": "Congress may block it", "y": "An election is due",
         "z": "The election is after the deadline"}


def dod(*extra: Link) -> Debate:
    """A thesis with a group of two supports (one premise objected to, the group's arrow
    undercut), a lone support, and a group of two objections."""
    claims = [Claim(id=k, text=v, kind=ClaimKind.THESIS if k == "t" else ClaimKind.CLAIM)
              for k, v in WORDS.items()]
    links = [Link(id="l1", sources=("a", "b"), to_claim="t", order=1),
             Link(id="l2", sources=("c",), to_claim="a", kind=CON),
             Link(id="l3", sources=("x", "y"), to_claim="t", kind=CON, order=3),
             Link(id="l4", sources=("u",), to_link="l1", kind=CON),
             Link(id="l5", sources=("d",), to_claim="t", order=2), *extra]
    used = {s for link in links for s in link.sources} | {"t"}
    return Debate(info=DebateInfo(title="DoD"), claims=[c for c in claims if c.id in used],
                  links=links)


def test_markdown_names_a_group_as_one_item_with_its_premises_answers_under_it() -> None:
    text = write_markdown(dod(), ExportOptions())
    assert text.endswith("\n## The DoD can run this research\n\n"
                         "- **Pro:** The DoD has the budget, and The DoD has the clearances\n"
                         "  1. **Con:** Budgets get cut\n"
                         "  2. **Undercut:** Clearances take years\n"
                         "- **Pro:** It has done so before\n"
                         "1. **Con:** Congress may block it, and An election is due\n")
    assert text.count("The DoD has the clearances") == 1


def test_markdown_status_of_a_group_is_the_status_of_the_reason_as_a_whole() -> None:
    text = write_markdown(dod(), ExportOptions(status=True))
    # Both premises stand, but the undercut of their arrow stands: the reason is defeated.
    assert ("- **Pro (defeated):** The DoD has the budget, and The DoD has the clearances"
            in text)
    assert "1. **Con (stands):** Congress may block it, and An election is due" in text


def test_the_rebuttal_numbers_a_group_of_objections_as_one_point() -> None:
    assert write_rebuttal(dod(), ExportOptions()) == (
        "I see the point of “The DoD can run this research”, but:\n"
        "1. Budgets get cut\n"
        "2. Clearances take years\n"
        "3. Congress may block it, and An election is due\n")
    inline = write_rebuttal(dod(), ExportOptions(inline=True)).splitlines()[1]
    assert inline.endswith("3. Congress may block it, and An election is due")


def test_the_rebuttal_answers_each_premise_of_a_supporting_group() -> None:
    on_b = Link(id="l6", sources=("z",), to_claim="b", kind=CON)
    points = write_rebuttal(dod(on_b), ExportOptions()).splitlines()[1:]
    assert points[:2] == ["1. Budgets get cut", "2. The election is after the deadline"]


def test_an_answered_group_of_objections_is_no_open_point() -> None:
    answered = Link(id="l6", sources=("z",), to_link="l3", kind=CON)
    full = write_rebuttal(dod(answered), ExportOptions())
    open_only = write_rebuttal(dod(answered), ExportOptions(open_points=True))
    assert "Congress may block it, and An election is due" in full
    assert "Congress may block it" not in open_only
    assert "1. Budgets get cut" in open_only


def test_the_pdf_outline_names_a_group_as_one_item() -> None:
    from debate_editor.render.exports import write_pdf

    pages = pypdf.PdfReader(io.BytesIO(write_pdf(dod(), ExportOptions()))).pages
    outline = next(p.extract_text() for p in pages if p.extract_text().startswith("Outline"))
    lines = outline.splitlines()
    assert "• Pro: The DoD has the budget, and The DoD has the clearances" in lines
    assert "1. Con: Congress may block it, and An election is due" in lines
    assert "1. Con: Budgets get cut" in lines
    assert not any(line.endswith(": The DoD has the clearances") for line in lines)


def test_kialo_writes_a_group_as_one_claim_stating_its_premises_together() -> None:
    text = write_kialo(dod(), ExportOptions())
    assert text == ("Discussion Title: DoD\n\n"
                    "1. The DoD can run this research\n"
                    "1.1. Pro: The DoD has the budget; and The DoD has the clearances\n"
                    "1.1.1. Con: Budgets get cut\n"
                    "1.1.2. Con: Clearances take years\n"
                    "1.2. Pro: It has done so before\n"
                    "1.3. Con: Congress may block it; and An election is due\n")
    again = read_kialo(text)
    assert [c.text for c in again.claims if c.kind is ClaimKind.THESIS] == [WORDS["t"]]
    assert not any(link.is_group for link in again.links)
    assert len(again.claims) == 6


@settings(max_examples=150, deadline=None)
@given(debates(texts=LINE_TEXT, rich=False, undercuts=True, groups=True))
def test_any_debate_with_groups_writes_kialo_that_reads_back(debate: Debate) -> None:
    again = read_kialo(write_kialo(debate, ExportOptions()))
    graph, read = DebateGraph.of(debate), {c.text for c in again.claims}
    for link in debate.links:
        if link.is_group and link.to_claim is not None:
            texts = [graph.claims[s].text.strip() for s in link.sources]
            assert "; ".join(texts[:-1]) + "; and " + texts[-1] in read
