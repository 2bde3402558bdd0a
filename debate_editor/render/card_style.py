"""How a claim card and an arrow look: sizes, fonts, colours, dash patterns.

QtGui only (fonts need a QGuiApplication, never a widget), so the canvas, the PNG/SVG/PDF
export and the layout's size questions all measure a card the same way. Fonts are set in
pixels, not points, so a card has the same size on every screen and in every file.

Colours are from the Okabe–Ito palette, safe for colour-blind readers; nothing relies on
colour alone: a card says its kind in words, and an objection arrow is dashed and carries
a minus badge where a support arrow is solid with a plus badge.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple, TypeGuard

from PySide6.QtGui import QColor, QFont, QFontMetricsF

from debate_editor.domain.marks import MARK_WORDS
from debate_editor.domain.model import Claim, ClaimKind, LinkKind, Mark
from debate_editor.render.text_fit import end_with_ellipsis, paragraph_lines, paragraphs

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
STRENGTH_WIDTH = {"": 1.0, "strong": 2.0, "weak": 0.5, "none": 0.5}
"""An arrow's width, in LINK_WIDTHs, by the strength its user gave the reason
(README, "Your own marks"): read by its thickness, in greyscale too."""
STRENGTH_ALPHA = {"none": 0.4}
"""A reason marked of no bearing is drawn faded as well as thin."""
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
    """One font of each, shared by every view: change a copy (`QFont(body_font())`), never
    the one returned, or every card and row changes with it."""
    return font(BODY_PX), font(TITLE_PX, bold=True), font(HEADER_PX, bold=True)


def body_font() -> QFont:
    return _fonts()[0]


def title_font() -> QFont:
    return _fonts()[1]


def header_font() -> QFont:
    return _fonts()[2]


class TextLine(NamedTuple):
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
    mine: str = ""
    """The user's own mark on the claim, in words (README, "Your own marks")."""

    @property
    def style(self) -> KindStyle:
        return KIND_STYLES[self.kind]


def card_width(kind: ClaimKind) -> float:
    return THESIS_WIDTH if kind is ClaimKind.THESIS else CARD_WIDTH


def _wrap(text: str, qfont: QFont, width: float, measure: _Measure | None = None,
          limit: int | None = None) -> list[str]:
    """Break `text` into lines no wider than `width` (line ends kept), as plain text;
    only the first `limit` lines when given (a card shows a few lines of a huge text, and
    laying out all of 100,000 characters took a second)."""
    result: list[str] = []
    measure = measure or _measure(qfont)
    for paragraph in paragraphs(text):
        if limit is not None and len(result) >= limit:
            break
        if not paragraph:
            result.append("")
            continue
        # A paragraph far longer than a card shows goes to Qt, which lays out only the
        # start of it: measuring every word would cost the whole text (the same lines).
        long = limit is not None and len(paragraph) > _MEASURED_LENGTH
        lines = None if long else measure.wrap(paragraph, width)
        result.extend(lines if lines is not None else _qt_wrap(paragraph, qfont, width, limit))
    return result if limit is None else result[:limit]


def _qt_wrap(paragraph: str, qfont: QFont, width: float, limit: int | None = None) -> list[str]:
    """Qt's own line breaking (Unicode rules: hyphens, dashes, scripts without spaces)."""
    return paragraph_lines(paragraph, qfont, width, limit)


_LETTER = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_PLAIN_WORD = re.compile(
    rf"[(\[\"'\u201c\u2018]*[{_LETTER}](?:[{_LETTER}'\u2019.,]*[{_LETTER}])?"
    r"[.,;:!?\"'\u201d\u2019)\]\u2026]*"
)
"""A word Unicode line breaking never breaks inside: Latin letters and digits, an
apostrophe or a dot or comma between them, opening and closing punctuation around."""
_MEASURED_LENGTH = 20_000
"""Characters of a paragraph measured word by word; a card shows a few hundred."""
_FUZZ = 1 / 64
"""Qt measures text in 1/64 pixel: a line this close to the limit goes to Qt to decide."""


