"""One column of the pro/con view: its entries as a small list model, drawn as cards.

The model is re-read whole from the focused claim (a handful of rows); the list view
turns a click into "open this reason" and a drag into "put it there", and reports them
as signals: only the columns widget turns them into edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import ceil

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.groups import premises_text
from debate_editor.domain.marks import mine
from debate_editor.domain.model import Claim, ClaimKind, Link, LinkKind
from debate_editor.render.card_style import (
    BORDER_COLOUR,
    KIND_STYLES,
    LINK_STYLES,
    MUTED_COLOUR,
    SELECTION_COLOUR,
    TEXT_COLOUR,
    body_font,
    counts_text,
    header_font,
)
from debate_editor.render.status_mark import (
    MARK_RADIUS,
    StatusOf,
    draw_status_mark,
    status_tip,
)
from debate_editor.render.text_fit import clipped_lines
from debate_editor.ui.plain_text import light_list, paint_empty_hint, plain_tip

ClaimRole = Qt.ItemDataRole.UserRole + 1
LinkRole = Qt.ItemDataRole.UserRole + 2
EntryRole = Qt.ItemDataRole.UserRole + 3

MARGIN = 4
PAD = 8
BAND = 5
HEADER = 18
FOOTER = 16


@dataclass(frozen=True)
class Entry:
    """One reason in a column: the link it stands under here, and its claim."""

    link: Link
    claim: Claim
    pros: int
    cons: int
    undercuts: int
    """Objections to this link (that the reason does not hold up here)."""
    parents: int
    """How many claims it answers: more than one means it stands elsewhere too."""
    text: str = ""
    """What the entry says: its claim's text, or a group's premises ("A, and B")."""
    premises: tuple[str, ...] = ()
    """The claims of the reason, in order (a group has several: one entry for them)."""

    @classmethod
    def of(cls, graph: DebateGraph, link: Link) -> Entry:
        claim = graph.claims[link.source]
        return cls(link, claim, *graph.reason_counts(claim.id),
                   len(graph.incoming(link.id)), len(graph.parents(claim.id)),
                   premises_text(graph, link), link.sources)

    def note(self) -> str:
        """The small print of the card: its own tally and where else it stands."""
        parts = [counts_text(self.pros, self.cons), mine(self.claim, self.link)]
        if self.undercuts:
            parts.append(f"{self.undercuts} against this link")
        if self.parents > 1:
            others = self.parents - 1
            parts.append(f"↪ also under {others} other claim" + ("s" if others > 1 else ""))
        return " · ".join(p for p in parts if p)


class ReasonListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        if entries == self.entries:
            return
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(entry.note())
        if role == ClaimRole:
            return entry.claim.id
        if role == LinkRole:
            return entry.link.id
        if role == EntryRole:
            return entry
        return None

    def row_of(self, claim_id: str | None, link_id: str | None = None) -> int:
        for row, entry in enumerate(self.entries):
            if claim_id in entry.premises and link_id in (None, entry.link.id):
                return row  # a premise of a group: the group's one entry
        return -1


ENTRY_LINES = 20
"""The most lines of a reason's text its card shows; a longer text ends in an ellipsis
(open the reason to read more of it, or edit it to see it whole)."""


@lru_cache(maxsize=512)
def entry_lines(text: str, width: int) -> tuple[str, ...]:
    """A reason's text as its card shows it: wrapped at spaces, or anywhere in a word too
    long for the card, at most ENTRY_LINES lines."""
    return tuple(clipped_lines(text, body_font(), width, ENTRY_LINES)[0])


class CardDelegate(QStyledItemDelegate):
    """Draws an entry as a card: its number, kind, whole text and tally, plain text."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view
        self.found: set[str] | None = None
        """While Find filters: the claims it found (the other entries are faint)."""
        self.status_of: StatusOf | None = None
        """Whether a reason stands, for the mark at the right of its header."""

    def _mark_centre(self, rect: QRect) -> QPointF:
        return QPointF(rect.right() - MARGIN - PAD - MARK_RADIUS,
                       rect.top() + MARGIN + 3 + HEADER / 2)

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt's name
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        """Over an entry's status mark: its word."""
        label = self.status_of(index.data(ClaimRole)) if self.status_of else None
        centre = self._mark_centre(option.rect)
        if label is not None and abs(event.pos().x() - centre.x()) <= MARK_RADIUS + 2 \
                and abs(event.pos().y() - centre.y()) <= MARK_RADIUS + 2:
            QToolTip.showText(event.globalPos(), status_tip(label), view)
            return True
        return super().helpEvent(event, view, option, index)

    def _text_width(self) -> int:
        return max(60, self.view.viewport().width() - 2 * MARGIN - BAND - 2 * PAD)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        entry: Entry = index.data(EntryRole)
        lines = entry_lines(entry.text, self._text_width())
        footer = FOOTER if entry.note() else 0
        height = ceil(len(lines) * QFontMetricsF(body_font()).lineSpacing())
        return QSize(self.view.viewport().width() - 2,
                     height + HEADER + footer + 2 * PAD + 2 * MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        entry: Entry = index.data(EntryRole)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        painter.save()
        if self.found is not None and entry.claim.id not in self.found:
            painter.setOpacity(0.3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style = KIND_STYLES[entry.claim.kind]
        link_colour = LINK_STYLES[entry.link.kind].colour
        painter.setPen(QPen(SELECTION_COLOUR, 2.5) if selected else QPen(BORDER_COLOUR, 1))
        painter.setBrush(QColor("#eaf2fd") if selected else style.fill)
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(link_colour)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), BAND, rect.height()), 2, 2)
        left = rect.left() + BAND + PAD
        width = rect.width() - BAND - 2 * PAD
        header = QRect(left, rect.top() + 4, width, HEADER - 2)
        painter.setFont(header_font())
        sign = "−" if entry.link.kind is LinkKind.OBJECTION else "+"
        label = f"{sign}{index.row() + 1}"
        if entry.link.is_group:
            label += f"  {len(entry.premises)} TOGETHER"
        if entry.link.is_undercut:
            label += "  AGAINST THE LINK"
        elif entry.claim.kind is not ClaimKind.CLAIM:
            label += f"  {style.label}"
        painter.setPen(link_colour)
        painter.drawText(header, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         label)
        status = self.status_of(entry.claim.id) if self.status_of is not None else None
        if status is not None:
            draw_status_mark(painter, self._mark_centre(option.rect), status)
        note = entry.note()
        footer = FOOTER if note else 0
        if note:
            painter.setPen(MUTED_COLOUR)
            note_box = QRect(left, rect.bottom() - PAD - FOOTER + 4, width, FOOTER)
            painter.drawText(note_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(header_font()).elidedText(
                                 note, Qt.TextElideMode.ElideLeft, width))
        painter.setFont(body_font())
        painter.setPen(TEXT_COLOUR)
        metrics = QFontMetricsF(body_font())
        top = rect.top() + HEADER + 2 + metrics.ascent()
        painter.setClipRect(QRect(left, rect.top() + HEADER, width,
                                  rect.height() - HEADER - footer))
        for n, line in enumerate(entry_lines(entry.text, self._text_width())):
            painter.drawText(QPointF(left, top + n * metrics.lineSpacing()), line)
        painter.restore()


