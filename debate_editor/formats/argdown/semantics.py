"""What Argdown makes of a syntax tree: statements, arguments and relations.

This follows @argdown/core 1.7's ModelPlugin: statements with the same title are one
statement (an "equivalence class"); an untitled one gets "Untitled N" from a counter shared
with untitled arguments, in the order the original walks the tree; a relation written twice
counts once; a relation of a reconstructed argument moves to its conclusion, and an undercut
of it to its last inference. `ArgdownModel.counts()` gives the figures the real parser prints,
which is how round trips are judged; the reader maps the same model onto a debate.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from debate_editor.domain.errors import ImportFormatError
from debate_editor.formats.argdown import tokens as lx
from debate_editor.formats.argdown.parser import (
    Document,
    Inference,
    ItemList,
    Member,
    Pcs,
    Relation,
    load_front_matter,
    parse,
)

Ref = tuple[str, str, int]  # ("statement" | "argument" | "inference", title, inference index)

KIND_OF = {
    lx.INCOMING_SUPPORT: "support", lx.OUTGOING_SUPPORT: "support",
    lx.INCOMING_ATTACK: "attack", lx.OUTGOING_ATTACK: "attack",
    lx.CONTRADICTION: "contradictory",
    lx.INCOMING_UNDERCUT: "undercut", lx.OUTGOING_UNDERCUT: "undercut",
}
# Relations written from the parent to the child; the others point from child to parent.
FROM_PARENT = (lx.INCOMING_SUPPORT, lx.INCOMING_ATTACK, lx.INCOMING_UNDERCUT, lx.CONTRADICTION)


@dataclass(slots=True)
class Occurrence:
    member: Member
    role: str  # top, item, relation, premise, intermediate, conclusion
    kept_in: str | None  # the argument whose premise-conclusion text holds it, if any


@dataclass(slots=True)
class Node:
    """An equivalence class of statements, or an argument."""

    kind: str
    title: str
    seq: int = 0  # when the walk first met it: the reader's document order
    occurrences: list[Occurrence] = field(default_factory=list)
    pcs: Pcs | None = None
    relations: list[Rel] = field(default_factory=list)
    ref: Ref = field(init=False)  # one tuple, shared by every relation that names it

    def __post_init__(self) -> None:
        self.ref = (self.kind, self.title, 0)


@dataclass(slots=True, eq=False)
class Rel:
    """One relation as written, with where it stands (its sign, line and column copied
    out of the syntax tree, which need not outlive the model)."""

    kind: str
    source: Ref
    target: Ref
    sign: str  # the relation's token: one of lexer.RELATIONS
    line: int
    column: int
    parent: Ref  # what it is written under
    child: Ref
    kept_in: str | None  # inside an argument's premise-conclusion text (not lifted)
    lifted: str = ""  # "conclusion" or "inference" when it leaves that text
    owner: str = ""  # the argument of a lifted relation
    context: Rel | None = None  # the relation through which its parent was written
    duplicate: bool = False


@dataclass(slots=True)
class ArgdownModel:
    statements: dict[str, Node] = field(default_factory=dict)
    arguments: dict[str, Node] = field(default_factory=dict)
    relations: list[Rel] = field(default_factory=list)
    inferences: dict[Ref, list[Rel]] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)  # id(Member) -> its title
    strict: bool = False
    move_argument_relations: bool = True

    def node(self, ref: Ref) -> Node:
        return (self.statements if ref[0] == "statement" else self.arguments)[ref[1]]

    def counts(self) -> dict[str, object]:
        """Statements, arguments and relations by type, as `argdown json` reports them."""
        relations = _transformed(self)
        return {
            "statements": len(self.statements),
            "arguments": len(self.arguments),
            "relations": dict(sorted(Counter(r.kind for r in relations).items())),
        }


class _Walker:
    def __init__(self, model: ArgdownModel) -> None:
        self.model = model
        self.counter = 0
        self.inference: Ref | None = None  # Argdown never clears it after a structure

    def unique(self) -> str:
        self.counter += 1
        return f"Untitled {self.counter}"

    def get(self, kind: str, title: str) -> Node:
        table = self.model.statements if kind == "statement" else self.model.arguments
        if title not in table:
            table[title] = Node(kind, title, len(self.model.statements) + len(self.model.arguments))
        return table[title]

    def relations_of(self, ref: Ref) -> list[Rel]:
        if ref[0] == "inference":
            return self.model.inferences.setdefault(ref, [])
        return self.get(ref[0], ref[1]).relations

    def member(
        self, node: Member, role: str, kept_in: str | None, context: Rel | None = None,
        lift_from: str = "",
    ) -> Ref:
        kind = "argument" if node.is_argument else "statement"
        title = node.title
        if node.relations:
            if not title:
                title = self.unique()
            parent = self.get(kind, title).ref
            for relation in node.relations:
                self.relation(relation, parent, kept_in, context, lift_from)
        if not title:
            title = self.unique()
        found = self.get(kind, title)
        found.occurrences.append(Occurrence(node, role, kept_in))
        self.model.titles[id(node)] = title
        return found.ref

    def relation(
        self, relation: Relation, parent: Ref, kept_in: str | None, context: Rel | None,
        lift_from: str = "",
    ) -> None:
        kind = KIND_OF[relation.kind]
        target = parent
        if relation.kind == lx.OUTGOING_UNDERCUT and parent[0] == "statement" and self.inference:
            target = self.inference
        lifted = ""
        if lift_from and (relation.kind in FROM_PARENT or parent[0] == "inference"):
            lifted = "inference" if parent[0] == "inference" else "conclusion"
        record = Rel(kind, parent, parent, relation.kind, relation.line, relation.column,
                     parent, parent, kept_in, lifted)
        if lifted:
            record.kept_in, record.owner = None, lift_from
        child = self.member(
            relation.member, "relation", record.kept_in, record,
        )
        record.child = child
        record.context = context
        if relation.kind in FROM_PARENT:
            record.source, record.target = parent, child
        else:
            record.source, record.target = child, target
        self.add(record)

    def add(self, record: Rel) -> None:
        for other in self.relations_of(record.source):
            if other.duplicate:
                continue
            if (other.target == record.target and other.kind == record.kind) or (
                record.kind == other.kind == "contradictory"
                and other.source == record.target and other.target == record.source
            ):
                record.duplicate = True
        self.model.relations.append(record)
        if not record.duplicate:
            self.relations_of(record.source).append(record)
            self.relations_of(record.target).append(record)

    def pcs(self, node: Pcs, before: object) -> None:
        if isinstance(before, Member) and before.is_argument:
            argument = self.get("argument", before.title or "")
        else:
            argument = self.get("argument", self.unique())
        if argument.pcs is not None:
            raise ImportFormatError(
                f"the argument <{argument.title}> already has a premise-conclusion structure; "
                "an argument can have only one",
                node.line, 1,
            )
        argument.pcs = node
        title = argument.title
        last = len(node.items) - 1
        after_inference = False
        for index, item in enumerate(node.items):
            if isinstance(item, Inference):
                self.inference = ("inference", title, index)
                parent: Ref = self.inference
                self.model.inferences.setdefault(parent, [])
                # Undercuts of the main inference are the argument's; others stay inside.
                lift = title if index == last - 1 else ""
                for relation in item.undercuts:
                    self.relation(relation, parent, title, None, lift_from=lift)
                after_inference = True
                continue
            role = "conclusion" if index == last else (
                "intermediate" if after_inference else "premise"
            )
            after_inference = False
            self.pcs_statement(item, role, title)

    def pcs_statement(self, item: Member, role: str, title: str) -> None:
        if role != "conclusion" or not item.relations:
            self.member(item, role, title)
            return
        # Outgoing relations of the main conclusion are the argument's own: they leave
        # the structure's text; incoming ones stay in it.
        name = item.title or self.unique()
        item_ref = self.get("statement", name).ref
        for relation in item.relations:
            self.relation(relation, item_ref, title, None, lift_from=title)
        self.get("statement", name).occurrences.append(Occurrence(item, role, title))
        self.model.titles[id(item)] = name


def build_model(
    document: Document, *, strict: bool = False, move_argument_relations: bool = True
) -> ArgdownModel:
    """The Argdown model of a parsed document; `strict` is Argdown's `model.mode: strict`."""
    model = ArgdownModel(strict=strict, move_argument_relations=move_argument_relations)
    walker = _Walker(model)
    before: object = None
    for block in document.blocks:
        if isinstance(block, Member):
            walker.member(block, "top", None)
        elif isinstance(block, ItemList):
            for item in block.items:
                walker.member(item, "item", None)
        elif isinstance(block, Pcs):
            walker.pcs(block, before)
        before = block
    return model


