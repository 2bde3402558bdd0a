"""A whole big map drawn zoomed out: every card a filled rectangle, every arrow a line.

Zoomed out, a card is a few pixels and a Python `paint()` call per card and arrow costs
more than the picture is worth (10,000 cards: 300 ms). Here the cards and arrows are kept
as numbers, grouped in vertical bands of the map; each band turns its cards into one
path per colour and its arrows into one path per kind, so drawing the whole map is a
few dozen calls. A change re-makes the paths of the bands it touches only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.render.card_style import KIND_STYLES, LINK_STYLES

BAND_WIDTH = 4000.0
"""Width of a band of the map, in scene units (about fourteen cards side by side)."""

CardBox = tuple[float, float, float, float, ClaimKind]
ArrowLine = tuple[float, float, float, float, LinkKind]


@dataclass
class _Band:
    cards: dict[str, CardBox] = field(default_factory=dict)
    arrows: dict[str, ArrowLine] = field(default_factory=dict)
    card_paths: dict[ClaimKind, QPainterPath] | None = None
    arrow_paths: dict[LinkKind, QPainterPath] | None = None
    bounds: QRectF = field(default_factory=QRectF)

    def paths(self) -> tuple[dict[ClaimKind, QPainterPath], dict[LinkKind, QPainterPath]]:
        """The band's cards as one path per kind, its arrows as one per link kind."""
        if self.card_paths is None or self.arrow_paths is None:
            cards: dict[ClaimKind, QPainterPath] = {}
            left = top = float("inf")
            right = bottom = float("-inf")
            for x, y, w, h, kind in self.cards.values():
                path = cards.get(kind)
                if path is None:
                    path = cards[kind] = QPainterPath()
                    path.setFillRule(Qt.FillRule.WindingFill)  # overlapping cards stay filled
                path.addRect(x, y, w, h)
                left, top = min(left, x), min(top, y)
                right, bottom = max(right, x + w), max(bottom, y + h)
            arrows: dict[LinkKind, QPainterPath] = {}
            for x0, y0, x1, y1, link_kind in self.arrows.values():
                path = arrows.get(link_kind)
                if path is None:
                    path = arrows[link_kind] = QPainterPath()
                path.moveTo(x0, y0)
                path.lineTo(x1, y1)
                left, top = min(left, x0, x1), min(top, y0, y1)
                right, bottom = max(right, x0, x1), max(bottom, y0, y1)
            self.card_paths, self.arrow_paths = cards, arrows
            self.bounds = QRectF(left, top, right - left, bottom - top) \
                if right >= left else QRectF()
        return self.card_paths, self.arrow_paths


