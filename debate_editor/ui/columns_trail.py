"""The trail above the pro/con columns: the claims from a thesis down to the one on top.

A trail is a list of (claim id, link id it was reached by); the thesis has no link. It
records the way the person went, so a claim under two parents keeps the parent they
came from; a claim reached from another view gets the way up its first parents.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.groups import premises_text
from debate_editor.domain.model import Link
from debate_editor.ui.clipped_label import ClippedLabel
from debate_editor.ui.plain_text import mnemonic_safe, plain_tip

Trail = list[tuple[str, str | None]]


def step_text(graph: DebateGraph, trail: Trail, depth: int) -> str:
    """A crumb's words: its claim, or the group of premises it was reached by whole."""
    claim_id, via = trail[depth]
    link = graph.links.get(via or "")
    return premises_text(graph, link) if link is not None and link.is_group \
        else graph.claims[claim_id].text
CRUMB_CHARS_PX = 190
SHOWN_CRUMBS = 3


def _first_link(graph: DebateGraph, claim_id: str) -> Link | None:
    outgoing = graph.outgoing(claim_id)
    plain = [link for link in outgoing if link.to_claim is not None]
    found = plain or outgoing
    return found[0] if found else None


def trail_to(graph: DebateGraph, claim_id: str) -> Trail:
    """The way from a thesis down to `claim_id`, up through first parents. An objection
    to a link is reached through the reason whose link it attacks; in circular reasoning
    the trail starts where it would go round."""
    steps: Trail = []
    seen: set[str] = set()
    cid: str = claim_id
    link = _first_link(graph, cid)
    while cid not in seen:
        seen.add(cid)
        steps.append((cid, link.id if link is not None else None))
        if link is None:
            break
        if link.to_claim is not None:
            cid = link.to_claim
            link = _first_link(graph, cid)
        else:
            link = graph.links[link.to_link or ""]
            cid = link.source
    if steps and steps[-1][1] is not None:
        steps[-1] = (steps[-1][0], None)  # went round: start here
    steps.reverse()
    return steps


class TrailBar(QWidget):
    """'‹' and the claims above, each a button that goes back there."""

    chosen = Signal(int)
    """The depth in the trail to go back to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trail_bar")
        # However long the claims above or the title, the bar never widens its dock:
        # what does not fit is cut at its right edge (each crumb's tooltip holds it all).
        self.setMinimumWidth(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.box = QHBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(2)
        self.buttons: list[QToolButton] = []
        self._shown: tuple[object, ...] | None = None

    def show_trail(self, graph: DebateGraph, trail: Trail, title: str = "") -> None:
        """Build the bar again, unless it would show what it shows already (the columns
        ask after every edit, and most edits change nothing here)."""
        start = max(0, len(trail) - 1 - SHOWN_CRUMBS)
        shown = (tuple(trail), title if len(trail) <= 1 else "",
                 tuple(step_text(graph, trail, depth)
                       for depth in range(start, len(trail) - 1)))
        if shown == self._shown:
            return
        self._shown = shown
        while self.box.count():
            item = self.box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater alone leaves it drawn until then
                widget.deleteLater()
        self.buttons = []
        back = QToolButton(self)
        back.setObjectName("trail_back")
        back.setText("‹ Back")
        back.setToolTip("Back to the claim it answers (Backspace)")
        back.setAutoRaise(True)
        back.setEnabled(len(trail) > 1)
        up = len(trail) - 2
        back.clicked.connect(lambda: self.chosen.emit(up))
        self.box.addWidget(back)
        if start > 0:
            self.box.addWidget(QLabel("… ›", self))
        metrics = QFontMetrics(self.font())
        for depth in range(start, len(trail) - 1):
            text = step_text(graph, trail, depth)
            button = QToolButton(self)
            button.setAutoRaise(True)
            short = metrics.elidedText(" ".join(text.split()), Qt.TextElideMode.ElideRight,
                                       CRUMB_CHARS_PX)
            button.setText(mnemonic_safe(short))
            button.setToolTip(plain_tip(text))
            button.clicked.connect(lambda _c=False, d=depth: self.chosen.emit(d))
            self.buttons.append(button)
            self.box.addWidget(button)
            self.box.addWidget(QLabel("›", self))
        if len(trail) <= 1 and title:
            label = ClippedLabel(self, max_lines=1)  # cut with an ellipsis, never wider
            label.setObjectName("trail_title")
            label.set_plain(title)
            label.setStyleSheet("color: #5a5f66;")
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.box.addWidget(label, 1)  # all the room there is, and no more
        else:
            self.box.addStretch(1)
