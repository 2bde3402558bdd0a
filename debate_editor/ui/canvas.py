"""The canvas: the map of claim cards where a person drafts a debate.

It is one of the window's views: it answers the "view" commands of the command table
(`handlers`), turns what the person does into edits run through the
session (one undo step each), and redraws from the document's events alone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from debate_editor.domain import groups
from debate_editor.domain.collector import gc_paused
from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import InvalidDebateError
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.model import Claim, ClaimKind, LinkKind
from debate_editor.render.card_style import card_size
from debate_editor.ui import edits
from debate_editor.ui.canvas_find import CanvasFind
from debate_editor.ui.canvas_fold import CanvasFolds
from debate_editor.ui.canvas_menu import context_menu
from debate_editor.ui.canvas_scene import DebateScene
from debate_editor.ui.canvas_view import CanvasView
from debate_editor.ui.canvas_walk import CanvasWalk
from debate_editor.ui.card_editor import CardEditor
from debate_editor.ui.clipboard import copy_mime, paste_edit, put_on_clipboard
from debate_editor.ui.map_items import ClaimCard
from debate_editor.ui.session import Session

MIN_EDIT_ZOOM = 0.75


class Canvas(CanvasWalk, CanvasFolds, CanvasFind, QWidget):
    name = "canvas"
    title = "Map"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.store_missing_positions()
        self.scene = DebateScene(self.document, self)
        self.view = CanvasView(self.scene)
        self.view.setObjectName("canvas_view")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view)
        self.setFocusProxy(self.view)
        self.editor = CardEditor(self.view.viewport())
        self._editing: str | None = None
        self._pending: tuple[str | None, LinkKind] | None = None
        self._co_premise: tuple[str, str] | None = None
        """A co-premise being typed: its reason's link, the premise it goes after."""
        self._current: str | None = None
        self._matches: list[str] = []
        self._filter = ""
        self._following = False
        self._came_from: dict[str, str] = {}
        """The parent the walk came down from, for a claim that answers two."""
        session.bridge.changed.connect(self._on_changed)
        session.selection.changed.connect(self._follow_selection)
        self.scene.selectionChanged.connect(self._on_selection)
        self.view.link_requested.connect(self._link)
        self.view.join_requested.connect(self._join)
        self.view.cards_moved.connect(self._moved)
        self.view.edit_requested.connect(self.edit_card)
        self.view.context_requested.connect(self._context_menu)
        self.view.view_changed.connect(self._place_editor)
        self.editor.committed.connect(self._commit_text)
        self.editor.cancelled.connect(self._end_editing)
        session.editable_changed.connect(self._follow_editable)
        self.view.read_only = not session.editable
        self._hidden: set[str] = set()
        self._badged: set[str] = set()
        session.folds.changed.connect(lambda _ids: self.apply_folds())
        self.view.unfold_requested.connect(
            lambda cid: session.folds.set_folded([cid], False))
        self.apply_folds()

    def _follow_editable(self, editable: bool) -> None:
        self.view.read_only = not editable  # the mouse selects, but drags nothing
        if editable:  # a writable copy keeps the places the map shows
            self.store_missing_positions()

    def handlers(self) -> dict[str, Callable[[], object]]:
        """What the map does for the commands of the table it answers."""
        return {
            "edit_card": self.on_edit_card, "add_thesis": self.on_add_thesis,
            "add_support": self.on_add_support, "add_objection": self.on_add_objection,
            "delete": self.on_delete, "select_all": self.on_select_all,
            "copy": self.on_copy, "cut": self.on_cut, "paste": self.on_paste,
            "toggle_link_kind": self.on_toggle_link_kind,
            "cycle_claim_kind": self.on_cycle_claim_kind,
            "auto_layout": self.on_auto_layout, "toggle_fold": self.on_toggle_fold,
            "add_reason": self.on_add_support, "add_sibling": self.on_add_sibling,
            "select_up": self.on_select_up, "select_down": self.on_select_down,
            "select_left": lambda: self._select_sibling(-1),
            "select_right": lambda: self._select_sibling(1),
            "zoom_in": self.view.zoom_in, "zoom_out": self.view.zoom_out,
            "zoom_fit": self.view.zoom_fit, "zoom_actual": lambda: self.view.set_zoom(1.0),
        }

    def store_missing_positions(self) -> None:
        """A debate made elsewhere (an import, a script) may have cards with no place;
        lay those out once and keep the places in the file, so what is seen is stored."""
        doc = self.document
        if not self.session.editable or all(c.position is not None for c in doc.claims()):
            return
        from debate_editor.layout import positions_for
        from debate_editor.render.map_drawing import card_sizes

        edit = edits.move_edit(doc, positions_for(doc.graph, card_sizes(doc.graph)),
                               label="Place cards")
        if not edit.is_empty():
            doc.apply(edit)  # not an undo step: the person did not do it

    # ---- following the document --------------------------------------------------
    def _on_changed(self, event: DebateChanged) -> None:
        self.scene.apply_event(event)
        self.apply_folds()
        if self._current is not None and self._current not in self.scene.cards:
            self._current = None
        if self._filter and (event.structure_changed
                             or event.changed_claims - event.moved_claims):
            self.set_filter(self._filter)

    def _on_selection(self) -> None:
        selected = self.scene.selected_claims()
        if self._current not in selected:
            self._current = selected[0] if selected else None
        if not self._following:
            self.session.selection.select(self._current, selected,
                                          links=self.scene.selected_links(), source=self)

    def _follow_selection(self, source: object) -> None:
        """Another view chose a claim: select its card and bring it into sight."""
        if source is self:
            return
        chosen = self.session.selection
        wanted = [cid for cid in chosen.claims if cid in self.scene.cards]
        if set(wanted) != set(self.scene.selected_claims()) or self.scene.selected_links():
            self._following = True
            try:
                self.scene.clearSelection()
                for cid in wanted:
                    self.scene.cards[cid].setSelected(True)
            finally:
                self._following = False
        if chosen.current is not None:
            self.reveal(chosen.current)
        self._current = chosen.current if chosen.current in self.scene.cards else None
        if self._current is not None:
            self.view.ensureVisible(self.scene.cards[self._current].card_rect(), 40, 40)

    def current_card(self) -> str | None:
        """The card the keyboard acts on: the selected one (the last one clicked)."""
        if self._current is not None and self._current in self.scene.cards:
            return self._current
        selected = self.scene.selected_claims()
        return selected[0] if selected else None

    def select(self, claim_id: str, *, centre: bool = False) -> None:
        card = self.scene.cards.get(claim_id)
        if card is None:
            return
        self.reveal(claim_id)  # a card reached in a folded branch unfolds it
        self.scene.clearSelection()
        card.setSelected(True)
        self._current = claim_id
        if centre:
            self.view.centerOn(card.card_rect().center())
        else:
            self.view.ensureVisible(card.card_rect(), 40, 40)

    # ---- editing text in place --------------------------------------------------------
    def edit_card(self, claim_id: str | None = None) -> None:
        claim_id = claim_id or self.current_card()
        if claim_id is None or not self.session.may_edit():
            return
        card = self.scene.cards[claim_id]
        self._editing, self._pending, self._co_premise = claim_id, None, None
        self._open_editor(self.document.claim(claim_id).text, card.card_rect())

    def begin_new_card(self, answers: str | None, kind: LinkKind) -> None:
        """Open the editor where the new card will stand; the card exists once kept."""
        if not self.session.may_edit():
            return
        draft = Claim(id="new", text="new", kind=ClaimKind.THESIS if answers is None
                      else ClaimKind.CLAIM)
        x, y = edits.new_position(self.document, draft, answers, kind, places=self.scene)
        width, height = card_size(draft)
        self._editing, self._pending, self._co_premise = None, (answers, kind), None
        self._open_editor("", QRectF(x, y, width, max(height, 96.0)))

    def begin_co_premise(self, link_id: str, after: str | None = None) -> None:
        """Open the editor beside the premise `after` (or the reason's last): kept, the
        text becomes one more premise of the reason `link_id`, in one undo step."""
        link = self.document.graph.links.get(link_id)
        if link is None or not self.session.may_edit():
            return
        draft = Claim(id="new", text="new")
        beside = after if after in link.sources else link.sources[-1]
        x, y = edits.new_position(self.document, draft, None, link.kind, places=self.scene,
                                  beside=beside)
        width, height = card_size(draft)
        self._editing, self._pending, self._co_premise = None, None, (link_id, beside)
        self._open_editor("", QRectF(x, y, width, max(height, 96.0)))

    def _open_editor(self, text: str, rect: QRectF) -> None:
        if self.view.zoom < MIN_EDIT_ZOOM:
            self.view.set_zoom(1.0)
        self.view.ensureVisible(rect, 60, 60)
        self.editor.open(text, rect, self.view.zoom)
        self._place_editor()

    def _place_editor(self) -> None:
        if not self.editor.is_open:
            return
        box = self.view.mapFromScene(self.editor.scene_rect).boundingRect()
        box.setHeight(max(box.height(), 80))
        self.editor.setGeometry(box)

    def _commit_text(self, text: str) -> None:
        doc = self.document
        if self._co_premise is not None and self._co_premise[0] in doc.graph.links:
            link_id, beside = self._co_premise
            rect = self.editor.scene_rect
            try:
                edit, claim = groups.co_premise_edit(
                    doc.graph, doc.ids, link_id, text, after=beside,
                    x=round(rect.x(), 1), y=round(rect.y(), 1))
            except InvalidDebateError as error:
                self.session.problem.emit(str(error))
                self._open_editor(text, self.editor.scene_rect)  # what was typed stays
                return
        elif self._pending is not None:
            answers, kind = self._pending
            if answers is not None and answers not in doc.graph.claims \
                    and answers not in doc.graph.links:
                answers = None
            edit, claim = edits.add_claim_edit(doc, text, answers=answers, kind=kind,
                                               places=self.scene)
        elif self._editing is not None and self._editing in doc.graph.claims:
            edit = edits.text_edit(doc, self._editing, text, self.editor.started_from)
            claim = None
        else:
            edit, claim = Edit(), None
        if self.session.run(edit):
            if claim is not None:
                self.select(claim.id)
        elif not edit.is_empty():  # refused (a full disk, say): what was typed stays
            self._open_editor(text, self.editor.scene_rect)
            if self._editing in doc.graph.claims:  # a next Ctrl+Enter is over what shows
                self.editor.started_from = doc.graph.claims[self._editing].text
            return
        self._end_editing()

    def _end_editing(self) -> None:
        self._editing, self._pending, self._co_premise = None, None, None
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def editing(self) -> bool:
        return self.editor.is_open

    # ---- commands (named in ui/command_table.py) --------------------------------------------
    def on_edit_card(self) -> None:
        self.edit_card()

    def on_add_thesis(self) -> None:
        self.begin_new_card(None, LinkKind.SUPPORT)

    def on_add_support(self) -> None:
        current = self.current_card()
        if current is None:
            self.session.notice.emit("Select the card the reason supports first.")
            return
        self.begin_new_card(current, LinkKind.SUPPORT)

    def on_add_objection(self) -> None:
        links = self.scene.selected_links()
        current = self.current_card()
        if current is None and len(links) == 1:
            self.begin_new_card(links[0], LinkKind.OBJECTION)  # an undercut
            return
        if current is None:
            self.session.notice.emit("Select the card or arrow to object to first.")
            return
        self.begin_new_card(current, LinkKind.OBJECTION)

    def on_delete(self) -> None:
        claims, links = self.scene.selected_claims(), self.scene.selected_links()
        if claims or links:
            self.session.run(edits.delete_edit(self.document, claims, links))

    def on_select_all(self) -> None:
        for card in self.scene.cards.values():
            card.setSelected(True)

    def on_copy(self) -> None:
        mime = copy_mime(self.document, self.scene.selected_claims())
        if mime is not None:
            put_on_clipboard(mime)

    def on_cut(self) -> None:
        claims = self.scene.selected_claims()
        mime = copy_mime(self.document, claims)
        if mime is None:
            return
        put_on_clipboard(mime)
        edit = edits.delete_edit(self.document, claims, ())
        self.session.run(Edit(remove_claims=edit.remove_claims, label="Cut"))

    def on_paste(self) -> None:
        """Ctrl+V: with one claim selected, the cards become its reasons (with none or
        several, they land beside where they were copied); the view follows them."""
        selected = self.scene.selected_claims()
        edit, new_ids = paste_edit(self.document, QGuiApplication.clipboard().mimeData(),
                                   answers=selected[0] if len(selected) == 1 else None,
                                   places=self.scene)
        if new_ids and self.session.run(edit):
            self.scene.clearSelection()
            for cid in new_ids:
                self.scene.cards[cid].setSelected(True)
            self._current = new_ids[0]
            self.view.ensureVisible(self.scene.cards[new_ids[0]].card_rect(), 40, 40)

    def on_toggle_link_kind(self) -> None:
        links = self.scene.selected_links()
        if not links:
            current = self.current_card()
            links = [link.id for link in self.document.graph.outgoing(current)] \
                if current else []
        if not links:
            self.session.notice.emit("Select an arrow (or the card it starts from) first.")
            return
        self.session.run(edits.toggle_link_kind_edit(self.document, links))

    def on_cycle_claim_kind(self) -> None:
        claims = self.scene.selected_claims()
        if claims:
            self.session.run(edits.claim_kind_edit(self.document, claims))

    def on_auto_layout(self) -> None:
        with gc_paused():  # tens of thousands of new positions at once
            laid_out = self.session.run(edits.layout_edit(self.document))
        if not laid_out:
            self.session.notice.emit("The map is laid out already.")
        current = self.current_card()
        if current is not None:  # the selection stays in sight
            self.view.ensureVisible(self.scene.cards[current].card_rect(), 40, 40)

    # ---- the mouse's edits ------------------------------------------------------------
    def _link(self, source: str, target: str, objection: bool) -> None:
        kind = LinkKind.OBJECTION if objection else LinkKind.SUPPORT
        self.session.run(edits.link_edit(self.document, source, target, kind))

    def _join(self, link_id: str, claim_id: str) -> None:
        """A card dropped onto an arrow with Alt joins that reason as its last premise."""
        graph = self.document.graph
        if link_id not in graph.links or claim_id not in graph.claims:
            return
        try:
            edit = groups.join_edit(graph, link_id, claim_id)
        except InvalidDebateError as error:
            self.session.problem.emit(str(error))
            return
        self.session.run(edit)

    def _moved(self, positions: dict[str, tuple[float, float]]) -> None:
        if not self.session.editable or not self.session.run(
            edits.move_edit(self.document, positions)
        ):
            self._restore_positions(positions)

    def _restore_positions(self, positions: dict[str, tuple[float, float]]) -> None:
        """A refused move: put the cards back where the document has them."""
        for cid in positions:
            claim = self.document.graph.claims.get(cid)
            if claim is not None and claim.position is not None:
                self.scene.cards[cid].setPos(*claim.position)
        self.scene.reroute(positions)

    def _context_menu(self, item: object, where: QPoint) -> None:
        kind = self.document.claim(item.claim_id).kind if isinstance(item, ClaimCard) else None
        context_menu(self, item, self.handlers(), editable=self.session.editable,
                     card_kind=kind, set_kind=self._set_kind).popup(where)

    def _set_kind(self, kind: ClaimKind) -> None:
        self.session.run(edits.claim_kind_edit(self.document, self.scene.selected_claims(), kind))

    # ---- pictures ----------------------------------------------------------------------
    def prepare_screenshot(self) -> None:
        self.scene.clearSelection()
        self.view.zoom_fit()
