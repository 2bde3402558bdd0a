"""The map in a PDF: on one page when it can be read there, else tiled over pages.

Readable means the cards' body text is at least `MIN_TEXT_PT` points. A map too big for
that gets an overview page (the whole map as coloured shapes, with the grid of pages
on it, each cell a link to its page) and then one page per grid cell that holds a card.
A card belongs to the cell its centre is in and is drawn whole on that page; the page
shows some of its neighbours round the edges, faded, each with the page it is on, and
says which pages lie above, below, left and right.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import LinkKind
from debate_editor.layout.geometry import Rect, bounds_of
from debate_editor.render.card_style import BODY_PX, LINK_STYLES, CardFace
from debate_editor.render.pdf.document import PdfDocument, matrix, number
from debate_editor.render.pdf.map_shapes import (
    Arrow,
    ArrowPainter,
    CardPainter,
    rgb,
)
from debate_editor.render.pdf.text import Typesetter

MIN_TEXT_PT = 6.0
LABEL_PX = 11.0
"""Size of the notes on arrows that leave a page, in scene units."""
TILE_TEXT_PT = 6.5
MAX_SCALE = 0.75
"""Points per scene unit at most: 1 unit is one pixel at 96 dpi."""
MARGIN_PT = 28.0
HEADER_PT = 18.0
MAP_MARGIN = 20.0
"""Scene units around the map's cards."""
OVERLAP = 100.0
"""Scene units each tile shows beyond its own cell, for context; a card is drawn whole
on its own page even where it reaches past that (into the page's margin)."""
Progress = Callable[[float], None]


@dataclass(frozen=True)
class MapData:
    graph: DebateGraph
    faces: Mapping[str, CardFace]
    cards: Mapping[str, Rect]
    arrows: Mapping[str, Arrow]

    tallies: Mapping[str, tuple[int, int]]
    """Each claim's number of pros and cons (what its card's header says)."""
    words: Mapping[str, str] | None = None
    """With `--status`: whether each claim stands, in words, shown in its card's header."""

    def bounds(self) -> Rect:
        return bounds_of(self.cards.values(), MAP_MARGIN) or Rect(0, 0, 1, 1)


def fit_scale(bounds: Rect, width: float, height: float) -> float:
    return min(width / bounds.w, height / bounds.h, MAX_SCALE)


def readable(scale: float) -> bool:
    return scale * BODY_PX >= MIN_TEXT_PT - 1e-9


def draw_whole_map(data: MapData, painter: CardPainter, area: Rect) -> list[str]:
    """Operators for the whole map fitted into `area` (page points)."""
    bounds = data.bounds()
    scale = fit_scale(bounds, area.w, area.h)
    dx = area.x + (area.w - bounds.w * scale) / 2 - bounds.x * scale
    dy = area.y - bounds.y * scale
    ops = ["q " + matrix(scale, dx, dy)]
    ops.append(ArrowPainter(painter.document).ops(data.arrows.values()))
    ops.extend(_cards(data, painter, data.cards))
    ops.append("Q")
    return ops


def tallies_of(graph: DebateGraph) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = {}
    for link in graph.links.values():
        if link.to_claim is not None:
            pair = counts.setdefault(link.to_claim, [0, 0])
            pair[0 if link.kind is LinkKind.SUPPORT else 1] += 1
    return {cid: (pair[0], pair[1]) for cid, pair in counts.items()}


def _cards(data: MapData, painter: CardPainter, ids: Mapping[str, Rect] | list[str]) -> list[str]:
    tallies = data.tallies
    words = data.words or {}
    return [painter.card(data.faces[cid], data.cards[cid], *tallies.get(cid, (0, 0)),
                         words.get(cid, "")) for cid in ids]


@dataclass
class Tile:
    row: int
    column: int
    cell: Rect
    cards: list[str]
    page: int = -1

    @property
    def label(self) -> str:
        return f"{_row_name(self.row)}{self.column + 1}"