class _Measure:
    """Line breaking for one font, done with remembered word widths instead of a text
    layout per card: card text repeats its words, and 10,000 text layouts take a second.

    Only for paragraphs of plain words (`_PLAIN_WORD`) separated by single spaces, where
    the breaks are exactly the spaces, and it breaks where Qt does: a line holds words
    while their advances, the spaces between them and the overhang of the last glyph
    fit. Anything else, or a line within `_FUZZ` of the limit, answers None and Qt
    decides (a test holds the two to the same lines).
    """

    def __init__(self, qfont: QFont) -> None:
        self.font = qfont
        self.metrics = QFontMetricsF(qfont)
        self.space = self.metrics.horizontalAdvance(" ")
        self.line_spacing = self.metrics.lineSpacing()
        self.ascent = self.metrics.ascent()
        self.plain: dict[str, tuple[float, float]] = {}
        """Word -> (advance, overhang of its last glyph past the advance)."""
        self.broken: set[str] = set()

    def _word(self, word: str) -> tuple[float, float] | None:
        if word in self.broken or not _PLAIN_WORD.fullmatch(word):
            if len(self.broken) < 100_000:
                self.broken.add(word)
            return None
        found = (self.metrics.horizontalAdvance(word),
                 max(0.0, -self.metrics.rightBearing(word[-1])))
        if len(self.plain) < 200_000:
            self.plain[word] = found
        return found

    def wrap(self, paragraph: str, width: float) -> list[str] | None:
        words = paragraph.split(" ")
        known = self.plain.get
        sizes = [known(word) or self._word(word) for word in words]
        if not _all_measured(sizes):
            return None
        space = self.space
        # ends[i]: where word i ends, measured from the start of the paragraph.
        ends = [end - space for end in accumulate(size[0] + space for size in sizes)]
        fits, over = width - _FUZZ, width + _FUZZ
        lines: list[str] = []
        first, count = 0, len(words)
        while first < count:
            origin = ends[first] - sizes[first][0]
            if ends[first] - origin + sizes[first][1] > fits:
                return None  # a word longer than a line: Qt breaks it anywhere
            # The last word that fits without its overhang; only it can fail with it.
            last = bisect_right(ends, origin + fits, first, count) - 1
            if ends[last] - origin + sizes[last][1] > fits:
                if ends[last] - origin + sizes[last][1] <= over or last == first:
                    return None
                last -= 1
            following = last + 1
            if following < count and ends[following] - origin + sizes[following][1] <= over:
                return None  # too close to call
            lines.append(" ".join(words[first:following]))
            first = following
        return lines


def _all_measured(
    sizes: list[tuple[float, float] | None],
) -> TypeGuard[list[tuple[float, float]]]:
    return None not in sizes


_MEASURES: dict[str, _Measure] = {}


@lru_cache(maxsize=1)
def _measures() -> tuple[_Measure, _Measure]:
    """Line breaking for the title font and the body font."""
    return _measure(title_font()), _measure(body_font())


def _measure(qfont: QFont) -> _Measure:
    key = qfont.key()
    measure = _MEASURES.get(key)
    if measure is None:
        measure = _MEASURES[key] = _Measure(qfont)
    return measure


@lru_cache(maxsize=2)
@lru_cache(maxsize=65536)
def _face(kind: ClaimKind, title: str, text: str) -> CardFace:
    width = card_width(kind)
    inner = width - 2 * PADDING - BAND
    x = PADDING + BAND
    y = HEADER_HEIGHT
    lines: list[TextLine] = []
    elided = False
    title_measure, body_measure = _measures()
    for measure, content, bold in ((title_measure, title, True), (body_measure, text, False)):
        content = content.strip()
        if not content:
            continue
        qfont = measure.font
        step, ascent = measure.line_spacing, measure.ascent
        wrapped = _wrap(content, qfont, inner, measure, limit=MAX_LINES + 1)
        elided = elided or len(wrapped) > MAX_LINES
        if len(wrapped) > MAX_LINES:
            wrapped = end_with_ellipsis(wrapped[:MAX_LINES], qfont, inner)
        for part in wrapped:
            lines.append(TextLine(part, x, y + ascent, bold))
            y += step
        y += 4.0
    height = max(y - 4.0 + PADDING, HEADER_HEIGHT + 2 * PADDING + 8.0)
    return CardFace(kind, width, round(height, 1), tuple(lines), elided)


def card_face(claim: Claim) -> CardFace:
    face = _face(claim.kind, claim.title, claim.text)
    return replace(face, mine=MARK_WORDS[claim.mark]) if claim.mark is not Mark.UNMARKED else face


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
