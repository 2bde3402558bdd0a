"""A presentation slide drawn with QtGui alone: a claim in large type with its pros and
cons (the card slide), in a light or a dark theme for projectors.

`layout_slide` sets the type as large as the screen allows and smaller until everything
fits, wrapping every claim whole (nothing is cut off; only the line naming what the
claim answers may end in an ellipsis). A slide that does not fit even in the smallest
type (a claim of 100,000 characters) shows as much of each text as its share of the
screen holds, ending in an ellipsis. `draw_slide` paints what it laid out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from debate_editor.domain.model import ClaimKind
from debate_editor.domain.status_labels import Label
from debate_editor.render.card_style import FONT_FAMILY, KIND_STYLES
from debate_editor.render.status_mark import draw_status_mark
from debate_editor.render.text_fit import TextBlock, block, clipped_lines


@dataclass(frozen=True)
class SlideTheme:
    name: str
    background: QColor
    text: QColor
    muted: QColor
    card: QColor
    border: QColor
    focus: QColor
    pro: QColor
    con: QColor


LIGHT = SlideTheme("light", QColor("#fbfbf8"), QColor("#1d1d1f"), QColor("#5a5f66"),
                   QColor("#ffffff"), QColor("#c9ccd1"), QColor("#1a73e8"),
                   QColor("#0072b2"), QColor("#c75300"))
DARK = SlideTheme("dark", QColor("#15171b"), QColor("#f3f3ef"), QColor("#aab0b8"),
                  QColor("#23272e"), QColor("#3c424b"), QColor("#6cb6ff"),
                  QColor("#56b4e9"), QColor("#f0a020"))
THEMES = {theme.name: theme for theme in (LIGHT, DARK)}


def kind_colour(kind: ClaimKind, theme: SlideTheme) -> QColor:
    colour = KIND_STYLES[kind].band
    return colour.lighter(190) if theme is DARK else colour


@dataclass(frozen=True)
class SlideCard:
    """A reason on the slide."""

    text: str
    sign: str
    """'+' a support, '−' an objection, '⤫' an objection to the link above it."""
    tally: str = ""
    focus: bool = False
    """The objection this step reveals."""
    hidden: bool = False
    """Not revealed yet: it takes its place (the type size does not jump when it
    appears) but is not drawn."""
    status: Label | None = None
    """Whether it stands, for its mark (None: no mark)."""


@dataclass(frozen=True)
class SlideContent:
    title: str
    progress: str
    text: str
    kind: ClaimKind
    context: str = ""
    note: str = ""
    pros: tuple[SlideCard, ...] = ()
    cons: tuple[SlideCard, ...] = ()
    hint: str = ""
    status: Label | None = None
    """Whether the claim on the slide stands, for the mark after its kind."""
    mine: str = ""
    """The user's own marks, in words, after its kind as a card's header has them."""


@dataclass(frozen=True)
class PlacedText:
    block: TextBlock
    x: float
    y: float
    colour: str
    """'text', 'muted', 'pro', 'con', 'kind' or 'focus' (the theme decides the colour)."""
    bold: bool = False
    italic: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class PlacedCard:
    rect: QRectF
    sign: str
    focus: bool
    hidden: bool = False
    status: Label | None = None


@dataclass
class SlideLayout:
    width: int
    height: int
    scale: float
    texts: list[PlacedText] = field(default_factory=list)
    cards: list[PlacedCard] = field(default_factory=list)
    bottom: float = 0.0
    fits: bool = True
    kind: ClaimKind = ClaimKind.CLAIM
    marks: list[tuple[QPointF, float, Label]] = field(default_factory=list)
    """Status marks: centre, radius, label (the claim's own; the cards' are theirs)."""


BASE = {"meta": 22, "context": 26, "note": 26, "kind": 22, "head": 58, "column": 24,
        "entry": 32, "tally": 20, "hint": 20}
"""Pixel sizes on a 1080-pixel-high screen, before shrinking to fit."""


def _font(bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    font.setItalic(italic)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


SIZE_STEPS = 26
"""The type shrinks by 8 % a step, at most this many steps (to 11 % of its size)."""


def layout_slide(content: SlideContent, width: int, height: int) -> SlideLayout:
    """The slide at the largest type (up to the base sizes) at which it all fits."""
    result = _try(content, width, height, 1.0)
    if result.fits:
        return result
    smallest = 0.92 ** SIZE_STEPS
    if not _try(content, width, height, smallest).fits:
        # Too much text for any type size: each text gets its share of the screen.
        return _try(content, width, height, smallest, clip=True)
    for step in range(1, SIZE_STEPS + 1):
        result = _try(content, width, height, 0.92 ** step)
        if result.fits:
            break
    return result


def _try(content: SlideContent, width: int, height: int, scale: float,
         clip: bool = False) -> SlideLayout:
    """The slide at `scale`; `clip`: cut each text to its share of the screen. Without
    it no text is laid out past the slide's height either (it could not fit anyway)."""
    unit = min(height / 1080, width / 1920)
    out = SlideLayout(width, height, scale, kind=content.kind)
    sizes = {name: max(8, round(base * unit * scale)) for name, base in BASE.items()}

    def px(name: str, shrink: bool = True) -> int:
        return sizes[name] if shrink else max(8, round(BASE[name] * unit))

    margin = 80 * unit
    inner = width - 2 * margin
    y = 40 * unit
    meta = block(content.title, _font(), px("meta", False), inner * 0.7, height)
    meta = TextBlock(meta.lines[:1], meta.pixel_size, meta.line_height)
    out.texts.append(PlacedText(meta, margin, y, "muted"))
    progress = block(content.progress, _font(), px("meta", False), inner * 0.25)
    out.texts.append(PlacedText(progress, width - margin - _advance(content.progress,
                                                                   progress.pixel_size),
                                y, "muted"))
    y += meta.line_height + 28 * unit * scale
    if content.context:
        size = px("context")
        lines, _ = clipped_lines(content.context, _sized(_font(italic=True), size), inner, 2)
        context = TextBlock(tuple(lines), size, block("x", _font(), size, inner).line_height)
        out.texts.append(PlacedText(context, margin, y, "muted", italic=True))
        y += context.height + 14 * unit * scale
    heading = KIND_STYLES[content.kind].label
    heading += f" · {content.mine}" if content.mine else ""
    kind = block(heading, _font(bold=True), px("kind"), inner)
    out.texts.append(PlacedText(kind, margin, y, "kind", bold=True))
    if content.status is not None:
        radius = kind.pixel_size * 0.55
        out.marks.append((QPointF(margin + _advance(heading,
                                                    kind.pixel_size, True) + 2 * radius,
                                  y + kind.height / 2), radius, content.status))
    y += kind.height + 6 * unit * scale
    limit = height - (70 if content.hint else 36) * unit
    sides = [side for side in (("FOR", "pro", content.pros), ("AGAINST", "con", content.cons))
             if side[2]]
    if content.note:
        room = (limit - y) * 0.15 if clip else height
        note = block(content.note, _font(italic=True), px("note"), inner, room)
        out.texts.append(PlacedText(note, margin, y, "muted", italic=True))
        y += note.height + 8 * unit * scale
    room = (limit - y) * (0.45 if sides else 1.0) if clip else height
    head = block(content.text, _font(), px("head"), inner, room)
    out.texts.append(PlacedText(head, margin, y, "text"))
    y += head.height
    if not sides:  # the claim alone: in the middle of the slide
        top = out.texts.index(next(t for t in out.texts if t.colour == "kind"))
        shift = max(0.0, (limit - y) / 2 - 20 * unit)
        out.texts[top:] = [_moved(t, shift) for t in out.texts[top:]]
        y += shift
    else:
        y += 44 * unit * scale
        gutter = 56 * unit
        column = (inner - gutter) / 2
        flows = [0, 1] if len(sides) == 1 else [0]
        bottoms = []
        for n, (word, colour, cards) in enumerate(sides):
            remark = ("no objections" if word == "FOR" else "no reasons for it") \
                if len(sides) == 1 else ""
            x = margin + n * (column + gutter)
            bottoms.append(_column(out, cards, (word, colour, remark), (x, y, column, gutter),
                                   flows, unit * scale, sizes, limit if clip else None))
        y = max(bottoms)
    if content.hint:
        hint = block(content.hint, _font(), px("hint", False), inner)
        out.texts.append(PlacedText(hint, margin, height - 30 * unit - hint.height, "muted"))
    out.bottom = y
    out.fits = y <= limit
    return out


