"""Claim text is plain text everywhere; Qt reads markup in tooltips unless told not to."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` character for character (as rich text, escaped)."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""


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
