"""Cards and arrows as PDF operators, looking as `render/painter.py` draws them.

The shapes are `layout.geometry`'s, the ones the canvas draws: only their operators are
written here. Everything is in scene units (the page's transform scales it). The parts of a card
that depend only on its kind and size (band, fill, border, kind label) are formatted
once per size and reused, and arrows of one kind are stroked together, so a map of
10,000 cards costs little more than its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QColor

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import ClaimKind, LinkKind
from debate_editor.layout.geometry import (
    BADGE_RADIUS,
    Bracket,
    Curve,
    Point,
    Rect,
    badge_centre,
    head_points,
)
from debate_editor.render.card_style import (
    BAND,
    BODY_PX,
    BORDER_COLOUR,
    HEADER_HEIGHT,
    HEADER_PX,
    KIND_STYLES,
    LINK_STYLES,
    LINK_WIDTH,
    MUTED_COLOUR,
    PADDING,
    RADIUS,
    TEXT_COLOUR,
    CardFace,
    card_face,
    counts_text,
)
from debate_editor.render.pdf.document import PdfDocument, number
from debate_editor.render.pdf.text import Typesetter, colour

_TEXT_RGB = (TEXT_COLOUR.redF(), TEXT_COLOUR.greenF(), TEXT_COLOUR.blueF())
KAPPA = 0.5523
"""How far a Bézier's control points stand from a quarter circle's ends."""

Rgb = tuple[float, float, float]


def rgb(qcolour: QColor) -> Rgb:
    return (qcolour.redF(), qcolour.greenF(), qcolour.blueF())


def rgb_on_white(qcolour: QColor, alpha: float) -> Rgb:
    """A colour as it looks when drawn at `alpha` over white (PDF without transparency)."""
    r, g, b = rgb(qcolour)
    return (1 - alpha + alpha * r, 1 - alpha + alpha * g, 1 - alpha + alpha * b)


@dataclass(frozen=True)
class Arrow:
    """An arrow's curve (`layout.geometry`'s, as every picture of the map has it), kind,
    and whether it has a badge."""

    points: Curve
    kind: LinkKind
    badge: bool
    source: str = ""
    """The claim it starts from."""
    target: str = ""
    """The claim at its head (for an undercut: the reason whose arrow it attacks)."""
    bracket: Bracket = ()
    """The lines joining co-premises to it."""

    @property
    def badge_centre(self) -> Point:
        return badge_centre(self.points)


def arrows_for(graph: DebateGraph, curves: Mapping[str, Curve],
               brackets: Mapping[str, Bracket] | None = None) -> dict[str, Arrow]:
    """The map's arrows with what the PDF needs to know of each, from their curves."""
    arrows: dict[str, Arrow] = {}
    brackets = brackets or {}
    for link_id, curve in curves.items():
        link = graph.links[link_id]
        target = link.to_claim if link.to_claim is not None \
            else graph.links[link.to_link or ""].source
        arrows[link_id] = Arrow(curve, link.kind, not link.is_undercut, link.source, target,
                                brackets.get(link_id, ()))
    return arrows


# ---- cards --------------------------------------------------------------------------
def rounded_rect(x: float, y: float, w: float, h: float, r: float) -> str:
    k = r * (1 - KAPPA)
    n = number
    return (f"{n(x + r)} {n(y)} m {n(x + w - r)} {n(y)} l "
            f"{n(x + w - k)} {n(y)} {n(x + w)} {n(y + k)} {n(x + w)} {n(y + r)} c "
            f"{n(x + w)} {n(y + h - r)} l "
            f"{n(x + w)} {n(y + h - k)} {n(x + w - k)} {n(y + h)} {n(x + w - r)} {n(y + h)} c "
            f"{n(x + r)} {n(y + h)} l "
            f"{n(x + k)} {n(y + h)} {n(x)} {n(y + h - k)} {n(x)} {n(y + h - r)} c "
            f"{n(x)} {n(y + r)} l {n(x)} {n(y + k)} {n(x + k)} {n(y)} {n(x + r)} {n(y)} c h")


