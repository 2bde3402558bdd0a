"""The outline's tree view: rows drawn as plain text with a sign for how each claim
stands (+ pro, − con, ⤫ against a link), and a mouse drag that asks to move a claim.

The view only reports what the person did (`drop_requested`, `edit_requested`); the
outline widget turns it into edits.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
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
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QWidget,
)

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.render.card_style import (
    KIND_STYLES,
    LINK_STYLES,
    MUTED_COLOUR,
    SELECTION_COLOUR,
    TEXT_COLOUR,
    body_font,
    header_font,
)
from debate_editor.render.status_mark import (
    MARK_RADIUS,
    StatusOf,
    draw_status_mark,
    status_tip,
)
from debate_editor.render.text_fit import clipped_lines
from debate_editor.ui.outline_model import (
    AnyIndex,
    CircularRole,
    ClaimRole,
    ElsewhereRole,
    KindRole,
    MarksRole,
    SignRole,
)
from debate_editor.ui.plain_text import light_list, paint_empty_hint, quiet_hint

MAX_LINES = 3
TAGS_BESIDE_WIDTH = 520
"""A longer claim is cut with an ellipsis in its row; its tooltip and editor show it all."""
BADGE = 16
PAD = 5
SELECTED_COLOUR = QColor("#d6e6fb")
ECHO_COLOUR = QColor("#fff1c2")
"""Behind the other rows of the selected claim: the same claim, elsewhere."""
SIGN_COLOURS = {
    "support": LINK_STYLES[LinkKind.SUPPORT].colour,
    "objection": LINK_STYLES[LinkKind.OBJECTION].colour,
    "undercut": LINK_STYLES[LinkKind.OBJECTION].colour,
    "thesis": KIND_STYLES[ClaimKind.THESIS].band,
}


def tags_of(index: AnyIndex) -> str:
    """The small print at a row's right: kind, where else it stands, circularity."""
    parts = []
    kind = index.data(KindRole)
    if kind is not None and kind not in (ClaimKind.CLAIM, ClaimKind.THESIS):
        parts.append(KIND_STYLES[kind].label)
    if index.data(SignRole) == "undercut":
        parts.append("AGAINST THE LINK")
    elsewhere = index.data(ElsewhereRole) or 0
    if elsewhere:
        parts.append(f"↪ also under {elsewhere} more")
    if index.data(CircularRole):
        parts.append("↻ circular")
    if marks := index.data(MarksRole):
        parts.append(marks)
    return " · ".join(parts)


def draw_sign(painter: QPainter, centre: QPointF, sign: str) -> None:
    colour = SIGN_COLOURS.get(sign, MUTED_COLOUR)
    radius = BADGE / 2 - 1
    painter.setPen(QPen(colour, 1.5))
    painter.setBrush(colour if sign == "thesis" else QColor("white"))
    painter.drawEllipse(centre, radius, radius)
    pen = QPen(QColor("white") if sign == "thesis" else colour, 2.0)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    arm = radius * 0.55
    x, y = centre.x(), centre.y()
    if sign == "thesis":
        painter.drawLine(QPointF(x - arm, y - arm), QPointF(x + arm, y - arm))
        painter.drawLine(QPointF(x, y - arm), QPointF(x, y + arm))
        return
    painter.drawLine(QPointF(x - arm, y), QPointF(x + arm, y))
    if sign == "support":
        painter.drawLine(QPointF(x, y - arm), QPointF(x, y + arm))
    elif sign == "undercut":
        painter.drawLine(QPointF(x - arm, y + arm), QPointF(x + arm, y - arm))


FAINT = 0.3
"""How a row Find did not find is drawn (the map dims its cards alike)."""


