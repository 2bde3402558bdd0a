"""Argdown in: statements and arguments become claims, relations become links.

What maps where:
- A statement (all statements with one title are one) and an argument each become a claim;
  arguments have kind ARGUMENT. Their [title] or <title> goes into `Claim.title`, their text
  into `Claim.text` (a statement or argument that is only ever referenced gets its title as
  text), #tags into `Claim.tags`, and `{source: …, kind: …, note: …}` data into those fields.
- Supports and attacks become support and objection links. An undercut becomes an objection
  to the link from the undercut argument to what it supports or attacks: the one it was
  written under, else the link to its own conclusion, else its first one.
- A premise-conclusion structure stays on its argument, in `Claim.argument_structure`, as
  the Argdown text it was written in (comments dropped). Relations of its main conclusion
  leave that text: they are the argument's own links, as Argdown's map draws them. Premises
  and the conclusion that are claims in their own right are linked to the argument (premise
  supports argument, argument supports conclusion), as Argdown's map draws them too.
- A structure whose argument is no more than its premises (two or more statements), one
  plain inference and its conclusion is one link of co-premises from the premises to the
  conclusion, and not a claim of its own (`groups`).
- Kinds our links lack are kept as Argdown lines at the end of the source claim's
  `argument_structure` and drawn as the nearest link: a contradiction `><` as an objection
  (line `>< [other]`), and an undercut of something that supports or attacks nothing as an
  objection to it (line `_> <other>`). The writer turns them back into `><` and `<_`.
- Front matter: `title` becomes the debate's title, the rest (kept as written, since its
  settings change what Argdown counts) its description. Without front matter, the first
  heading titles the debate. Other headings, comments and list numbering are not kept.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

import yaml

from debate_editor.domain.errors import ImportFormatError, InvalidDebateError
from debate_editor.domain.ids import numbered_ids
from debate_editor.domain.model import (
    Claim,
    ClaimKind,
    Debate,
    DebateInfo,
    LinkKind,
    has_text,
)
from debate_editor.formats._common import lean
from debate_editor.formats.argdown.groups import grouped_arguments
from debate_editor.formats.argdown.links import (
    Build,
    ends,
    ref_text,
    resolve_undercuts,
    structure_links,
)
from debate_editor.formats.argdown.parser import (
    Document,
    Heading,
    Inference,
    Member,
    Pcs,
    load_data,
    load_front_matter,
    normalize_space,
    parse,
)
from debate_editor.formats.argdown.semantics import FROM_PARENT, Node, model_of
from debate_editor.formats.argdown.tokens import Token
from debate_editor.formats.imported import Imported

_LINE = re.compile(r"\r\n?|\n")
_KINDS = {kind.value: kind for kind in ClaimKind}


def read_argdown(text: str) -> Debate:
    """A debate from Argdown text; ImportFormatError naming the line for what is not Argdown."""
    return import_argdown(text).debate


def import_argdown(text: str) -> Imported:
    """A debate from Argdown text, read wherever Argdown reads it, with a warning for each
    place Argdown reads by a guess; ImportFormatError only for what Argdown refuses."""
    warnings: list[str] = []
    info, build = _read(text, warnings)
    # The syntax tree and the model are gone by now: only the claims' fields and the
    # links are held while the claims are made (README, "What we guarantee": big input).
    answering = {source for link in build.links for source in link.sources}
    answered = {link.to_claim for link in build.links}
    claims = []
    while build.claims:
        ref, fields = next(iter(build.claims.items()))
        del build.claims[ref]  # each claim's fields go as the claim is made
        claim_id = str(fields["id"])
        notes = build.notes.get(claim_id)
        if notes:
            structure = str(fields.get("argument_structure", ""))
            fields["argument_structure"] = "\n\n".join(filter(None, [structure, *notes]))
        if "kind" not in fields:
            fields["kind"] = (
                ClaimKind.ARGUMENT if ref[0] == "argument"
                else ClaimKind.THESIS if claim_id in answered and claim_id not in answering
                else ClaimKind.CLAIM
            )
        claims.append(lean(Claim, **fields))
    try:
        debate = Debate(info=info, claims=tuple(claims), links=tuple(build.links))
    except InvalidDebateError as error:
        raise ImportFormatError(str(error)) from None
    return Imported(debate, tuple(warnings))


def _read(text: str, warnings: list[str]) -> tuple[DebateInfo, Build]:
    """The debate's info, and its claims (as fields) and links; the tree and the model
    they come from are freed on return."""
    document = parse(text, warnings=warnings)
    front = load_front_matter(document.front_matter) if document.front_matter else None
    model = model_of(document)
    info = _info(document, front)
    build = Build(warnings=warnings)
    groups = grouped_arguments(model)
    in_groups = {ref for premises, conclusion in groups.values() for ref in (*premises, conclusion)}
    nodes = sorted([*model.statements.values(), *model.arguments.values()], key=lambda n: n.seq)
    claim_ids = numbered_ids("c")
    lines = _CleanLines(text, document.comments)
    for node in nodes:
        if node.kind == "argument" and node.title in groups:
            continue  # its premises and conclusion are claims, and its link stands for it
        if node.kind == "statement" and node.ref not in in_groups and all(
            o.kept_in for o in node.occurrences
        ):
            continue  # lives only inside an argument's premise-conclusion text
        build.claims[node.ref] = _claim_fields(node, next(claim_ids), lines)
    for node in nodes:
        node.occurrences = []  # in the fields now: the statements as written can go
    del document, nodes, lines
    ordered = sorted(model.relations, key=lambda r: (r.line, r.column))
    undercuts = []
    for rel in ordered:
        if rel.kept_in is not None:
            continue
        if rel.kind == "undercut":
            undercuts.append(rel)
            continue
        source, target = ends(rel)
        if rel.kind == "contradictory":
            source, target = target, source  # the child answers the parent
            link = build.add(build.claim_id(source), LinkKind.OBJECTION,
                             to_claim=build.claim_id(target), line=rel.line)
            if link is not None:
                build.notes.setdefault(link.source, []).append(f">< {ref_text(target, build)}")
            continue
        kind = LinkKind.SUPPORT if rel.kind == "support" else LinkKind.OBJECTION
        link = build.add(build.claim_id(source), kind, to_claim=build.claim_id(target),
                         line=rel.line)
        if link is not None:
            build.of_rel[id(rel)] = link
    del ordered
    for title, (premises, conclusion) in groups.items():
        build.add_group(("argument", title, 0), tuple(build.claim_id(p) for p in premises),
                        build.claim_id(conclusion))
    conclusions = structure_links(model.arguments.values(), model.titles, build)
    resolve_undercuts(undercuts, build, conclusions)
    build.pairs.clear()
    build.of_rel.clear()
    return info, build


def _claim_fields(node: Node, claim_id: str, lines: _CleanLines) -> dict[str, object]:
    outside = [o.member for o in node.occurrences if not o.kept_in]
    inside = [o.member for o in node.occurrences if o.kept_in]
    explicit = any(o.member.title is not None for o in node.occurrences)
    title = node.title if explicit else ""
    text = next((m.body for m in outside + inside if m.body), "")
    if not text and not title and node.pcs is not None:
        text = node.pcs.statements[-1].body or node.pcs.statements[-1].title or ""
    text = normalize_space(text or title)
    if not has_text(text):  # blank, or blank up to a NUL (what follows one does not count)
        text = normalize_space(title) if has_text(title) else "…"
    fields: dict[str, object] = {"id": claim_id, "title": title, "text": text}
    tags: list[str] = []
    data: dict[object, object] = {}
    for occurrence in node.occurrences:
        tags.extend(occurrence.member.all_tags)
        if occurrence.member.data is not None and not occurrence.kept_in:
            loaded = load_data(occurrence.member.data)
            if isinstance(loaded, dict):
                data.update(loaded)
    fields["tags"] = tuple(tags)
    for key in ("source", "note"):
        if isinstance(data.get(key), str):
            fields[key] = data[key]
    if isinstance(data.get("kind"), str) and data["kind"] in _KINDS and node.kind == "statement":
        fields["kind"] = _KINDS[str(data["kind"])]
    if node.pcs is not None:
        fields["argument_structure"] = _structure_text(node.pcs, lines)
    return fields


def _structure_text(pcs: Pcs, lines: _CleanLines) -> str:
    cut = _lifted_lines(pcs)
    kept = []
    for number in range(pcs.line, pcs.last_line + 1):
        if any(start <= number <= end for start, end in cut):
            continue
        line = lines.line(number).rstrip()
        if line.strip():
            kept.append(line)
    return "\n".join(kept)


def _lifted_lines(pcs: Pcs) -> list[tuple[int, int]]:
    """Lines of the relations that leave the structure: outgoing ones of its main
    conclusion, and undercuts of its main inference."""
    spans = []
    conclusion = pcs.items[-1]
    assert isinstance(conclusion, Member)
    for relation in conclusion.relations:
        if relation.kind in FROM_PARENT:
            spans.append((relation.line, relation.last_line))
    main = pcs.items[-2]
    assert isinstance(main, Inference)
    spans.extend((r.line, r.last_line) for r in main.undercuts)
    return spans


class _CleanLines:
    """The text's lines with comments blanked out, each cut from the text when asked for.
    A list of all lines would cost the input again and some fifty bytes a line; this
    holds where lines and comments start and end, eight bytes a number."""

    def __init__(self, text: str, comments: list[Token]) -> None:
        self.text = text
        self.starts = array("q", [0])  # where each line starts, after the break before it
        self.starts.extend(found.end() for found in _LINE.finditer(text))
        self.comment_starts = array("q")
        self.comment_ends = array("q")
        position = 0
        for comment in sorted(comments, key=lambda c: c.offset):
            start = max(comment.offset, position)
            end = comment.offset + len(comment.image)
            if end <= start:
                continue
            self.comment_starts.append(start)
            self.comment_ends.append(end)
            position = end

    def line(self, number: int) -> str:
        """Line `number` (from 1) without its line break, comments blanked."""
        start = self.starts[number - 1]
        if number < len(self.starts):
            end = self.starts[number]
            end -= 2 if self.text.startswith("\r\n", end - 2) else 1
        else:
            end = len(self.text)
        parts = []
        position = start
        index = bisect_right(self.comment_ends, start)  # the first comment ending after start
        while index < len(self.comment_starts) and self.comment_starts[index] < end:
            blank_from = max(self.comment_starts[index], position)
            blank_to = min(self.comment_ends[index], end)
            parts.append(self.text[position:blank_from])
            parts.append(" " * (blank_to - blank_from))
            position = blank_to
            index += 1
        parts.append(self.text[position:end])
        return "".join(parts)


def _info(document: Document, front: object) -> DebateInfo:
    title = ""
    description = ""
    if document.front_matter is not None:
        body = re.sub(r"^\s*={3,}", "", document.front_matter.image)
        body = re.sub(r"={3,}\s*$", "", body)
        if isinstance(front, dict) and isinstance(front.get("title"), str):
            title = normalize_space(front["title"])
        description = _without_title(body)
    headings = [b for b in document.blocks if isinstance(b, Heading)]
    # A first heading that no other heading matches in rank names the whole text.
    if (not title and headings and document.blocks[0] is headings[0]
            and [h.level for h in headings].count(headings[0].level) == 1):
        title = headings[0].content.text
    return DebateInfo(title=title or "Untitled debate", description=description)


def _without_title(body: str) -> str:
    """The front matter less its top-level `title:` entry, as written."""
    kept: list[str] = []
    skipping = False
    for line in body.split("\n"):
        if re.match(r"title\s*:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        kept.append(line.rstrip())
    rest = "\n".join(kept).strip("\n")
    try:
        data = yaml.safe_load(rest) if rest.strip() else None
    except yaml.YAMLError:
        return rest
    if isinstance(data, dict) and set(data) == {"description"} and isinstance(
        data["description"], str
    ):
        return data["description"]
    return rest
