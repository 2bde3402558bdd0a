"""The canvas's items: a `ClaimCard` per claim and a `LinkArrow` per link.

They hold ids and what they need to draw: a card its place, an arrow its curve, both as
`layout.geometry` makes them for every picture of the map; the drawing itself is
`render.painter`, the same code the exports use. Items never write to the document: the
scene updates them from the document's events.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from debate_editor.domain.model import Claim, Link, LinkKind
from debate_editor.domain.status_labels import Label
from debate_editor.layout.geometry import (
    ARROW_MARGIN,
    Bracket,
    Curve,
    Rect,
    bracket_bounds,
    curve_bounds,
)
from debate_editor.render.arrow_geometry import (
    ArrowGeometry,
    arrow_shape,
    bracket_shape,
    curve_path,
    qrect,
)
from debate_editor.render.card_style import CardFace, card_face
from debate_editor.render.painter import draw_arrow, draw_card
from debate_editor.render.status_mark import status_tip
from debate_editor.ui.plain_text import plain_tip

CARD_Z = 1.0
ARROW_Z = 0.0
UNDERCUT_Z = -0.5
"""Below other arrows, so a click on an arrow's badge picks that arrow, not its undercut."""
SELECTION_MARGIN = 6.0
FOLD_BADGE = (44.0, 20.0)
"""Width and height of a folded card's "+N"."""
FOLD_COLOUR = "#44546a"


class ClaimCard(QGraphicsItem):
    """A claim on the map: its kind, its wrapped text, how many pros and cons it has."""

    def __init__(self, claim: Claim, pros: int = 0, cons: int = 0) -> None:
        super().__init__()
        self.claim_id = claim.id
        self.face: CardFace = card_face(claim)
        self._bounds = self._bounds_of(self.face)
        self.pros = pros
        self.cons = cons
        self.matched = False
        self.folded = 0
        """How many claims a folded branch hides under this card (0: not folded)."""
        self._text = claim.text
        self._tip = False
        self._status: Label | None = None
        """The label its mark shows (None: no mark), as last painted."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(CARD_Z)
        self._set_tip(claim)

    @staticmethod
    def _bounds_of(face: CardFace) -> QRectF:
        m = SELECTION_MARGIN
        return QRectF(-m, -m, face.width + 2 * m, face.height + 2 * m + FOLD_BADGE[1] / 2)

    def badge_rect(self) -> QRectF:
        """Where the "+12" of a folded card sits (item units): across its bottom edge."""
        w, h = FOLD_BADGE
        return QRectF(self.face.width / 2 - w / 2, self.face.height - h / 2, w, h)

    def set_folded(self, hidden: int) -> None:
        if hidden != self.folded:
            self.folded = hidden
            self.update()

    def _set_tip(self, claim: Claim) -> None:
        """The whole text of a card too long to show it, escaped: a tooltip would read
        markup in it as formatting, and claim text is plain text. With a status mark, the
        tooltip begins with its word."""
        said = status_tip(self._status) if self._status else ""
        if self.face.elided or said:
            whole = plain_tip(claim.text) if self.face.elided else ""
            self.setToolTip("<br><br>".join(p for p in (said, whole) if p))
            self._tip = True
        elif self._tip:
            self.setToolTip("")
            self._tip = False

    def set_claim(self, claim: Claim) -> None:
        face = card_face(claim)
        if face is self.face and claim.text == self._text:
            return  # moved, or a field the card does not show
        self._text = claim.text
        if face != self.face:
            self.prepareGeometryChange()
            self.face = face
            self._bounds = self._bounds_of(face)
        self._set_tip(claim)
        self.update()

    def set_counts(self, pros: int, cons: int) -> None:
        if (pros, cons) != (self.pros, self.cons):
            self.pros, self.cons = pros, cons
            self.update()

    def rect(self) -> Rect:
        """The card in scene units (no selection margin), as the geometry's numbers."""
        pos = self.pos()
        return Rect(pos.x(), pos.y(), self.face.width, self.face.height)

    def card_rect(self) -> QRectF:
        """The card in scene units (no selection margin)."""
        pos = self.pos()
        return QRectF(pos.x(), pos.y(), self.face.width, self.face.height)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(0, 0, self.face.width, self.face.height))
        if self.folded:
            path.addRect(self.badge_rect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        draw_card(painter, self.face, QPointF(0, 0), pros=self.pros, cons=self.cons,
                  selected=self.isSelected(), matched=self.matched, lod=lod,
                  status=self._read_status(), cached_mark=True)
        if self.folded:
            self._paint_badge(painter)

    def status(self) -> Label | None:
        """The label the card's mark shows (None: no mark), as the scene's
        `status_of` says (the window's live labelling; a scene without one: no mark)."""
        status_of = getattr(self.scene(), "status_of", None)
        return status_of(self.claim_id) if status_of is not None else None

    def _read_status(self) -> Label | None:
        status = self.status()
        if status is not self._status:
            self._status = status
            document = getattr(self.scene(), "document", None)
            claim = document.graph.claims.get(self.claim_id) if document else None
            if claim is not None:
                self._set_tip(claim)
        return status

    def _paint_badge(self, painter: QPainter) -> None:
        """A folded branch: "+N" on a dark pill, N the claims hidden under the card."""
        rect = self.badge_rect()
        painter.save()
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QColor(FOLD_COLOUR))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        font = painter.font()
        font.setPixelSize(12)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{self.folded}")
        painter.restore()