class OutlineDelegate(QStyledItemDelegate):
    def __init__(self, view: OutlineTree) -> None:
        super().__init__(view)
        self.view = view
        self.echo: str | None = None
        """The selected claim: its other rows get a tint."""
        self.found: set[str] | None = None
        """While Find filters: the claims it found (the other rows are faint)."""
        self.status_of: StatusOf | None = None
        """Whether a claim stands, for its mark after the sign (None: no marks)."""

    def _mark_room(self, index: AnyIndex) -> int:
        if self.status_of is None or self.status_of(index.data(ClaimRole)) is None:
            return 0
        return round(2 * MARK_RADIUS) + PAD

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt's name
                  option: QStyleOptionViewItem, index: AnyIndex) -> bool:
        """Over a row's status mark: its word."""
        label = self.status_of(index.data(ClaimRole)) if self.status_of else None
        mark_left = option.rect.left() + BADGE + 2 * PAD
        if label is not None and mark_left <= event.pos().x() <= mark_left + 2 * MARK_RADIUS:
            QToolTip.showText(event.globalPos(), status_tip(label), view)
            return True
        return super().helpEvent(event, view, option, index)

    def _tags_below(self) -> bool:
        """In a narrow outline the small print goes on a line of its own."""
        return self.view.viewport().width() < TAGS_BESIDE_WIDTH

    def _text_width(self, index: AnyIndex, tags: str) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        indent = self.view.indentation() * (depth + 1)
        beside = tags and not self._tags_below()
        tag_width = QFontMetrics(header_font()).horizontalAdvance(tags) + 8 if beside else 0
        return max(80, self.view.viewport().width() - indent - BADGE - 3 * PAD - tag_width
                   - self._mark_room(index))

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        tags = tags_of(index)
        lines, _ = clipped_lines(index.data() or "", body_font(),
                                 self._text_width(index, tags), MAX_LINES)
        height = QFontMetrics(body_font()).lineSpacing() * max(1, len(lines)) + 2 * PAD + 2
        if tags and self._tags_below():
            height += QFontMetrics(header_font()).lineSpacing() + 2
        return QSize(200, max(height, BADGE + 2 * PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        if self.found is not None and index.data(ClaimRole) not in self.found:
            painter.setOpacity(FAINT)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect: QRect = option.rect
        if selected:
            painter.fillRect(rect, SELECTED_COLOUR)
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), SELECTION_COLOUR)
        elif (self.echo is not None and index.data(ClaimRole) == self.echo
              and index != self.view.currentIndex()):
            painter.fillRect(rect, ECHO_COLOUR)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_sign(painter, QPointF(rect.left() + PAD + BADGE / 2,
                                   rect.top() + PAD + 1 + BADGE / 2), index.data(SignRole))
        tags = tags_of(index)
        width = self._text_width(index, tags)
        metrics = QFontMetrics(body_font())
        lines, _ = clipped_lines(index.data() or "", body_font(), width, MAX_LINES)
        left = rect.left() + BADGE + 2 * PAD
        if (room := self._mark_room(index)) and self.status_of is not None:
            label = self.status_of(index.data(ClaimRole))
            if label is not None:
                draw_status_mark(painter, QPointF(left + MARK_RADIUS,
                                                  rect.top() + PAD + 1 + BADGE / 2), label)
            left += room
        painter.setFont(body_font())
        painter.setPen(TEXT_COLOUR)
        y = rect.top() + PAD + 1 + metrics.ascent()
        for line in lines:
            painter.drawText(QPoint(left, y), line)
            y += metrics.lineSpacing()
        if tags:
            painter.setFont(header_font())
            painter.setPen(MUTED_COLOUR)
            if self._tags_below():
                small = QFontMetrics(header_font())
                painter.drawText(QPoint(left, y - metrics.ascent() + small.ascent() + 2),
                                 small.elidedText(tags, Qt.TextElideMode.ElideRight,
                                                  rect.right() - left - PAD))
            else:
                box = QRectF(rect.right() - PAD - 400, rect.top() + PAD, 400,
                             metrics.lineSpacing())
                painter.drawText(box, Qt.AlignmentFlag.AlignRight
                                 | Qt.AlignmentFlag.AlignVCenter, tags)
        painter.restore()


