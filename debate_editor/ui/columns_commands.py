"""What the pro/con columns do to the debate: add a pro or a con, edit, delete, reorder.

A mixin of `ProConColumns`, kept apart so each file has one job: every edit here goes
through the session as one undo step, and the columns redraw from the event it causes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debate_editor.domain.model import LinkKind
from debate_editor.ui import edits
from debate_editor.ui.clipboard import copy_mime, put_on_clipboard
from debate_editor.ui.columns_list import Entry
from debate_editor.ui.order_edits import move_in_column_edit, place_in_column_edit

if TYPE_CHECKING:
    from debate_editor.ui.columns import ProConColumns

    _Base = ProConColumns
else:
    _Base = object


class ColumnsCommands(_Base):
    def _writable(self) -> bool:
        if self.document.read_only:
            self.message.emit("This debate is open read-only.")
        return not self.document.read_only

    def begin_add(self, kind: LinkKind) -> None:
        if self.focus is None:
            self.message.emit("Press T for a thesis first.")
            return
        if not self._writable():
            return
        hint = ("A reason for it" if kind is LinkKind.SUPPORT else "An objection to it") \
            + " — Enter keeps it, Esc cancels"
        self.adders[kind].open("", hint)

    def _commit_add(self, kind: LinkKind, text: str) -> None:
        focus = self.focus
        if focus is not None and focus in self.document.graph.claims:
            edit, claim = edits.add_claim_edit(self.document, text, answers=focus, kind=kind)
            if self.session.run(edit):
                row = self.lists[kind].reasons.row_of(claim.id)
                self._choose(kind, row)
        self._end_edit()

    def command_add_support(self) -> None:
        self.begin_add(LinkKind.SUPPORT)

    def command_add_objection(self) -> None:
        self.begin_add(LinkKind.OBJECTION)

    def command_add_thesis(self) -> None:
        if self._writable():
            self._editing = ""
            self.editor.setGeometry(self.focus_card.geometry())
            self.editor.open("", "A new thesis — Enter keeps it, Esc cancels")

    def command_edit_card(self) -> None:
        chosen = self.selected_claim()
        if chosen is None or not self._writable():
            return
        self._editing = chosen
        area = self.focus_card.geometry()
        for reasons in self.lists.values():
            index = reasons.currentIndex()
            if index.isValid():
                rect = reasons.visualRect(index)
                area = rect.translated(reasons.viewport().mapTo(self, rect.topLeft())
                                       - rect.topLeft())
        area.setHeight(max(area.height(), 80))
        self.editor.setGeometry(area)
        self.editor.open(self.document.graph.claims[chosen].text)

    def _commit_edit(self, text: str) -> None:
        doc = self.document
        if self._editing == "":
            edit, claim = edits.add_claim_edit(doc, text)
            if self.session.run(edit):
                self.show_claim(claim.id)
                self._report()
        elif self._editing is not None and self._editing in doc.graph.claims:
            self.session.run(edits.text_edit(doc, self._editing, text))
        self._end_edit()

    def _end_edit(self) -> None:
        self._editing = None
        self.lists[LinkKind.SUPPORT].setFocus()

    def _chosen_entry(self) -> Entry | None:
        for reasons in self.lists.values():
            entry = reasons.current_entry()
            if entry is not None:
                return entry
        return None

    def command_delete(self) -> None:
        chosen = self.selected_claim()
        if chosen is not None and self._writable():
            self.session.run(edits.delete_edit(self.document, [chosen], ()))

    def command_copy(self) -> None:
        chosen = self.selected_claim()
        mime = copy_mime(self.document, [chosen]) if chosen else None
        if mime is not None:
            put_on_clipboard(mime)

    def command_toggle_link_kind(self) -> None:
        entry = self._chosen_entry()
        if entry is None:
            self.message.emit("Choose a reason in a column first.")
        elif self._writable():
            self.session.run(edits.toggle_link_kind_edit(self.document, [entry.link.id]))

    def command_cycle_claim_kind(self) -> None:
        chosen = self.selected_claim()
        if chosen is not None and self._writable():
            self.session.run(edits.claim_kind_edit(self.document, [chosen]))

    def _move(self, steps: int) -> None:
        entry = self._chosen_entry()
        if entry is None:
            self.message.emit("Choose a reason in a column first.")
        elif self._writable():
            self.session.run(move_in_column_edit(self.document, entry.link.id, steps))

    def command_move_reason_up(self) -> None:
        self._move(-1)

    def command_move_reason_down(self) -> None:
        self._move(1)

    def _reorder(self, kind: LinkKind, link_id: str, row: int) -> None:
        """A drag put a reason at `row` of its column: among the entries that answer the
        same thing (the objections to the link below the cons), at that place."""
        graph = self.document.graph
        if link_id not in graph.links or not self._writable():
            return
        target = graph.links[link_id].target
        rest = [e for e in self.lists[kind].reasons.entries if e.link.id != link_id]
        index = sum(1 for entry in rest[:row] if entry.link.target == target)
        self.session.run(place_in_column_edit(self.document, link_id, index))
