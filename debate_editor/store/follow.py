"""Following a file another writer changes: the reading side of "one writer at a time".

A second window on a file opens it read-only (README, "The .debate file"). To show the
writer's edits as they happen, it asks now and then whether anyone committed to the file
(SQLite's `PRAGMA data_version`, one cheap call), and if so reads the file again and
tells the document's followers what changed, as one `DebateChanged` event, the same
event the document sends after its own edits, so every view updates the way it always
does. Plain Python, no Qt: the window calls `poll` from a timer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from debate_editor.domain.errors import DebateFileError, InvalidDebateError
from debate_editor.domain.events import DebateChanged
from debate_editor.store.document import DebateDocument


class FileFollower:
    """Re-reads `document` (open read-only) whenever another connection has committed."""

    def __init__(self, document: DebateDocument) -> None:
        self.document = document
        self._seen = document.data_version()

    def poll(self) -> DebateChanged | None:
        """Look once: the event sent to the document's followers, or None when nothing
        changed. A file caught half-way through a commit (busy, or rows that do not yet
        agree) is read again at the next poll; the document keeps what it showed."""
        doc = self.document
        if doc.closed:
            return None
        try:
            version = doc.data_version()
            if version == self._seen:
                return None
            old_claims, old_links, old_info = doc.graph.claims, doc.graph.links, doc.info
            doc.reload()
        except (sqlite3.Error, InvalidDebateError, DebateFileError,  # reading is sqlite3's
                ValueError):
            return None
        self._seen = version
        event = changes(old_claims, doc.graph.claims, old_links, doc.graph.links,
                        info_changed=old_info != doc.info)
        if event is not None:
            doc.events.emit(event)
        return event


def changes(old_claims: Mapping[str, object], new_claims: Mapping[str, object],
            old_links: Mapping[str, object], new_links: Mapping[str, object], *,
            info_changed: bool) -> DebateChanged | None:
    """What differs between two states of a debate, as the event an edit would send."""
    def diff(old: Mapping[str, object], new: Mapping[str, object]
             ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        added = frozenset(new.keys() - old.keys())
        removed = frozenset(old.keys() - new.keys())
        changed = frozenset(k for k in new.keys() & old.keys() if new[k] != old[k])
        return added, changed, removed

    claims, links = diff(old_claims, new_claims), diff(old_links, new_links)
    if not (any(claims) or any(links) or info_changed):
        return None
    return DebateChanged(added_claims=claims[0], changed_claims=claims[1],
                         removed_claims=claims[2], added_links=links[0],
                         changed_links=links[1], removed_links=links[2],
                         info_changed=info_changed, label="Changed in another window")
