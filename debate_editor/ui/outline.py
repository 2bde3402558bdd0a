"""The outline: every thesis with its pros and cons nested below it, as a tree.

The keyboard moves as in any tree (arrows, Home/End, Left/Right to close and open);
Enter, F2 or a double-click edits a row in place; S, O, T add; Ctrl+Up/Down reorder;
dragging a row onto another claim moves it there (one undo step), just above or below a
row puts it among that row's siblings. It follows and sets the window's one selection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from debate_editor.domain.edit import Edit
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.model import LinkKind
from debate_editor.ui import edits
from debate_editor.ui.clipboard import copy_mime, put_on_clipboard
from debate_editor.ui.columns_trail import trail_to
from debate_editor.ui.find_match import FindsClaims
from debate_editor.ui.inline_editor import InlineEditor
from debate_editor.ui.order_edits import (
    MoveRefusedError,
    move_in_column_edit,
    thesis_order_edit,
)
from debate_editor.ui.outline_drop import drop_edit
from debate_editor.ui.outline_model import OutlineModel, OutlineNode
from debate_editor.ui.outline_tree import BADGE, PAD, OutlineTree
from debate_editor.ui.session import Session

# What the editor in place is open for: a row's text, a new answer to a row, a thesis.
_Editing = (tuple[Literal["edit"], QPersistentModelIndex]
            | tuple[Literal["add"], QPersistentModelIndex, LinkKind]
            | tuple[Literal["thesis"]])

EXPAND_ALL_UP_TO = 300
"""A debate this small opens fully; a bigger one opens its theses' first level."""


EDITOR_HEIGHT = 68
"""The in-place editor at least; it grows with its text, up to the outline's height."""


