"""Co-premises in Argdown (README, "Argdown"): a premise-conclusion structure whose
argument is no more than its premises, one plain inference and its conclusion is one
reason of co-premises, the premises supporting the conclusion together.

Argdown's model says so when the argument has several premises, all statements, one
inference line without rules or data, a conclusion that is a statement and none of the
premises, no text, tags or data of its own, and no relation but undercuts by statements:
nothing supports or attacks it, and nothing but an undercut of its inference is written
inside its structure; the undercuts attack the group's arrow. Such an argument is not a claim
of the debate: its premises and conclusion are, and the link from the premises to the
conclusion stands for it. Any other reconstruction stays an argument with its structure,
as before. The writer turns a group back into such a structure (`writer_groups`).
"""

from __future__ import annotations

from debate_editor.formats.argdown.parser import Inference, Member
from debate_editor.formats.argdown.semantics import ArgdownModel, Node, Ref, Rel


def grouped_arguments(model: ArgdownModel) -> dict[str, tuple[list[Ref], Ref]]:
    """The arguments that are co-premise groups: title -> (premises in order, conclusion)."""
    if model.strict:
        return {}
    touched: set[str] = set()
    for rel in model.relations:
        if _undercuts_it(rel):
            continue  # an undercut of the group's arrow
        for ref in (rel.source, rel.target, rel.parent, rel.child):
            if ref[0] != "statement":
                touched.add(ref[1])
        touched.update(filter(None, (rel.kept_in, rel.owner)))
    found: dict[str, tuple[list[Ref], Ref]] = {}
    made: set[tuple[frozenset[Ref], Ref]] = set()  # a debate holds one group of them
    for title, node in model.arguments.items():
        if title in touched:
            continue
        shape = _shape(node, model)
        if shape is not None and (frozenset(shape[0]), shape[1]) not in made:
            made.add((frozenset(shape[0]), shape[1]))
            found[title] = shape
    return found


def _undercuts_it(rel: Rel) -> bool:
    """An undercut by a statement of the argument (or of its one inference): Argdown's
    model moves it to the inference, the arrow a group's link is."""
    return (rel.kind == "undercut" and rel.source[0] == "statement"
            and rel.target[0] in ("argument", "inference") and not rel.kept_in)


def _shape(node: Node, model: ArgdownModel) -> tuple[list[Ref], Ref] | None:
    pcs = node.pcs
    if pcs is None or len(pcs.items) < 4:
        return None
    *premises, inference, conclusion = pcs.items
    if not isinstance(inference, Inference) or inference.rules or inference.data is not None:
        return None
    members = [*premises, conclusion]
    if not all(isinstance(m, Member) and not m.is_argument and m.data is None
               and not m.relations for m in members):
        return None
    if any(o.member.body or o.member.all_tags or o.member.data is not None
           for o in node.occurrences):
        return None
    titles = [model.titles[id(m)] for m in members]
    if len(set(titles)) != len(titles):
        return None
    refs: list[Ref] = [model.statements[t].ref for t in titles]
    return refs[:-1], refs[-1]
