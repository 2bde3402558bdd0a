"""The labelling of one open debate, kept live for every view of its window (README,
"Which claims stand": "In the window").

One `LiveStatus` per session: it labels the debate once, then follows each of the
document's events with `Labelling.update`, which re-labels only what lies downstream of
the edit (undo and redo are edits too). It hears the document before any view does (the
session connects it first), so a view that repaints for an event already reads the new
labels. `changed` names the ids whose labels may have moved; views repaint those.

Which reading (grounded or evidential) is a choice per file, kept in QSettings, not in
the .debate; whether marks are shown at all is one choice for every window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from debate_editor.domain.events import DebateChanged
from debate_editor.domain.status import Label, Labelling, Semantics
from debate_editor.store import DebateDocument

SHOWN_KEY = "status/shown"
SEMANTICS_KEY = "status/semantics"


def _file_key(path: Path | None) -> str:
    return str(path.resolve()) if path is not None else ""


class LiveStatus(QObject):
    changed = Signal(object)
    """A set of ids whose labels may have changed (every id after a change of reading)."""
    shown_changed = Signal(bool)

    def __init__(self, document: DebateDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._shown = bool(QSettings().value(SHOWN_KEY, True, type=bool))
        self.labelling = self._fresh(self._saved_semantics())

    def _fresh(self, semantics: Semantics) -> Labelling:
        graph = self.document.graph
        return Labelling(graph.claims.values(), graph.links.values(), semantics)

    # ---- the choices ----------------------------------------------------------------
    def _saved_semantics(self) -> Semantics:
        saved = QSettings().value(f"{SEMANTICS_KEY}/{_file_key(self.document.path)}", "")
        try:
            return Semantics(str(saved))
        except ValueError:
            return Semantics.GROUNDED

    @property
    def semantics(self) -> Semantics:
        return self.labelling.semantics

    def set_semantics(self, semantics: Semantics) -> None:
        """Label the debate in another reading (the one full labelling after opening) and
        remember the choice for this file."""
        semantics = Semantics(semantics)
        if semantics is self.labelling.semantics:
            return
        if self.document.path is not None:
            QSettings().setValue(f"{SEMANTICS_KEY}/{_file_key(self.document.path)}",
                                 semantics.value)
        self.labelling = self._fresh(semantics)
        self.changed.emit(set(self.labelling.labels))

    @property
    def shown(self) -> bool:
        return self._shown

    def set_shown(self, shown: bool) -> None:
        if shown != self._shown:
            self._shown = shown
            QSettings().setValue(SHOWN_KEY, shown)
            self.shown_changed.emit(shown)

    # ---- reading --------------------------------------------------------------------
    def label(self, item_id: str | None) -> Label | None:
        """The label of a claim or link; None for an unknown id."""
        if item_id is None:
            return None
        return self.labelling.labels.get(item_id)

    def mark(self, item_id: str | None) -> Label | None:
        """What a view draws: the label, or None while marks are hidden."""
        return self.label(item_id) if self._shown else None

    # ---- following edits --------------------------------------------------------------
    def follow(self, event: DebateChanged) -> None:
        graph = self.document.graph
        relabelled = self.labelling.update(graph.claims, graph.links, event)
        self.changed.emit(relabelled | event.added_claims | event.changed_claims)