@dataclass(slots=True, eq=False)
class _Moved:
    """A relation as `_transformed` moves it about; told apart by identity."""

    kind: str
    source: Ref
    target: Ref


def _transformed(model: ArgdownModel) -> list[_Moved]:
    """ModelPlugin.run: move argument relations, strict mode, drop redundant attacks."""
    lists: dict[Ref, list[_Moved]] = {}

    def rel_list(ref: Ref) -> list[_Moved]:
        return lists.setdefault(ref, [])

    current: list[_Moved] = []
    for record in model.relations:
        if record.duplicate:
            continue
        r = _Moved(record.kind, record.source, record.target)
        current.append(r)
        rel_list(r.source).append(r)
        rel_list(r.target).append(r)

    def reconstructed(ref: Ref) -> Node | None:
        if ref[0] != "argument":
            return None
        node = model.arguments[ref[1]]
        return node if node.pcs is not None else None

    def remove(r: _Moved, ref: Ref) -> None:
        # JavaScript's splice(indexOf(r), 1): a missing item removes the last one instead.
        items = rel_list(ref)
        for index, item in enumerate(items):
            if item is r:
                del items[index]
                return
        if items:
            items.pop()

    if model.move_argument_relations:
        kept = []
        for r in current:
            add = True
            source = reconstructed(r.source)
            if source is not None:
                remove(r, r.source)
                conclusion = _conclusion_title(model, source)
                r.source = ("statement", conclusion, 0)
                if any(o.target == r.target and o.kind == r.kind for o in rel_list(r.source)):
                    remove(r, r.target)
                    add = False
                else:
                    rel_list(r.source).append(r)
            target = reconstructed(r.target)
            if target is not None and r.kind == "undercut":
                assert target.pcs is not None
                last = max(i for i, it in enumerate(target.pcs.items) if isinstance(it, Inference))
                inference: Ref = ("inference", target.title, last)
                r.target = inference
                remove(r, r.target)  # sic: Argdown removes it from the inference's list
                if any(o.source == r.source and o.kind == r.kind for o in rel_list(inference)):
                    remove(r, r.source)
                    add = False
                else:
                    rel_list(inference).append(r)
            if add:
                kept.append(r)
        current = kept
    if model.strict:
        kept = []
        for r in current:
            if r.source[0] == r.target[0] == "statement":
                if r.kind == "support":
                    r.kind = "entails"
                elif r.kind == "attack":
                    if any(o.kind == "contrary" and {o.source, o.target} == {r.source, r.target}
                           for o in rel_list(r.source)):
                        remove(r, r.source)
                        remove(r, r.target)
                        continue
                    r.kind = "contrary"
            kept.append(r)
        current = kept
    kept = []
    for r in current:
        target = reconstructed(r.target)
        if r.source[0] == "statement" and r.kind == "attack" and target is not None:
            premises = {_title_of(model, m) for m in _premises(model, target)}
            if any(
                (o.kind == "attack" and o.source == r.source)
                or o.kind in ("contradictory", "contrary")
                for o in rel_list(r.source)
                if (other := o.target if o.source == r.source else o.source)[0] == "statement"
                and other[1] in premises
            ):
                remove(r, r.source)
                remove(r, r.target)
                continue
        kept.append(r)
    return kept


