"""The pro/con columns: one claim on top, its supports on one side, its objections on the
other, as Kialo shows a debate, without losing the way back.

A trail of the claims above leads back to the thesis; click (or Enter) opens a reason,
Backspace or the trail goes back up, and the reason you came from is selected again.
The view re-reads only the focused claim when the document changes, and follows and
sets the window's one selection.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from debate_editor.domain.events import DebateChanged
from debate_editor.domain.model import LinkKind
from debate_editor.render.card_style import KIND_STYLES, LINK_STYLES, counts_text
from debate_editor.ui.columns_editing import ColumnsEditing
from debate_editor.ui.columns_focus import FocusCard
from debate_editor.ui.columns_list import Entry, ReasonList
from debate_editor.ui.columns_trail import Trail, TrailBar, trail_to
from debate_editor.ui.find_match import FindsClaims
from debate_editor.ui.inline_editor import InlineEditor
from debate_editor.ui.plain_text import quiet_hint
from debate_editor.ui.session import Session

EMPTY_HEIGHT = 48
MAX_HEIGHT = 16_777_215
SIDE_BY_SIDE_WIDTH = 560
"""Narrower than this, the cons go below the pros instead of beside them."""
FOCUS_LINES, NOTE_LINES = 12, 4
"""The most lines of the claim on top and of its note; the rest of a longer text ends in
an ellipsis, and the tooltip holds it (the editor shows it whole)."""


class ProConColumns(QWidget, FindsClaims):
    name = "columns"
    title = "Pro/Con Columns"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.trail: Trail = []
        self._following = False
        self.trail_bar = TrailBar(self)
        self.trail_bar.chosen.connect(self._back_to)
        self._build_focus_card()
        self.lists = {kind: ReasonList(kind, self) for kind in LinkKind}
        self.adders: dict[LinkKind, InlineEditor] = {}
        self.headers: dict[LinkKind, QLabel] = {}
        self.add_buttons: dict[LinkKind, QToolButton] = {}
        self.columns_box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns_box.setSpacing(10)
        for kind in LinkKind:
            self.columns_box.addLayout(self._build_column(kind), 1)
        self.editing = ColumnsEditing(session, self, InlineEditor(self), self.adders)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.trail_bar)
        box.addWidget(self.focus_card)
        box.addLayout(self.columns_box, 1)
        self.setFocusProxy(self.lists[LinkKind.SUPPORT])
        session.bridge.changed.connect(self._on_changed)
        session.selection.changed.connect(self._follow_selection)
        session.editable_changed.connect(self._follow_editable)
        self._follow_editable(session.editable)
        theses = self.document.graph.theses()
        self.show_claim(session.selection.current or (theses[0].id if theses else None))

    def handlers(self) -> dict[str, Callable[[], object]]:
        """What the columns do for the commands of the table they answer."""
        return {**self.editing.handlers(),
                "open_reason": self.on_open_reason, "back_up": self.on_back_up,
                "select_left": lambda: self._switch(LinkKind.SUPPORT),
                "select_right": lambda: self._switch(LinkKind.OBJECTION)}

    def _follow_editable(self, editable: bool) -> None:
        for kind in LinkKind:
            self.lists[kind].read_only = not editable  # a click opens, a drag moves nothing
            self.add_buttons[kind].setEnabled(editable)

    # ---- building -----------------------------------------------------------------
    def _build_focus_card(self) -> None:
        card = FocusCard(self, FOCUS_LINES, NOTE_LINES)
        self.focus_card, self.kind_label, self.tally_label = card, card.kind, card.tally
        self.text_label, self.note_label = card.text, card.note

    def _build_column(self, kind: LinkKind) -> QVBoxLayout:
        reasons = self.lists[kind]
        reasons.opened.connect(self._open)
        reasons.reorder_requested.connect(
            lambda link_id, row, k=kind: self.editing.reorder(k, link_id, row))
        reasons.left_top.connect(self._choose_focus)
        reasons.selectionModel().currentChanged.connect(
            lambda current, _old, k=kind: self._entry_changed(k, current))
        header = QLabel(self)
        header.setTextFormat(Qt.TextFormat.PlainText)
        colour = LINK_STYLES[kind].colour.name()
        header.setStyleSheet(f"font-weight: bold; color: {colour};")
        self.headers[kind] = header
        add = QToolButton(self)
        add.setObjectName(f"add_{kind.value}")
        add.setText("+ Pro" if kind is LinkKind.SUPPORT else "+ Con")
        add.setToolTip("A reason for it (S)" if kind is LinkKind.SUPPORT
                       else "An objection to it (O)")
        add.setAutoRaise(True)
        add.clicked.connect(lambda _c=False, k=kind: self.editing.begin_add(k))
        self.add_buttons[kind] = add
        top = QHBoxLayout()
        top.addWidget(header, 1)
        top.addWidget(add)
        adder = InlineEditor(self)
        adder.setFixedHeight(72)
        self.adders[kind] = adder
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addLayout(top)
        column.addWidget(adder)  # under its + button, above the list it adds to
        column.addWidget(reasons, 1)
        column.addStretch(0)  # takes the room an empty, short column leaves
        return column

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = self.width() >= SIDE_BY_SIDE_WIDTH
        self.columns_box.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                      else QBoxLayout.Direction.TopToBottom)
        self._share_room()

    def _share_room(self) -> None:
        """Side by side, the columns are as wide as each other; one above the other, an
        empty one takes no more height than its note, and the headings stay together."""
        pros, cons = (self.lists[k].reasons.rowCount() for k in LinkKind)
        stacked = self.columns_box.direction() == QBoxLayout.Direction.TopToBottom
        self.columns_box.setStretch(0, 1 if pros or not stacked else 0)
        self.columns_box.setStretch(1, 1 if cons or not pros or not stacked else 0)

    # ---- what is shown ------------------------------------------------------------
    @property
    def focus(self) -> str | None:
        """The claim on top."""
        return self.trail[-1][0] if self.trail else None

    def show_claim(self, claim_id: str | None, *, trail: Trail | None = None) -> None:
        """Put `claim_id` on top (with the trail given, or the way up its first parents)."""
        graph = self.document.graph
        if claim_id is None or claim_id not in graph.claims:
            self.trail = []
        elif trail is not None:
            self.trail = list(trail)
        else:
            known = [cid for cid, _ in self.trail]
            self.trail = self.trail[:known.index(claim_id) + 1] if claim_id in known \
                else trail_to(graph, claim_id)
        for reasons in self.lists.values():
            reasons.reasons.set_entries([])
        self._refresh()

    def entries(self, kind: LinkKind) -> list[Entry]:
        """What a column shows: the focused claim's pros (or cons, and the objections to
        the link it was reached by), in their stored order."""
        graph = self.document.graph
        focus = self.focus
        if focus is None:
            return []
        links = [r.link for r in graph.reasons(focus, kind)]
        via = self.trail[-1][1]
        if kind is LinkKind.OBJECTION and via is not None and via in graph.links:
            links += [r.link for r in graph.undercuts(via)]
        return [Entry.of(graph, link) for link in links]

    def _refresh(self) -> None:
        graph = self.document.graph
        focus = self.focus
        self.trail_bar.show_trail(graph, self.trail, self.document.title)
        for kind, reasons in self.lists.items():
            chosen = reasons.current_entry()
            self._following = True
            try:
                reasons.reasons.set_entries(self.entries(kind))
                if chosen is not None:
                    row = reasons.reasons.row_of(chosen.claim.id, chosen.link.id)
                    if row >= 0:
                        reasons.setCurrentIndex(reasons.reasons.index(row))
            finally:
                self._following = False
            count = reasons.reasons.rowCount()
            word = "PROS" if kind is LinkKind.SUPPORT else "CONS"
            self.headers[kind].setText(f"{word}  {count}")
            reasons.setEnabled(focus is not None)
            reasons.placeholder = "" if focus is None else quiet_hint(self.session.editable, (
                "No reasons for it yet: S or + Pro adds one." if kind is LinkKind.SUPPORT
                else "No objections yet: O or + Con adds one."))
            # An empty column takes little room, so the other one can show more.
            reasons.setMaximumHeight(EMPTY_HEIGHT if not count else MAX_HEIGHT)
        self._share_room()
        if focus is None:
            self.kind_label.setText("")
            self.tally_label.setText("")
            self.note_label.hide()
            self.text_label.set_plain(quiet_hint(self.session.editable,
                                                 "No claims yet. Press T for a new thesis."))
            return
        claim = graph.claims[focus]
        style = KIND_STYLES[claim.kind]
        self.kind_label.setText(style.label)
        # A style sheet set again costs Qt a re-polish (a third of an edit at 10,000
        # claims), and a label's text cut to fit again is as dear: only what changed.
        _restyle(self.kind_label, f"font-weight: bold; color: {style.band.name()};")
        self.tally_label.setText(counts_text(*graph.reason_counts(focus)))
        for label, text in ((self.text_label, claim.text), (self.note_label, claim.note)):
            if text != label.full_text:
                label.set_plain(text)
        self.note_label.setVisible(bool(claim.note))
        _restyle(self.focus_card,
                 f"QFrame#focus_card {{ background: {style.fill.name()};"
                 f" border: 2px solid {style.band.name()}; border-radius: 6px; }}")

    # ---- following the document and the selection --------------------------------------
    def _on_changed(self, event: DebateChanged) -> None:
        graph = self.document.graph
        if self.focus is not None and self.focus not in graph.claims:
            survivors = [(cid, via) for cid, via in self.trail if cid in graph.claims]
            self.trail = trail_to(graph, survivors[-1][0]) if survivors else []
        elif self.trail and any(via is not None and via not in graph.links
                                for _cid, via in self.trail):
            self.trail = trail_to(graph, self.trail[-1][0])
        if not self.trail:
            theses = graph.theses()
            self.trail = trail_to(graph, theses[0].id) if theses else []
        self._refresh()
        self.refilter()

    def show_found(self, found: set[str] | None) -> None:
        for reasons in self.lists.values():
            reasons.set_found(found)

    def selected_claim(self) -> str | None:
        """The chosen entry of a column, or else the claim on top."""
        entry = self.chosen_entry()
        return entry.claim.id if entry is not None else self.focus

    def chosen_entry(self) -> Entry | None:
        for reasons in self.lists.values():
            entry = reasons.current_entry()
            if entry is not None:
                return entry
        return None

    def column_entries(self, kind: LinkKind) -> list[Entry]:
        return list(self.lists[kind].reasons.entries)

    def editing_area(self, *, row: bool) -> QRect:
        area = self.focus_card.geometry()
        for reasons in self.lists.values() if row else ():
            index = reasons.currentIndex()
            if index.isValid():
                rect = reasons.visualRect(index)
                area = rect.translated(reasons.viewport().mapTo(self, rect.topLeft())
                                       - rect.topLeft())
        return area

    def land_on(self, claim_id: str, kind: LinkKind | None) -> None:
        if kind is None:
            self.show_claim(claim_id)
            self._report()
        else:
            self._choose(kind, self.lists[kind].reasons.row_of(claim_id))

    def done_editing(self) -> None:
        self.lists[LinkKind.SUPPORT].setFocus()

    def _report(self) -> None:
        if not self._following:
            chosen = self.selected_claim()
            self.session.selection.select(chosen, source=self)

    def _follow_selection(self, source: object) -> None:
        if source is self:
            return
        wanted = self.session.selection.current
        if wanted is None or wanted == self.selected_claim():
            return
        self._following = True
        try:
            for kind, reasons in self.lists.items():
                row = reasons.reasons.row_of(wanted)
                if row >= 0 and wanted != self.focus:
                    self._choose(kind, row)
                    return
            self.show_claim(wanted)
        finally:
            self._following = False

    def _entry_changed(self, kind: LinkKind, current: QModelIndex) -> None:
        if self._following:
            return
        if current.isValid():
            other = self.lists[LinkKind.OBJECTION if kind is LinkKind.SUPPORT
                               else LinkKind.SUPPORT]
            self._following = True
            try:
                other.clearSelection()
                other.setCurrentIndex(QModelIndex())
            finally:
                self._following = False
        self._report()

    def _choose(self, kind: LinkKind, row: int) -> None:
        """Make one entry the chosen one (and no entry of the other column)."""
        for other_kind, reasons in self.lists.items():
            if other_kind is kind and row >= 0:
                reasons.setCurrentIndex(reasons.reasons.index(row))
            else:
                reasons.clearSelection()
                reasons.setCurrentIndex(QModelIndex())

    def _choose_focus(self) -> None:
        self._following = True
        try:
            self._choose(LinkKind.SUPPORT, -1)
        finally:
            self._following = False
        self._report()

    # ---- moving around ----------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        entry: Entry | None = index.data(Qt.ItemDataRole.UserRole + 3)
        if entry is not None:
            self.open_entry(entry)

    def open_entry(self, entry: Entry) -> None:
        """Drill in: the reason goes on top, with its own pros and cons."""
        self.show_claim(entry.claim.id, trail=[*self.trail, (entry.claim.id, entry.link.id)])
        self.lists[LinkKind.SUPPORT].setFocus()
        self._report()

    def _back_to(self, depth: int) -> None:
        """Back up the trail to its `depth`-th claim; the one we came from is chosen."""
        if depth >= len(self.trail) - 1 or depth < 0:
            return
        came_from = self.trail[depth + 1]
        self.show_claim(self.trail[depth][0], trail=self.trail[:depth + 1])
        for kind, reasons in self.lists.items():
            row = reasons.reasons.row_of(came_from[0], came_from[1])
            if row >= 0:
                self._following = True
                try:
                    self._choose(kind, row)
                finally:
                    self._following = False
                reasons.setFocus()
                break
        self._report()

    def on_open_reason(self) -> None:
        for reasons in self.lists.values():
            entry = reasons.current_entry()
            if entry is not None:
                self.open_entry(entry)
                return

    def on_back_up(self) -> None:
        if len(self.trail) > 1:
            self._back_to(len(self.trail) - 2)
        else:
            self.session.notice.emit("This is a thesis: nothing stands above it.")

    def _switch(self, kind: LinkKind) -> None:
        source = self.lists[LinkKind.OBJECTION if kind is LinkKind.SUPPORT
                            else LinkKind.SUPPORT]
        target = self.lists[kind]
        row = source.currentIndex().row()
        count = target.reasons.rowCount()
        target.setFocus()
        if count:
            self._choose(kind, min(max(row, 0), count - 1))


def _restyle(widget: QWidget, sheet: str) -> None:
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)
