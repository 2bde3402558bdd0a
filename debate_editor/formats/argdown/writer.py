"""Argdown out: any debate as clean Argdown that the real Argdown parser reads back.

Each thesis opens a paragraph with its reasons nested under it (`+` support, `-` objection,
`<_` undercut, written under the reason whose arrow it attacks). A claim is defined where it
first appears and referenced by its title after that; a claim that must appear twice gets a
title made from its first words. An argument with a premise-conclusion structure gets a
paragraph of its own, followed by that structure. A support between an argument and one of
its own premises or its conclusion is not written: the structure says it already. A group
of co-premises is first made the argument Argdown has for it (`writer_groups`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from debate_editor.domain.errors import ImportFormatError
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import id_key
from debate_editor.domain.model import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.formats.argdown.parser import Inference, Pcs, normalize_space, parse
from debate_editor.formats.argdown.semantics import build_model
from debate_editor.formats.argdown.text import (
    clean_title,
    render_text,
    tag_markup,
    title_from_text,
    valid_title,
    yaml_quote,
)
from debate_editor.formats.argdown.writer_groups import argdown_shaped
from debate_editor.formats.registry import ExportOptions

_NOTE = re.compile(r"^(><|_>) (.+)$")
INDENT = "  "
MAX_DEPTH = 40


@dataclass
class _Structure:
    """What a claim's `argument_structure` holds, taken apart."""

    pcs: str = ""
    premises: set[str] = field(default_factory=set)
    conclusion: str | None = None
    titles: set[tuple[str, str]] = field(default_factory=set)
    notes: list[tuple[str, str]] = field(default_factory=list)
    comment: str = ""


def _structure(claim: Claim) -> _Structure:
    found = _Structure()
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", claim.argument_structure.strip()) if p]
    while paragraphs and all(_NOTE.match(line) for line in paragraphs[-1].splitlines()):
        lines = paragraphs.pop().splitlines()
        found.notes[:0] = [(m[1], m[2]) for m in map(_NOTE.match, lines) if m is not None]
    text = "\n".join(line.rstrip() for line in "\n\n".join(paragraphs).splitlines()
                     if line.strip())
    if not text:
        return found
    try:
        document = parse(text + "\n")
        ok = len(document.blocks) == 1 and isinstance(document.blocks[0], Pcs)
    except ImportFormatError:
        ok = False
    if not ok or claim.kind is not ClaimKind.ARGUMENT:
        found.comment = text
        return found
    model = build_model(document)
    pcs = document.blocks[0]
    assert isinstance(pcs, Pcs)
    found.pcs = text
    found.conclusion = model.titles[id(pcs.statements[-1])]
    after = False
    for item in pcs.items:
        if isinstance(item, Inference):
            after = True
            continue
        if not after and item is not pcs.items[-1]:
            found.premises.add(model.titles[id(item)])
        after = False
    for kind, table in (("statement", model.statements), ("argument", model.arguments)):
        for title, node in table.items():
            if any(o.member.title is not None for o in node.occurrences):
                found.titles.add((kind, title))
    return found


@dataclass
class _Line:
    depth: int
    marker: str
    claim: str
    define: bool = False


