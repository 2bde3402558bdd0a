"""The shortcut sheet (F1): every key and mouse gesture, printed from the command table."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from debate_editor.ui.command_table import MOUSE, sheet_rows


def sheet_html() -> str:
    parts = ["<h2>Keyboard</h2>"]
    for heading, rows in sheet_rows():
        parts.append(f"<h3>{escape(heading)}</h3><table cellpadding='3'>")
        for what, keys, note in rows:
            tail = f" <span style='color:#666'>— {escape(note)}</span>" if note else ""
            parts.append(f"<tr><td width='190'><b>{escape(keys)}</b></td>"
                         f"<td>{escape(what)}{tail}</td></tr>")
        parts.append("</table>")
    parts.append("<h2>Mouse</h2><table cellpadding='3'>")
    for gesture, effect in MOUSE:
        parts.append(f"<tr><td width='300'><b>{escape(gesture)}</b></td>"
                     f"<td>{escape(effect)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard and Mouse")
        self.resize(720, 640)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(sheet_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.browser)
        box.addWidget(buttons)
