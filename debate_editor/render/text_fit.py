"""Breaking plain text into lines of a given width, and finding a font size that fits.

QtGui only. Text is laid out as text (QTextLayout), never read as markup, so a claim that
holds `<b>` shows it as typed. Used wherever text must fit a box: outline rows, slides.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption


def wrap_lines(text: str, font: QFont, width: float) -> list[str]:
    """`text` broken into lines no wider than `width` (its own line breaks kept)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            start, length = line.textStart(), line.textLength()
            lines.append(paragraph[start:start + length].rstrip())
        layout.endLayout()
    return lines


def clipped_lines(text: str, font: QFont, width: float, max_lines: int) -> tuple[list[str], bool]:
    """At most `max_lines` lines; the last ends in an ellipsis when text was left out."""
    lines = wrap_lines(text.strip(), font, width)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    metrics = QFontMetricsF(font)
    last = kept[-1]
    while last and metrics.horizontalAdvance(last + " …") > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + " …"
    return kept, True


@dataclass(frozen=True)
class TextBlock:
    """Text laid out at one pixel size: its lines and the height they take."""

    lines: tuple[str, ...]
    pixel_size: int
    line_height: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


def block(text: str, font: QFont, pixel_size: int, width: float) -> TextBlock:
    sized = QFont(font)
    sized.setPixelSize(max(1, pixel_size))
    metrics = QFontMetricsF(sized)
    lines = tuple(wrap_lines(text.strip(), sized, width))
    return TextBlock(lines, max(1, pixel_size), metrics.lineSpacing())