class _Writer:
    def __init__(self, debate: Debate) -> None:
        self.debate = debate
        self.graph = DebateGraph.of(debate)
        self.claims = {c.id: c for c in debate.claims}
        self.structures = {c.id: _structure(c) for c in debate.claims}
        self.titles = self._explicit_titles()
        self.skipped = {link.id for link in debate.links if self._implied(link)}
        self.expanded: set[str] = set()
        self.seen: set[str] = set()
        self.lines: list[_Line] = []

    # ---- titles ---------------------------------------------------------------------
    def _namespace(self, claim: Claim) -> str:
        return "argument" if claim.kind is ClaimKind.ARGUMENT else "statement"

    def _explicit_titles(self) -> dict[str, str]:
        self.reserved = {t for s in self.structures.values() for t in s.titles}
        titles: dict[str, str] = {}
        used: set[tuple[str, str]] = set()
        ordered = sorted(self.claims.values(), key=lambda c: (c.order, id_key(c.id)))
        for claim in ordered:  # titles people gave first, then made-up ones
            argument = claim.kind is ClaimKind.ARGUMENT
            title = valid_title(claim.title, argument) if claim.title.strip() else None
            if title is not None and (self._namespace(claim), title) not in used:
                used.add((self._namespace(claim), title))
                titles[claim.id] = title
        for claim in ordered:
            argument = claim.kind is ClaimKind.ARGUMENT
            if claim.id in titles or not (argument or claim.title.strip()):
                continue
            base = clean_title(claim.title, argument) or title_from_text(claim.text)
            titles[claim.id] = self._fresh(base, argument, used)
            used.add((self._namespace(claim), titles[claim.id]))
        self.used = used
        return titles

    def _fresh(self, base: str, argument: bool, used: set[tuple[str, str]]) -> str:
        kind = "argument" if argument else "statement"
        base = clean_title(base, argument) or "Claim"
        number = 1
        while True:
            title = base if number == 1 else f"{base} ({number})"
            if (kind, title) not in used and (kind, title) not in self.reserved and (
                valid_title(title, argument) == title
            ):
                return title
            number += 1

    # ---- which links are written, and how -------------------------------------------
    def _implied(self, link: Link) -> bool:
        """A support between an argument and its own premise or conclusion."""
        if link.kind is not LinkKind.SUPPORT or link.to_claim is None:
            return False
        source, target = self.claims[link.source], self.claims[link.to_claim]
        if target.kind is ClaimKind.ARGUMENT and source.kind is not ClaimKind.ARGUMENT:
            title = self.titles.get(source.id)
            return title is not None and title in self.structures[target.id].premises
        if source.kind is ClaimKind.ARGUMENT and target.kind is not ClaimKind.ARGUMENT:
            title = self.titles.get(target.id)
            return title is not None and title == self.structures[source.id].conclusion
        return False

    def _marker(self, link: Link) -> str:
        if link.to_link is not None:
            return "<_"
        if link.kind is LinkKind.SUPPORT:
            return "+"
        source, target = self.claims[link.source], self.claims[link.target]
        for kind, ref in self.structures[source.id].notes:
            if _refers_to(ref, target):
                if kind == "><" and source.kind is not ClaimKind.ARGUMENT:
                    return "><"
                if kind == "_>":
                    return "<_"
        return "-"

    def _has_pcs(self, claim_id: str) -> bool:
        return bool(self.structures[claim_id].pcs)

    # ---- layout ---------------------------------------------------------------------
    def layout(self) -> list[list[_Line]]:
        """Paragraphs: one per thesis and one per reconstructed argument, then one for each
        claim still unwritten (in a cycle, or nested too deep); in the claims' order."""
        ordered = sorted(self.claims.values(), key=lambda c: (c.order, id_key(c.id)))
        rank = {claim.id: index for index, claim in enumerate(ordered)}
        blocks = [
            self._block(c.id) for c in ordered
            if self._has_pcs(c.id) or not self._written_out(c.id)
        ]
        while len(self.expanded) < len(ordered):
            for claim in ordered:
                if claim.id not in self.expanded:
                    blocks.append(self._block(claim.id))
        blocks.sort(key=lambda block: rank[block[0].claim])
        return blocks

    def _written_out(self, claim_id: str) -> bool:
        return any(link.id not in self.skipped for link in self.graph.outgoing(claim_id))

    def _block(self, claim_id: str) -> list[_Line]:
        self.lines = []
        self._emit(0, "", claim_id)
        self._expand(claim_id, 1)
        return self.lines

    def _emit(self, depth: int, marker: str, claim_id: str) -> bool:
        """Write one occurrence; True if it is the claim's definition (which is then
        expanded there). Past MAX_DEPTH a claim is only named, and gets a paragraph later."""
        define = claim_id not in self.seen and (
            depth == 0 or (not self._has_pcs(claim_id) and depth <= MAX_DEPTH)
        )
        if define:
            self.seen.add(claim_id)
        self.lines.append(_Line(depth, marker, claim_id, define))
        return define

    def _expand(self, claim_id: str, depth: int) -> None:
        """The relations under a claim, depth first: each link's undercuts below it, then
        (where the claim is defined there) its own answers. A stack of what is still to
        write, not recursion, so that an undercut chain thousands long is written too."""
        stack: list[tuple[Link | None, str, int]] = [(None, claim_id, depth)]
        while stack:
            link, claim, at = stack.pop()
            if link is not None:  # write this link, then what hangs under it
                defined = self._emit(at, self._marker(link), link.source)
                if defined:
                    stack.append((None, link.source, at + 1))
                stack.extend((u, "", at + 1) for u in reversed(self.graph.incoming(link.id)))
                continue
            if claim in self.expanded:
                continue
            self.expanded.add(claim)
            todo = [u for out in self.graph.outgoing(claim) if out.id in self.skipped
                    for u in self.graph.incoming(out.id)]
            todo += [lk for lk in self.graph.incoming(claim) if lk.id not in self.skipped]
            stack.extend((lk, "", at) for lk in reversed(todo))

    # ---- text -----------------------------------------------------------------------
    def render(self, blocks: list[list[_Line]]) -> str:
        counts: dict[str, int] = {}
        for line in (line for block in blocks for line in block):
            counts[line.claim] = counts.get(line.claim, 0) + 1
        for claim_id, count in counts.items():
            if count > 1 and claim_id not in self.titles:
                claim = self.claims[claim_id]
                title = self._fresh(title_from_text(claim.text), False, self.used)
                self.used.add(("statement", title))
                self.titles[claim_id] = title
        front = _front_matter(self.debate.info)
        out = [front] if front else []
        comments = []
        for block in blocks:
            head = self.claims[block[0].claim]
            text = "\n".join(self._line(line) for line in block)
            structure = self.structures[head.id]
            if structure.pcs and block[0].define:
                text += "\n\n" + structure.pcs
            out.append(text)
        for claim in self.claims.values():
            if self.structures[claim.id].comment:
                body = self.structures[claim.id].comment.replace("*/", "* /")
                comments.append(f"/* argument structure of {claim.id}, not valid Argdown "
                                f"here:\n{body}\n*/")
        if not blocks:
            out.append("# " + render_text(self.debate.info.title))
        return "\n\n".join(out + comments) + "\n"

    def _line(self, line: _Line) -> str:
        claim = self.claims[line.claim]
        argument = claim.kind is ClaimKind.ARGUMENT
        title = self.titles.get(claim.id)
        prefix = INDENT * line.depth + (line.marker + " " if line.marker else "")
        if title is not None:
            name = f"<{title}>" if argument else f"[{title}]"
        if not line.define:
            return prefix + name
        data = self._data(claim)
        if title is None:
            return prefix + render_text(claim.text, claim.tags, data, line_start=not prefix)
        if normalize_space(claim.text) == title:
            extra = [*dict.fromkeys(filter(None, map(tag_markup, claim.tags))), data]
            return " ".join(filter(None, [prefix + name, *extra]))
        return prefix + f"{name}: " + render_text(claim.text, claim.tags, data)

    def _data(self, claim: Claim) -> str:
        fields = []
        expected = self._inferred_kind(claim)
        if claim.kind is not expected and claim.kind is not ClaimKind.ARGUMENT:
            fields.append(f"kind: {claim.kind.value}")
        if claim.source:
            fields.append(f"source: {yaml_quote(claim.source)}")
        if claim.note:
            fields.append(f"note: {yaml_quote(claim.note)}")
        return "{" + ", ".join(fields) + "}" if fields else ""

    def _inferred_kind(self, claim: Claim) -> ClaimKind:
        if claim.kind is ClaimKind.ARGUMENT:
            return ClaimKind.ARGUMENT
        answers = bool(self.graph.outgoing(claim.id))
        answered = any(link.to_claim == claim.id for link in self.graph.incoming(claim.id))
        return ClaimKind.THESIS if answered and not answers else ClaimKind.CLAIM


