"""The window's one selection: which claim every view shows as chosen.

The canvas, the columns, the outline each follow `changed` and report what the person
picks with `select`. Setting what is already set does nothing, and each view ignores
the news it caused itself (`source`), so views can follow one another without echoes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from debate_editor.domain.events import DebateChanged


class ClaimSelection(QObject):
    changed = Signal(object)
    """The selection changed; the argument is whoever changed it (a view, or None)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: str | None = None
        self._claims: tuple[str, ...] = ()
        self._links: tuple[str, ...] = ()

    @property
    def current(self) -> str | None:
        """The claim the keyboard acts on (the last one picked)."""
        return self._current

    @property
    def claims(self) -> tuple[str, ...]:
        """Every selected claim (the canvas can select several); holds `current`."""
        return self._claims

    @property
    def links(self) -> tuple[str, ...]:
        """The selected arrows (the map selects them; the inspector shows the first)."""
        return self._links

    def select(self, current: str | None, claims: Iterable[str] | None = None, *,
               links: Iterable[str] = (), source: object = None) -> bool:
        """Make `current` (with `claims`, default just it, and `links`) the selection.
        False if it was."""
        chosen = tuple(dict.fromkeys(claims)) if claims is not None else ()
        if current is not None and current not in chosen:
            chosen = (current, *chosen)
        if current is None and chosen:
            current = chosen[0]
        arrows = tuple(dict.fromkeys(links))
        if (current, chosen, arrows) == (self._current, self._claims, self._links):
            return False
        self._current, self._claims, self._links = current, chosen, arrows
        self.changed.emit(source)
        return True

    def follow(self, event: DebateChanged) -> None:
        """Drop deleted claims and links quietly: the views drop them from sight
        themselves."""
        if event.removed_links and set(self._links) & event.removed_links:
            self._links = tuple(i for i in self._links if i not in event.removed_links)
        if not event.removed_claims or not (set(self._claims) & event.removed_claims):
            return
        self._claims = tuple(c for c in self._claims if c not in event.removed_claims)
        if self._current in event.removed_claims:
            self._current = self._claims[0] if self._claims else None