class LinkArrow(QGraphicsItem):
    """An arrow: support or objection, from a card to a card or (an undercut) to an arrow."""

    def __init__(self, link: Link, curve: Curve, bracket: Bracket = ()) -> None:
        super().__init__()
        self.link = link
        self.curve = curve
        """The arrow as numbers; its path is made when first needed."""
        self.bracket = bracket
        """The lines joining its premises to it, when it has several."""
        self._path: QPainterPath | None = None
        self._bounds = _bounds(curve, bracket)
        self._shape: QPainterPath | None = None
        self._geometry: ArrowGeometry | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(UNDERCUT_Z if link.is_undercut else ARROW_Z)

    @property
    def path(self) -> QPainterPath:
        if self._path is None:
            self._path = curve_path(self.curve)
        return self._path

    def set_link(self, link: Link) -> None:
        """The same arrow, changed (its kind, its order, or where it starts or ends)."""
        self.link = link
        self.setZValue(UNDERCUT_Z if link.is_undercut else ARROW_Z)
        self.update()

    @property
    def link_id(self) -> str:
        return self.link.id

    @property
    def kind(self) -> LinkKind:
        return self.link.kind

    def ends(self) -> tuple[float, float, float, float]:
        """Where the arrow starts and ends (x0, y0, x1, y1)."""
        return self.curve[0], self.curve[1], self.curve[6], self.curve[7]

    def set_curve(self, curve: Curve, bracket: Bracket = ()) -> None:
        if curve == self.curve and bracket == self.bracket:
            return
        self.prepareGeometryChange()
        self.curve, self._path, self._shape, self._geometry = curve, None, None, None
        self.bracket = bracket
        self._bounds = _bounds(curve, bracket)  # prepareGeometryChange asked for a repaint

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            self._shape = arrow_shape(self.curve, self.path)
            if self.bracket:
                self._shape = self._shape.united(bracket_shape(self.bracket))
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self._geometry is None:
            self._geometry = ArrowGeometry(self.path)
        on_screen = painter.worldTransform().inverted()[0].mapRect(
            QRectF(widget.rect()) if widget is not None else self._bounds)
        draw_arrow(painter, self.curve, self.link.kind, path=self.path,
                   selected=self.isSelected(),
                   badge=not self.link.is_undercut, lod=lod, geometry=self._geometry,
                   visible=on_screen, bracket=self.bracket,
                   strength=self.link.strength.value)


def _bounds(curve: Curve, bracket: Bracket) -> QRectF:
    """What an arrow may paint: its curve with head and badge, and its bracket (a
    layout re-routes every arrow: the plain one's rectangle is made in one step)."""
    if not bracket:
        xs, ys = curve[0::2], curve[1::2]
        left, top = min(xs) - ARROW_MARGIN, min(ys) - ARROW_MARGIN
        return QRectF(left, top, max(xs) + ARROW_MARGIN - left, max(ys) + ARROW_MARGIN - top)
    bounds = qrect(curve_bounds(curve))
    around = bracket_bounds(bracket)
    if around is not None:
        bounds = bounds.united(qrect(around).adjusted(-8, -8, 8, 8))
    return bounds
