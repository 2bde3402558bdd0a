"""A debate as a PDF: the title page, the map as vectors, then the outline as text.

    write_pdf(debate, options, progress)

Page 1 holds the title, the description and a line of counts, and the map too when it
is readable there (the page turned landscape for a wide map). Otherwise the map gets a
page of its own,
or, when even that would shrink its text below 6 points, an overview and a grid of
pages (see `map_pages`). The outline follows. The paper is A4, or Letter where the
system's locale uses it.

Why our own writer, measured on the 10,000-claim debate of `tests/benchmarks/generate.py
10000` (2 shared cores): this writer exports it in 1.95 s in process (2.5-2.7 s from
the command line, start-up included), against 34.7 s for the Argdown command line's
map export (the README's benchmark). The same map pages (1,836 tiles: cards, their
text lines, arrows; no heads, badges, faded neighbours or overview, so less than we
write) plus the outline took 30.3 s through fpdf2 2.8.9 and 7.7 s through reportlab
5.1.0, on top of our own measuring and layout (0.8-1.1 s): neither keeps the 10x
margin. `fontTools.subset` cut the two DejaVu faces in 0.47 s (retaining glyph ids)
where `fonts.PdfFont.subset` takes 3 ms; its files are smaller (45 kB against 61 kB for
the bold face) but a quarter of the export's time is too dear. So the file structure
and the subsets stay ours; the shapes are `layout.geometry`'s, as on the canvas.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QLocale

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.graph_under import debate_under
from debate_editor.domain.model import Debate
from debate_editor.domain.status import Labelling
from debate_editor.domain.status_labels import WORD
from debate_editor.formats.registry import ExportOptions
from debate_editor.layout import geometry
from debate_editor.layout.geometry import Rect
from debate_editor.render.card_style import FONT_FAMILY, card_face
from debate_editor.render.pdf.document import PdfDocument
from debate_editor.render.pdf.map_pages import (
    HEADER_PT,
    MARGIN_PT,
    MapData,
    TiledMap,
    draw_whole_map,
    fit_scale,
    readable,
    tallies_of,
)
from debate_editor.render.pdf.map_shapes import CardPainter, arrows_for
from debate_editor.render.pdf.outline import MUTED, OutlineWriter
from debate_editor.render.pdf.overview import write_overview
from debate_editor.render.pdf.text import Typesetter

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
_LETTER_TERRITORIES = {"UnitedStates", "Canada", "Mexico", "Philippines", "Chile",
                       "Colombia", "Venezuela", "CostaRica", "Guatemala", "PuertoRico",
                       "Panama", "DominicanRepublic", "ElSalvador", "Nicaragua"}
PAGE_MARGIN = 50.0

Progress = Callable[[float], None]


def paper() -> tuple[float, float]:
    """Portrait paper size in points: Letter in the Americas that use it, else A4."""
    territory = QLocale.system().territory()
    return LETTER if territory.name in _LETTER_TERRITORIES else A4


def map_data(debate: Debate, words: Mapping[str, str] | None = None) -> MapData:
    """Cards measured and placed (laid out where the file has no places), and arrows;
    `words`, whether each claim stands, for the cards' headers."""
    graph = DebateGraph.of(debate)
    faces = {cid: card_face(claim) for cid, claim in graph.claims.items()}
    sizes = {cid: (face.width, face.height) for cid, face in faces.items()}
    shapes = geometry.map_shapes(graph, sizes)
    return MapData(graph, faces, shapes.cards, arrows_for(graph, shapes.arrows, shapes.brackets),
                   tallies_of(graph), words)


