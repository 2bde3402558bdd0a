"""A window on a team debate keeps up with the server (README, "Team debates on a server").

Others' edits arrive as notices (store/server_listen.py, on a socket the event loop
watches) and, as a safety net for a notice lost on the way, a check every few seconds;
either way the document reads every edit logged since the last it read (`catch_up`) and
the views hear the usual change event. A lost connection turns the window read-only with
a banner that says so (nothing typed is lost: an open editor keeps its text), a timer
reconnects by itself, re-reads what was missed, and the window takes edits again.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from debate_editor.domain.errors import DebateError
from debate_editor.ui.session import Session

if TYPE_CHECKING:
    from debate_editor.store.server_document import ServerDocument

CHECK_MS = 3_000
"""The safety net: one small query (the log after the last edit read) this often."""
RETRY_MS = 2_000
"""How often to try the server again once the connection is lost."""
OFFLINE = "the connection to the server was lost; reconnecting"


class TeamLink(QObject):
    """Follows the server for one window's `ServerDocument`."""

    went_offline = Signal(str)
    came_back = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.offline = False
        self._listener: Any = None
        self._notifier: QSocketNotifier | None = None
        self.check = QTimer(self)
        self.check.setInterval(CHECK_MS)
        self.check.timeout.connect(self.look)
        self.retry = QTimer(self)
        self.retry.setInterval(RETRY_MS)
        self.retry.timeout.connect(self.reconnect)
        self._listen()
        self.check.start()

    @property
    def document(self) -> ServerDocument:
        return self.session.document  # type: ignore[return-value]  # a team window's

    # ---- notices -----------------------------------------------------------------
    def _listen(self) -> None:
        """Listen for notices where the listener is available; the timer covers the rest."""
        self._stop_listening()
        try:
            from debate_editor.store.server_listen import NoticeListener
        except ImportError:  # pragma: no cover - the listener ships with the store
            return
        try:
            listener = NoticeListener(self.document.address)
        except DebateError:
            return
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._heard)

    def _stop_listening(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None

    def _heard(self) -> None:
        try:
            notices = self._listener.poll() if self._listener is not None else []
        except DebateError:
            self._lost()
            return
        if notices:
            self.look()

    # ---- reading and reconnecting -----------------------------------------------------
    def look(self) -> None:
        """Read what others committed since the last look; a failure means offline."""
        if self.offline or self.document.closed:
            return
        try:
            self.document.catch_up()
        except DebateError:
            self._lost()

    def edit_failed(self) -> None:
        """An edit of this window was refused: was it the connection?"""
        self.look()

    def _lost(self) -> None:
        if self.offline:
            return
        self.offline = True
        self._stop_listening()
        doc = self.document
        doc.read_only, doc.read_only_reason = True, OFFLINE
        self.session.follow_document()
        self.went_offline.emit(OFFLINE)
        self.retry.start()

    def reconnect(self) -> None:
        """Try once: on success, read what was missed and take edits again."""
        doc = self.document
        if doc.closed:
            self.retry.stop()
            return
        try:
            doc.read_only = False  # catch_up emits as for any change; views follow it
            doc.reconnect()
        except DebateError:
            doc.read_only = True
            return
        self.retry.stop()
        self.offline = False
        doc.read_only_reason = ""
        self.session.follow_document()
        self._listen()
        self.came_back.emit()

    def close(self) -> None:
        self.check.stop()
        self.retry.stop()
        self._stop_listening()
