"""What an Argdown import keeps, and what an export writes. No Node.js needed here.

The figures of the shared corpus (what the real Argdown parser counts) are checked
against our own reading of Argdown; tests/test_argdown_real_parser.py checks exports
against the real parser itself.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from argdown_samples import CORPUS, OUR_FILES, SHARED_CORPUS, corpus_expected, corpus_files

from debate_editor.domain.model import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.formats import registry
from debate_editor.formats.argdown import argdown_counts, read_argdown, write_argdown


def corpus(name: str) -> str:
    return next(p for p in corpus_files() if p.name == name).read_text(encoding="utf-8")


def by_title(debate: Debate, title: str) -> Claim:
    return next(c for c in debate.claims if c.title == title)


def test_registered_for_argdown_files() -> None:
    fmt = registry.get("argdown")
    assert fmt.read is not None and fmt.write is not None
    assert registry.detect(Path("map.argdown"), "") == "argdown"
    assert registry.detect(Path("map.ad"), "") == "argdown"


@pytest.mark.parametrize("name", sorted(p.name for p in corpus_files()))
def test_we_count_what_the_real_parser_counts(name: str) -> None:
    expected = corpus_expected()
    if name not in expected:
        pytest.skip(f"{name}: no count of the real parser in expected.json")
    assert argdown_counts(corpus(name)) == expected[name]


def test_the_copied_corpus_is_the_shared_one() -> None:
    """The copy in tests/data is the workplace's corpus, byte for byte, where that exists."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("no shared corpus beside the project")
    copied = sorted(CORPUS.glob("*.argdown"))
    assert len(copied) == 5
    for path in copied:
        shared = SHARED_CORPUS / path.name
        assert not shared.exists() or shared.read_bytes() == path.read_bytes(), path.name


def test_undercuts_attack_the_arrow_they_were_written_under() -> None:
    debate = read_argdown(corpus("legalisation-softdrugs.argdown"))
    assert debate.info.title == "Pros and Cons Legalisation of Soft Drugs"
    assert "subTitle: A Simple Analysis" in debate.info.description
    assert debate.link_counts() == {"support": 9, "objection": 8, "undercut": 2}
    links = {link.id: link for link in debate.links}
    poor = by_title(debate, "Poor reason")
    analogy = by_title(debate, "Alcohol and tobacco analogy")
    thesis = by_title(debate, "Legalisation of Soft Drugs")
    undercut = next(link for link in debate.links if link.source == poor.id)
    attacked = links[undercut.to_link]  # type: ignore[index]
    assert (attacked.source, attacked.to_claim) == (analogy.id, thesis.id)
    assert thesis.kind is ClaimKind.THESIS and analogy.kind is ClaimKind.ARGUMENT
    assert poor.tags == ("con",)
    assert poor.text.endswith("socially acceptable.")  # tag and comment are not text


def test_premise_conclusion_structures_stay_on_their_argument() -> None:
    debate = read_argdown(corpus("state-censorship.argdown"))
    speech = by_title(debate, "Argument from Freedom of Speech")
    assert speech.argument_structure.startswith("(1) [Absolute Freedom of Speech]")
    assert "Specification, Modus ponens {uses: [1,2,3]}" in speech.argument_structure
    assert "(4) Censorship is wrong in principle." in speech.argument_structure
    # The conclusion's attack is the argument's own link now, not text of the structure.
    assert "-> [Censorship]" not in speech.argument_structure
    censorship = by_title(debate, "Censorship")
    assert any(link.source == speech.id and link.to_claim == censorship.id
               and link.kind is LinkKind.OBJECTION for link in debate.links)
    # A premise that is a claim of its own supports the argument, as Argdown's map shows.
    absolute = by_title(debate, "Absolute Freedom of Speech")
    assert any(link.source == absolute.id and link.to_claim == speech.id
               for link in debate.links)
    assert speech.source == "C1a" and speech.tags == ("con",)
    # Premises used nowhere else are not cards of their own.
    assert not any("Censorship violates freedom of speech" in c.text for c in debate.claims)


def test_contradictions_are_objections_that_export_as_contradictions() -> None:
    text = (OUR_FILES / "contradictions.argdown").read_text(encoding="utf-8")
    debate = read_argdown(text)
    free, determinism = by_title(debate, "Free will"), by_title(debate, "Determinism")
    link = next(link for link in debate.links
                if (link.source, link.to_claim) == (determinism.id, free.id))
    assert link.kind is LinkKind.OBJECTION
    assert ">< [Free will]" in determinism.argument_structure
    exported = write_argdown(debate)
    assert "  >< [Determinism]" in exported
    assert argdown_counts(exported) == argdown_counts(text)


def test_an_undercut_of_an_argument_that_concludes_nothing_is_kept() -> None:
    text = "<Lonely>: Supports nothing.\n  <_ <Doubt>: Would not follow anyway.\n"
    debate = read_argdown(text)
    doubt, lonely = by_title(debate, "Doubt"), by_title(debate, "Lonely")
    assert [(link.source, link.to_claim) for link in debate.links] == [(doubt.id, lonely.id)]
    assert doubt.argument_structure == "_> <Lonely>"
    exported = write_argdown(debate)
    assert "<_ <Doubt>" in exported
    assert argdown_counts(exported) == argdown_counts(text) == {
        "statements": 0, "arguments": 2, "relations": {"undercut": 1}}


