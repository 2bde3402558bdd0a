"""The overview page of a tiled map: all of it as coloured shapes, and the pages on it.

A very wide map (a big tree is often fifty times wider than tall) would be a thin strip
across the page, so it is cut into bands stacked down the page, as many as make it
largest. Each part of the grid is outlined, labelled when there is room, and is a link
to its page.
"""

from __future__ import annotations

import bisect

from debate_editor.layout.geometry import Rect
from debate_editor.render.card_style import KIND_STYLES
from debate_editor.render.pdf.document import PdfDocument, matrix, number
from debate_editor.render.pdf.map_pages import HEADER_PT, MARGIN_PT, TiledMap
from debate_editor.render.pdf.map_shapes import rect_op, rgb
from debate_editor.render.pdf.text import Typesetter, colour

BAND_GAP_PT = 10.0
MAX_BANDS = 40
MUTED = (0.35, 0.37, 0.4)


def _bands(bounds: Rect, area: Rect) -> tuple[int, float]:
    """How many bands, and the scale that gives, for the largest picture."""
    best = (1, min(area.w / bounds.w, area.h / bounds.h))
    for count in range(2, MAX_BANDS + 1):
        scale = min(area.w / (bounds.w / count),
                    (area.h - (count - 1) * BAND_GAP_PT) / (count * bounds.h))
        if scale > best[1]:
            best = (count, scale)
    return best


def write_overview(tiled: TiledMap, document: PdfDocument, typesetter: Typesetter,
                   title: str) -> None:
    data = tiled.data
    area = Rect(MARGIN_PT, MARGIN_PT + HEADER_PT + 14, tiled.page_w - 2 * MARGIN_PT,
               tiled.page_h - 2 * MARGIN_PT - HEADER_PT - 14)
    bounds = data.bounds()
    count, scale = _bands(bounds, area)
    band_w = bounds.w / count
    n = number
    heading = (f"Map overview: {len(data.cards)} cards on {len(tiled.tiles)} pages "
               f"(pages {tiled.tiles[0].page + 1}–{tiled.tiles[-1].page + 1}); "
               "click a part to go there")
    ops = [typesetter.line(MARGIN_PT, MARGIN_PT + 9, heading, 10, bold=True),
           typesetter.line(MARGIN_PT, MARGIN_PT + 24, title[:120], 9, rgb=MUTED)]
    cards = sorted(data.cards.items(), key=lambda item: item[1].x)
    lefts = [box.x for _, box in cards]
    links = []
    for band in range(count):
        x0 = bounds.x + band * band_w
        top = area.y + band * (bounds.h * scale + BAND_GAP_PT)
        dx, dy = area.x - x0 * scale, top - bounds.y * scale
        ops.append(f"q {n(area.x)} {n(top)} {n(band_w * scale)} {n(bounds.h * scale)} re W n")
        ops.append(matrix(scale, dx, dy))
        ops.append(_arrows(tiled, x0, x0 + band_w, scale))
        start = bisect.bisect_left(lefts, x0 - 400)
        end = bisect.bisect_right(lefts, x0 + band_w)
        by_colour: dict[str, list[str]] = {}
        for cid, box in cards[start:end]:
            fill = colour(rgb(KIND_STYLES[data.faces[cid].kind].band))
            by_colour.setdefault(fill, []).append(rect_op(box))
        for fill, rects in by_colour.items():
            ops.append(fill + "\n" + "\n".join(rects) + "\nf")
        grid = [f"0.55 0.55 0.55 RG {n(0.5 / scale)} w"]
        labels = []
        for tile in tiled.tiles:
            c = tile.cell
            if c.right < x0 or c.x > x0 + band_w:
                continue
            grid.append(rect_op(c))
            left = max(c.x, x0)
            right = min(c.right, x0 + band_w)
            links.append(((dx + left * scale, dy + c.y * scale, dx + right * scale,
                           dy + c.bottom * scale), tile.page))
            if c.w * scale >= 16:
                labels.append((dx + c.x * scale + 2, dy + c.y * scale + 7, tile.label))
        ops.append("\n".join(grid) + "\nS")
        ops.append("Q")
        ops.extend(typesetter.line(x, y, text, 5.5, rgb=MUTED) for x, y, text in labels)
        ops.append(f"0.8 0.8 0.8 RG 0.5 w {n(area.x)} {n(top)} {n(band_w * scale)} "
                   f"{n(bounds.h * scale)} re S")
    document.add_page(tiled.page_w, tiled.page_h, ops, links)


def _arrows(tiled: TiledMap, left: float, right: float, scale: float) -> str:
    lines = [f"0.78 0.78 0.78 RG {number(0.4 / scale)} w"]
    for arrow in tiled.data.arrows.values():
        p = arrow.points
        if max(p[0], p[6]) < left or min(p[0], p[6]) > right:
            continue
        lines.append(f"{p[0]:.1f} {p[1]:.1f} m {p[6]:.1f} {p[7]:.1f} l")
    lines.append("S")
    return "\n".join(lines)
