"""File → Export: one entry per format the registry can write.

The entry point for exports: drawn formats (PDF, PNG, SVG) appear here as soon as
`debate_editor.render.exports` registers them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from debate_editor.domain.errors import DebateError
from debate_editor.formats import registry
from debate_editor.store import DebateDocument
from debate_editor.ui.dialogs import warn


def fill_export_menu(menu: QMenu, window: QWidget, document: DebateDocument) -> None:
    menu.clear()
    with contextlib.suppress(ImportError):
        import debate_editor.render.exports  # noqa: F401  (registers pdf, png, svg)
    for fmt in sorted(registry.exporters(), key=lambda f: f.label):
        menu.addAction(f"{fmt.label}…", lambda f=fmt: export_to_file(window, document, f))
    if menu.isEmpty():
        menu.addAction("Nothing to export to yet").setEnabled(False)


def export_to_file(window: QWidget, document: DebateDocument, fmt: registry.Format) -> None:
    suffix = fmt.extensions[0] if fmt.extensions else ""
    start = str(document.path.with_suffix(suffix))
    name, _ = QFileDialog.getSaveFileName(window, f"Export as {fmt.label}", start,
                                          f"{fmt.label} (*{suffix})" if suffix else "")
    if not name:
        return
    try:
        assert fmt.write is not None
        data = fmt.write(document.snapshot(), registry.ExportOptions())
        target = Path(name)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    except (DebateError, OSError) as error:
        warn(window, "Export", str(error))
