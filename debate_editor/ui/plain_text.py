"""Claim text is plain text everywhere; Qt reads markup in tooltips unless told not to."""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QPlainTextEdit, QWidget

TIP_CHARACTERS = 5_000
"""A tooltip shows at most this much of a text: one of 100,000 characters would cover
the screen and take seconds to draw."""

_LINE_END = re.compile("\r\n|[\r\u2028\u2029\x85]")
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                           "\u2066\u2067\u2068\u2069")


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` character for character (as rich text, escaped), at
    most TIP_CHARACTERS of it; each line end (\r\n, \r, \n, U+2028, U+2029, U+0085)
    one line break."""
    if len(text) > TIP_CHARACTERS:
        text = text[:TIP_CHARACTERS] + " …"
    text = _LINE_END.sub("\n", text)
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""


def title_part(text: str) -> str:
    """A file name or a debate's title inside a window title, shown as it is: Qt reads
    "[*]" in a title as the place of the modified mark and drops it ("[*][*]" shows one),
    and a right-to-left override in the name would run on over the rest of the title
    unless the name is isolated (FSI … PDI)."""
    text = text.replace("[*]", "[*][*]")
    if _BIDI_CONTROLS.intersection(text):
        text = f"\u2068{text}\u2069"
    return text


def mnemonic_safe(text: str) -> str:
    """Button and menu text: '&' shown as typed, never read as a shortcut marker."""
    return text.replace("&", "&&")


def light_list(widget: QWidget, selected: str = "#d6e6fb") -> None:
    """Light colours for a list of claims, whatever the desktop's theme, as on the map:
    the rows are drawn in the map's colours, which are made for a light background."""
    palette = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.Text, QColor("#1d1d1f"))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(selected))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#1d1d1f"))
    widget.setPalette(palette)


def typed_text(editor: QPlainTextEdit, opened_with: str) -> str:
    """The claim text in `editor`, as the person left it.

    Unchanged, it is exactly the text the editor was opened with: Qt's editor reads
    \r\n, \r, U+2028 and U+2029 as line ends and hands back \n, and its toPlainText
    turns no-break spaces into spaces, so keeping a claim unchanged changed it. Changed,
    it is the editor's raw text (no-break spaces kept, each line end a \n), stripped.
    """
    document = editor.document()
    if not document.isModified():
        return opened_with
    return document.toRawText().replace("\u2029", "\n").strip()


def paint_empty_hint(view: QAbstractScrollArea, text: str, margin: int, colour: QColor) -> None:
    """What an empty list, tree or map says in place of rows (what to press to fill it),
    wrapped in its top left corner; called from the view's paintEvent."""
    painter = QPainter(view.viewport())
    painter.setPen(colour)
    painter.drawText(view.viewport().rect().adjusted(margin, margin - 2, -margin, 2 - margin),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                     | Qt.TextFlag.TextWordWrap, text)
    painter.end()


def quiet_hint(editable: bool, hint: str) -> str:
    """A view's hint where the debate may not be changed: without the invitation to
    change it ("No claims yet. Press T …" says "No claims yet.")."""
    if editable:
        return hint
    cut = min((i for i in (hint.find(":"), hint.find(". ")) if i >= 0), default=-1)
    return hint if cut < 0 else hint[:cut] + "."
