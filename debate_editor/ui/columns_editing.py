"""What the pro/con columns do to the debate: add a pro or a con, edit, delete, reorder.

A controller beside `ProConColumns`, kept apart so each file has one job. It takes the
session (every edit is one undo step through it, and it says whether the debate may be
changed) and the narrow `ColumnsPlaces` the columns offer: which claim is on top, which
entry is chosen, where to lay an editor, what to choose once an edit is in. The columns
redraw from the event the edit causes, never from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QRect

from debate_editor.domain.edit import Edit
from debate_editor.domain.model import LinkKind
from debate_editor.ui import edits
from debate_editor.ui.clipboard import copy_mime, put_on_clipboard
from debate_editor.ui.columns_list import Entry
from debate_editor.ui.inline_editor import InlineEditor
from debate_editor.ui.order_edits import move_in_column_edit, place_in_column_edit
from debate_editor.ui.session import Session


class ColumnsPlaces(Protocol):
    """What the editing needs to know of the columns, and no more."""

    @property
    def focus(self) -> str | None:
        """The claim on top."""
        ...

    def selected_claim(self) -> str | None: ...

    def chosen_entry(self) -> Entry | None: ...

    def column_entries(self, kind: LinkKind) -> list[Entry]:
        """What a column shows now, in its order."""
        ...

    def editing_area(self, *, row: bool) -> QRect:
        """Where an editor goes: over the chosen row (`row`), else over the claim on top."""
        ...

    def land_on(self, claim_id: str, kind: LinkKind | None) -> None:
        """An edit is in: choose the new reason in its column (or put a thesis on top)."""
        ...

    def done_editing(self) -> None:
        """Give the keyboard back to the columns."""
        ...


class ColumnsEditing:
    def __init__(self, session: Session, places: ColumnsPlaces, editor: InlineEditor,
                 adders: dict[LinkKind, InlineEditor]) -> None:
        self.session = session
        self.document = session.document
        self.places = places
        self.editor = editor
        self.adders = adders
        self._editing: str | None = None
        """The claim whose text the editor holds ('' for a new thesis)."""
        editor.committed.connect(self._commit_edit)
        editor.cancelled.connect(self._end_edit)
        for kind, adder in adders.items():
            adder.committed.connect(lambda text, k=kind: self._commit_add(k, text))
            adder.cancelled.connect(self._end_edit)

    def handlers(self) -> dict[str, Callable[[], object]]:
        """What the columns do to the debate for the command table's entries."""
        return {
            "add_support": lambda: self.begin_add(LinkKind.SUPPORT),
            "add_objection": lambda: self.begin_add(LinkKind.OBJECTION),
            "add_thesis": self.add_thesis, "edit_card": self.edit_card,
            "delete": self.delete, "copy": self.copy,
            "toggle_link_kind": self.toggle_link_kind,
            "cycle_claim_kind": self.cycle_claim_kind,
            "move_reason_up": lambda: self._move(-1),
            "move_reason_down": lambda: self._move(1),
        }

    # ---- typing ----------------------------------------------------------------------
    def begin_add(self, kind: LinkKind, text: str = "") -> None:
        if self.places.focus is None:
            self.session.notice.emit("Press T for a thesis first.")
            return
        if not self.session.may_edit():
            return
        hint = ("A reason for it" if kind is LinkKind.SUPPORT else "An objection to it") \
            + " — Enter keeps it, Esc cancels"
        self.adders[kind].open(text, hint)

    def _commit_add(self, kind: LinkKind, text: str) -> None:
        focus = self.places.focus
        if focus is not None and focus in self.document.graph.claims:
            edit, claim = edits.add_claim_edit(self.document, text, answers=focus, kind=kind)
            if self.session.run(edit):
                self.places.land_on(claim.id, kind)
            elif not edit.is_empty():  # refused (a full disk, say): what was typed stays
                self.begin_add(kind, text)
                return
        self._end_edit()

    def add_thesis(self, text: str = "") -> None:
        if self.session.may_edit():
            self._editing = ""
            self.editor.setGeometry(self.places.editing_area(row=False))
            self.editor.open(text, "A new thesis — Enter keeps it, Esc cancels")

    def edit_card(self, text: str | None = None) -> None:
        chosen = self.places.selected_claim()
        if chosen is None or not self.session.may_edit():
            return
        self._editing = chosen
        area = self.places.editing_area(row=True)
        area.setHeight(max(area.height(), 80))
        self.editor.setGeometry(area)
        self.editor.open(self.document.graph.claims[chosen].text if text is None else text)

    def _commit_edit(self, text: str) -> None:
        doc, editing = self.document, self._editing
        edit, claim = Edit(), None
        if editing == "":
            edit, claim = edits.add_claim_edit(doc, text)
        elif editing is not None and editing in doc.graph.claims:
            edit = edits.text_edit(doc, editing, text, self.editor.started_from)
        if self.session.run(edit):
            if claim is not None:
                self.places.land_on(claim.id, None)
        elif not edit.is_empty():  # refused: the editor stays open with the text
            self.editor.open(text)
            if editing in doc.graph.claims:  # a next Enter is over what shows now
                self.editor.started_from = doc.graph.claims[editing].text
            return
        self._end_edit()

    def _end_edit(self) -> None:
        self._editing = None
        self.places.done_editing()

    # ---- one step each ------------------------------------------------------------
    def delete(self) -> None:
        chosen = self.places.selected_claim()
        if chosen is not None and self.session.may_edit():
            self.session.run(edits.delete_edit(self.document, [chosen], ()))

    def copy(self) -> None:
        chosen = self.places.selected_claim()
        mime = copy_mime(self.document, [chosen]) if chosen else None
        if mime is not None:
            put_on_clipboard(mime)

    def toggle_link_kind(self) -> None:
        entry = self.places.chosen_entry()
        if entry is None:
            self.session.notice.emit("Choose a reason in a column first.")
        elif self.session.may_edit():
            self.session.run(edits.toggle_link_kind_edit(self.document, [entry.link.id]))

    def cycle_claim_kind(self) -> None:
        chosen = self.places.selected_claim()
        if chosen is not None and self.session.may_edit():
            self.session.run(edits.claim_kind_edit(self.document, [chosen]))

    def _move(self, steps: int) -> None:
        entry = self.places.chosen_entry()
        if entry is None:
            self.session.notice.emit("Choose a reason in a column first.")
        elif self.session.may_edit():
            self.session.run(move_in_column_edit(self.document, entry.link.id, steps))

    def reorder(self, kind: LinkKind, link_id: str, row: int) -> None:
        """A drag put a reason at `row` of its column: among the entries that answer the
        same thing (the objections to the link below the cons), at that place."""
        graph = self.document.graph
        if link_id not in graph.links or not self.session.may_edit():
            return
        target = graph.links[link_id].target
        rest = [e for e in self.places.column_entries(kind) if e.link.id != link_id]
        index = sum(1 for entry in rest[:row] if entry.link.target == target)
        self.session.run(place_in_column_edit(self.document, link_id, index))
