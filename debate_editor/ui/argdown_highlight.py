"""Argdown's syntax in colour in the pane: relation signs, [titles], <arguments>, #tags,
{data}, headings, comments and front matter, in the map's own colours (a support's
blue, an objection's orange), each also set apart by weight or style for greyscale."""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from debate_editor.domain.model import LinkKind
from debate_editor.render.card_style import LINK_STYLES


def _format(colour: str | QColor, *, bold: bool = False,
            italic: bool = False) -> QTextCharFormat:
    shape = QTextCharFormat()
    shape.setForeground(QColor(colour))
    if bold:
        shape.setFontWeight(QFont.Weight.Bold)
    shape.setFontItalic(italic)
    return shape


_PATTERNS: list[tuple[str, str, bool, bool]] = [
    (r"^\s*(\+>|<\+|\+)(?=\s)", "support", True, False),
    (r"^\s*(->|<-|-|_>|<_|><)(?=\s)", "objection", True, False),
    (r"\[[^\]\n]+\]", "#1f4e9a", True, False),
    (r"<[^>\n]+>", "#6a3d9a", True, False),
    (r"(?<!\S)#\(?[\w-]+\)?", "#2e7d32", False, False),
    (r"\{[^}\n]*\}", "#5a5f66", False, True),
    (r"^\s*\(\d+\)", "#6a3d9a", True, False),
    (r"^\s*-{2,}\s*$", "#6a3d9a", True, False),
    (r"^#+\s.*$", "#1b1f24", True, False),
    (r"^===\s*$", "#5a5f66", False, False),
    (r"//.*$", "#7a7f86", False, True),
]
"""Pattern, colour (or the link kind whose colour it takes), bold, italic."""
_KIND_COLOURS = {"support": LinkKind.SUPPORT, "objection": LinkKind.OBJECTION}
_OPEN, _CLOSE = re.compile(r"/\*"), re.compile(r"\*/")


@lru_cache(maxsize=1)
def rules() -> list[tuple[re.Pattern[str], QTextCharFormat]]:
    """The patterns with their formats (made once, after the application is up)."""
    made = []
    for pattern, colour, bold, italic in _PATTERNS:
        kind = _KIND_COLOURS.get(colour)
        shade = LINK_STYLES[kind].colour if kind is not None else QColor(colour)
        made.append((re.compile(pattern), _format(shade, bold=bold, italic=italic)))
    return made


class ArgdownHighlighter(QSyntaxHighlighter):
    """Line by line, with one state carried between lines: inside a /* comment */."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._comment = _format("#7a7f86", italic=True)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for pattern, shape in rules():
            for found in pattern.finditer(text):
                group = 1 if pattern.groups else 0
                self.setFormat(found.start(group), found.end(group) - found.start(group), shape)
        self.setCurrentBlockState(0)
        inside = self.previousBlockState() == 1
        start = 0 if inside else _find(_OPEN, text, 0)
        while start >= 0:
            closed = _CLOSE.search(text, start if inside else start + 2)
            inside = False
            if closed is None:
                self.setCurrentBlockState(1)
                self.setFormat(start, len(text) - start, self._comment)
                break
            self.setFormat(start, closed.end() - start, self._comment)
            start = _find(_OPEN, text, closed.end())


def _find(pattern: re.Pattern[str], text: str, at: int) -> int:
    found = pattern.search(text, at)
    return found.start() if found else -1
