"""File → Export: every format the registry can write, and the rebuttal on the clipboard.

`Export…` asks for a file once, the format chosen by the file type; `Export As` lists
every format. The numbered rebuttal answers the selected claim when one is selected
(else the first thesis), and "Copy Rebuttal" puts it on the clipboard, ready to paste
into a forum reply. Each export runs in a worker thread (`export_job`), so a big PDF
never freezes the window.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu

from debate_editor.domain.errors import DebateError
from debate_editor.formats import registry
from debate_editor.store.whereabouts import export_target_problem
from debate_editor.ui.dialogs import warn
from debate_editor.ui.export_job import ExportJob
from debate_editor.ui.window_host import WindowHost

_LAST_EXPORT: dict[str, tuple[str, Path]] = {}
"""Per debate file, the file type and the file its last Export… chose: the next Export…
offers them again, as editors do, instead of starting over at PDF."""


def exporters() -> list[registry.Format]:
    """Every format that can be written, the drawn ones included when Qt can draw."""
    with contextlib.suppress(ImportError):
        import debate_editor.render.exports  # noqa: F401  (registers pdf, png, svg)
    return sorted(registry.exporters(), key=lambda f: f.label.lower())


def fill_export_menu(menu: QMenu, host: WindowHost) -> None:
    menu.clear()
    for fmt in exporters():
        action = menu.addAction(f"{fmt.label}…", partial(export_format, host, fmt))
        action.setObjectName(f"export_{fmt.name}")
    menu.addSeparator()
    menu.addAction("Copy Rebuttal to Clipboard",
                   lambda: copy_rebuttal(host)).setObjectName("export_copy_rebuttal")


def _options(host: WindowHost, fmt: registry.Format) -> registry.ExportOptions:
    """The rebuttal answers the claim the person has chosen (the views' one selection)."""
    claim = host.session.selection.current if fmt.name == "rebuttal" else None
    return registry.ExportOptions(claim=claim)


def suggested_path(host: WindowHost, extension: str) -> Path:
    """The debate's own name with the format's extension, beside it (in the home folder
    for an untitled debate)."""
    document = host.session.document
    if host.is_untitled():
        stem = re.sub(r'[\\/:*?"<>|\n\r\t]+', " ", document.title).strip()
        return Path.home() / f"{stem or 'Debate'}{extension}"
    return document.path.with_suffix(extension)


def export_dialog(host: WindowHost) -> ExportJob | None:
    """Export… : one Save dialog; the file type chosen (or the extension typed) picks
    the format."""
    formats = exporters()
    filters = [f"{fmt.label} ({' '.join('*' + e for e in fmt.extensions)})" for fmt in formats]
    pdf = next((i for i, f in enumerate(formats) if f.name == "pdf"), 0)
    debate = str(host.session.document.path)
    last_filter, last_target = _LAST_EXPORT.get(debate, ("", None))
    offered = last_filter if last_filter in filters else filters[pdf]
    suggested = last_target or suggested_path(host, formats[pdf].extensions[0])
    name, chosen = QFileDialog.getSaveFileName(
        host.dialog_parent(), "Export", str(suggested), ";;".join(filters), offered)
    if not name:
        return None
    target = Path(name)
    fmt = formats[filters.index(chosen)] if chosen in filters else None
    by_suffix = [f for f in formats if target.suffix.lower() in f.extensions]
    if fmt is None or (by_suffix and fmt not in by_suffix):
        fmt = by_suffix[0] if by_suffix else formats[pdf]
    if not target.suffix:
        target = target.with_name(target.name + fmt.extensions[0])
    _LAST_EXPORT[debate] = (filters[formats.index(fmt)], target)
    return start_export(host, fmt, target)


def export_format(host: WindowHost, fmt: registry.Format) -> ExportJob | None:
    """Export As ▸ a format: a Save dialog with that format's name and extension."""
    extension = fmt.extensions[0] if fmt.extensions else ""
    name, _ = QFileDialog.getSaveFileName(
        host.dialog_parent(), f"Export as {fmt.label}", str(suggested_path(host, extension)),
        f"{fmt.label} ({' '.join('*' + e for e in fmt.extensions)})")
    if not name:
        return None
    target = Path(name)
    if extension and not target.suffix:
        target = target.with_name(target.name + extension)
    return start_export(host, fmt, target)


def start_export(host: WindowHost, fmt: registry.Format, target: Path) -> ExportJob | None:
    """Export on a worker; never over a debate (the open one least of all)."""
    parent = host.dialog_parent()
    problem = export_target_problem(target, host.session.document.path)
    if problem:
        warn(parent, "Export", f"{target}: cannot be written: {problem}.")
        return None
    options = _options(host, fmt)
    return ExportJob(parent, fmt, host.session.document.snapshot(), options, target,
                     _reporter(host, fmt, options), lambda text: warn(parent, "Export", text)
                     ).start()


def _reporter(host: WindowHost, fmt: registry.Format,
              options: registry.ExportOptions) -> Callable[[str], None]:
    """What the status bar says once written; for a rebuttal, which claim it answers,
    since that follows the selection and the Save dialog cannot show it."""
    if fmt.name != "rebuttal":
        return host.say
    graph = host.session.document.graph
    if options.claim in graph.claims:
        text = " ".join(graph.claims[options.claim].text.split())
        short = text if len(text) <= 60 else text[:60].rsplit(" ", 1)[0] + "…"
        answered = f"“{short}”"
    else:
        answered = "the first thesis"
    return lambda said: host.say(f"{said.removesuffix('.')}: the rebuttal of {answered}.")


def copy_rebuttal(host: WindowHost) -> str | None:
    """The numbered rebuttal of the selected claim (or the first thesis) on the clipboard."""
    fmt = registry.get("rebuttal")
    assert fmt.write is not None
    try:
        text = fmt.write(host.session.document.snapshot(), _options(host, fmt))
    except DebateError as error:
        warn(host.dialog_parent(), "Copy Rebuttal", str(error))
        return None
    assert isinstance(text, str)
    QGuiApplication.clipboard().setText(text)
    points = max(0, len([line for line in text.splitlines() if re.match(r"\d+\. ", line)]))
    host.say(f"Rebuttal copied: the lead line and {points} numbered point"
             f"{'' if points == 1 else 's'}, ready to paste.")
    return text
