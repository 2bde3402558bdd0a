"""The map as a QGraphicsScene that follows the document.

Built once from the document, then updated from each `DebateChanged` event, touching only
the items the event names (and the arrows and tallies next to them), so one edit costs
the same on a map of ten cards or ten thousand.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

from debate_editor.domain.collector import gc_paused
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.graph import DebateGraph, links_in_dependency_order
from debate_editor.domain.model import Link, LinkKind
from debate_editor.layout.geometry import (
    Bracket,
    Curve,
    Rect,
    badge_centre,
    link_curve,
    map_shapes,
    reason_curve,
)
from debate_editor.render.arrow_geometry import qrect
from debate_editor.render.card_style import BACKGROUND_COLOUR
from debate_editor.render.map_drawing import card_sizes
from debate_editor.render.overview import Overview
from debate_editor.store import DebateDocument
from debate_editor.ui.edits import new_position
from debate_editor.ui.map_items import CARD_Z, ClaimCard, LinkArrow

SCENE_MARGIN = 400.0
LIFT_UP_TO = 64
"""New arrows checked for a card over their badge: what a person adds (not an import)."""


class DebateScene(QGraphicsScene):
    def __init__(self, document: DebateDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.cards: dict[str, ClaimCard] = {}
        self.arrows: dict[str, LinkArrow] = {}
        self._arrows_at: dict[str, set[str]] = {}
        """Claim or link id -> ids of the arrows that start or end there."""
        self.overview = Overview()
        """The same cards and arrows as numbers, which the view draws when zoomed out."""
        self.matched: set[str] = set()
        self.faded = False
        """What a search highlights, and whether it fades the rest (for the overview)."""
        self.marks_revision = 0
        self.setBackgroundBrush(BACKGROUND_COLOUR)
        self._build()

    # ---- building ----------------------------------------------------------------
    def _build(self) -> None:
        """Every card and arrow, made once (tens of thousands on a big map: every
        call here counts)."""
        graph = self.document.graph
        with gc_paused():
            sizes = card_sizes(graph)
            shapes = map_shapes(graph, sizes)
            cards, add, overview = self.cards, self.addItem, self.overview
            for cid, claim in graph.claims.items():
                card = ClaimCard(claim, *graph.reason_counts(cid))
                rect = shapes.cards[cid]
                card.setPos(rect.x, rect.y)
                cards[cid] = card
                add(card)
                overview.set_card(cid, *rect, claim.kind)
            links, brackets = graph.links, shapes.brackets
            for link_id, curve in shapes.arrows.items():
                self._add_arrow(links[link_id], curve, brackets.get(link_id, ()))
            bounds = shapes.bounds()
            self.fit_scene_rect(qrect(bounds) if bounds is not None else None)

    def shown_positions(self) -> dict[str, tuple[float, float]]:
        """Where each card is on screen (for cards the file holds no position for)."""
        return {cid: (card.x(), card.y()) for cid, card in self.cards.items()}

    def _add_arrow(self, link: Link, curve: Curve | None = None,
                   bracket: Bracket = ()) -> None:
        """An arrow, its curve given or worked out from where its cards are now."""
        if curve is None:
            curve, bracket = self._curve(link)
        arrow = LinkArrow(link, curve, bracket)
        self.arrows[link.id] = arrow
        self._remember_ends(link)
        curve = arrow.curve
        self.overview.set_arrow(link.id, curve[0], curve[1], curve[6], curve[7], link.kind)
        self.addItem(arrow)

    def _show_card(self, card: ClaimCard) -> None:
        """Tell the overview where a card is now."""
        self.overview.set_card(card.claim_id, card.x(), card.y(), card.face.width,
                               card.face.height, card.face.kind)

    def _curve(self, link: Link) -> tuple[Curve, Bracket]:
        """The arrow's curve and bracket between where its cards are now (an undercut:
        toward the badge of the arrow it attacks, as that arrow runs now)."""
        cards = self.cards
        if len(link.sources) == 1:
            source = cards[link.source].rect()
            if link.to_claim is not None:
                return link_curve(source, cards[link.to_claim].rect()), ()
        premises = [cards[source].rect() for source in link.sources]
        if link.to_claim is not None:
            return reason_curve(premises, cards[link.to_claim].rect())
        attacked = self.arrows.get(link.to_link or "")
        point = badge_centre(attacked.curve) if attacked is not None else None
        return reason_curve(premises, None, point)

    def _route(self, arrow: LinkArrow) -> None:
        """Draw an arrow between where its cards are now."""
        arrow.set_curve(*self._curve(arrow.link))
        self.overview.set_arrow(arrow.link.id, *arrow.ends(), arrow.link.kind)

    def _lift_if_covered(self, arrow: LinkArrow) -> None:
        """A new arrow whose badge a card would hide (a third one, or one of its own
        ends dragged close) is drawn above the cards, so its + or − can be seen and
        clicked."""
        x, y = badge_centre(arrow.curve)
        covered = any(isinstance(item, ClaimCard) for item in self.items(QPointF(x, y)))
        if covered:
            arrow.setZValue(CARD_Z + 0.5)

    def _remember_ends(self, link: Link) -> None:
        at = self._arrows_at
        for end in (*link.sources, link.target):
            ids = at.get(end)
            if ids is None:
                at[end] = {link.id}
            else:
                ids.add(link.id)

    def _forget_ends(self, link: Link) -> None:
        for end in (*link.sources, link.target):
            ids = self._arrows_at.get(end)
            if ids is not None:
                ids.discard(link.id)
                if not ids:
                    del self._arrows_at[end]

    def _remove_arrow(self, link_id: str) -> Link | None:
        arrow = self.arrows.pop(link_id, None)
        if arrow is None:
            return None
        link = arrow.link
        self._forget_ends(link)
        self.removeItem(arrow)
        self.overview.remove(link_id)
        return link

    # ---- following the document --------------------------------------------------
    def apply_event(self, event: DebateChanged) -> None:
        graph = self.document.graph
        recount: set[str] = set()
        reroute: set[str] = set()
        for link_id in event.removed_links:
            link = self._remove_arrow(link_id)
            if link is not None and link.to_claim is not None:
                recount.add(link.to_claim)
        for link_id in event.changed_links & self.arrows.keys():
            # Changed in place: taking an item out of a scene of 100,000 and putting
            # one back makes Qt renumber and re-sort them all.
            arrow = self.arrows[link_id]
            old, new = arrow.link, graph.links[link_id]
            self._forget_ends(old)
            self._remember_ends(new)
            arrow.set_link(new)
            recount.update(link.to_claim for link in (old, new) if link.to_claim is not None)
        for cid in event.removed_claims:
            card = self.cards.pop(cid, None)
            if card is not None:
                self.removeItem(card)
                self.overview.remove(cid)
        for cid in sorted(event.added_claims):
            claim = graph.claims[cid]
            card = ClaimCard(claim)
            pos = claim.position or new_position(
                self.document, claim, self._answers(cid), _kind_of_first_link(graph, cid),
                places=self,
            )
            card.setPos(*pos)
            self.cards[cid] = card
            self.addItem(card)
            self._show_card(card)
            recount.add(cid)
        for cid in event.changed_claims:
            card = self.cards.get(cid)
            if card is None:
                continue
            claim = graph.claims[cid]
            if cid not in event.moved_claims:  # a move leaves the face as it is
                card.set_claim(claim)
            if claim.x is not None and claim.y is not None:
                card.setPos(claim.x, claim.y)  # Qt does nothing if it is there already
            reroute.add(cid)  # which also shows the card where it is now
        new_links = [graph.links[i] for i in event.added_links | event.changed_links
                     if i in graph.links and i not in self.arrows]
        few = len(new_links) <= LIFT_UP_TO
        for link in links_in_dependency_order(new_links):
            self._add_arrow(link)
            if few:
                self._lift_if_covered(self.arrows[link.id])
            if link.to_claim is not None:
                recount.add(link.to_claim)
        for cid in recount:
            card = self.cards.get(cid)
            if card is not None:
                card.set_counts(*graph.reason_counts(cid))
        self.reroute(reroute | (event.changed_links & self.arrows.keys()))
        grown = [self.cards[c] for c in event.added_claims | event.changed_claims
                 if c in self.cards]
        if grown:
            self.grow_scene_rect(grown)

    def _answers(self, cid: str) -> str | None:
        outgoing = self.document.graph.outgoing(cid)
        return outgoing[0].target if outgoing else None

    def reroute(self, ids: Iterable[str]) -> None:
        """Redraw the arrows at these cards (which may have moved) or these arrows, and the
        undercuts that point at those arrows."""
        cards, overview = self.cards, self.overview
        places: dict[str, Rect] = {}

        def place(cid: str) -> Rect:
            found = places.get(cid)
            if found is None:
                found = places[cid] = cards[cid].rect()
            return found

        ids = list(ids)
        overview.set_cards((cid, *place(cid), cards[cid].face.kind)
                           for cid in ids if cid in cards)
        arrows_at, arrows = self._arrows_at, self.arrows
        pending = [aid for cid in ids for aid in arrows_at.get(cid, ())]
        pending.extend(i for i in ids if i in arrows)
        found: set[str] = set()
        while pending:
            link_id = pending.pop()
            if link_id in found or link_id not in arrows:
                continue
            found.add(link_id)
            pending.extend(arrows_at.get(link_id, ()))
        # A plain arrow runs between two cards only: those go first, in one batch. An
        # undercut points at the middle of the arrow it attacks: route that one first.
        lines: list[tuple[str, float, float, float, float, LinkKind]] = []
        others: list[Link] = []
        for link_id in found:
            arrow = arrows[link_id]
            link = arrow.link
            if link.to_claim is None or link.is_group:
                others.append(link)
                continue
            curve = link_curve(place(link.source), place(link.to_claim))
            arrow.set_curve(curve)
            lines.append((link_id, curve[0], curve[1], curve[6], curve[7], link.kind))
        overview.set_arrows(lines)
        for link in links_in_dependency_order(others):
            self._route(arrows[link.id])

    def fit_scene_rect(self, bounds: QRectF | None = None) -> None:
        """Room around the map to scroll into."""
        bounds = bounds if bounds is not None else self.cards_bounds()
        m = SCENE_MARGIN
        self.setSceneRect(bounds.adjusted(-m, -m, m, m))

    def grow_scene_rect(self, cards: Iterable[ClaimCard]) -> None:
        """Grow the scrollable area to take in these cards (cheap: only they are measured)."""
        cards = list(cards)
        if not cards:
            return
        rect = self.sceneRect()
        m = SCENE_MARGIN
        grown = _bounds(cards)
        rect = rect.united(grown.adjusted(-m, -m, m, m))
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def cards_bounds(self) -> QRectF:
        """Around the cards one can see (a folded branch's are hidden)."""
        return _bounds(card for card in self.cards.values() if card.isVisible())

    def set_marks(self, matched: Iterable[str], *, faded: bool) -> None:
        """What a search found, and whether the rest is faded (the items know it too)."""
        self.matched, self.faded = set(matched), faded
        self.marks_revision += 1

    # ---- where cards stand (edits.CardPlaces, for placing a new card) ------------------
    def rect_of(self, claim_id: str) -> Rect | None:
        card = self.cards.get(claim_id)
        return None if card is None else card.rect()

    def near(self, region: Rect) -> list[Rect]:
        return [Rect(x, y, w, h) for x, y, w, h, _ in self.overview.cards_in(
            region.x, region.y, region.x + region.w, region.y + region.h)]

    def spans(self, region: Rect) -> bool:
        return self.overview.spans(region.x, region.x + region.w)

    def tops(self, low: float, high: float) -> list[float]:
        return self.overview.tops(low, high)

    # ---- questions ---------------------------------------------------------------
    def selected_claims(self) -> list[str]:
        return [i.claim_id for i in self.selectedItems() if isinstance(i, ClaimCard)]

    def selected_links(self) -> list[str]:
        return [i.link_id for i in self.selectedItems() if isinstance(i, LinkArrow)]

    def card_rects(self) -> dict[str, Rect]:
        return {cid: c.rect() for cid, c in self.cards.items()}


def _bounds(cards: Iterable[ClaimCard]) -> QRectF:
    """The rectangle around the cards (an empty map: a window's worth of room): what
    `bounds_of` gives, by builtins over plain numbers rather than a call per card (a
    window fits its map as it opens, and 10,000 cards took 50 ms each time)."""
    boxes = [(card.x(), card.y(), card.face) for card in cards]
    if not boxes:
        return QRectF(0, 0, 800, 600)
    left = min(x for x, _, _ in boxes)
    top = min(y for _, y, _ in boxes)
    right = max(x + face.width for x, _, face in boxes)
    bottom = max(y + face.height for _, y, face in boxes)
    return QRectF(left, top, right - left, bottom - top)


def _kind_of_first_link(graph: DebateGraph, cid: str) -> LinkKind:
    outgoing = graph.outgoing(cid)
    return outgoing[0].kind if outgoing else LinkKind.SUPPORT
