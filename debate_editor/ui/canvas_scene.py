"""The map as a QGraphicsScene that follows the document.

Built once from the document, then updated from each `DebateChanged` event, touching only
the items the event names (and the arrows and tallies next to them), so one edit costs
the same on a map of ten cards or ten thousand.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsScene

from debate_editor.domain.events import DebateChanged
from debate_editor.domain.model import Link
from debate_editor.layout import Rect
from debate_editor.render.card_style import BACKGROUND_COLOUR
from debate_editor.render.map_drawing import card_sizes, positions_for
from debate_editor.render.painter import badge_centre, link_path, undercut_path
from debate_editor.store import DebateDocument
from debate_editor.store.rows import links_in_dependency_order
from debate_editor.ui.edits import new_position
from debate_editor.ui.map_items import ClaimCard, LinkArrow

SCENE_MARGIN = 400.0


class DebateScene(QGraphicsScene):
    def __init__(self, document: DebateDocument, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.document = document
        self.cards: dict[str, ClaimCard] = {}
        self.arrows: dict[str, LinkArrow] = {}
        self._arrows_at: dict[str, set[str]] = {}
        """Claim or link id -> ids of the arrows that start or end there."""
        self.setBackgroundBrush(BACKGROUND_COLOUR)
        self._build()

    # ---- building ----------------------------------------------------------------
    def _build(self) -> None:
        graph = self.document.graph
        positions = positions_for(graph, card_sizes(graph))
        for cid, claim in graph.claims.items():
            card = ClaimCard(claim, len(graph.pros(cid)), len(graph.cons(cid)))
            card.setPos(*positions[cid])
            self.cards[cid] = card
            self.addItem(card)
        for link in links_in_dependency_order(list(graph.links.values())):
            self._add_arrow(link)
        self.fit_scene_rect()

    def shown_positions(self) -> dict[str, tuple[float, float]]:
        """Where each card is on screen (for cards the file holds no position for)."""
        return {cid: (card.x(), card.y()) for cid, card in self.cards.items()}

    def _add_arrow(self, link: Link) -> None:
        arrow = LinkArrow(link)
        self.arrows[link.id] = arrow
        self._arrows_at.setdefault(link.source, set()).add(link.id)
        self._arrows_at.setdefault(link.target, set()).add(link.id)
        arrow.set_path(self._path_of(link))
        self.addItem(arrow)

    def _path_of(self, link: Link):  # type: ignore[no-untyped-def]
        source = self.cards[link.source].card_rect()
        if link.to_claim is not None:
            return link_path(source, self.cards[link.to_claim].card_rect())
        target = self.arrows.get(link.to_link or "")
        point = badge_centre(target.path) if target is not None else source.center()
        return undercut_path(source, point)

    def _remove_arrow(self, link_id: str) -> Link | None:
        arrow = self.arrows.pop(link_id, None)
        if arrow is None:
            return None
        link = arrow.link
        for end in (link.source, link.target):
            ids = self._arrows_at.get(end)
            if ids is not None:
                ids.discard(link_id)
                if not ids:
                    del self._arrows_at[end]
        self.removeItem(arrow)
        return link

    # ---- following the document --------------------------------------------------
    def apply_event(self, event: DebateChanged) -> None:
        graph = self.document.graph
        recount: set[str] = set()
        reroute: set[str] = set()
        for link_id in event.removed_links | event.changed_links:
            link = self._remove_arrow(link_id)
            if link is not None and link.to_claim is not None:
                recount.add(link.to_claim)
        for cid in event.removed_claims:
            card = self.cards.pop(cid, None)
            if card is not None:
                self.removeItem(card)
        for cid in sorted(event.added_claims):
            claim = graph.claims[cid]
            card = ClaimCard(claim)
            pos = claim.position or new_position(
                self.document, claim, self._answers(cid), _kind_of_first_link(graph, cid),
                self.shown_positions(),
            )
            card.setPos(*pos)
            self.cards[cid] = card
            self.addItem(card)
            recount.add(cid)
        for cid in event.changed_claims:
            card = self.cards.get(cid)
            if card is None:
                continue
            claim = graph.claims[cid]
            card.set_claim(claim)
            if claim.position is not None and (card.x(), card.y()) != claim.position:
                card.setPos(*claim.position)
            reroute.add(cid)
        new_links = [graph.links[i] for i in event.added_links | event.changed_links
                     if i in graph.links]
        for link in links_in_dependency_order(new_links):
            self._add_arrow(link)
            if link.to_claim is not None:
                recount.add(link.to_claim)
        for cid in recount:
            card = self.cards.get(cid)
            if card is not None:
                card.set_counts(len(graph.pros(cid)), len(graph.cons(cid)))
        self.reroute(reroute | (event.changed_links & self.arrows.keys()))
        grown = [self.cards[c] for c in event.added_claims | event.changed_claims
                 if c in self.cards]
        if grown:
            self.grow_scene_rect(grown)

    def _answers(self, cid: str) -> str | None:
        outgoing = self.document.graph.outgoing(cid)
        return outgoing[0].target if outgoing else None

    def reroute(self, ids: Iterable[str]) -> None:
        """Redraw the arrows at these cards, and the undercuts that point at those arrows."""
        pending = [aid for cid in ids for aid in self._arrows_at.get(cid, ())]
        seen: set[str] = set()
        while pending:
            link_id = pending.pop(0)
            if link_id in seen or link_id not in self.arrows:
                continue
            seen.add(link_id)
            arrow = self.arrows[link_id]
            arrow.set_path(self._path_of(arrow.link))
            pending.extend(self._arrows_at.get(link_id, ()))

    def fit_scene_rect(self) -> None:
        """Room around the map to scroll into."""
        bounds = self.cards_bounds()
        m = SCENE_MARGIN
        self.setSceneRect(bounds.adjusted(-m, -m, m, m))

    def grow_scene_rect(self, cards: Iterable[ClaimCard]) -> None:
        """Grow the scrollable area to take in these cards (cheap: only they are measured)."""
        rect = self.sceneRect()
        m = SCENE_MARGIN
        for card in cards:
            rect = rect.united(card.card_rect().adjusted(-m, -m, m, m))
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def cards_bounds(self) -> QRectF:
        if not self.cards:
            return QRectF(0, 0, 800, 600)
        xs0 = min(card.x() for card in self.cards.values())
        ys0 = min(card.y() for card in self.cards.values())
        xs1 = max(card.x() + card.face.width for card in self.cards.values())
        ys1 = max(card.y() + card.face.height for card in self.cards.values())
        return QRectF(QPointF(xs0, ys0), QPointF(xs1, ys1))

    # ---- questions ---------------------------------------------------------------
    def selected_claims(self) -> list[str]:
        return [i.claim_id for i in self.selectedItems() if isinstance(i, ClaimCard)]

    def selected_links(self) -> list[str]:
        return [i.link_id for i in self.selectedItems() if isinstance(i, LinkArrow)]

    def card_rects(self) -> dict[str, Rect]:
        return {cid: Rect(c.x(), c.y(), c.face.width, c.face.height)
                for cid, c in self.cards.items()}


def _kind_of_first_link(graph: object, cid: str):  # type: ignore[no-untyped-def]
    from debate_editor.domain.model import LinkKind

    outgoing = graph.outgoing(cid)  # type: ignore[attr-defined]
    return outgoing[0].kind if outgoing else LinkKind.SUPPORT
