"""Folded branches on the map: a folded card hides every claim under it (and their
arrows) and shows "+N", N the claims it hides; Space or a click on the "+N" unfolds. The
state is the window's one `Session.folds`, which the outline follows too. A part of the
canvas (`Canvas` inherits it), kept apart to keep each file small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debate_editor.ui.folding import under

if TYPE_CHECKING:
    from debate_editor.store import DebateDocument
    from debate_editor.ui.canvas_scene import DebateScene
    from debate_editor.ui.canvas_view import CanvasView
    from debate_editor.ui.session import Session


class CanvasFolds:
    document: DebateDocument
    scene: DebateScene
    view: CanvasView
    session: Session
    _hidden: set[str]
    _badged: set[str]
    # and the canvas's current_card()

    def apply_folds(self) -> None:
        """Show the map as the fold state says: hidden branches, "+N" badges. Nothing to
        do (and no cost on a big map) while nothing is folded or hidden."""
        folds, graph, scene = self.session.folds, self.document.graph, self.scene
        if not folds.folded and not self._hidden and not self._badged:
            return
        hidden = folds.hidden(graph)
        overview = scene.overview
        for cid in self._hidden ^ hidden:
            card = scene.cards.get(cid)
            if card is None:
                continue
            card.setVisible(cid not in hidden)
            if cid in hidden:
                card.setSelected(False)
        for cid in hidden:  # also those an edit has just put back into the overview
            overview.remove(cid)
        for cid in self._hidden - hidden:
            card = scene.cards.get(cid)
            if card is not None:
                overview.set_card(cid, *card.rect(), card.face.kind)
        for arrow in scene.arrows.values():
            shown = hidden.isdisjoint(arrow.link.sources)
            if arrow.isVisible() != shown:
                arrow.setVisible(shown)
                if shown:
                    overview.set_arrow(arrow.link.id, *arrow.ends(), arrow.link.kind)
                else:
                    arrow.setSelected(False)
            if not shown:
                overview.remove(arrow.link.id)
        badged = {cid for cid in folds.folded if cid in scene.cards and cid not in hidden}
        for cid in self._badged | badged:
            card = scene.cards.get(cid)
            if card is not None:
                card.set_folded(len(under(graph, cid)) if cid in badged else 0)
        self._hidden, self._badged = hidden, badged
        overview.revision += 1
        self.view.viewport().update()

    def reveal(self, claim_id: str) -> None:
        """Unfold what hides `claim_id`, so a card that is reached can be seen."""
        if claim_id in self._hidden:
            self.session.folds.reveal(self.document.graph, claim_id)

    def on_toggle_fold(self) -> None:
        current = self.current_card()  # type: ignore[attr-defined]
        if current is None:
            self.session.notice.emit("Select the claim whose branch to fold first.")
            return
        folds = self.session.folds
        if not folds.is_folded(current) and not under(self.document.graph, current):
            self.session.notice.emit("Nothing stands under this claim to fold.")
            return
        folds.toggle(current)
