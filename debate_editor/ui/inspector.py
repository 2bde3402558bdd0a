"""The inspector: a dock that edits what the other views do not, for what is selected.

The selected claim (its kind, text, note, source, tags), the selected arrow (its kind),
or, when nothing is selected, the debate itself (its title and description). It follows
the window's one selection and the document's events like every view; a field hands its
text over when the person is done with it (Enter, Ctrl+Enter in a box of several lines,
or leaving it), and each change is one undo step through the session, shown in every
view at once. In a read-only window its fields are greyed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from debate_editor.domain.edit import Edit
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.groups import co_premise_note
from debate_editor.domain.model import LinkKind
from debate_editor.render.card_style import KIND_STYLES
from debate_editor.ui import edits
from debate_editor.ui.inspector_edits import claim_field_edit, debate_tags, info_edit
from debate_editor.ui.inspector_fields import (
    CommitLine,
    CommitText,
    TagLine,
    join_tags,
    split_tags,
)
from debate_editor.ui.session import Session

URL = re.compile(r"^(?:https?://|ftp://|file://|mailto:|www\.)\S+$", re.IGNORECASE)
"""A source that is a web address (opened on click); any other source is just text."""
LINK_KINDS = (LinkKind.SUPPORT, LinkKind.OBJECTION)
KIND_WORDS = {LinkKind.SUPPORT: "Support (a reason for it)",
              LinkKind.OBJECTION: "Objection (a reason against it)"}


def source_url(source: str) -> str | None:
    """The address a source opens, if it is one."""
    text = source.strip()
    if not URL.match(text):
        return None
    return f"https://{text}" if text.lower().startswith("www.") else text


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)  # never wider than the dock
    label.setStyleSheet("color: #5a5f66; font-size: 11px; margin-top: 4px;")
    return label


def _narrow(box: QComboBox) -> None:
    """A list that never makes the dock wider than its longest entry would."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)


def _one_line(text: str, limit: int = 90) -> str:
    said = " ".join(text.split())
    return said if len(said) <= limit else said[:limit - 1] + "…"


def changed_by(document: object, kind: str, ident: str) -> str:
    """" · changed by Ann at 15:42" on a team debate (README, "Team debates on a server"):
    the last logged edit of that claim or arrow; "" on a file, which has one writer."""
    last = getattr(document, "last_change", None)
    found = last(kind, ident) if last is not None else None
    if found is None:
        return ""
    who, when = found
    local = when.astimezone()
    stamp = local.strftime("%H:%M") if local.date() == local.now().date() else \
        local.strftime("%d %b %Y %H:%M")
    return f" · changed by {who} at {stamp}"