def _moved(text: PlacedText, dy: float) -> PlacedText:
    return PlacedText(text.block, text.x, text.y + dy, text.colour, text.bold, text.italic)


def _column(out: SlideLayout, cards: tuple[SlideCard, ...], heading: tuple[str, str, str],
            place: tuple[float, float, float, float], flows: list[int], unit: float,
            sizes: dict[str, int], clip_at: float | None = None) -> float:
    """One side's cards under its heading, in one column or (`flows` [0, 1]) two side by
    side, read left to right and down; where it ends. `unit` is already scaled;
    `clip_at`: each card's text cut to its share of the room down to there."""
    word, colour, remark = heading
    x, y, width, gutter = place
    total = sum(1 for card in cards if card.sign != "⤫")
    count = sum(1 for card in cards if card.sign != "⤫" and not card.hidden)
    # While objections are still to come, say how many: "AGAINST  0 of 2", not "0".
    title = f"{word}  {count}" if count == total else f"{word}  {count} of {total}"
    header = block(title, _font(bold=True), sizes["column"], width)
    out.texts.append(PlacedText(header, x, y, colour, bold=True))
    if remark:
        extra = block(remark, _font(), sizes["tally"], width)
        out.texts.append(PlacedText(extra, x + _advance(title, sizes["column"], True)
                                    + 12 * unit, y + header.height - extra.height, "muted"))
    y += header.height + 12 * unit
    tops = [y for _ in flows]
    pad, band = 18 * unit, 8 * unit
    flow, placed = 0, 0
    room = float(out.height)
    if clip_at is not None:
        per_flow = -(-len(cards) // len(flows))
        room = (clip_at - y) / max(1, per_flow) - 2 * pad - 14 * unit - sizes["tally"] * 1.5
    for card in cards:
        if card.sign != "⤫":  # an objection to a link stays under the reason above it
            flow = flows[placed % len(flows)]
            placed += 1
            if flow == 0:  # a new row: left to right, then down, in their order
                tops = [max(tops)] * len(flows)
        left_edge = x + flow * (width + gutter)
        indent = 48 * unit if card.sign == "⤫" else 0.0
        left = left_edge + indent + band + pad
        text_width = width - indent - band - 2 * pad
        mark = sizes["entry"] * 0.4
        if card.status is not None:
            text_width -= 2 * mark + pad / 2
        body = block(card.text, _font(), sizes["entry"], text_width, room)
        height = body.height + 2 * pad
        tally = None
        if card.tally or card.sign == "⤫":
            label = card.tally if card.sign != "⤫" else "against the link above" + (
                f" · {card.tally}" if card.tally else "")
            tally = block(label, _font(), sizes["tally"], text_width)
            height += tally.height + 4 * unit
        top = tops[flow]
        out.cards.append(PlacedCard(QRectF(left_edge + indent, top, width - indent, height),
                                    card.sign, card.focus, card.hidden, card.status))
        out.texts.append(PlacedText(body, left, top + pad, "text", hidden=card.hidden))
        if tally is not None:
            out.texts.append(PlacedText(tally, left, top + pad + body.height + 4 * unit,
                                        "muted", hidden=card.hidden))
        tops[flow] = top + height + 14 * unit
    return max(tops)


def _sized(font: QFont, pixels: int) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(pixels)
    return sized


def _advance(text: str, pixels: int, bold: bool = False) -> float:
    return QFontMetricsF(_sized(_font(bold), pixels)).horizontalAdvance(text)


def draw_slide(painter: QPainter, layout: SlideLayout, theme: SlideTheme) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(QRectF(0, 0, layout.width, layout.height), theme.background)
    unit = min(layout.height / 1080, layout.width / 1920)
    for card in layout.cards:
        if card.hidden:
            continue
        sign_colour = theme.con if card.sign in ("−", "⤫") else theme.pro
        painter.setPen(QPen(theme.focus, 5 * unit) if card.focus
                       else QPen(theme.border, max(1.0, 1.5 * unit)))
        painter.setBrush(theme.card)
        painter.drawRoundedRect(card.rect, 10 * unit, 10 * unit)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(sign_colour)
        band = QRectF(card.rect.left(), card.rect.top(), 8 * unit, card.rect.height())
        painter.drawRoundedRect(band, 4 * unit, 4 * unit)
        if card.status is not None:
            radius, pad = 13 * unit * layout.scale, 18 * unit * layout.scale
            draw_status_mark(painter, QPointF(card.rect.right() - pad - radius,
                                              card.rect.top() + pad + radius),
                             card.status, radius)
    for centre, radius, label in layout.marks:
        draw_status_mark(painter, centre, label, radius)
    colours = {"text": theme.text, "muted": theme.muted, "pro": theme.pro, "con": theme.con,
               "focus": theme.focus, "kind": kind_colour(layout.kind, theme)}
    for placed in layout.texts:
        if placed.hidden:
            continue
        font = _sized(_font(placed.bold, placed.italic), placed.block.pixel_size)
        painter.setFont(font)
        painter.setPen(colours[placed.colour])
        ascent = QFontMetricsF(font).ascent()
        for n, line in enumerate(placed.block.lines):
            painter.drawText(QPointF(placed.x, placed.y + ascent + n * placed.block.line_height),
                             line)
    painter.restore()