def test_text_that_looks_like_syntax_is_escaped() -> None:
    texts = [
        "- not an attack", "+ not a support", "# not a heading", "[T] not a title",
        "<A> not an argument", "(1) not a premise", "1. not a list", "a // not a comment",
        "snake_case and 2*3", "{not: data}", "=== not front matter ===", "ends with \\",
        "#hashtag that is no tag", "**half bold", "[T]: not a definition", "<_ not an undercut",
    ]
    claims = [Claim(id="c1", text="Thesis", kind=ClaimKind.THESIS)]
    links = []
    for number, text in enumerate(texts, start=2):
        claims.append(Claim(id=f"c{number}", text=text))
        claims.append(Claim(id=f"c{number + 100}", text=f"Reason for {number}"))
        links.append(Link(id=f"l{number}", source=f"c{number}", to_claim="c1"))
        links.append(Link(id=f"l{number + 100}", source=f"c{number + 100}",
                          to_claim=f"c{number}", kind=LinkKind.OBJECTION))
    debate = Debate(claims=tuple(claims), links=tuple(links))
    exported = write_argdown(debate)
    assert "\\[T\\] not a title" in exported or "\\[T] not a title" in exported
    again = read_argdown(exported)
    assert sorted(c.text for c in again.claims) == sorted(c.text for c in debate.claims)
    assert again.link_counts() == debate.link_counts()
    assert all(not c.tags for c in again.claims)


def test_any_debate_exports_with_titles_where_needed() -> None:
    """A claim under two parents is written once and then referred to by a title."""
    claims = (
        Claim(id="c1", text="Cities should ban cars from the centre.", kind=ClaimKind.THESIS),
        Claim(id="c2", text="Shops would lose customers.", note="From the 2021 survey."),
        Claim(id="c3", text="Cities should build more parking.", kind=ClaimKind.THESIS),
        Claim(id="c4", text="Cars bring shoppers", kind=ClaimKind.ARGUMENT,
              argument_structure="(1) Shoppers come by car.\n----\n(2) Cars bring shoppers."),
        Claim(id="c5", text="Most shoppers walk.", tags=("data", "city centre")),
    )
    links = (
        Link(id="l1", source="c2", to_claim="c1", kind=LinkKind.OBJECTION),
        Link(id="l2", source="c2", to_claim="c3"),
        Link(id="l3", source="c4", to_claim="c2"),
        Link(id="l4", source="c5", to_link="l3", kind=LinkKind.OBJECTION),
    )
    debate = Debate(info=DebateInfo(title="Cars in the centre"), claims=claims, links=links)
    exported = write_argdown(debate)
    assert exported.startswith('===\ntitle: "Cars in the centre"\n===\n')
    assert "[Shops would lose customers]: Shops would lose customers. " \
           '{note: "From the 2021 survey."}' in exported
    assert "  + [Shops would lose customers]\n" in exported
    assert "<_ Most shoppers walk. #data #(city centre)" in exported
    assert "<Cars bring shoppers>\n\n(1) Shoppers come by car.\n----\n(2) Cars bring" in exported
    again = read_argdown(exported)
    assert again.link_counts() == {"support": 2, "objection": 1, "undercut": 1}
    assert by_title(again, "Shops would lose customers").note == "From the 2021 survey."
    assert argdown_counts(exported) == {
        "statements": 6, "arguments": 1,
        "relations": {"attack": 1, "support": 2, "undercut": 1},
    }


def test_an_empty_debate_exports_as_a_heading() -> None:
    exported = write_argdown(Debate(info=DebateInfo(title="Nothing yet")))
    assert read_argdown(exported).info.title == "Nothing yet"
    assert argdown_counts(exported)["statements"] == 0


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "debate_editor", *args],
                          capture_output=True, text=True, timeout=120)


def test_command_line_round_trip(tmp_path: Path, seed_file: Path) -> None:
    first = tmp_path / "veggie.debate"
    source = CORPUS / "veggie_debate.argdown"
    assert run_cli("import", str(source), "-o", str(first)).returncode == 0
    exported = tmp_path / "again.argdown"
    result = run_cli("export", str(first), "--format", "argdown", "-o", str(exported))
    assert result.returncode == 0, result.stderr
    assert argdown_counts(exported.read_text(encoding="utf-8")) == argdown_counts(
        source.read_text(encoding="utf-8"))
    # The sample debate too: the concession keeps its kind, the thesis its note.
    seed_out = run_cli("export", str(seed_file), "--format", "argdown")
    assert seed_out.returncode == 0
    assert "{kind: concession}" in seed_out.stdout
    back = read_argdown(seed_out.stdout)
    assert back.link_counts() == {"support": 4, "objection": 2, "undercut": 0}
    assert any(c.note.startswith("On the") for c in back.claims)


@pytest.mark.parametrize("name", sorted(p.name for p in corpus_files()))
def test_windows_line_ends_read_the_same(name: str) -> None:
    text = corpus(name)
    crlf = text.replace("\n", "\r\n")
    assert argdown_counts(crlf) == argdown_counts(text)
    plain, windows = read_argdown(text), read_argdown(crlf)
    assert [(c.title, c.text, c.argument_structure) for c in windows.claims] == [
        (c.title, c.text, c.argument_structure) for c in plain.claims]