class OutlineTree(QTreeView):
    drop_requested = Signal(QPersistentModelIndex, QPersistentModelIndex, str)
    """(the row dragged, the row dropped at, 'on' / 'above' / 'below' / 'end')."""
    edit_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline_tree")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setExpandsOnDoubleClick(False)
        self.setIndentation(18)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        light_list(self, SELECTED_COLOUR.name())  # the branch area as light as the row
        self.delegate = OutlineDelegate(self)
        self.setItemDelegate(self.delegate)
        self.read_only = False
        """A read-only debate: rows are chosen, never dragged elsewhere."""
        self._press: QPersistentModelIndex | None = None
        self._press_pos = QPoint()
        self._drop: tuple[QPersistentModelIndex, str] | None = None
        self._width = 0

    def drop_at(self, pos: QPoint) -> tuple[QModelIndex, str]:
        """Where a drop at `pos` goes: onto a row, just above or below it, or at the end."""
        index = self.indexAt(pos)
        if not index.isValid():
            return QModelIndex(), "end"
        rect = self.visualRect(index)
        y = pos.y() - rect.top()
        if y < rect.height() * 0.25:
            return index, "above"
        if y > rect.height() * 0.75 and not self.isExpanded(index):
            return index, "below"
        return index, "on"

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        inside = index.isValid() and self.visualRect(index).contains(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and inside and not self.read_only:
            self._press = QPersistentModelIndex(index)
            self._press_pos = event.position().toPoint()
        else:
            self._press = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pos = event.position().toPoint()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if self._drop is None and ((pos - self._press_pos).manhattanLength()
                                       < QApplication.startDragDistance()):
                return
            if pos.y() < 16 or pos.y() > self.viewport().height() - 16:
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + (-1 if pos.y() < 16 else 1))
            target, where = self.drop_at(pos)
            self._drop = (QPersistentModelIndex(target), where)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            self.viewport().update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        press, drop = self._press, self._drop
        self._press, self._drop = None, None
        self.viewport().unsetCursor()
        if press is not None and drop is not None:
            self.viewport().update()
            if press.isValid():
                self.drop_requested.emit(press, drop[0], drop[1])
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Left closes a row, or on a closed one goes to its parent; Right opens a row, or
        on an open one goes to its first reason, whatever the style's habit."""
        index = self.currentIndex()
        if index.isValid() and not event.modifiers():
            open_ = self.isExpanded(index) and self.model().hasChildren(index)
            if event.key() == Qt.Key.Key_Left and not open_:
                if index.parent().isValid():
                    self.setCurrentIndex(index.parent())
                return
            if event.key() == Qt.Key.Key_Right and open_:
                first = self.model().index(0, 0, index)
                if first.isValid():
                    self.setCurrentIndex(first)
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        # Not QAbstractItemView's: it would make the first row current on focus, and
        # focus alone must not move the window's selection.
        QAbstractScrollArea.focusInEvent(self, event)
        self.viewport().update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.setCurrentIndex(index)
            self.edit_requested.emit(index)
            return
        super().mouseDoubleClickEvent(event)

    def empty_hint(self) -> str:
        """What an empty outline says: how to begin, where the debate may be changed."""
        return quiet_hint(not self.read_only, "No claims yet. Press T for a thesis.")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self.model().rowCount():
            paint_empty_hint(self, self.empty_hint(), 10, MUTED_COLOUR)
        if self._drop is None:
            return
        target, where = self._drop
        painter = QPainter(self.viewport())
        painter.setPen(QPen(SELECTION_COLOUR, 2.5))
        width = self.viewport().width()
        if where == "end" or not target.isValid():
            last = self.last_visible()
            y = self.visualRect(last).bottom() + 2 if last.isValid() else 2
            painter.drawLine(4, y, width - 4, y)
        else:
            rect = self.visualRect(target)
            if where == "on":
                painter.drawRoundedRect(QRect(rect.left(), rect.top(), width - rect.left() - 2,
                                              rect.height() - 1), 4, 4)
            else:
                y = rect.top() if where == "above" else rect.bottom()
                painter.drawLine(rect.left(), y, width - 4, y)
        painter.end()

    def last_visible(self) -> QModelIndex:
        """The bottom row of the outline as shown (open rows opened)."""
        model = self.model()
        rows = model.rowCount()
        index = model.index(rows - 1, 0) if rows else QModelIndex()
        while index.isValid() and self.isExpanded(index) and model.rowCount(index):
            index = model.index(model.rowCount(index) - 1, 0, index)
        return index

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.scheduleDelayedItemsLayout()  # rows wrap to the new width
