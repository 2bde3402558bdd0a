"""What the open document tells its followers after each edit. Plain Python, no Qt.

Every view (canvas, columns, outline, presenter) subscribes and updates from these
alone, whoever made the edit: a key press, an undo, an import, a script.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DebateChanged:
    """One edit, committed to the file. Ids only: followers read the new state from the
    document, so no view ever holds a stale copy of a claim."""

    added_claims: frozenset[str] = frozenset()
    changed_claims: frozenset[str] = frozenset()
    removed_claims: frozenset[str] = frozenset()
    added_links: frozenset[str] = frozenset()
    changed_links: frozenset[str] = frozenset()
    removed_links: frozenset[str] = frozenset()
    info_changed: bool = False
    label: str = ""
    moved_claims: frozenset[str] = frozenset()
    """Those of `changed_claims` whose position alone changed: a view that shows no
    positions has nothing to do for them (README, "Performance")."""

    @property
    def structure_changed(self) -> bool:
        """Whether claims or links came or went (not merely moved or reworded)."""
        return bool(
            self.added_claims or self.removed_claims or self.added_links or self.removed_links
        )


Listener = Callable[[DebateChanged], None]


class EventHub:
    """A list of listeners, called in the order they subscribed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns a function that removes it again."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: DebateChanged) -> None:
        for listener in list(self._listeners):
            listener(event)
