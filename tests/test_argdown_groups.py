"""Co-premises through Argdown (README, "Argdown"), judged by the real Argdown parser: a
group is written as a premise-conclusion structure, the real parser counts in the export
what our import counts, and the export reads back as the same group. The real parser is
installed as for tests/test_argdown_real_parser.py."""

from __future__ import annotations

import random

import pytest
from argdown_samples import OUR_FILES, real_counts
from debate_strategies import LINE_TEXT, debates
from hypothesis import given, settings
from test_group_formats import WORDS, dod

from debate_editor.domain import DebateGraph
from debate_editor.domain.model import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.formats.argdown import argdown_counts, read_argdown, write_argdown

CO_PREMISES = (OUR_FILES / "co-premises.argdown").read_text(encoding="utf-8")
SEEDS = range(30)


def groups_of(debate: Debate) -> set[tuple[tuple[str, ...], str, LinkKind]]:
    """Each group as its premises' texts in order, its conclusion's text and its kind."""
    graph = DebateGraph.of(debate)
    return {(tuple(graph.claims[s].text for s in link.sources),
             graph.claims[link.to_claim].text, link.kind)
            for link in debate.links if link.is_group and link.to_claim is not None}


def supporting_group() -> Debate:
    """The DoD debate without the undercut and without the group of objections."""
    debate = dod()
    links = [link for link in debate.links if link.id not in {"l3", "l4"}]
    used = {s for link in links for s in link.sources} | {"t"}
    return Debate(info=debate.info, claims=[c for c in debate.claims if c.id in used],
                  links=links)


def random_debate(rnd: random.Random) -> Debate:
    """Claims answering earlier ones, some with a co-premise (supports and objections),
    some undercuts; every text distinct."""
    count = rnd.randint(3, 9)
    claims = [Claim(id=f"c{n}", text=f"{rnd.choice(list(WORDS.values()))} {n}")
              for n in range(1, count + 1)]
    links: list[Link] = []
    made: set[tuple[frozenset[str], str]] = set()
    for n in range(2, count + 1):
        kind = rnd.choice([LinkKind.SUPPORT, LinkKind.SUPPORT, LinkKind.OBJECTION])
        sources = [f"c{n}"]
        if rnd.random() < 0.5:
            sources.append(f"c{rnd.choice([k for k in range(2, count + 1) if k != n])}")
        if links and rnd.random() < 0.15:
            links.append(Link(id=f"l{n}", sources=(f"c{n}",), to_link=rnd.choice(links).id,
                              kind=LinkKind.OBJECTION))
            continue
        target = f"c{rnd.randint(1, n - 1)}"
        if target in sources or (frozenset(sources), target) in made:
            sources = [f"c{n}"]
        made.add((frozenset(sources), target))
        links.append(Link(id=f"l{n}", sources=tuple(sources), to_claim=target, kind=kind))
    return Debate(info=DebateInfo(title="Random"), claims=claims, links=links)


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    debates = {"dod": dod(), "supporting": supporting_group(),
               "file": read_argdown(CO_PREMISES),
               **{f"random{seed}": random_debate(random.Random(seed)) for seed in SEEDS}}
    texts = {name: write_argdown(debate) for name, debate in debates.items()}
    texts["original"] = CO_PREMISES
    return {"debates": debates, "texts": texts,
            "counts": real_counts(texts, tmp_path_factory.mktemp("groups"))}


def test_a_premise_conclusion_structure_is_read_as_one_group() -> None:
    debate = read_argdown(CO_PREMISES)
    assert groups_of(debate) == {
        (("The DoD has the budget.", "The DoD has the clearances."),
         "The DoD can run this research.", LinkKind.SUPPORT),
        (("Funding is annual.", "Elections come every four years."),
         "Budgets get cut.", LinkKind.SUPPORT)}
    # The structure whose argument says more than its premises stays that argument.
    [kept] = [c for c in debate.claims if c.kind is ClaimKind.ARGUMENT]
    assert kept.title == "Described" and "(1) [Budget]" in kept.argument_structure


def test_a_group_exports_as_a_structure_the_real_parser_counts_as_we_do(judged: dict) -> None:
    text = judged["texts"]["supporting"]
    assert ("(1) [The DoD has the budget]\n(2) [The DoD has the clearances]\n----\n"
            "(3) [The DoD can run this research]") in text
    assert judged["counts"]["supporting"] == argdown_counts(text) == {
        "statements": 5, "arguments": 1, "relations": {"attack": 1, "support": 1}}
    again = read_argdown(text)
    assert groups_of(again) == groups_of(supporting_group())
    assert sorted(c.text for c in again.claims) == sorted(
        c.text for c in supporting_group().claims)
    assert len(again.links) == len(supporting_group().links)