def _title_of(model: ArgdownModel, member: Member) -> str:
    return model.titles[id(member)]


def _premises(model: ArgdownModel, argument: Node) -> list[Member]:
    assert argument.pcs is not None
    members = []
    after_inference = False
    for item in argument.pcs.items:
        if isinstance(item, Inference):
            after_inference = True
            continue
        if not after_inference:
            members.append(item)
        after_inference = False
    return members


def _conclusion_title(model: ArgdownModel, argument: Node) -> str:
    assert argument.pcs is not None
    return _title_of(model, argument.pcs.statements[-1])


def model_of(source: str | Document) -> ArgdownModel:
    """The model of an Argdown text (read as Argdown reads it, guesses and all) or of its
    parsed document, with the settings its front matter gives (`model: mode: strict`
    turns supports between statements into "entails")."""
    document = parse(source, warnings=[]) if isinstance(source, str) else source
    front = load_front_matter(document.front_matter) if document.front_matter else None
    settings = front.get("model") if isinstance(front, dict) else None
    settings = settings if isinstance(settings, dict) else {}
    try:
        return build_model(
            document, strict=settings.get("mode") == "strict",
            move_argument_relations=settings.get("transformArgumentRelations", True) is not False,
        )
    except RecursionError:
        raise ImportFormatError("the relations are nested too deeply to read") from None


def argdown_counts(text: str) -> dict[str, object]:
    """What `argdown json` counts in `text`: statements, arguments, relations by type."""
    return model_of(text).counts()