class CardPainter:
    """PDF operators for whole cards, with the parts that repeat formatted once."""

    def __init__(self, typesetter: Typesetter) -> None:
        self.text = typesetter
        self.document = typesetter.document
        self._chrome: dict[tuple[ClaimKind, float, float, bool], str] = {}
        self._tally: dict[tuple[str, float], str] = {}

    def chrome(self, kind: ClaimKind, w: float, h: float) -> str:
        """Band, fill, border and kind label of a card at the origin: one form per kind
        and size, drawn by name."""
        key = (kind, w, h, False)
        found = self._chrome.get(key)
        if found is not None:
            return found
        style = KIND_STYLES[kind]
        band, fill = rgb(style.band), rgb(style.fill)
        thesis = kind is ClaimKind.THESIS
        border = band if thesis else rgb(BORDER_COLOUR)
        header_top = 4.0
        baseline = header_top + (HEADER_HEIGHT - 6 - _header_height()) / 2 + _header_ascent()
        parts = [
            f"{colour(band)} {rounded_rect(0, 0, w, h, RADIUS)} f",
            f"{colour(fill)} {rounded_rect(BAND, 0, w - BAND, h, RADIUS)} f",
            f"{colour(border, stroke=True)} {number(2.0 if thesis else 1.0)} w "
            f"{rounded_rect(0, 0, w, h, RADIUS)} S",
            self.text.line(BAND + PADDING, baseline, style.label, HEADER_PX, bold=True,
                           rgb=band),
        ]
        found = self.document.add_form((-2, -2, w + 2, h + 2), parts)
        self._chrome[key] = found
        return found

    def tally(self, text: str, w: float) -> str:
        key = (text, w)
        found = self._tally.get(key)
        if found is None:
            width = self.text.width(text, HEADER_PX, bold=True)
            baseline = 4.0 + (HEADER_HEIGHT - 6 - _header_height()) / 2 + _header_ascent()
            found = self.text.line(w - PADDING - width, baseline, text, HEADER_PX, bold=True,
                                   rgb=rgb(MUTED_COLOUR))
            self._tally[key] = found
        return found

    def card(self, face: CardFace, box: Rect, pros: int, cons: int, word: str = "") -> str:
        """A whole card, text and all, with its top-left corner at `box`; `word`, whether
        the claim stands, leads the header's tally."""
        parts = [f"q 1 0 0 1 {box.x:.1f} {box.y:.1f} cm",
                 self.chrome(face.kind, face.width, face.height)]
        tally = counts_text(pros, cons)
        if word:
            tally = self._with_word(word, tally, face)
        if tally:
            parts.append(self.tally(tally, face.width))
        parts.append(self._body(face))
        parts.append("Q")
        return "\n".join(parts)

    def _with_word(self, word: str, tally: str, face: CardFace) -> str:
        """The word before the tally, or alone where both would reach the kind label."""
        if not tally:
            return word
        both = f"{word} · {tally}"
        room = face.width - BAND - 2 * PADDING - 6 - self.text.width(
            KIND_STYLES[face.kind].label, HEADER_PX, bold=True)
        return both if self.text.width(both, HEADER_PX, bold=True) <= room else word

    def _body(self, face: CardFace) -> str:
        lines = face.lines
        if not lines:
            return ""
        body = _TEXT_RGB
        if not lines[0].bold and len(lines) > 1:
            step = lines[1].baseline - lines[0].baseline
            return self.text.lines(lines[0].x, lines[0].baseline, step,
                                   [line.text for line in lines], BODY_PX, rgb=body)
        return "\n".join(self.text.line(line.x, line.baseline, line.text, BODY_PX,
                                        bold=line.bold, rgb=body) for line in lines)

    def ghosts(self, cards: list[tuple[CardFace, Rect]]) -> str:
        """Cards that belong to neighbouring pages, as faded shapes (their own page shows
        them whole)."""
        by_colour: dict[str, list[str]] = {}
        for face, box in cards:
            fill = colour(rgb_on_white(KIND_STYLES[face.kind].band, 0.25))
            by_colour.setdefault(fill, []).append(rect_op(box))
        return "\n".join(f"{fill}\n" + "\n".join(rects) + "\nf"
                         for fill, rects in by_colour.items())


def rect_op(box: Rect) -> str:
    return f"{box.x:.1f} {box.y:.1f} {box.w:.1f} {box.h:.1f} re"


@lru_cache(maxsize=1)
def _header_metrics() -> tuple[float, float]:
    from PySide6.QtGui import QFontMetricsF

    from debate_editor.render.card_style import header_font

    metrics = QFontMetricsF(header_font())
    return metrics.ascent(), metrics.ascent() + metrics.descent()


def _header_ascent() -> float:
    return _header_metrics()[0]


def _header_height() -> float:
    return _header_metrics()[1]


