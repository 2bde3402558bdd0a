"""How a claim card and an arrow look: sizes, fonts, colours, dash patterns.

QtGui only (fonts need a QGuiApplication, never a widget), so the canvas, the PNG/SVG/PDF
export and the layout's size questions all measure a card the same way. Fonts are set in
pixels, not points, so a card has the same size on every screen and in every file.

Colours are from the Okabe–Ito palette, safe for colour-blind readers; nothing relies on
colour alone: a card says its kind in words, and an objection arrow is dashed and carries
a minus badge where a support arrow is solid with a plus badge.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextLayout, QTextOption

from debate_editor.domain.model import Claim, ClaimKind, LinkKind
from debate_editor.render.text_wrap import simple_wrap

FONT_FAMILY = "DejaVu Sans"
BODY_PX = 13
TITLE_PX = 13
HEADER_PX = 10

CARD_WIDTH = 250.0
THESIS_WIDTH = 300.0
PADDING = 10.0
HEADER_HEIGHT = 22.0
RADIUS = 6.0
BAND = 5.0
"""Width of the coloured strip on a card's left edge."""
MAX_LINES = 16
"""A longer claim is cut with an ellipsis on its card; the editor shows it whole."""

TEXT_COLOUR = QColor("#1d1d1f")
MUTED_COLOUR = QColor("#5a5f66")
BORDER_COLOUR = QColor("#9aa0a6")
SELECTION_COLOUR = QColor("#1a73e8")
MATCH_COLOUR = QColor("#f2c200")
BACKGROUND_COLOUR = QColor("#f7f7f5")


@dataclass(frozen=True)
class KindStyle:
    label: str
    band: QColor
    fill: QColor


KIND_STYLES: dict[ClaimKind, KindStyle] = {
    ClaimKind.THESIS: KindStyle("THESIS", QColor("#2f3b8f"), QColor("#eef0fb")),
    ClaimKind.CLAIM: KindStyle("CLAIM", QColor("#6b737b"), QColor("#ffffff")),
    ClaimKind.EVIDENCE: KindStyle("EVIDENCE", QColor("#009e73"), QColor("#eef8f4")),
    ClaimKind.CONCESSION: KindStyle("CONCESSION", QColor("#a66f00"), QColor("#fff7e3")),
    ClaimKind.ARGUMENT: KindStyle("ARGUMENT", QColor("#8e4f9e"), QColor("#f7effa")),
}


@dataclass(frozen=True)
class LinkStyle:
    colour: QColor
    dashes: tuple[float, ...]
    """Dash pattern in line widths; empty for a solid line."""
    badge: str
    """The sign in the circle on the arrow: + for a support, − for an objection."""
    word: str


LINK_WIDTH = 2.0
LINK_STYLES: dict[LinkKind, LinkStyle] = {
    LinkKind.SUPPORT: LinkStyle(QColor("#0072b2"), (), "+", "supports"),
    LinkKind.OBJECTION: LinkStyle(QColor("#d55e00"), (4.0, 2.5), "−", "objects to"),
}


def font(pixels: int, *, bold: bool = False) -> QFont:
    result = QFont(FONT_FAMILY)
    result.setPixelSize(pixels)
    result.setBold(bold)
    result.setStyleHint(QFont.StyleHint.SansSerif)
    return result


@lru_cache(maxsize=8)
def _fonts() -> tuple[QFont, QFont, QFont]:
    return font(BODY_PX), font(TITLE_PX, bold=True), font(HEADER_PX, bold=True)


def body_font() -> QFont:
    return _fonts()[0]


def title_font() -> QFont:
    return _fonts()[1]


def header_font() -> QFont:
    return _fonts()[2]


@dataclass(frozen=True)
class TextLine:
    """One wrapped line, its baseline relative to the card's top-left corner."""

    text: str
    x: float
    baseline: float
    bold: bool


@dataclass(frozen=True)
class CardFace:
    """A card measured and wrapped, ready to draw; it depends only on kind, title, text."""

    kind: ClaimKind
    width: float
    height: float
    lines: tuple[TextLine, ...]
    elided: bool = False
    """The text was too long for the card and ends in an ellipsis."""

    @property
    def style(self) -> KindStyle:
        return KIND_STYLES[self.kind]


def card_width(kind: ClaimKind) -> float:
    return THESIS_WIDTH if kind is ClaimKind.THESIS else CARD_WIDTH


def _wrap(text: str, qfont: QFont, width: float) -> list[str]:
    """Break `text` into lines no wider than `width` (newlines kept), as plain text."""
    result: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph:
            result.append("")
            continue
        quick = simple_wrap(paragraph, qfont, width)
        if quick is not None:
            result.extend(quick)
            continue
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout = QTextLayout(paragraph, qfont)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            result.append(paragraph[start : start + length].rstrip())
        layout.endLayout()
    return result


def _elide(lines: list[str], qfont: QFont, width: float) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    kept = lines[:MAX_LINES]
    metrics = QFontMetricsF(qfont)
    last = kept[-1]
    while last and metrics.horizontalAdvance(last + " …") > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + " …"
    return kept


@lru_cache(maxsize=2)
def _line_metrics(bold: bool) -> tuple[float, float]:
    """Line spacing and ascent of the title (bold) or body font."""
    metrics = QFontMetricsF(title_font() if bold else body_font())
    return metrics.lineSpacing(), metrics.ascent()


@lru_cache(maxsize=65536)
def _face(kind: ClaimKind, title: str, text: str) -> CardFace:
    width = card_width(kind)
    inner = width - 2 * PADDING - BAND
    x = PADDING + BAND
    y = HEADER_HEIGHT
    lines: list[TextLine] = []
    elided = False
    for qfont, content, bold in ((title_font(), title, True), (body_font(), text, False)):
        if not content.strip():
            continue
        step, ascent = _line_metrics(bold)
        wrapped = _wrap(content.strip(), qfont, inner)
        elided = elided or len(wrapped) > MAX_LINES
        for part in _elide(wrapped, qfont, inner):
            lines.append(TextLine(part, x, y + ascent, bold))
            y += step
        y += 4.0
    height = max(y - 4.0 + PADDING, HEADER_HEIGHT + 2 * PADDING + 8.0)
    return CardFace(kind, width, round(height, 1), tuple(lines), elided)


def card_face(claim: Claim) -> CardFace:
    return _face(claim.kind, claim.title, claim.text)


def card_size(claim: Claim) -> tuple[float, float]:
    """Width and height of a claim's card in scene units (what the layout needs)."""
    face = card_face(claim)
    return (face.width, face.height)


def counts_text(pros: int, cons: int) -> str:
    """The header's tally, in words, so it reads without the arrows."""
    if not pros and not cons:
        return ""
    parts = []
    if pros:
        parts.append(f"{pros} pro" + ("s" if pros != 1 else ""))
    if cons:
        parts.append(f"{cons} con" + ("s" if cons != 1 else ""))
    return " · ".join(parts)
