"""Random edits, undos, redos and reopenings, applied to a document and to a plain model.

The model (tests/plain_debate.py) keeps its own dicts, its own rules and its own cascade;
undo in the model is going back to the state it saved, undo in the document is applying
the inverse edit `apply` returned (exactly what the GUI's undo stack does). After every
step the file, opened afresh by a second reader, must hold what the model holds.

`make test` runs 60 sequences of up to 40 steps; `--run-slow` runs 400 of up to 80.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)
from plain_debate import PlainDebate, RefusedError
from pydantic import ValidationError

from debate_editor.domain import (
    Claim,
    ClaimKind,
    DebateInfo,
    Edit,
    InvalidDebateError,
    Link,
    LinkKind,
)
from debate_editor.store import DebateDocument

HOSTILE = [
    "👨‍👩‍👧‍👦 a family of four code points",
    "مدن بلا سيارات",
    "\u202etxt.exe\u202c reversed",
    "zero\u200b\u200c\u200dwidth\ufeff joiners",
    "e\u0301\u0301\u0301\u0301 stacked accents",
    "NUL\x00inside",
    "lines\nand\r\nreturns\u2028and\u2029separators",
    "\U0010ffff last code point",
    "𝕳𝖊𝖑𝖑𝖔 mathematical letters",
    "'; DROP TABLE claims; --",
    "%s %n {0} $(rm -rf) <script>",
    "long " + "ж" * 100_000,
]
texts = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
).filter(lambda text: bool(text.split("\x00")[0].strip()))
picks = st.integers(min_value=0, max_value=10_000)
finite = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False)
tags = st.lists(st.sampled_from(["a", " b ", "ünï", "🗳", "a"]), max_size=4).map(tuple)


def pick(ids: object, index: int) -> str:
    ordered = sorted(ids)  # type: ignore[call-overload]
    return ordered[index % len(ordered)]


def doc_content(doc: DebateDocument) -> tuple[object, ...]:
    return (doc.info.title, doc.info.description, dict(doc.graph.claims), dict(doc.graph.links))


def scratch_folder() -> Path:
    """A fresh folder with a space and non-Latin letters in its name."""
    return Path(tempfile.mkdtemp(prefix="debate машина ", dir=FAST_TMP))


FAST_TMP = "/dev/shm" if Path("/dev/shm").is_dir() else None
"""Memory-backed when the system has it: this test is about contents, not disks."""


class EditUndoRedo(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = scratch_folder()
        self.path = self.folder / "état du débat 🗳.debate"
        self.doc = DebateDocument.create(self.path, "Start")
        self.model = PlainDebate(title="Start")
        self.undo_stack: list[tuple[Edit, PlainDebate]] = []  # inverse, model before
        self.redo_stack: list[tuple[Edit, PlainDebate]] = []  # edit, model after

    def teardown(self) -> None:
        self.doc.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # ---- the one way anything changes ------------------------------------------------
    def edit(self, edit: Edit) -> None:
        try:
            expected = self.model.apply(edit)
        except RefusedError as refused:
            reason = str(refused)
        else:
            inverse = self.doc.apply(edit)
            self.undo_stack.append((inverse, self.model))
            self.redo_stack.clear()
            self.model = expected
            return
        with pytest.raises(InvalidDebateError):
            self.doc.apply(edit)
            raise AssertionError(f"the document accepted an edit the model refuses: {reason}")

    @initialize(text=texts)
    def start_with_a_thesis(self, text: str) -> None:
        self.add_thesis(text, ClaimKind.THESIS)

    # ---- user actions ----------------------------------------------------------------
    @rule(text=texts, kind=st.sampled_from(list(ClaimKind)))
    def add_thesis(self, text: str, kind: ClaimKind) -> None:
        claim = Claim(id=self.doc.new_claim_id(), text=text, kind=kind)
        self.edit(Edit(add_claims=(claim,)))

    @precondition(lambda self: self.model.claims)
    @rule(answering=picks, text=texts, kind=st.sampled_from(list(LinkKind)),
          undercut=st.booleans(), order=st.integers(-3, 3))
    def add_reason(self, answering: int, text: str, kind: LinkKind, undercut: bool,
                   order: int) -> None:
        claim = Claim(id=self.doc.new_claim_id(), text=text)
        if undercut and self.model.links:
            link = Link(id=self.doc.new_link_id(), source=claim.id, kind=LinkKind.OBJECTION,
                        to_link=pick(self.model.links, answering), order=order)
        else:
            link = Link(id=self.doc.new_link_id(), source=claim.id, kind=kind,
                        to_claim=pick(self.model.claims, answering), order=order)
        self.edit(Edit(add_claims=(claim,), add_links=(link,)))

    @precondition(lambda self: self.model.claims)
    @rule(source=picks, to=picks, kind=st.sampled_from(list(LinkKind)))
    def link_two_claims(self, source: int, to: int, kind: LinkKind) -> None:
        """Often refused: a claim answering itself, or answering the same claim twice."""
        link = Link(id=self.doc.new_link_id(), source=pick(self.model.claims, source),
                    to_claim=pick(self.model.claims, to), kind=kind)
        self.edit(Edit(add_links=(link,)))

    @precondition(lambda self: self.model.claims)
    @rule(which=picks, text=texts, title=st.text(max_size=10), note=texts, tags=tags)
    def edit_text(self, which: int, text: str, title: str, note: str,
                  tags: tuple[str, ...]) -> None:
        old = self.model.claims[pick(self.model.claims, which)]
        new = Claim.model_validate({**old.model_dump(), "text": text, "title": title,
                                    "note": note, "tags": tags})
        self.edit(Edit(update_claims=(new,)))

    @precondition(lambda self: self.model.claims)
    @rule(which=picks, x=finite, y=finite)
    def move(self, which: int, x: float, y: float) -> None:
        old = self.model.claims[pick(self.model.claims, which)]
        self.edit(Edit(update_claims=(old.model_copy(update={"x": x, "y": y}),)))

    @precondition(lambda self: self.model.links)
    @rule(which=picks)
    def change_link_kind(self, which: int) -> None:
        old = self.model.links[pick(self.model.links, which)]
        flipped = LinkKind.SUPPORT if old.kind is LinkKind.OBJECTION else LinkKind.OBJECTION
        try:
            new = Link.model_validate({**old.model_dump(), "kind": flipped})
        except ValidationError:
            assert old.to_link is not None  # only an undercut cannot become a support
            return
        self.edit(Edit(update_links=(new,)))

    @precondition(lambda self: self.model.links)
    @rule(which=picks, to=picks)
    def reattach(self, which: int, to: int) -> None:
        """Drag an arrow's head to another claim (an undercut: to another arrow). RefusedError
        when it would answer itself, twice, or make undercuts go round in a circle."""
        old = self.model.links[pick(self.model.links, which)]
        if old.to_link is not None:
            new = old.model_copy(update={"to_link": pick(self.model.links, to)})
        else:
            new = old.model_copy(update={"to_claim": pick(self.model.claims, to)})
        self.edit(Edit(update_links=(new,)))

    @precondition(lambda self: self.model.links)
    @rule(which=picks)
    def reverse_the_order_of_siblings(self, which: int) -> None:
        link = self.model.links[pick(self.model.links, which)]
        target = link.to_claim or link.to_link
        siblings = sorted((lk for lk in self.model.links.values()
                           if target in (lk.to_claim, lk.to_link)), key=lambda lk: lk.id)
        orders = [lk.order for lk in siblings]
        changed = tuple(lk.model_copy(update={"order": order})
                        for lk, order in zip(siblings, reversed(orders), strict=True))
        self.edit(Edit(update_links=changed))

    @precondition(lambda self: self.model.claims)
    @rule(which=st.lists(picks, min_size=1, max_size=3))
    def delete_claims(self, which: list[int]) -> None:
        """Two picks may name the same claim: the model and the document must both refuse."""
        self.edit(Edit(remove_claims=tuple(pick(self.model.claims, i) for i in which)))

    @precondition(lambda self: self.model.links)
    @rule(which=st.lists(picks, min_size=1, max_size=2, unique=True))
    def delete_links(self, which: list[int]) -> None:
        ids = {pick(self.model.links, i) for i in which}
        self.edit(Edit(remove_links=tuple(sorted(ids))))

    @rule(title=texts, description=st.text(max_size=20))
    def set_title(self, title: str, description: str) -> None:
        self.edit(Edit(info=DebateInfo(title=title, description=description)))

    @rule(missing=st.sampled_from(["c999999", "l999999", "nobody"]))
    def edit_something_that_is_not_there(self, missing: str) -> None:
        self.edit(Edit(remove_claims=(missing,)))
        self.edit(Edit(update_claims=(Claim(id=missing, text="ghost"),)))

    @precondition(lambda self: self.undo_stack)
    @rule()
    def undo(self) -> None:
        inverse, before = self.undo_stack.pop()
        forward = self.doc.apply(inverse)
        self.redo_stack.append((forward, self.model))
        self.model = before

    @precondition(lambda self: self.redo_stack)
    @rule()
    def redo(self) -> None:
        forward, after = self.redo_stack.pop()
        inverse = self.doc.apply(forward)
        self.undo_stack.append((inverse, self.model))
        self.model = after

    @rule()
    def close_and_reopen(self) -> None:
        """The undo history is plain data, so it still applies to the reopened file."""
        self.doc.close()
        self.doc = DebateDocument.open(self.path)
        assert not self.doc.read_only, self.doc.read_only_reason

    # ---- after every step --------------------------------------------------------------
    @invariant()
    def the_file_reopened_holds_what_the_model_holds(self) -> None:
        with DebateDocument.open(self.path, read_only=True) as reader:
            assert doc_content(reader) == self.model.content()

    @invariant()
    def the_open_document_and_its_graph_agree_with_the_model(self) -> None:
        doc, model = self.doc, self.model
        assert doc_content(doc) == model.content()
        graph = doc.graph
        for claim_id in model.claims:
            assert {lk.id for lk in graph.incoming(claim_id)} == model.incoming(claim_id)
            assert {lk.id for lk in graph.outgoing(claim_id)} == model.outgoing(claim_id)
        for link_id in model.links:
            assert {lk.id for lk in graph.incoming(link_id)} == model.incoming(link_id)
        assert {c.id for c in graph.theses()} == model.theses()
        order = [c.id for c in graph.reading_order()]
        assert sorted(order) == sorted(model.claims)


def run_machine(examples: int, steps: int) -> None:
    test = EditUndoRedo.TestCase
    test.settings = settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    test().runTest()


def test_random_edits_undos_and_redos_keep_file_and_model_equal() -> None:
    run_machine(examples=60, steps=40)


@pytest.mark.slow
def test_random_edits_undos_and_redos_long_run() -> None:
    run_machine(examples=400, steps=80)
