"""Claim text is plain text everywhere; Qt reads markup in tooltips unless told not to."""

from __future__ import annotations

from html import escape


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` character for character (as rich text, escaped)."""
    return f"<p style='white-space:pre-wrap'>{escape(text)}</p>" if text else ""


def mnemonic_safe(text: str) -> str:
    """Button and menu text: '&' shown as typed, never read as a shortcut marker."""
    return text.replace("&", "&&")
