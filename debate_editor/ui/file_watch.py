"""The open file's whereabouts, asked before every edit, undo and redo.

A renamed file is followed: the window goes on writing it under its new name and shows
that name. A file deleted or replaced under the window, made read-only, or whose folder
turned read-only stops taking edits: the window says so in those words, offers Save As,
and keeps what was refused (an editor keeps its text) until it is saved. The finding
itself is Qt-free (`store/whereabouts.py`); this module turns it into what the window
shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from debate_editor.domain.errors import DebateError, DebateFileError
from debate_editor.store.whereabouts import Whereabouts, follow, path_problem, save_in_place
from debate_editor.ui import recent_files
from debate_editor.ui.dialogs import offer
from debate_editor.ui.read_only import save_copy
from debate_editor.ui.window_host import WindowHost


class FileWatch:
    """Answers `Session.file_ok` for one window."""

    def __init__(self, host: WindowHost, on_renamed: Callable[[], None]) -> None:
        self.host = host
        self.on_renamed = on_renamed
        """The window shows the file's new name (and read-only) in its title."""
        self.stopped = ""
        """Why edits stopped (the file was deleted, …), until a Save As."""
        self._where: Whereabouts | None = None
        self._anchor()  # now: the file is known by what it is, before anyone renames it

    def _anchor(self) -> Whereabouts | None:
        path = self.host.session.document.path
        if self._where is None or self._where.path != path:  # opened, or saved as
            try:
                self._where = Whereabouts(path)
            except OSError:
                self._where = None
        return self._where

    def file_ok(self) -> bool:
        """True if the file may take an edit now (following it when it was renamed);
        else edits stop, the window says why and offers Save As."""
        document = self.host.session.document
        if document.read_only or document.closed:
            return True  # the session refuses already, saying why
        where = self._anchor()
        if where is None:
            return self._stop("the file was deleted or moved away")
        finding = where.look()
        if finding.kind == "here":
            problem = path_problem(document.path)
            return True if problem is None else self._stop(problem)
        if finding.kind != "moved":
            return self._stop(finding.reason)
        old = document.path
        try:
            follow(document, finding.path)
        except DebateError as error:
            why = getattr(error, "reason", str(error)).rstrip(".")
            return self._stop(f"it was renamed to {finding.path}, where it {why}")
        where.path = finding.path
        self.on_renamed()
        if not self.host.is_untitled():
            recent_files.remember(finding.path)
        self.host.say(f"{old.name} was renamed to {finding.path.name}; edits go on there.")
        return True

    def _stop(self, reason: str) -> bool:
        session = self.host.session
        document = session.document
        document.read_only, document.read_only_reason = True, reason
        self.stopped = reason
        session.follow_document()  # the read-only bar, the grey menus
        self.on_renamed()  # the title says read-only
        offer(self.host.dialog_parent(), "Debate Editor",
              f"{document.path}: {reason}. Nothing more can be written there; what you "
              "changed is still in this window. Save it as a file to go on.",
              "Save As…", "Not Now", lambda: save_copy(self.host))
        return False

    def save_as(self, target: Path) -> None:
        """Save As for the window: to the file's own name again after it was deleted or
        replaced there (a whole copy of what the window holds), else a copy elsewhere."""
        document = self.host.session.document
        problem = path_problem(target)
        if problem:
            raise DebateFileError(target, f"cannot be written: {problem}.")
        if target.absolute() != document.path.absolute() or not self.stopped:
            document.save_as(target)
        elif "read-only" in self.stopped:
            raise DebateFileError(target, f"cannot be written: {self.stopped}.")
        else:
            save_in_place(document)
        self.stopped, self._where = "", None
        self._anchor()  # the file written now, whatever its name
