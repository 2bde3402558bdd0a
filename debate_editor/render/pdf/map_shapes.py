"""Cards and arrows as PDF operators, looking as `render/painter.py` draws them.

Everything is in scene units (the page's transform scales it). The parts of a card
that depend only on its kind and size (band, fill, border, kind label) are formatted
once per size and reused, and arrows of one kind are stroked together, so a map of
10,000 cards costs little more than its text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QColor

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import ClaimKind, LinkKind
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
from debate_editor.render.painter import BADGE_RADIUS, HEAD_HALF_WIDTH, HEAD_LENGTH
from debate_editor.render.pdf.document import PdfDocument, number
from debate_editor.render.pdf.text import Typesetter, colour
from debate_editor.store.rows import links_in_dependency_order

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
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: Box) -> bool:
        return not (self.right < other.x or other.right < self.x or self.bottom < other.y
                    or other.bottom < self.y)


@dataclass(frozen=True)
class Arrow:
    """An arrow's curve (start, two control points, end), kind, and whether it has a badge."""

    points: tuple[float, float, float, float, float, float, float, float]
    kind: LinkKind
    badge: bool
    source: str = ""
    """The claim it starts from."""
    target: str = ""
    """The claim at its head (for an undercut: the reason whose arrow it attacks)."""

    @property
    def badge_centre(self) -> tuple[float, float]:
        # Both curves painter.link_path draws are point-symmetric about the middle of
        # their chord, so half their length lies exactly there (a test holds this).
        p = self.points
        return ((p[0] + p[6]) / 2, (p[1] + p[7]) / 2)

    def box(self) -> Box:
        p = self.points
        left, right = min(p[0], p[2], p[4], p[6]), max(p[0], p[2], p[4], p[6])
        top, bottom = min(p[1], p[3], p[5], p[7]), max(p[1], p[3], p[5], p[7])
        margin = HEAD_LENGTH + BADGE_RADIUS
        return Box(left - margin, top - margin, right - left + 2 * margin,
                   bottom - top + 2 * margin)


def link_curve(source: Box, target: Box) -> tuple[float, ...]:
    """The same curve as `painter.link_path`, as plain numbers."""
    scx, scy = source.x + source.w / 2, source.y + source.h / 2
    tcx, tcy = target.x + target.w / 2, target.y + target.h / 2
    inset = min(16.0, target.w / 4)
    if source.y >= target.bottom + 10 or source.bottom + 10 <= target.y:
        below = source.y >= target.bottom
        sx, sy = scx, (source.y if below else source.bottom)
        spread = tcx + (scx - tcx) * 0.3
        ex = min(max(spread, target.x + inset), target.right - inset)
        ey = target.bottom if below else target.y
        bend = (sy - ey) / 2
        return (sx, sy, sx, sy - bend, ex, ey + bend, ex, ey)
    right = scx < tcx
    sx, sy = (source.right if right else source.x), scy
    ex, ey = (target.x if right else target.right), tcy
    bend = (ex - sx) / 2
    return (sx, sy, sx + bend, sy, ex - bend, ey, ex, ey)


def undercut_line(source: Box, point: tuple[float, float]) -> tuple[float, ...]:
    """The same straight arrow as `painter.undercut_path`, as a degenerate curve."""
    cx, cy = source.x + source.w / 2, source.y + source.h / 2
    dx, dy = point[0] - cx, point[1] - cy
    if dx == 0 and dy == 0:
        sx, sy = cx, cy
    else:
        scale_x = (source.w / 2) / abs(dx) if dx else math.inf
        scale_y = (source.h / 2) / abs(dy) if dy else math.inf
        scale = min(scale_x, scale_y, 1.0)
        sx, sy = cx + dx * scale, cy + dy * scale
    length = math.hypot(point[0] - sx, point[1] - sy)
    ex, ey = point
    if length > BADGE_RADIUS + 1:
        keep = (length - BADGE_RADIUS - 1) / length
        ex, ey = sx + (point[0] - sx) * keep, sy + (point[1] - sy) * keep
    return (sx, sy, sx, sy, ex, ey, ex, ey)


def arrows_for(graph: DebateGraph, cards: Mapping[str, Box]) -> dict[str, Arrow]:
    arrows: dict[str, Arrow] = {}
    for link in links_in_dependency_order(list(graph.links.values())):
        source = cards[link.source]
        if link.to_claim is not None:
            points = link_curve(source, cards[link.to_claim])
            target = link.to_claim
        else:
            attacked = arrows[link.to_link or ""]
            points = undercut_line(source, attacked.badge_centre)
            target = attacked.source
        arrows[link.id] = Arrow(points, link.kind, not link.is_undercut,  # type: ignore[arg-type]
                                link.source, target)
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

    def card(self, face: CardFace, box: Box, pros: int, cons: int) -> str:
        """A whole card, text and all, with its top-left corner at `box`."""
        parts = [f"q 1 0 0 1 {box.x:.1f} {box.y:.1f} cm",
                 self.chrome(face.kind, face.width, face.height)]
        tally = counts_text(pros, cons)
        if tally:
            parts.append(self.tally(tally, face.width))
        parts.append(self._body(face))
        parts.append("Q")
        return "\n".join(parts)

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

    def ghosts(self, cards: list[tuple[CardFace, Box]]) -> str:
        """Cards that belong to neighbouring pages, as faded shapes (their own page shows
        them whole)."""
        by_colour: dict[str, list[str]] = {}
        for face, box in cards:
            fill = colour(rgb_on_white(KIND_STYLES[face.kind].band, 0.25))
            by_colour.setdefault(fill, []).append(rect_op(box))
        return "\n".join(f"{fill}\n" + "\n".join(rects) + "\nf"
                         for fill, rects in by_colour.items())


def rect_op(box: Box) -> str:
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


def _head(p: tuple[float, ...]) -> str:
    tip_x, tip_y = p[6], p[7]
    dx, dy = p[6] - p[4], p[7] - p[5]
    if dx == 0 and dy == 0:
        dx, dy = p[6] - p[0], p[7] - p[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = tip_x - ux * HEAD_LENGTH, tip_y - uy * HEAD_LENGTH
    nx, ny = -uy * HEAD_HALF_WIDTH, ux * HEAD_HALF_WIDTH
    return (f"{tip_x:.1f} {tip_y:.1f} m {bx + nx:.1f} {by + ny:.1f} l "
            f"{bx - nx:.1f} {by - ny:.1f} l h")


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
