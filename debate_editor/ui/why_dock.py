"""The Why dock: for the selected claim or arrow, why it stands, is defeated or is
undecided, in sentences (README, "Which claims stand": "In the window").

The chain is `status_why.why` on the window's live labelling: the item first, then what
its label rests on. Every claim and link it names is a link: a click selects it in every
view. It follows the selection, every edit and undo, and a change of reading; while the
dock is hidden it does no work.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from debate_editor.domain.status import Semantics
from debate_editor.domain.status_labels import IN, OUT, Label
from debate_editor.domain.status_why import Step, why
from debate_editor.ui.session import Session
from debate_editor.ui.status_words import name

MOST_STEPS = 12
"""A longer chain says how many steps it leaves out (the dock is for reading)."""
VERB = {IN: "stands", OUT: "is defeated"}
READING = {Semantics.GROUNDED: "grounded: a claim stands until an objection defeats it",
           Semantics.EVIDENTIAL: "evidential: a claim with reasons stands only while one "
                                 "of them stands"}


def verb(label: Label) -> str:
    return VERB.get(label, "is undecided")


def step_sentence(session: Session, step: Step) -> str:
    """One step as a sentence: what it is, its label, the rule, and what it rests on."""
    graph = session.document.graph
    said = f"{name(graph, step.id)} {verb(step.label)}: {step.rule}"
    if step.because:
        said += " (" + "; ".join(name(graph, item) for item in step.because) + ")"
    return re.sub(r"^(<a [^>]*>)the ", r"\1The ", said) + "."


class WhyPanel(QWidget):
    name = "why"
    title = "Why"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.text = QTextBrowser(self)
        self.text.setObjectName("why_text")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._clicked)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.text)
        self.setFocusProxy(self.text)
        self.setMinimumWidth(160)
        session.selection.changed.connect(lambda _source: self.refresh())
        session.status.changed.connect(lambda _ids: self.refresh())
        session.status.shown_changed.connect(lambda _shown: self.refresh())

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {}

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self.refresh()

    def subject(self) -> str | None:
        """The claim the keyboard acts on, else the first selected arrow."""
        selection = self.session.selection
        if selection.current is not None:
            return selection.current
        return selection.links[0] if selection.links else None

    def refresh(self) -> None:
        if not self.isVisible():
            return
        self.text.setHtml(self.html())

    def html(self) -> str:
        status = self.session.status
        item = self.subject()
        if item is None or status.label(item) is None:
            return "<p>Select a claim or an arrow to read why it stands or falls.</p>"
        steps = why(status.labelling, item)
        first, rest = steps[0], steps[1:MOST_STEPS]
        parts = [f"<p><b>{step_sentence(self.session, first)}</b></p>"]
        if rest:
            parts.append("<ul>" + "".join(f"<li>{step_sentence(self.session, s)}</li>"
                                          for s in rest) + "</ul>")
        if len(steps) > MOST_STEPS:
            parts.append(f"<p>… and {len(steps) - MOST_STEPS} more steps.</p>")
        parts.append(f"<p style='color:#5a5f66'>Reading: {READING[status.semantics]}."
                     "</p>")
        return "".join(parts)

    def _clicked(self, url: QUrl) -> None:
        """Select the claim or arrow a sentence names."""
        text = url.toString()
        if not text.startswith("item:"):
            return
        item = text[len("item:"):]
        graph = self.session.document.graph
        if item in graph.claims:
            self.session.selection.select(item, source=self)
        elif item in graph.links:
            self.session.selection.select(None, (), links=(item,), source=self)