def faces(graph: DebateGraph) -> dict[str, CardFace]:
    return {cid: card_face(claim) for cid, claim in graph.claims.items()}


# ---- arrows -------------------------------------------------------------------------


class ArrowPainter:
    """PDF operators for arrows; each arrow's numbers are formatted once, however many
    pages show it, and the badges are one drawing placed many times."""

    def __init__(self, document: PdfDocument) -> None:
        self.document = document
        self._badge_forms: dict[LinkKind, str] = {}
        self._parts: dict[int, tuple[str, str, str]] = {}

    def ops(self, arrows: Iterable[Arrow]) -> str:
        """Every arrow given: lines stroked per kind, then heads, then badges."""
        by_kind: dict[LinkKind, list[Arrow]] = {LinkKind.SUPPORT: [], LinkKind.OBJECTION: []}
        for arrow in arrows:
            by_kind[arrow.kind].append(arrow)
        out: list[str] = []
        for kind, group in by_kind.items():
            if group:
                out.append(self._group(kind, group))
        return "\n".join(out)

    def _group(self, kind: LinkKind, group: list[Arrow]) -> str:
        style = LINK_STYLES[kind]
        stroke = colour(rgb(style.colour), stroke=True)
        dash = ("[" + " ".join(number(d * LINK_WIDTH) for d in style.dashes) + "] 0 d"
                if style.dashes else "[] 0 d")
        fill = colour((1.0, 1.0, 1.0) if kind is LinkKind.OBJECTION else rgb(style.colour))
        known = self._parts
        parts = [known.get(id(a)) or self._format(a) for a in group]
        out = [f"{stroke} {number(LINK_WIDTH)} w 0 J {dash}", *(p[0] for p in parts),
               f"S\n[] 0 d 1.6 w 0 j {fill}", *(p[1] for p in parts), "B"]
        out.extend(p[2] for p in parts if p[2])
        return "\n".join(out)

    def _format(self, arrow: Arrow) -> tuple[str, str, str]:
        """An arrow's curve, head and badge as operators (formatted once per arrow)."""
        p = arrow.points
        curve = (f"{p[0]:.1f} {p[1]:.1f} m {p[2]:.1f} {p[3]:.1f} "
                 f"{p[4]:.1f} {p[5]:.1f} {p[6]:.1f} {p[7]:.1f} c")
        for x0, y0, x1, y1 in arrow.bracket:
            curve += f" {x0:.1f} {y0:.1f} m {x1:.1f} {y1:.1f} l"
        badge = ""
        if arrow.badge:
            x, y = arrow.badge_centre
            badge = f"q 1 0 0 1 {x:.1f} {y:.1f} cm {self._badge_form(arrow.kind)} Q"
        found = self._parts[id(arrow)] = (curve, _head(p), badge)
        return found

    def _badge_form(self, kind: LinkKind) -> str:
        found = self._badge_forms.get(kind)
        if found is None:
            style = LINK_STYLES[kind]
            circle, sign = _badge_shape(style.badge)
            stroke = colour(rgb(style.colour), stroke=True)
            r = BADGE_RADIUS + 2
            found = self.document.add_form((-r, -r, r, r), [
                f"{stroke} 1 1 1 rg 1.6 w {circle} B 2 w 0 J {sign} S"])
            self._badge_forms[kind] = found
        return found


def _head(curve: Curve) -> str:
    (tx, ty), (ax, ay), (bx, by) = head_points(curve)
    return f"{tx:.1f} {ty:.1f} m {ax:.1f} {ay:.1f} l {bx:.1f} {by:.1f} l h"


@lru_cache(maxsize=4)
def _badge_shape(sign: str) -> tuple[str, str]:
    r = BADGE_RADIUS
    k = r * KAPPA
    n = number
    circle = (f"{n(r)} 0 m {n(r)} {n(k)} {n(k)} {n(r)} 0 {n(r)} c "
              f"{n(-k)} {n(r)} {n(-r)} {n(k)} {n(-r)} 0 c "
              f"{n(-r)} {n(-k)} {n(-k)} {n(-r)} 0 {n(-r)} c "
              f"{n(k)} {n(-r)} {n(r)} {n(-k)} {n(r)} 0 c h")
    arm = n(r * 0.55)
    sign_ops = f"-{arm} 0 m {arm} 0 l"
    if sign == "+":
        sign_ops += f" 0 -{arm} m 0 {arm} l"
    return circle, sign_ops
