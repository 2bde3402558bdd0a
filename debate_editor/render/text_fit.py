"""Breaking plain text into lines of a given width, and finding a font size that fits.

QtGui only. Text is laid out as text (QTextLayout), never read as markup, so a claim that
holds `<b>` shows it as typed. Used wherever text must fit a box: outline rows, slides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption

LINE_END = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
"""Every line end Unicode's line breaking rules make mandatory (UAX #14: BK, CR, LF, NL),
CR LF as one."""


def paragraphs(text: str) -> list[str]:
    """`text` split at its line ends, whichever kind (a file from another system, a
    paste from a web page): each starts a line on a card, a slide, a page."""
    return LINE_END.split(text)


def utf16_slicer(text: str) -> Callable[[int, int], str]:
    """A function giving the piece of `text` that Qt names by (start, length): Qt counts
    in UTF-16 units, where an emoji or any character past U+FFFF takes two."""
    if not text or max(text) < "\U00010000":
        return lambda start, length: text[start:start + length]
    data = text.encode("utf-16-le", "surrogatepass")
    return lambda start, length: data[2 * start:2 * (start + length)].decode(
        "utf-16-le", "surrogatepass")


def wrap_lines(text: str, font: QFont, width: float, limit: int | None = None) -> list[str]:
    """`text` broken into lines no wider than `width` (its own line breaks kept); only
    the first `limit` lines when given, so a huge text costs what can be shown of it."""
    lines: list[str] = []
    for paragraph in paragraphs(text):
        if limit is not None and len(lines) >= limit:
            break
        if not paragraph.strip():
            lines.append("")
            continue
        lines.extend(paragraph_lines(paragraph, font, width,
                                     None if limit is None else limit - len(lines)))
    return lines


def paragraph_lines(paragraph: str, font: QFont, width: float,
                    limit: int | None = None) -> list[str]:
    """Qt's lines of one paragraph (Unicode line breaking: at spaces, hyphens, between
    ideographs, anywhere in a word too long for a line); at most `limit` of them.

    With a limit only the start of the paragraph is laid out, long enough for those
    lines: Qt's cost per line grows with the length of the paragraph (1.6 ms a line at
    100,000 characters). Lines are broken greedily, so every line but the last of the
    stretch is the line the whole paragraph would have.
    """
    if limit is None:
        return _layout(paragraph, font, width, None)
    average = max(1.0, QFontMetricsF(font).averageCharWidth())
    stretch = 2 * int((limit + 2) * max(width, 1.0) / average) + 64
    while True:
        whole = stretch >= len(paragraph)
        lines = _layout(paragraph[:stretch], font, width, limit if whole else limit + 1)
        if whole or len(lines) > limit:
            return lines[:limit]
        stretch *= 4  # narrow or invisible characters: more of them fit on a line


def _layout(text: str, font: QFont, width: float, count: int | None) -> list[str]:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    piece = utf16_slicer(text)
    lines: list[str] = []
    while count is None or len(lines) < count:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        lines.append(piece(line.textStart(), line.textLength()).rstrip())
    layout.endLayout()
    return lines


def clipped_lines(text: str, font: QFont, width: float, max_lines: int) -> tuple[list[str], bool]:
    """At most `max_lines` lines; the last ends in an ellipsis when text was left out."""
    lines = wrap_lines(text.strip(), font, width, max_lines + 1)
    if len(lines) <= max_lines:
        return lines, False
    return end_with_ellipsis(lines[:max_lines], font, width), True


def end_with_ellipsis(kept: list[str], font: QFont, width: float) -> list[str]:
    """The last line shortened to end in an ellipsis: more text follows (on cards, rows,
    labels and slides alike)."""
    metrics = QFontMetricsF(font)
    last = kept[-1]
    while last and metrics.horizontalAdvance(last + " …") > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + " …"
    return kept


@dataclass(frozen=True)
class TextBlock:
    """Text laid out at one pixel size: its lines and the height they take."""

    lines: tuple[str, ...]
    pixel_size: int
    line_height: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


def block(text: str, font: QFont, pixel_size: int, width: float,
          max_height: float | None = None) -> TextBlock:
    """`text` at `pixel_size`; with `max_height`, only the lines that fit in it, the last
    ending in an ellipsis when text was left out (a slide never shows more than a screen)."""
    sized = QFont(font)
    sized.setPixelSize(max(1, pixel_size))
    metrics = QFontMetricsF(sized)
    limit = None if max_height is None else max(1, int(max_height // metrics.lineSpacing()))
    lines = wrap_lines(text.strip(), sized, width, None if limit is None else limit + 1)
    if limit is not None and len(lines) > limit:
        lines = end_with_ellipsis(lines[:limit], sized, width)
    return TextBlock(tuple(lines), max(1, pixel_size), metrics.lineSpacing())