def write_pdf(debate: Debate, options: ExportOptions, progress: Progress | None = None,
              ) -> bytes:
    report = progress or (lambda _fraction: None)
    labels = Labelling.of(debate).labels if options.status else None  # of the whole debate
    if options.claim is not None:
        debate = debate_under(debate, options.claim)
    words = None if labels is None else {cid: WORD[labels[cid]] for cid in labels}
    data = map_data(debate, words)
    report(0.1)
    title = debate.info.title.strip() or "Untitled debate"
    document = PdfDocument(title)
    text = Typesetter(document, FONT_FAMILY)
    painter = CardPainter(text)
    portrait = paper()
    landscape = (portrait[1], portrait[0])

    document.bookmark(title, 0, PAGE_MARGIN)
    bounds = data.bounds()
    wide = bounds.w >= bounds.h
    first = (portrait, landscape) if not wide else (landscape, portrait)
    for page in first:  # page 1: the title, and the whole map below it if readable
        ops, bottom = _title_block(text, debate, data, page)
        below = Rect(PAGE_MARGIN, bottom + 16, page[0] - 2 * PAGE_MARGIN,
                    page[1] - PAGE_MARGIN - bottom - 16)
        if data.cards and readable(fit_scale(bounds, below.w, below.h)):
            document.bookmark("Map", 0, bottom + 10)
            document.add_page(*page, ops + draw_whole_map(data, painter, below))
            break
    else:
        ops, bottom = _title_block(text, debate, data, portrait)
        page = landscape if wide else portrait
        area = Rect(MARGIN_PT, MARGIN_PT, page[0] - 2 * MARGIN_PT, page[1] - 2 * MARGIN_PT)
        if not data.cards:
            document.add_page(*portrait, ops)
        elif readable(fit_scale(bounds, area.w, area.h)):
            ops.append(text.line(PAGE_MARGIN, bottom + 20, "The map is on page 2; the "
                                 "outline follows it.", 10, rgb=MUTED))
            document.add_page(*portrait, ops)
            document.bookmark("Map", 1)
            document.add_page(*page, draw_whole_map(data, painter, area))
        else:
            tiled = TiledMap(data, *page)
            tiled.number_pages(2)
            note = (f"The map is too big to read on one page: page 2 shows all of it and "
                    f"links to its {len(tiled.tiles)} parts (pages 3–{len(tiled.tiles) + 2}).")
            ops.append(text.lines(PAGE_MARGIN, bottom + 20, 13,
                                  text.wrap(note, 10, portrait[0] - 2 * PAGE_MARGIN), 10,
                                  rgb=MUTED))
            document.add_page(*portrait, ops)
            document.bookmark("Map overview", 1)
            write_overview(tiled, document, text, title)
            tiled.write(document, painter, title, lambda f: report(0.1 + 0.5 * f))
    report(0.6)
    if data.cards:
        OutlineWriter(document, text, data.graph, portrait, PAGE_MARGIN, labels).write(
            lambda f: report(0.6 + 0.35 * f))
    report(0.95)
    return document.to_bytes()


def _title_block(text: Typesetter, debate: Debate, data: MapData,
                 page: tuple[float, float]) -> tuple[list[str], float]:
    """Title, description and counts at the top of page 1; the y below them."""
    width = page[0] - 2 * PAGE_MARGIN
    ops: list[str] = []
    y = PAGE_MARGIN
    title = debate.info.title.strip() or "Untitled debate"
    lines = text.wrap(title, 20, width, bold=True)
    ops.append(text.lines(PAGE_MARGIN, y + 20, 25, lines, 20, bold=True))
    y += 25 * len(lines) + 6
    if debate.info.description.strip():
        lines = text.wrap(debate.info.description, 10.5, width, max_lines=30)
        ops.append(text.lines(PAGE_MARGIN, y + 10.5, 14, lines, 10.5))
        y += 14 * len(lines) + 6
    counts = debate.link_counts()
    theses = len(data.graph.theses())
    facts = (f"{_count(len(data.cards), 'claim')} · {_count(theses, 'thesis', 'theses')} · "
             f"{_count(counts['support'], 'support')} · "
             f"{_count(counts['objection'], 'objection')}")
    if counts["undercut"]:
        facts += f" · {_count(counts['undercut'], 'undercut')}"
    ops.append(text.line(PAGE_MARGIN, y + 9, facts, 9, rgb=MUTED))
    y += 14
    return ops, y + HEADER_PT - 18


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"