def _refers_to(ref: str, claim: Claim) -> bool:
    if ref.startswith("[") and ref.endswith("]"):
        return claim.kind is not ClaimKind.ARGUMENT and claim.title == ref[1:-1]
    if ref.startswith("<") and ref.endswith(">"):
        return claim.kind is ClaimKind.ARGUMENT and claim.title == ref[1:-1]
    return " ".join(claim.text.split()) == " ".join(ref.split())


def _front_matter(info: DebateInfo) -> str:
    """The title, and the description: as written if it is YAML settings (as an imported
    front matter is), else as a `description:` string."""
    title = [f"title: {yaml_quote(info.title)}"] if info.title != DebateInfo().title else []
    rest = info.description.strip("\n")
    lines = title
    if rest.strip():
        lines = [*title, f"description: {yaml_quote(rest)}"]
        if "===" not in rest and rest[:1] not in (" ", "\t"):
            try:
                whole = yaml.safe_load("\n".join([*title, rest]))
                alone = yaml.safe_load(rest)
            except (yaml.YAMLError, ValueError):
                whole = alone = None
            if (isinstance(alone, dict) and isinstance(whole, dict) and "title" not in alone
                    and whole == {**alone, **({"title": info.title} if title else {})}):
                lines = [*title, rest]
    return "===\n" + "\n".join(lines) + "\n===" if lines else ""


def write_argdown(debate: Debate, options: ExportOptions | None = None) -> str:
    """The debate as Argdown text."""
    writer = _Writer(argdown_shaped(debate, lambda claim: _structure(claim).titles))
    return writer.render(writer.layout())
