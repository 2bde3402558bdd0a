"""Find on the map: the matching cards highlighted, the rest dimmed, Enter steps on.

A part of the canvas (`Canvas` inherits it) kept apart to keep each file small; it
uses the canvas's document, scene, current card and selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debate_editor.ui.find_match import claim_matcher, matching_ids

if TYPE_CHECKING:
    from debate_editor.store import DebateDocument
    from debate_editor.ui.canvas_scene import DebateScene

DIMMED = 0.25


class CanvasFind:
    document: DebateDocument
    scene: DebateScene
    _matches: list[str]
    _filter: str

    if TYPE_CHECKING:  # what the canvas that inherits this part provides
        def current_card(self) -> str | None: ...
        def select(self, claim_id: str, *, centre: bool = False) -> None: ...

    def set_filter(self, text: str) -> list[str]:
        """Highlight the cards that match `text` (words and `#tag`s) and dim the rest;
        the matches in reading order."""
        self._filter = text
        needle = claim_matcher(text) is not None  # words, and #tag
        self._matches = matching_ids(self.document.graph, text)
        matched = set(self._matches)
        for cid, card in self.scene.cards.items():
            hit = cid in matched
            card.matched = hit
            card.setOpacity(1.0 if not needle or hit else DIMMED)
            card.update()
        for arrow in self.scene.arrows.values():
            arrow.setOpacity(1.0 if not needle else DIMMED)
        self.scene.set_marks(matched, faded=needle)
        return list(self._matches)

    def find_next(self, backwards: bool = False) -> str | None:
        """Select and centre the next match after the current card."""
        if not self._matches:
            return None
        current = self.current_card()
        step = -1 if backwards else 1
        if current in self._matches:
            index = (self._matches.index(current) + step) % len(self._matches)
        else:
            index = 0 if not backwards else len(self._matches) - 1
        target = self._matches[index]
        self.select(target, centre=True)
        return target