class ReasonList(QListView):
    """A column's list: click opens a reason, a drag puts it elsewhere in the column."""

    opened = Signal(QModelIndex)
    reorder_requested = Signal(str, int)
    """(link id, new index in the column) after a drag."""
    left_top = Signal()
    """Up was pressed on the first entry: back to the claim on top."""

    def __init__(self, kind: LinkKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.reasons = ReasonListModel(self)
        self.setModel(self.reasons)
        self.setItemDelegate(CardDelegate(self))
        self.setObjectName(f"{kind.value}_list")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFrameShape(QListView.Shape.NoFrame)
        light_list(self)
        self.read_only = False
        """A read-only debate: a click opens a reason, a drag does not move it."""
        self._press: QPersistentModelIndex | None = None
        self._press_pos = QPoint()
        self._gap: int | None = None
        self.placeholder = ""
        """Said in an empty column."""

    # ---- the mouse: click to open, drag to reorder -------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            self._press = QPersistentModelIndex(index)
            self._press_pos = event.position().toPoint()
        else:
            self._press = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        if (self._press is not None and not self.read_only
                and event.buttons() & Qt.MouseButton.LeftButton):
            if self._gap is None and ((pos - self._press_pos).manhattanLength()
                                      < QApplication.startDragDistance()):
                return
            self._gap = self.gap_at(pos)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            self.viewport().update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        press, gap = self._press, self._gap
        self._press, self._gap = None, None
        self.viewport().unsetCursor()
        if press is not None and gap is not None and press.isValid():
            self.viewport().update()
            row = press.row()
            target = gap - 1 if gap > row else gap
            if target != row:
                self.reorder_requested.emit(press.data(LinkRole), target)
            return
        super().mouseReleaseEvent(event)
        if press is None or not press.isValid():
            return
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index == press:
            self.opened.emit(index)  # the row pressed and released on

    def gap_at(self, pos: QPoint) -> int:
        """Before which row a drop at `pos` goes (the row count: after the last)."""
        for row in range(self.reasons.rowCount()):
            if pos.y() < self.visualRect(self.reasons.index(row)).center().y():
                return row
        return self.reasons.rowCount()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self.reasons.rowCount() and self.placeholder:
            paint_empty_hint(self, self.placeholder, 8, MUTED_COLOUR)
        if self._gap is None:
            return
        count = self.reasons.rowCount()
        if self._gap < count:
            y = self.visualRect(self.reasons.index(self._gap)).top()
        elif count:
            y = self.visualRect(self.reasons.index(count - 1)).bottom()
        else:
            y = 2
        painter = QPainter(self.viewport())
        painter.setPen(QPen(SELECTION_COLOUR, 3))
        painter.drawLine(4, y, self.viewport().width() - 4, y)
        painter.end()

    # ---- keys ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if (event.key() == Qt.Key.Key_Up and not event.modifiers()
                and self.currentIndex().row() <= 0):
            self.left_top.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        # Not QAbstractItemView's: it would choose the first entry on focus, and focus
        # alone must not move the window's selection off the claim on top.
        QAbstractScrollArea.focusInEvent(self, event)
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # cards wrap to the new width

    def set_found(self, found: set[str] | None) -> None:
        """What Find found: the other entries are drawn faint (None: none is)."""
        self.itemDelegate().found = found  # type: ignore[attr-defined]
        self.viewport().update()

    def current_entry(self) -> Entry | None:
        index = self.currentIndex()
        return index.data(EntryRole) if index.isValid() else None