def _row_name(row: int) -> str:
    name = ""
    row += 1
    while row:
        row, rest = divmod(row - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


class TiledMap:
    """The grid of pages a big map is cut into."""

    def __init__(self, data: MapData, page_w: float, page_h: float) -> None:
        self.data = data
        self.page_w, self.page_h = page_w, page_h
        self.scale = TILE_TEXT_PT / BODY_PX
        view_w = (page_w - 2 * MARGIN_PT) / self.scale
        view_h = (page_h - 2 * MARGIN_PT - HEADER_PT) / self.scale
        self.cell_w, self.cell_h = view_w - 2 * OVERLAP, view_h - 2 * OVERLAP
        bounds = data.bounds()
        self.origin = (bounds.x, bounds.y)
        self.columns = max(1, int(bounds.w // self.cell_w) + 1)
        self.rows = max(1, int(bounds.h // self.cell_h) + 1)
        cells: dict[tuple[int, int], list[str]] = {}
        for cid, box in data.cards.items():
            key = self._cell_of(box.x + box.w / 2, box.y + box.h / 2)
            cells.setdefault(key, []).append(cid)
        self.tiles = [Tile(r, c, self._cell_box(r, c), cells[(r, c)])
                      for r, c in sorted(cells)]
        self.by_cell = {(t.row, t.column): t for t in self.tiles}
        self.owner = {cid: t for t in self.tiles for cid in t.cards}

    def _cell_of(self, x: float, y: float) -> tuple[int, int]:
        column = int((x - self.origin[0]) // self.cell_w)
        row = int((y - self.origin[1]) // self.cell_h)
        return (max(0, min(row, self.rows - 1)), max(0, min(column, self.columns - 1)))

    def _cell_box(self, row: int, column: int) -> Rect:
        return Rect(self.origin[0] + column * self.cell_w, self.origin[1] + row * self.cell_h,
                   self.cell_w, self.cell_h)

    def number_pages(self, first: int) -> None:
        for index, tile in enumerate(self.tiles):
            tile.page = first + index

    def view(self, tile: Tile) -> Rect:
        c = tile.cell
        return Rect(c.x - OVERLAP, c.y - OVERLAP, c.w + 2 * OVERLAP, c.h + 2 * OVERLAP)

    def write(self, document: PdfDocument, painter: CardPainter, title: str,
              progress: Progress) -> None:
        """One page per tile, in reading order (rows top to bottom, left to right)."""
        data = self.data
        card_index = _Index(self, data.cards)
        ends = _Ends(self, data.arrows)
        typesetter = painter.text
        arrow_painter = ArrowPainter(document)
        for count, tile in enumerate(self.tiles):
            view = self.view(tile)
            ops = [self._header(tile, title, typesetter)]
            left, top = MARGIN_PT, MARGIN_PT + HEADER_PT
            s = self.scale
            ops.append(f"q {number(left)} {number(top)} {number(view.w * s)} "
                       f"{number(view.h * s)} re W n")
            ops.append(matrix(s, left - view.x * s, top - view.y * s))
            near = ends.near(tile)
            ops.append(arrow_painter.ops([data.arrows[key] for key, _, _ in near]))
            ops.append(self._leaving(near, typesetter))
            own = set(tile.cards)
            others = [cid for cid in card_index.near(tile) if cid not in own]
            if others:
                ops.append(painter.ghosts([(data.faces[cid], data.cards[cid])
                                           for cid in others]))
                ops.append(typesetter.labels(
                    [(data.cards[cid].x + 12, data.cards[cid].y + 16,
                      f"on page {self.owner[cid].page + 1}") for cid in others],
                    LABEL_PX, rgb=(0.35, 0.37, 0.4)))
            ops.append("Q")
            # Its own cards are drawn whole, past the clip if they reach beyond the view.
            ops.append("q " + matrix(s, left - view.x * s, top - view.y * s))
            ops.extend(_cards(data, painter, tile.cards))
            ops.append("Q")
            document.add_page(self.page_w, self.page_h, ops)
            if count % 50 == 0:
                progress(count / len(self.tiles))

    def _leaving(self, near: list[tuple[str, bool, bool]], typesetter: Typesetter) -> str:
        """Where an arrow that leaves this page goes: a note at the end that is here."""
        notes = []
        for key, start_here, end_here in near:
            if start_here and end_here:
                continue
            arrow = self.data.arrows[key]
            p = arrow.points
            tint = rgb(LINK_STYLES[arrow.kind].colour)
            if start_here:
                page = self.owner[arrow.target].page + 1
                notes.append(typesetter.line(p[0] + 4, p[1] - 5, f"to page {page}", LABEL_PX,
                                             rgb=tint))
            elif end_here:
                page = self.owner[arrow.source].page + 1
                notes.append(typesetter.line(p[6] + 10, p[7] + 12, f"from page {page}",
                                             LABEL_PX, rgb=tint))
        return "\n".join(notes)

    def _header(self, tile: Tile, title: str, typesetter: Typesetter) -> str:
        muted = (0.35, 0.37, 0.4)
        text = (f"Map, part {tile.label} (row {_row_name(tile.row)} of "
                f"{_row_name(self.rows - 1)}, column {tile.column + 1} of {self.columns})")
        ops = [typesetter.line(MARGIN_PT, MARGIN_PT + 9, text, 9, bold=True),
               typesetter.line(MARGIN_PT + typesetter.width(text, 9, True) + 12,
                               MARGIN_PT + 9, title[:90], 9, rgb=muted)]
        hints = []
        for name, (dr, dc) in (("↑", (-1, 0)), ("↓", (1, 0)), ("←", (0, -1)), ("→", (0, 1))):
            other = self.by_cell.get((tile.row + dr, tile.column + dc))
            if other is not None:
                hints.append(f"{name} page {other.page + 1}")
        if hints:
            hint = "   ".join(hints)
            width = typesetter.width(hint, 8)
            ops.append(typesetter.line(self.page_w - MARGIN_PT - width, MARGIN_PT + 9, hint, 8,
                                       rgb=muted))
        return "\n".join(ops)


class _Ends:
    """Which arrows start or end in each tile's view: a page draws those (clipped at its
    edge) and says where they go, rather than every arrow that merely crosses it."""

    def __init__(self, tiled: TiledMap, arrows: Mapping[str, Arrow]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[str, bool, bool]]] = {}
        for key, arrow in arrows.items():
            p = arrow.points
            starts = self._cells(tiled, p[0], p[1])
            ends = self._cells(tiled, p[6], p[7])
            for cell in starts | ends:
                self.cells.setdefault(cell, []).append((key, cell in starts, cell in ends))

    @staticmethod
    def _cells(tiled: TiledMap, x: float, y: float) -> set[tuple[int, int]]:
        """The tiles whose view holds the point (x, y): a view is its cell grown by less
        than a cell, so these are the cells of the point moved by the overlap each way."""
        ox, oy = tiled.origin
        cw, ch = tiled.cell_w, tiled.cell_h
        columns = {int((x - OVERLAP - ox) // cw), int((x + OVERLAP - ox) // cw)}
        rows = {int((y - OVERLAP - oy) // ch), int((y + OVERLAP - oy) // ch)}
        cells = tiled.by_cell
        return {(r, c) for r in rows for c in columns if (r, c) in cells}

    def near(self, tile: Tile) -> list[tuple[str, bool, bool]]:
        return self.cells.get((tile.row, tile.column), [])


class _Index:
    """Which boxes each tile's view touches: every box is filed under the grid cells its
    rectangle (grown by the overlap) covers."""

    def __init__(self, tiled: TiledMap, boxes: Mapping[str, Rect]) -> None:
        self.cells: dict[tuple[int, int], list[str]] = {}
        ox, oy = tiled.origin
        for key, box in boxes.items():
            c0 = int((box.x - OVERLAP - ox) // tiled.cell_w)
            c1 = int((box.right + OVERLAP - ox) // tiled.cell_w)
            r0 = int((box.y - OVERLAP - oy) // tiled.cell_h)
            r1 = int((box.bottom + OVERLAP - oy) // tiled.cell_h)
            for row in range(max(r0, 0), min(r1, tiled.rows - 1) + 1):
                for column in range(max(c0, 0), min(c1, tiled.columns - 1) + 1):
                    if (row, column) in tiled.by_cell:
                        self.cells.setdefault((row, column), []).append(key)

    def near(self, tile: Tile) -> list[str]:
        return self.cells.get((tile.row, tile.column), [])
