"""Markdown export read back by a CommonMark parser (markdown-it-py): the structure is
the debate's, and no claim text turns into markup."""

from __future__ import annotations

from typing import Any

from debate_strategies import ANY_TEXT, debates
from hypothesis import given, settings
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.formats.markdown import write_markdown
from debate_editor.formats.registry import ExportOptions

HOSTILE = [
    "*not emphasis* and **not strong**",
    "_nor_this_ snake_case",
    "# not a heading #",
    "[a link](https://example.org) ![an image](x.png)",
    "<script>alert(1)</script> <https://example.org>",
    "1. not a list",
    "2) nor this",
    "`not code` ``nor this``",
    "a | table | row",
    "ends with a backslash\\",
    "- not a bullet",
    "+ nor this",
    "> not a quote",
    "&amp; &copy; not entities",
    "~~not struck~~",
    "---",
    "===",
    "line one\nline two\\\n  line three  ",
]


def parse(markdown: str) -> SyntaxTreeNode:
    return SyntaxTreeNode(MarkdownIt("commonmark").enable(["table", "strikethrough"])
                          .parse(markdown))


def inline_text(node: SyntaxTreeNode) -> tuple[str, str]:
    """(label, text) of an inline node whose only markup may be our bold label and an
    emphasised "(see above)"; any other markup means some text was not escaped."""
    label, parts = "", []
    for child in node.children:
        if child.type == "text" and not child.content:
            continue
        if child.type == "strong" and not label and not parts:
            label = "".join(c.content for c in child.children)
        elif child.type == "text":
            parts.append(child.content)
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "em" and "".join(c.content for c in child.children) == "(see above)":
            parts.append("(see above)")
        else:
            raise AssertionError(f"markup {child.type!r} in {node.content!r}")
    return label.removesuffix(":"), "".join(parts).strip()


def outline(node: SyntaxTreeNode) -> list[Any]:
    """The document as nested tuples: headings, paragraphs, and lists of items."""
    result: list[Any] = []
    for child in node.children:
        if child.type == "heading":
            result.append((child.tag, inline_text(child.children[0])[1]))
        elif child.type == "paragraph":
            result.append(("p", inline_text(child.children[0])[1]))
        elif child.type in ("bullet_list", "ordered_list"):
            items = []
            for item in child.children:
                first, *rest = item.children
                assert first.type == "paragraph"
                label, text = inline_text(first.children[0])
                inner = [block for sub in rest for block in outline_of(sub)]
                items.append((label, text, inner))
            result.append(("ul" if child.type == "bullet_list" else "ol", items))
        else:
            raise AssertionError(f"unexpected block {child.type}")
    return result


def outline_of(node: SyntaxTreeNode) -> list[Any]:
    wrapper = SyntaxTreeNode()
    wrapper.children = [node]
    return outline(wrapper)


def claim(cid: str, text: str, kind: ClaimKind = ClaimKind.CLAIM, **extra: Any) -> Claim:
    return Claim(id=cid, text=text, kind=kind, **extra)


def literal(text: str) -> str:
    """What a reader should see: each line without its outer spaces."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def test_structure_headings_nested_lists_and_numbered_objections() -> None:
    debate = Debate(
        info=DebateInfo(title="Cities *and* cars", description="Why #1?"),
        claims=(
            claim("c1", "Ban cars", ClaimKind.THESIS, note="Context: first"),
            claim("c2", "Fair enough, but:", ClaimKind.CONCESSION),
            claim("c3", "Cleaner air"),
            claim("c4", "Electric cars"),
            claim("c5", "Deliveries"),
            claim("c6", "Not in this city"),
            claim("c7", "Less noise"),
            claim("c8", "Trams"),
        ),
        links=(
            Link(id="l1", source="c2", to_claim="c1", order=0),
            Link(id="l2", source="c3", to_claim="c1", order=1),
            Link(id="l3", source="c4", to_claim="c3", kind=LinkKind.OBJECTION),
            Link(id="l4", source="c5", to_claim="c1", kind=LinkKind.OBJECTION, order=2),
            Link(id="l5", source="c6", to_link="l2", kind=LinkKind.OBJECTION),
            Link(id="l6", source="c7", to_claim="c3", order=0),
            Link(id="l7", source="c8", to_claim="c5", kind=LinkKind.OBJECTION),
            Link(id="l8", source="c7", to_claim="c5", order=0),
        ),
    )
    document = outline(parse(write_markdown(debate, ExportOptions())))
    assert document == [
        ("h1", "Cities *and* cars"),
        ("p", "Why #1?"),
        ("h2", "Ban cars"),
        ("p", "Context: first"),
        ("ul", [
            ("Concession", "Fair enough, but:", []),
            ("Pro", "Cleaner air", [
                ("ul", [("Pro", "Less noise", [])]),
                ("ol", [("Con", "Electric cars", []), ("Undercut", "Not in this city", [])]),
            ]),
        ]),
        ("ol", [
            ("Con", "Deliveries", [
                ("ul", [("Pro", "Less noise (see above)", [])]),
                ("ol", [("Con", "Trams", [])]),
            ]),
        ]),
    ]


def test_hostile_text_stays_literal_text() -> None:
    claims = [claim("c1", HOSTILE[0], ClaimKind.THESIS)]
    links = []
    for number, text in enumerate(HOSTILE[1:], 2):
        claims.append(claim(f"c{number}", text))
        kind = LinkKind.SUPPORT if number % 2 else LinkKind.OBJECTION
        links.append(Link(id=f"l{number}", source=f"c{number}", to_claim="c1", kind=kind,
                          order=number))
    debate = Debate(info=DebateInfo(title="# <b>[x](y)</b> | 1. *"), claims=tuple(claims),
                    links=tuple(links))
    document = outline(parse(write_markdown(debate, ExportOptions())))
    assert document[0] == ("h1", "# <b>[x](y)</b> | 1. *")
    assert document[1] == ("h2", HOSTILE[0])
    listed = [(label, text) for _, items in document[2:] for label, text, _ in items]
    expected = [("Pro" if n % 2 else "Con", literal(text))
                for n, text in enumerate(HOSTILE[1:], 2)]
    assert sorted(listed) == sorted(expected)


@settings(max_examples=150, deadline=None)
@given(debates(texts=ANY_TEXT, rich=False))
def test_any_text_in_any_debate_stays_text(debate: Debate) -> None:
    """Whatever people type, each claim reads back as its own words."""
    markdown = write_markdown(debate, ExportOptions())
    texts = []

    def collect(blocks: list[Any]) -> None:
        for block in blocks:
            if block[0] in ("ul", "ol"):
                for _, text, inner in block[1]:
                    texts.append(text.removesuffix(" (see above)"))
                    collect(inner)
            elif block[0] == "h2":
                texts.append(block[1])
    collect(outline(parse(markdown))[1:])
    shown = {literal(c.text).replace("\x00", "\ufffd") for c in debate.claims}
    for text in texts:
        assert text.replace("\n", " ") in {s.replace("\n", " ") for s in shown}