def test_the_file_round_trips_with_the_same_counts_and_groups(judged: dict) -> None:
    original, exported = judged["counts"]["original"], judged["counts"]["file"]
    assert original is not None and original == exported, judged["texts"]["file"]
    assert original == argdown_counts(CO_PREMISES)
    assert groups_of(read_argdown(judged["texts"]["file"])) == groups_of(
        read_argdown(CO_PREMISES))


def test_a_group_of_objections_is_an_argument_its_premises_support(judged: dict) -> None:
    text = judged["texts"]["dod"]
    assert "- <Congress may block it and An>: Congress may block it, and An election is due" \
        in text
    assert judged["counts"]["dod"] == argdown_counts(text)
    again = read_argdown(text)
    argument = next(c for c in again.claims if c.title == "Congress may block it and An")
    graph = DebateGraph.of(again)
    assert [r.claim.text for r in graph.pros(argument.id)] == [WORDS["x"], WORDS["y"]]
    assert [r.link.kind for r in graph.reasons(argument.id)] == [LinkKind.SUPPORT] * 2


@pytest.mark.parametrize("seed", SEEDS)
def test_random_debates_with_groups_read_right_by_the_real_parser(judged: dict,
                                                                  seed: int) -> None:
    name = f"random{seed}"
    text, debate = judged["texts"][name], judged["debates"][name]
    assert judged["counts"][name] is not None, text
    assert judged["counts"][name] == argdown_counts(text), text
    # Every supporting group comes back as that group, and what undercuts it still does.
    supporting = {g for g in groups_of(debate) if g[2] is LinkKind.SUPPORT}
    again = read_argdown(text)
    assert supporting <= groups_of(again), text
    assert undercut_groups(again) >= undercut_groups(debate) & {
        (premises, by) for premises, by in undercut_groups(debate)
        if any(g[0] == premises for g in supporting)}


def undercut_groups(debate: Debate) -> set[tuple[tuple[str, ...], str]]:
    """(a group's premises' texts, the text of a claim undercutting its arrow)."""
    graph = DebateGraph.of(debate)
    return {(tuple(graph.claims[s].text for s in graph.links[link.to_link].sources),
             graph.claims[link.source].text)
            for link in debate.links if link.to_link is not None
            and graph.links[link.to_link].is_group and not link.is_group}


@pytest.mark.parametrize("text", [
    "<G>\n  <_ [U]: Clearances take years.\n\n(1) [A]: a\n(2) [B]: b\n----\n(3) [C]: c\n",
    "<G>\n\n(1) [A]: a\n(2) [B]: b\n----\n  <_ [U]: Clearances take years.\n(3) [C]: c\n",
    "[U]: Clearances take years.\n  _> <G>\n\n<G>\n\n(1) [A]: a\n(2) [B]: b\n----\n(3) [C]: c\n",
], ids=["under the argument", "at the inference", "written from the undercut"])
def test_an_undercut_of_the_argument_undercuts_the_group(text: str) -> None:
    debate = read_argdown(text)
    assert groups_of(debate) == {(("a", "b"), "c", LinkKind.SUPPORT)}
    assert undercut_groups(debate) == {(("a", "b"), "Clearances take years.")}
    again = read_argdown(write_argdown(debate))
    assert undercut_groups(again) == undercut_groups(debate)
    assert argdown_counts(write_argdown(debate)) == argdown_counts(text)


@settings(max_examples=150, deadline=None)
@given(debates(texts=LINE_TEXT, rich=False, undercuts=True, groups=True))
def test_any_debate_with_groups_reads_back_with_its_supporting_groups(debate: Debate) -> None:
    """Unless a group undercuts it: that is written as an argument, and an argument that
    undercuts keeps the structure it attacks an argument (README, "Argdown")."""
    again = read_argdown(write_argdown(debate))
    by_group = {link.to_link for link in debate.links if link.is_group}
    graph = DebateGraph.of(debate)
    supporting = {(tuple(graph.claims[s].text for s in link.sources),
                   graph.claims[link.to_claim].text, link.kind)
                  for link in debate.links if link.is_group and link.to_claim is not None
                  and link.kind is LinkKind.SUPPORT and link.id not in by_group}
    assert supporting <= groups_of(again)