class Inspector(QWidget):
    name = "inspector"
    title = "Inspector"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.document = session.document
        self.target: tuple[str, str | None] = ("debate", None)
        """What is shown: ('claim', id), ('link', id) or ('debate', None)."""
        self.heading = QLabel(self)
        self.heading.setObjectName("inspector_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: bold;")
        self.about = QLabel(self)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        self.about.setStyleSheet("color: #5a5f66;")
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._claim_page())
        self.pages.addWidget(self._link_page())
        self.pages.addWidget(self._debate_page())
        inner = QWidget(self)
        box = QVBoxLayout(inner)
        box.setContentsMargins(8, 6, 8, 6)
        box.addWidget(self.heading)
        box.addWidget(self.about)
        box.addWidget(self.pages)
        box.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        self.scroller = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMinimumWidth(160)
        session.selection.changed.connect(self._follow_selection)
        session.bridge.changed.connect(self._on_changed)
        session.editable_changed.connect(self._follow_editable)
        self._follow_editable(session.editable)
        self._follow_selection(None)

    def handlers(self) -> dict[str, Callable[[], object]]:
        """It answers none of the table's view commands: its keys are its fields'."""
        return {}

    # ---- building -------------------------------------------------------------------
    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        return page, box

    def _claim_page(self) -> QWidget:
        page, box = self._page()
        self.claim_kind = QComboBox(page)
        self.claim_kind.setObjectName("inspector_claim_kind")
        for kind in edits.KIND_CYCLE:
            self.claim_kind.addItem(KIND_STYLES[kind].label.capitalize())
        self.claim_kind.activated.connect(self._set_claim_kind)
        _narrow(self.claim_kind)
        self.claim_text = CommitText("inspector_text", page, lines=4)
        self.note = CommitText("inspector_note", page, lines=2)
        self.note.setPlaceholderText("A note: where it comes from, what it assumes")
        self.source = CommitLine("inspector_source", page)
        self.source.setPlaceholderText("A source: a web address, a book, a post")
        self.source_link = QLabel(page)
        self.source_link.setObjectName("inspector_source_link")
        self.source_link.setTextFormat(Qt.TextFormat.RichText)
        self.source_link.setOpenExternalLinks(True)
        self.source_link.setWordWrap(True)
        self.tags = TagLine("inspector_tags", page)
        self.tags.known_tags = lambda: debate_tags(self.document)
        for field, name in ((self.claim_text, "text"), (self.note, "note"),
                            (self.source, "source"), (self.tags, "tags")):
            field.committed.connect(lambda text, n=name: self._set_claim_field(n, text))
        self.group_note = QLabel(page)
        self.group_note.setObjectName("inspector_group_note")
        self.group_note.setWordWrap(True)
        self.group_note.setTextFormat(Qt.TextFormat.PlainText)
        self.group_note.setStyleSheet("color: #5a5f66;")
        box.addWidget(self.group_note)
        for caption, widget in (("Kind", self.claim_kind), ("Text", self.claim_text),
                                ("Note", self.note), ("Source", self.source)):
            box.addWidget(_caption(caption, page))
            box.addWidget(widget)
        box.addWidget(self.source_link)
        box.addWidget(_caption("Tags (Find #tag shows the claims that carry one)", page))
        box.addWidget(self.tags)
        box.addStretch(1)
        return page

    def _link_page(self) -> QWidget:
        page, box = self._page()
        self.link_kind = QComboBox(page)
        self.link_kind.setObjectName("inspector_link_kind")
        for kind in LINK_KINDS:
            self.link_kind.addItem(KIND_WORDS[kind])
        self.link_kind.activated.connect(self._set_link_kind)
        _narrow(self.link_kind)
        self.link_note = QLabel(page)
        self.link_note.setTextFormat(Qt.TextFormat.PlainText)
        self.link_note.setWordWrap(True)
        self.link_note.setStyleSheet("color: #5a5f66;")
        box.addWidget(_caption("Kind", page))
        box.addWidget(self.link_kind)
        box.addWidget(self.link_note)
        box.addStretch(1)
        return page

    def _debate_page(self) -> QWidget:
        page, box = self._page()
        self.debate_title = CommitLine("inspector_title", page)
        self.description = CommitText("inspector_description", page, lines=4)
        self.description.setPlaceholderText("What the debate is about, where it comes from")
        self.debate_title.committed.connect(lambda text: self._set_info("title", text))
        self.description.committed.connect(lambda text: self._set_info("description", text))
        for caption, widget in (("Title", self.debate_title),
                                ("Description", self.description)):
            box.addWidget(_caption(caption, page))
            box.addWidget(widget)
        box.addStretch(1)
        return page

    # ---- what is shown ----------------------------------------------------------------
    def _follow_selection(self, _source: object) -> None:
        chosen = self.session.selection
        graph = self.document.graph
        links = [i for i in chosen.links if i in graph.links]
        if chosen.current is not None and chosen.current in graph.claims:
            target: tuple[str, str | None] = ("claim", chosen.current)
        elif links:
            target = ("link", links[0])
        else:
            target = ("debate", None)
        page = self.pages.currentIndex()
        if target != self.target:
            self._flush()
            self.target = target
        self._show()
        if self.pages.currentIndex() != page:  # another page shows from its heading
            self.scroller.verticalScrollBar().setValue(0)

    def _on_changed(self, event: DebateChanged) -> None:
        kind, ident = self.target
        graph = self.document.graph
        if (kind == "claim" and ident not in graph.claims) or (
                kind == "link" and ident not in graph.links):
            self._follow_selection(None)
            return
        self._show()  # one claim, arrow or title: cheap, and tallies and tags may change

    def _show(self) -> None:
        kind, ident = self.target
        graph = self.document.graph
        many = len(self.session.selection.claims)
        if kind == "claim" and ident is not None:
            claim = graph.claims[ident]
            self.pages.setCurrentIndex(0)
            self.heading.setText("Selected claim" + (f" (1 of {many} selected)"
                                                     if many > 1 else ""))
            self.about.setText(f"{len(graph.pros(ident))} for, {len(graph.cons(ident))} "
                               "against" + changed_by(self.document, "claim", ident))
            self.claim_kind.setCurrentIndex(edits.KIND_CYCLE.index(claim.kind))
            self.claim_text.show_value(claim.text)
            self.note.show_value(claim.note)
            self.source.show_value(claim.source)
            self.tags.show_value(join_tags(claim.tags))
            self._show_source_link(claim.source)
            together = co_premise_note(graph, ident)
            self.group_note.setText(together)
            self.group_note.setVisible(bool(together))
            self.setFocusProxy(self.claim_text)
        elif kind == "link" and ident is not None:
            link = graph.links[ident]
            self.pages.setCurrentIndex(1)
            self.heading.setText("Selected arrow")
            reason = _one_line(graph.claims[link.source].text)
            if link.is_undercut:
                attacked = graph.links[link.target]
                answered = (f"the arrow from “{_one_line(graph.claims[attacked.source].text)}”")
            else:
                answered = f"“{_one_line(graph.claims[link.target].text)}”"
            self.about.setText(f"From “{reason}” to {answered}.")
            self.link_kind.setCurrentIndex(LINK_KINDS.index(link.kind))
            self.link_kind.setEnabled(self.session.editable and not link.is_undercut)
            self.link_note.setText("An arrow that attacks another arrow (an undercut) is "
                                   "always an objection." if link.is_undercut else
                                   "K on the map changes it too.")
            self.setFocusProxy(self.link_kind)
        else:
            self.pages.setCurrentIndex(2)
            self.heading.setText("This debate")
            self.about.setText("Nothing is selected: the debate's own title and "
                               "description (the title bar, the PDF and the slides show "
                               "them).")
            self.debate_title.show_value(self.document.info.title)
            self.description.show_value(self.document.info.description)
            self.setFocusProxy(self.debate_title)

    def _show_source_link(self, source: str) -> None:
        url = source_url(source)
        if self.source_link.isVisibleTo(self) != (url is not None):
            self.source_link.setVisible(url is not None)
            # The fields below it move: the one being typed in stays in sight.
            QTimer.singleShot(0, self._keep_focus_in_sight)
        if url is not None:
            self.source_link.setText(f'<a href="{escape(url, quote=True)}">Open '
                                     f"{escape(_one_line(url, 60))}</a>")
            self.source_link.setToolTip(url)

    def _keep_focus_in_sight(self) -> None:
        """The whole field being typed in, not only its cursor, stays in the dock."""
        focus = QApplication.focusWidget()
        inner = self.scroller.widget()
        if focus is not None and inner is not None and inner.isAncestorOf(focus):
            # Let the fields and the scrolled page take their new places, then look.
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            centre = focus.mapTo(inner, focus.rect().center())
            self.scroller.ensureVisible(centre.x(), centre.y(), 0, focus.height() // 2 + 4)

    def _follow_editable(self, editable: bool) -> None:
        for widget in (self.claim_kind, self.claim_text, self.note, self.source, self.tags,
                       self.debate_title, self.description):
            widget.setEnabled(editable)
        self.link_kind.setEnabled(editable)
        if editable and self.target[0] == "link":
            self._show()

    def _flush(self) -> None:
        """Hand over what a field still holds before another target is shown."""
        for field in (self.claim_text, self.note, self.source, self.tags,
                      self.debate_title, self.description):
            if field.hasFocus():
                field.finish()

    # ---- changing it ------------------------------------------------------------------
    def _run(self, edit: Edit, field: CommitLine | CommitText | None = None) -> None:
        if not self.session.run(edit) and not edit.is_empty() and field is not None:
            field.keep_typed()  # refused: what was typed stays, to be kept again

    def _set_claim_field(self, name: str, text: str) -> None:
        kind, ident = self.target
        if kind != "claim" or ident is None:
            return
        fields: dict[str, CommitLine | CommitText] = {
            "text": self.claim_text, "note": self.note, "source": self.source,
            "tags": self.tags}
        field = fields[name]
        value: str | tuple[str, ...] = split_tags(text) if name == "tags" else text
        if name == "text" and not text.strip():
            self.session.notice.emit("A claim needs some text: the old text is back.")
            self._show()
            return
        self._run(claim_field_edit(self.document, ident, name, value), field)
        if name == "tags":
            self.tags.show_value(join_tags(self.document.graph.claims[ident].tags))

    def _set_claim_kind(self, index: int) -> None:
        kind, ident = self.target
        if kind == "claim" and ident is not None and 0 <= index < len(edits.KIND_CYCLE):
            self._run(edits.claim_kind_edit(self.document, [ident], edits.KIND_CYCLE[index]))

    def _set_link_kind(self, index: int) -> None:
        kind, ident = self.target
        if kind != "link" or ident is None or not 0 <= index < len(LINK_KINDS):
            return
        if LINK_KINDS[index] is not self.document.graph.links[ident].kind:
            self._run(edits.toggle_link_kind_edit(self.document, [ident]))

    def _set_info(self, name: str, text: str) -> None:
        if name == "title" and not text.strip():
            self.session.notice.emit("A debate needs a title: the old one is back.")
            self.debate_title.show_value(self.document.info.title)
            return
        field = self.debate_title if name == "title" else self.description
        self._run(info_edit(self.document, name, text), field)