class Outline(QWidget, FindsClaims):
    name = "outline"
    title = "Outline"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.model = OutlineModel(self.document, self)
        self.tree = OutlineTree(self)
        self.tree.setModel(self.model)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tree)
        self.setFocusProxy(self.tree)
        self.editor = InlineEditor(self.tree.viewport())
        self.editor.committed.connect(self._commit)
        self.editor.cancelled.connect(self._end_edit)
        self.editor.textChanged.connect(self._place_editor)  # it grows with its text
        self._editing: _Editing | None = None
        self._following = False
        session.bridge.changed.connect(self._on_changed)
        session.selection.changed.connect(self._follow_selection)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.drop_requested.connect(self._dropped)
        self.tree.edit_requested.connect(self.edit_row)
        self.tree.verticalScrollBar().valueChanged.connect(self._place_editor)
        if len(self.document.graph.claims) <= EXPAND_ALL_UP_TO:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)
        self._folding = False
        self._follow_folds(frozenset(session.folds.folded))
        session.folds.changed.connect(self._follow_folds)
        self.tree.collapsed.connect(lambda index: self._row_folded(index, True))
        self.tree.expanded.connect(lambda index: self._row_folded(index, False))
        if session.selection.current is not None:
            self._follow_selection(None)
        session.editable_changed.connect(self._follow_editable)
        self._follow_editable(session.editable)

    def _follow_editable(self, editable: bool) -> None:
        self.tree.read_only = not editable  # rows are chosen, never dragged elsewhere

    def handlers(self) -> dict[str, Callable[[], object]]:
        """What the outline does for the commands of the table it answers."""
        return {
            "edit_card": self.on_edit_card, "edit_row": self.on_edit_card,
            "add_thesis": self.on_add_thesis, "add_support": self.on_add_support,
            "add_reason": self.on_add_support, "add_objection": self.on_add_objection,
            "delete": self.on_delete, "copy": self.on_copy,
            "toggle_link_kind": self.on_toggle_link_kind,
            "cycle_claim_kind": self.on_cycle_claim_kind,
            "move_reason_up": self.on_move_reason_up,
            "move_reason_down": self.on_move_reason_down,
            "toggle_fold": self.on_toggle_fold,
        }

    # ---- folding: a closed row is a folded branch on the map too (ui/folding.py) --------
    def _row_folded(self, index: QModelIndex, folded: bool) -> None:
        if not self._folding and index.isValid():
            self.session.folds.set_folded([self.model.node(index).claim_id], folded)

    def _follow_folds(self, claim_ids: frozenset[str]) -> None:
        """Close the rows of folded claims and open those of unfolded ones."""
        folds = self.session.folds
        self._folding = True
        try:
            for cid in claim_ids:
                for node in self.model.nodes_of(cid):
                    self.tree.setExpanded(self.model.index_of(node), not folds.is_folded(cid))
        finally:
            self._folding = False

    def on_toggle_fold(self) -> None:
        claim_id = self.current_claim()
        if claim_id is not None and (self.session.folds.is_folded(claim_id)
                                     or self.document.graph.incoming(claim_id)):
            self.session.folds.toggle(claim_id)

    # ---- following the document and the selection -------------------------------------
    def _on_changed(self, event: DebateChanged) -> None:
        self._following = True
        try:
            self.model.apply_event(event)
        finally:
            self._following = False
        wanted = self.session.selection.current
        if wanted is not None and wanted != self.current_claim():
            self._follow_selection(None)
        self.refilter()
        self.tree.viewport().update()

    def show_found(self, found: set[str] | None) -> None:
        self.tree.delegate.found = found
        self.tree.viewport().update()

    def current_claim(self) -> str | None:
        index = self.tree.currentIndex()
        return self.model.node(index).claim_id if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim_id = self.model.node(current).claim_id if current.isValid() else None
        self.tree.delegate.echo = claim_id
        self.tree.viewport().update()
        if not self._following and claim_id is not None:
            self.session.selection.select(claim_id, source=self)

    def _follow_selection(self, source: object) -> None:
        if source is self:
            return
        wanted = self.session.selection.current
        if wanted == self.current_claim():
            return
        self._following = True
        try:
            if wanted is None:
                self.tree.clearSelection()
                self.tree.setCurrentIndex(QModelIndex())
                self.tree.delegate.echo = None
            else:
                index = self.reveal(wanted)
                if index.isValid():
                    self.tree.setCurrentIndex(index)
                    self.tree.scrollTo(index)
                    self.tree.delegate.echo = wanted
        finally:
            self._following = False
        self.tree.viewport().update()

    def reveal(self, claim_id: str, under: OutlineNode | None = None) -> QModelIndex:
        """A row of `claim_id` opened to sight: one already in sight if there is one (or
        one under `under`), else the one on the way down its first parents."""
        model = self.model
        nodes = model.nodes_of(claim_id)
        if under is not None:
            nodes = [n for n in nodes if n.parent is under] + nodes
        visible = [n for n in nodes if self._in_sight(model.index_of(n))]
        candidates = visible if under is None else nodes
        node = candidates[0] if candidates else None
        if node is None:
            node = model.find_path(trail_to(self.document.graph, claim_id))
        if node is None and nodes:
            node = nodes[0]
        if node is None:
            return QModelIndex()
        index = model.index_of(node)
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        return index

    def _in_sight(self, index: QModelIndex) -> bool:
        parent = index.parent()
        while parent.isValid():
            if not self.tree.isExpanded(parent):
                return False
            parent = parent.parent()
        return True

    def _choose(self, claim_id: str, under: OutlineNode | None = None) -> None:
        index = self.reveal(claim_id, under)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # ---- editing in place ------------------------------------------------------------
    def edit_row(self, index: QModelIndex | None = None) -> None:
        index = index if index is not None else self.tree.currentIndex()
        if not index.isValid() or not self.session.may_edit():
            return
        node = self.model.node(index)
        self._editing = ("edit", QPersistentModelIndex(index))
        self._open_editor(self.document.graph.claims[node.claim_id].text, "")

    def _begin_add(self, kind: LinkKind) -> None:
        index = self.tree.currentIndex()
        if not index.isValid():
            self.session.notice.emit("Choose the claim to answer first.")
            return
        if not self.session.may_edit():
            return
        self.tree.expand(index)
        self._editing = ("add", QPersistentModelIndex(index), kind)
        hint = "A reason for it" if kind is LinkKind.SUPPORT else "An objection to it"
        self._open_editor("", f"{hint} — Enter keeps it, Esc cancels")

    def _open_editor(self, text: str, hint: str) -> None:
        self.editor.open(text, hint)
        self._place_editor()

    def _place_editor(self) -> None:
        if not self.editor.is_open or self._editing is None:
            return
        viewport = self.tree.viewport()
        editing = self._editing
        if editing[0] == "thesis":
            last = self.tree.last_visible()
            top = self.tree.visualRect(last).bottom() + 4 if last.isValid() else 4
            left = 4
        else:
            rect = self.tree.visualRect(editing[1])
            if editing[0] == "edit":
                top, left = rect.top(), rect.left() + BADGE + PAD
            else:
                top, left = rect.bottom() + 2, rect.left() + self.tree.indentation()
        width = max(120, viewport.width() - left - 4)
        self.editor.setGeometry(QRect(left, self.editor.y(), width, self.editor.height()))
        needed = max(EDITOR_HEIGHT, self.editor.text_height())
        height = min(needed, viewport.height())
        self.editor.setVerticalScrollBarPolicy(  # a bar only when even that is too little
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if needed > height
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = max(0, min(top, viewport.height() - height))
        self.editor.setGeometry(QRect(left, top, width, height))

    def _commit(self, text: str) -> None:
        doc, editing = self.document, self._editing
        self._editing = None
        if editing is None:
            return
        edit, claim, under = Edit(), None, None
        if editing[0] in ("edit", "add"):
            index = editing[1]
            if not index.isValid():
                self._end_edit()
                return
            under = self.model.node(index)
            if editing[0] == "edit":
                edit = edits.text_edit(doc, under.claim_id, text, self.editor.started_from)
            else:
                edit, claim = edits.add_claim_edit(doc, text, answers=under.claim_id,
                                                   kind=editing[2])
        else:
            edit, claim = edits.add_claim_edit(doc, text)
        if self.session.run(edit):
            if claim is not None:
                self._choose(claim.id, under)
        elif not edit.is_empty():  # refused (a full disk, say): what was typed stays
            self._editing = editing
            self._open_editor(text, "")
            if editing[0] == "edit" and under is not None and under.claim_id in doc.graph.claims:
                self.editor.started_from = doc.graph.claims[under.claim_id].text  # now shown
            return
        self._end_edit()

    def _end_edit(self) -> None:
        self._editing = None
        self.tree.setFocus()

    # ---- commands (named in ui/command_table.py) --------------------------------------------
    def on_edit_card(self) -> None:
        self.edit_row()

    def on_add_thesis(self) -> None:
        if self.session.may_edit():
            self._editing = ("thesis",)
            self._open_editor("", "A new thesis — Enter keeps it, Esc cancels")

    def on_add_support(self) -> None:
        self._begin_add(LinkKind.SUPPORT)

    def on_add_objection(self) -> None:
        self._begin_add(LinkKind.OBJECTION)

    def on_delete(self) -> None:
        claim_id = self.current_claim()
        if claim_id is not None and self.session.may_edit():
            self.session.run(edits.delete_edit(self.document, [claim_id], ()))

    def on_copy(self) -> None:
        claim_id = self.current_claim()
        mime = copy_mime(self.document, [claim_id]) if claim_id else None
        if mime is not None:
            put_on_clipboard(mime)

    def _current_link(self) -> str | None:
        index = self.tree.currentIndex()
        return self.model.node(index).link_id if index.isValid() else None

    def on_toggle_link_kind(self) -> None:
        link_id = self._current_link()
        if link_id is None:
            self.session.notice.emit("A thesis stands under nothing: choose a reason.")
        elif self.session.may_edit():
            self.session.run(edits.toggle_link_kind_edit(self.document, [link_id]))

    def on_cycle_claim_kind(self) -> None:
        claim_id = self.current_claim()
        if claim_id is not None and self.session.may_edit():
            self.session.run(edits.claim_kind_edit(self.document, [claim_id]))

    def _move(self, steps: int) -> None:
        index = self.tree.currentIndex()
        if not index.isValid() or not self.session.may_edit():
            return
        node = self.model.node(index)
        if node.link_id is not None:
            self.session.run(move_in_column_edit(self.document, node.link_id, steps))
            return
        theses = [c.id for c in self.document.graph.theses()]
        if node.claim_id not in theses:
            return
        at = theses.index(node.claim_id) + steps
        if 0 <= at < len(theses):
            before = theses[at] if steps < 0 else (theses[at + 1] if at + 1 < len(theses)
                                                   else None)
            self.session.run(thesis_order_edit(self.document, node.claim_id, before))

    def on_move_reason_up(self) -> None:
        self._move(-1)

    def on_move_reason_down(self) -> None:
        self._move(1)

    # ---- dragging a row (what a drop means: ui/outline_drop.py) ------------------------
    def _dropped(self, dragged: QPersistentModelIndex, target: QPersistentModelIndex,
                 where: str) -> None:
        if not dragged.isValid() or not self.session.may_edit():
            return
        model = self.model
        node = model.node(dragged)
        target_node = model.node(target) if target.isValid() else model.root
        if target_node is node:
            return
        try:
            edit, place = drop_edit(self.document, model, node, target_node, where)
        except MoveRefusedError as refusal:
            self.session.notice.emit(str(refusal))
            return
        if edit is not None and self.session.run(edit):
            self._choose(node.claim_id,
                         place if place is not None and model.is_alive(place) else None)
