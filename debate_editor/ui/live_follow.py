"""A read-only window follows the edits another window makes to its file, live.

While the debate may not be changed here (`Session.editable` is False), a timer asks the
file a few times a second whether another connection committed (store/follow.py: one
`PRAGMA data_version`), and when one did, the file is read again and the document's
usual change event reaches every view, as after an edit made here. Once a copy is saved
and the window writes its own file, it stops.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from debate_editor.store.follow import FileFollower
from debate_editor.ui.session import Session

POLL_MS = 300
"""How often to ask; each ask is one cheap query, a re-read only after a commit."""


class LiveFollow(QObject):
    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.follower: FileFollower | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        session.editable_changed.connect(lambda _editable: self._follow())
        self._follow()

    @property
    def following(self) -> bool:
        return self.timer.isActive()

    def _follow(self) -> None:
        doc = self.session.document
        if self.session.editable or doc.closed or doc.address is not None:
            # a team debate follows its server instead (ui/team_link.py)
            self.timer.stop()
            self.follower = None
            return
        if self.follower is None or self.follower.document is not doc:
            self.follower = FileFollower(doc)
        self.timer.start()

    def poll(self) -> None:
        """Look once; the views hear of any change through the document's own event."""
        if self.follower is None or self.follower.document is not self.session.document:
            self._follow()
        if self.follower is not None:
            self.follower.poll()
