"""The arrow keys and Enter on the map: walking the debate's structure
(`ui/navigation.py`) and adding a claim beside the selected one. A part of the canvas
(`Canvas` inherits it), kept apart to keep each file small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debate_editor.domain.model import LinkKind
from debate_editor.ui import navigation

if TYPE_CHECKING:
    from debate_editor.store import DebateDocument
    from debate_editor.ui.canvas_scene import DebateScene


class CanvasWalk:
    document: DebateDocument
    scene: DebateScene
    _came_from: dict[str, str]
    """The parent the walk came down from, for a claim that answers two."""
    if TYPE_CHECKING:  # what the canvas that inherits this part provides
        def current_card(self) -> str | None: ...
        def select(self, claim_id: str, *, centre: bool = False) -> None: ...
        def begin_new_card(self, answers: str | None, kind: LinkKind) -> None: ...

    def _parent(self, claim_id: str) -> str | None:
        hint = self._came_from.get(claim_id)
        return navigation.parent_of(self.document.graph, claim_id, hint)

    def _walk_to(self, claim_id: str | None, parent: str | None) -> None:
        if claim_id is None:
            return
        if parent is not None:
            self._came_from = {claim_id: parent}
        self.select(claim_id)

    def _start_walk(self) -> str | None:
        """The card the walk starts from; with none selected, the first claim is chosen."""
        current = self.current_card()
        if current is None:
            links = self.scene.selected_links()
            if links:  # an arrow: Up goes to what it points at, Down to where it starts
                return None
            order = self.document.graph.reading_order()
            if order:
                self.select(order[0].id)
        return current

    def on_select_up(self) -> None:
        links = self.scene.selected_links()
        if self.current_card() is None and len(links) == 1:
            self.select(self.document.graph.arrow_target(self.document.graph.links[links[0]]))
            return
        current = self._start_walk()
        if current is not None:
            self._walk_to(self._parent(current), None)

    def on_select_down(self) -> None:
        links = self.scene.selected_links()
        if self.current_card() is None and len(links) == 1:
            self.select(self.document.graph.links[links[0]].source)
            return
        current = self._start_walk()
        if current is not None:
            self._walk_to(navigation.first_reason(self.document.graph, current), current)

    def _select_sibling(self, step: int) -> None:
        current = self._start_walk()
        if current is not None:
            parent = self._parent(current)
            self._walk_to(navigation.sibling(self.document.graph, current, parent, step),
                          parent)

    def on_add_sibling(self) -> None:
        """Enter: a new claim answering what the selected one answers, the same way."""
        current = self.current_card()
        parent = self._parent(current) if current is not None else None
        if current is None or parent is None:
            self.begin_new_card(None, LinkKind.SUPPORT)  # beside a thesis: a thesis
            return
        graph = self.document.graph
        for link in graph.outgoing(current):
            if parent in (link.to_claim, link.to_link and graph.arrow_target(link)):
                self.begin_new_card(link.target, link.kind)
                return
