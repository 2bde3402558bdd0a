"""`export --status`: Markdown and PDF say of each claim whether it stands, in words, by
the grounded labelling of the whole debate (README, "Which claims stand")."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from test_drawn_exports import pdf_text, run_cli
from test_status import OBJ, SUP, debate

from debate_editor.domain import Claim, ClaimKind, Debate, Link, LinkKind
from debate_editor.domain.status_labels import LEGEND
from debate_editor.formats.markdown import write_markdown
from debate_editor.formats.registry import ExportOptions
from debate_editor.store import DebateDocument

GOLDEN = Path(__file__).parent / "golden"
# The seed's answers to its thesis in reading order, by the first words of their text.
SEED_ITEMS = [
    ("Concession (stands)", "I think it’s useful for government"),
    ("Pro (defeated)", "There is this constant push"),
    ("Con (stands)", "I don’t think it’s a zero sum game"),
    ("Pro (stands)", "I think this dynamic of insisting"),
    ("Pro (defeated)", "Pushing for safety/alignment research"),
    ("Con (stands)", "Like we have seen with software security"),
]


def _text(node: SyntaxTreeNode) -> str:
    if node.type == "text":
        return node.content
    if node.type in ("softbreak", "hardbreak"):
        return " "
    return "".join(_text(child) for child in node.children)


def _shown(nodes: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    return [n for n in nodes if n.type != "text" or n.content]


def read_markdown(markdown: str) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """What a Markdown reader shows: headings, paragraphs shown in italics, and each list
    item's bold label with its text, in document order."""
    root = SyntaxTreeNode(MarkdownIt("commonmark").parse(markdown))
    headings: list[str] = []
    italics: list[str] = []
    items: list[tuple[str, str]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "heading":
            headings.append(_text(node))
        elif node.type == "paragraph" and node.parent and node.parent.type != "list_item":
            inline = _shown(node.children[0].children)
            if len(inline) == 1 and inline[0].type == "em":
                italics.append(_text(inline[0]))
        elif node.type == "list_item":
            inline = _shown(node.children[0].children[0].children)
            assert inline[0].type == "strong", node
            text = "".join(_text(part) for part in inline[1:]).strip()
            items.append((_text(inline[0]).removesuffix(":"), text))
        stack.extend(reversed(node.children))
    return headings, italics, items


def test_markdown_of_the_seed_with_status(seed_file: Path) -> None:
    result = run_cli("export", str(seed_file), "--format", "markdown", "--status")
    assert result.returncode == 0, result.stderr
    headings, italics, items = read_markdown(result.stdout)
    assert headings[1].startswith("The DoD should be conducting its own safety")
    assert italics == [LEGEND, "This claim stands."]
    assert [label for label, _ in items] == [label for label, _ in SEED_ITEMS]
    for (_, text), (_, start) in zip(items, SEED_ITEMS, strict=True):
        assert start in text
    plain = run_cli("export", str(seed_file), "--format", "markdown").stdout
    assert plain == (GOLDEN / "dod-safety.md").read_text(encoding="utf-8")
    assert "stands" not in plain


def test_markdown_status_of_a_cycle_and_a_reinstated_claim() -> None:
    # t <- r (pro); r <- a <- b <- a (an even cycle between objections: undecided);
    # t <- x (con) <- y (con): x is defeated, t stands again.
    d = debate("traxby", ("s", "r", "t", SUP), ("k", "a", "r", OBJ), ("m", "b", "a", OBJ),
               ("n", "a", "b", OBJ), ("p", "x", "t", OBJ), ("q", "y", "x", OBJ))
    _, italics, items = read_markdown(write_markdown(d, ExportOptions(status=True)))
    labels = dict((text, label) for label, text in items)
    assert labels["claim r"] == "Pro (undecided)"
    assert labels["claim a"] == "Con (undecided)"
    assert labels["claim x"] == "Con (defeated)"
    assert labels["claim y"] == "Con (stands)"
    # t stands: its reason r is undecided, but nothing objects to t that stands (x is out)
    assert italics == [LEGEND, "This claim stands."]
    # only what stands under r, labelled as in the whole debate
    _, under, items = read_markdown(write_markdown(d, ExportOptions(claim="r", status=True)))
    assert under == [LEGEND, "This claim is undecided."]


def test_pdf_of_the_seed_with_status(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.pdf"
    result = run_cli("export", str(seed_file), "--format", "pdf", "--status", "-o", str(out))
    assert result.returncode == 0, result.stderr
    outline = pdf_text(out)[-1]
    assert outline.startswith("Outline " + " ".join(LEGEND.split()))
    assert "This claim stands. • Concession (stands): I think it’s useful" in outline
    positions = [outline.index(f"{label}: {start}") for label, start in SEED_ITEMS]
    assert positions == sorted(positions)
    plain = tmp_path / "plain.pdf"
    assert run_cli("export", str(seed_file), "--format", "pdf", "-o", str(plain)).returncode == 0
    assert "(stands)" not in pdf_text(plain)[-1] and "This claim" not in pdf_text(plain)[-1]


def test_pdf_map_cards_say_whether_they_stand(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.pdf"
    assert run_cli("export", str(seed_file), "--format", "pdf", "--status",
                   "-o", str(out)).returncode == 0
    page = pdf_text(out)[0]
    assert "THESIS stands · 4 pros The DoD should" in page
    assert page.count("defeated · 1 con") == 2 and page.count("CLAIM stands") == 3
    assert "CONCESSION stands I think it’s useful" in page
    plain = tmp_path / "plain.pdf"
    assert run_cli("export", str(seed_file), "--format", "pdf", "-o", str(plain)).returncode == 0
    page = pdf_text(plain)[0]
    assert "THESIS 4 pros The DoD should" in page and "stands" not in page


def test_a_narrow_card_keeps_its_word_and_drops_a_tally_that_would_not_fit(
    tmp_path: Path,
) -> None:
    """A one-word concession with 12 pros and 11 cons: "defeated · 12 pros · 11 cons"
    would run into the kind label, so its header says "defeated" alone."""
    claims = [Claim(id="t", text="A thesis long enough to make its card wide. " * 3,
                    kind=ClaimKind.THESIS),
              Claim(id="x", text="Short.", kind=ClaimKind.CONCESSION)]
    links = [Link(id="tx", source="x", to_claim="t", kind=LinkKind.SUPPORT)]
    for n in range(23):
        claims.append(Claim(id=f"r{n}", text="pro" if n < 12 else "con"))
        links.append(Link(id=f"l{n}", source=f"r{n}", to_claim="x",
                          kind=LinkKind.SUPPORT if n < 12 else LinkKind.OBJECTION))
    path = tmp_path / "narrow.debate"
    DebateDocument.create_from(path, Debate(claims=tuple(claims), links=tuple(links))).close()
    out = tmp_path / "narrow.pdf"
    assert run_cli("export", str(path), "--format", "pdf", "--status",
                   "-o", str(out)).returncode == 0
    text = " ".join(pdf_text(out))
    assert "CONCESSION defeated Short." in text
    assert "THESIS stands · 1 pro A thesis long enough" in text
    plain = tmp_path / "plain.pdf"
    assert run_cli("export", str(path), "--format", "pdf", "-o", str(plain)).returncode == 0
    assert "CONCESSION 12 pros · 11 cons Short." in " ".join(pdf_text(plain))
