"""Folded branches: which claims hide what stands under them, in the map and the outline.

One state per window (`Session.folds`), which the map (a folded card shows "+12", its
branch hidden) and the outline (its row closed) both follow and both change, so folding
in one view folds in the other. It is remembered per file in the user's settings
(QSettings, keyed by the file's path), never in the .debate file, which others receive.
Find, the arrow keys and a selection made elsewhere unfold what they reach (`reveal`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from debate_editor.domain.graph import DebateGraph


def _settings_key(path: Path) -> str:
    """A settings key for a file: its resolved path, hashed (QSettings reads '/' as a
    group and some characters not at all)."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return f"folds/{digest}"


def under(graph: DebateGraph, claim_id: str) -> list[str]:
    """What folding `claim_id` hides: every claim that stands under it, directly or not."""
    if claim_id not in graph.claims:
        return []
    return [c.id for c in graph.reading_order(claim_id)[1:]]


class FoldState(QObject):
    changed = Signal(object)
    """The frozenset of claims folded or unfolded."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = _settings_key(path)
        value = QSettings().value(self._key, [])
        stored = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        self.folded: set[str] = {v for v in stored if isinstance(v, str)}

    def follow_path(self, path: Path) -> None:
        """The debate moved to another file (Save As): its folds are remembered there."""
        key = _settings_key(path)
        if key != self._key:
            self._key = key
            self._save()

    def is_folded(self, claim_id: str) -> bool:
        return claim_id in self.folded

    def set_folded(self, claim_ids: Iterable[str], folded: bool) -> None:
        ids = set(claim_ids)
        flips = frozenset(ids - self.folded if folded else ids & self.folded)
        if not flips:
            return
        if folded:
            self.folded |= flips
        else:
            self.folded -= flips
        self._save()
        self.changed.emit(flips)

    def toggle(self, claim_id: str) -> None:
        self.set_folded([claim_id], not self.is_folded(claim_id))

    def hidden(self, graph: DebateGraph) -> set[str]:
        """Every claim that stands under a folded one (a folded claim under another
        folded one among them)."""
        found: set[str] = set()
        for cid in self.folded:
            if cid not in found:
                found.update(under(graph, cid))
        return found

    def reveal(self, graph: DebateGraph, claim_id: str) -> None:
        """Unfold every folded claim `claim_id` stands under, so it can be seen."""
        above: set[str] = set()
        waiting = [claim_id]
        while waiting:
            for parent in graph.parents(waiting.pop()):
                if parent not in above:
                    above.add(parent)
                    waiting.append(parent)
        self.set_folded(above & self.folded, False)

    def forget_missing(self, graph: DebateGraph) -> None:
        """Drop folds of claims the debate no longer has (deleted, or another file)."""
        gone = {cid for cid in self.folded if cid not in graph.claims}
        if gone:
            self.folded -= gone
            self._save()

    def _save(self) -> None:
        settings = QSettings()
        if self.folded:
            settings.setValue(self._key, sorted(self.folded))
        else:
            settings.remove(self._key)