class Overview:
    """Cards and arrows of a map as numbers, drawn in batches; updated one item at a time."""

    def __init__(self) -> None:
        self._bands: dict[int, _Band] = {}
        self._band_of: dict[str, int] = {}
        self._widest = 0.0
        self._tops: dict[float, int] = {}
        self._top_list: list[float] | None = []
        """How many cards have their top at each height, and those heights sorted (made
        again when asked for after they changed)."""
        self.revision = 0
        """Grows at every change, so a cached picture of the overview knows it is stale."""

    def set_card(self, card_id: str, x: float, y: float, w: float, h: float,
                 kind: ClaimKind) -> None:
        self.set_cards([(card_id, x, y, w, h, kind)])

    def set_cards(self, cards: Iterable[tuple[str, float, float, float, float, ClaimKind]]
                  ) -> None:
        """Where cards are now (many at once: a layout moves every card)."""
        tops, band_of, bands = self._tops, self._band_of, self._bands
        widest = self._widest
        touched: set[int] = set()
        for card_id, x, y, w, h, kind in cards:
            key = int(x // BAND_WIDTH)
            old_key = band_of.get(card_id)
            if old_key is not None:
                old = bands[old_key].cards.get(card_id)
                if old is not None:
                    self._untop(old[1])
                if old_key != key:
                    self._forget(card_id)
            band_of[card_id] = key
            band = bands.get(key)
            if band is None:
                band = bands[key] = _Band()
            band.cards[card_id] = (x, y, w, h, kind)
            touched.add(key)
            if w > widest:
                widest = w
            count = tops.get(y, 0)
            if not count:
                self._top_list = None
            tops[y] = count + 1
        self._widest = widest
        for key in touched:  # (a layout moves every card: each band's paths made again once)
            bands[key].card_paths = bands[key].arrow_paths = None
        self.revision += 1

    def set_arrow(self, link_id: str, x0: float, y0: float, x1: float, y1: float,
                  kind: LinkKind) -> None:
        self.set_arrows([(link_id, x0, y0, x1, y1, kind)])

    def set_arrows(self, arrows: Iterable[tuple[str, float, float, float, float, LinkKind]]
                   ) -> None:
        """Where arrows run now (as straight lines from start to end)."""
        band_of, bands = self._band_of, self._bands
        touched: set[int] = set()
        for link_id, x0, y0, x1, y1, kind in arrows:
            key = int(x0 // BAND_WIDTH)
            old_key = band_of.get(link_id)
            if old_key is not None and old_key != key:
                self._forget(link_id)
            band_of[link_id] = key
            band = bands.get(key)
            if band is None:
                band = bands[key] = _Band()
            band.arrows[link_id] = (x0, y0, x1, y1, kind)
            touched.add(key)
        for key in touched:
            bands[key].card_paths = bands[key].arrow_paths = None
        self.revision += 1

    def _untop(self, y: float) -> None:
        count = self._tops[y] - 1
        if count:
            self._tops[y] = count
        else:
            del self._tops[y]
            self._top_list = None

    def tops(self, low: float, high: float) -> list[float]:
        """The heights, from `low` up to (not including) `high`, where cards have their top."""
        if self._top_list is None:
            self._top_list = sorted(self._tops)
        tops = self._top_list
        return tops[bisect_left(tops, low):bisect_left(tops, high)]

    def cards_in(self, left: float, top: float, right: float,
                 bottom: float) -> list[CardBox]:
        """The cards that reach into a rectangle, found band by band."""
        first = int((left - self._widest) // BAND_WIDTH) if left > -1e300 else None
        last = int(right // BAND_WIDTH) if right < 1e300 else None
        found = []
        for key, band in self._bands.items():
            if (first is not None and key < first) or (last is not None and key > last):
                continue
            for box in band.cards.values():
                x, y, w, h, _ = box
                if x < right and x + w > left and y < bottom and y + h > top:
                    found.append(box)
        return found

    def spans(self, left: float, right: float) -> bool:
        """Whether every card lies between `left` and `right`."""
        keys = [key for key, band in self._bands.items() if band.cards]
        if not keys:
            return True
        return left <= min(keys) * BAND_WIDTH and right >= (max(keys) + 1) * BAND_WIDTH \
            + self._widest

    def remove(self, item_id: str) -> None:
        """Forget a card or an arrow."""
        if item_id in self._band_of:
            card = self._bands[self._band_of[item_id]].cards.get(item_id)
            if card is not None:
                self._untop(card[1])
            self._forget(item_id)
            del self._band_of[item_id]
            self.revision += 1

    def _forget(self, item_id: str) -> None:
        band = self._bands[self._band_of[item_id]]
        band.cards.pop(item_id, None)
        band.arrows.pop(item_id, None)
        band.card_paths = band.arrow_paths = None

    def draw(self, painter: QPainter, visible: QRectF, *, faded: bool = False) -> None:
        """Arrows, then cards, of every band that reaches into `visible` (scene units;
        the painter maps scene units to its device). `faded`: at a quarter opacity, as
        the canvas shows what a search does not match."""
        bands = []
        for band in self._bands.values():
            paths = band.paths()
            if band.bounds.intersects(visible):
                bands.append(paths)
        painter.save()
        if faded:
            painter.setOpacity(0.25)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for link_kind, link_style in LINK_STYLES.items():
            pen = QPen(link_style.colour)
            pen.setCosmetic(True)
            pen.setWidthF(0.7)
            painter.setPen(pen)
            for _, arrows in bands:
                if link_kind in arrows:
                    painter.drawPath(arrows[link_kind])
        painter.setPen(Qt.PenStyle.NoPen)
        for kind, style in KIND_STYLES.items():
            painter.setBrush(style.band)
            for cards, _ in bands:
                if kind in cards:
                    painter.drawPath(cards[kind])
        painter.restore()


def fill_rects(painter: QPainter, rects: list[QRectF], colour: QColor) -> None:
    """A few cards drawn over the overview (the selected ones, the ones a search found)."""
    for rect in rects:
        painter.fillRect(rect, colour)
