"""File → Import: another format into a new debate, or into the open one as one step.

Both read the file the same way (the format guessed from its name and text, as the
command line does). Bad input is refused with the importer's one sentence naming the line
and column, in a dialog, and nothing changes: no file is created, the open debate keeps
every card. Where the importer read by a guess, the import stands and a dialog lists its
warnings afterwards. Imported cards get fresh ids and land, laid out, to the right of the
map. Files are read (and a new debate written) on a worker with a progress dialog and
Cancel (`import_job`), so a big file never freezes the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from debate_editor.domain.edit import Edit
from debate_editor.domain.model import Debate
from debate_editor.formats import files, registry
from debate_editor.formats.imported import Imported
from debate_editor.render import merge
from debate_editor.store import EXTENSION, DebateDocument
from debate_editor.store.whereabouts import path_problem
from debate_editor.ui.dialogs import warn
from debate_editor.ui.import_job import ImportJob
from debate_editor.ui.window_host import WindowHost
from debate_editor.ui.window_registry import WindowRegistry


def file_filters() -> str:
    """One filter with every importable extension, then one per format."""
    formats = registry.importers()
    every = sorted({f"*{ext}" for fmt in formats for ext in fmt.extensions})
    parts = [f"Debates in other formats ({' '.join(every)})"]
    parts += [f"{fmt.label} ({' '.join('*' + e for e in fmt.extensions)})" for fmt in formats]
    return ";;".join([*parts, "All files (*)"])


def read_debate(path: Path) -> Imported:
    """The debate in `path`, in whatever format it is, with the importer's warnings; one
    documented error if it is not (read as the command line reads it)."""
    return files.import_debate(path)


def _tell_guesses(parent: QWidget, source: Path, imported: Imported) -> None:
    if imported.warnings:
        listed = "\n".join(f"• {warning}" for warning in imported.warnings[:12])
        more = len(imported.warnings) - 12
        warn(parent, "Import", f"{source.name} was imported, read by a guess here:\n\n"
             f"{listed}" + (f"\n… and {more} more" if more > 0 else ""))


def _choose_source(window: QWidget, title: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(window, title, "", file_filters())
    return Path(name) if name else None


def import_new(host: WindowHost, windows: WindowRegistry) -> ImportJob[Imported] | None:
    """Import a file as a new .debate file (asked for with a Save dialog) and open it.
    The file is read, and the new one written, on a worker (`import_job`), so the window
    never freezes. A file shown in one of `windows` is never replaced."""
    window = host.dialog_parent()
    source = _choose_source(window, "Import Debate")
    if source is None:
        return None
    return ImportJob(window, f"Reading {source.name}…", lambda: read_debate(source),
                     lambda imported: _save_new(host, windows, source, imported),
                     lambda text: warn(window, "Import", text)).start()


def _save_new(host: WindowHost, windows: WindowRegistry, source: Path,
              imported: Imported) -> ImportJob[None] | None:
    window = host.dialog_parent()
    suggested = str(source.with_suffix(EXTENSION))
    name, _ = QFileDialog.getSaveFileName(window, "Save Imported Debate As", suggested,
                                          f"Debates (*{EXTENSION})")
    if not name:
        return None
    target = Path(name)
    if target.suffix != EXTENSION:
        target = target.with_name(target.name + EXTENSION)
    if windows.showing(target) is not None:
        warn(window, "Import", f"{target} is open in a window; choose another name.")
        return None
    problem = path_problem(target)
    if problem:
        warn(window, "Import", f"{target}: cannot be written: {problem}.")
        return None

    def write() -> None:
        DebateDocument.create_from(target, imported.debate, replace=True).close()

    def opened(_none: None) -> None:
        shown = host.open_path(target)
        _tell_guesses(shown if isinstance(shown, QWidget) else window, source, imported)

    return ImportJob(window, f"Writing {target.name}…", write, opened,
                     lambda text: warn(window, "Import", text), cancellable=False).start()


def import_into(host: WindowHost) -> ImportJob[Imported] | None:
    """Import a file into the open debate as one undoable step (read on a worker; the
    step itself is made here, on the GUI thread, which alone changes the debate)."""
    session, window = host.session, host.dialog_parent()
    if not session.may_edit():
        return None
    source = _choose_source(window, "Import into This Debate")
    if source is None:
        return None
    return ImportJob(window, f"Reading {source.name}…", lambda: read_debate(source),
                     lambda imported: _merge(host, source, imported),
                     lambda text: warn(window, "Import", text)).start()


def _merge(host: WindowHost, source: Path, imported: Imported) -> bool:
    session, window = host.session, host.dialog_parent()
    if not imported.debate.claims:
        warn(window, "Import", f"{source.name} holds no claims; nothing was added.")
        return False
    edit = merge_edit(session.document, imported.debate, label=f"Import {source.name}")
    done = session.run(edit)
    if done:
        _tell_guesses(window, source, imported)
    return done


def merge_edit(document: DebateDocument, debate: Debate, label: str = "Import") -> Edit:
    """The edit that adds every claim and link of `debate` to `document` (render/merge.py,
    which the command line's `import --into` makes too)."""
    return merge.merge_edit(document.graph, document.ids, debate, label)
