"""A PDF file written object by object: pages, fonts, bookmarks, links.

Why not QPdfWriter: it writes every glyph with its own positioning operator and
shapes every line again, which made a 10,000-claim debate take several seconds. Here
a page is a list of PDF operators in points with y pointing down (like Qt); text is
encoded by `PdfFont`, and each page's content is compressed as soon as it is done, so
memory holds compressed pages only.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtGui import QRawFont

from debate_editor.render.pdf.fonts import PdfFont


def pdf_string(text: str) -> str:
    """Text as a PDF string that any reader shows right (UTF-16 with a byte order mark)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def number(value: float) -> str:
    """A coordinate, short: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def matrix(scale: float, dx: float, dy: float) -> str:
    """A scale-and-move transform (`cm`), exact enough for maps thousands of units wide."""
    return f"{scale:.7g} 0 0 {scale:.7g} {dx:.3f} {dy:.3f} cm"


@dataclass
class Bookmark:
    title: str
    page: int
    y: float
    level: int = 0


@dataclass
class _Page:
    width: float
    height: float
    content: bytes
    links: list[tuple[tuple[float, float, float, float], int]] = field(default_factory=list)


class PdfDocument:
    """Collects pages and writes them as one PDF with `to_bytes`."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.pages: list[_Page] = []
        self.fonts: dict[tuple[str, str, float], PdfFont] = {}
        self.bookmarks: list[Bookmark] = []
        self.forms: list[tuple[tuple[float, float, float, float], bytes]] = []

    def font(self, raw: QRawFont) -> PdfFont:
        """The embedded font for a QRawFont (one per family and style)."""
        key = (raw.familyName(), raw.styleName(), raw.weight())
        found = self.fonts.get(key)
        if found is None:
            found = PdfFont(raw, f"F{len(self.fonts) + 1}")
            self.fonts[key] = found
        return found

    def add_page(self, width: float, height: float, ops: list[str],
                 links: list[tuple[tuple[float, float, float, float], int]] | None = None,
                 ) -> int:
        """Add a finished page (its operators in y-down points); returns its index."""
        flip = f"1 0 0 -1 0 {number(height)} cm\n"
        content = zlib.compress((flip + "\n".join(ops)).encode("latin-1"), 1)
        self.pages.append(_Page(width, height, content, list(links or ())))
        return len(self.pages) - 1

    def add_form(self, bbox: tuple[float, float, float, float], ops: list[str]) -> str:
        """A drawing used many times (a card's frame, a badge): returns the operator that
        draws it where the current transform puts its origin."""
        content = zlib.compress("\n".join(ops).encode("latin-1"), 6)
        self.forms.append((bbox, content))
        return f"/X{len(self.forms)} Do"

    def bookmark(self, title: str, page: int, y: float = 0.0, level: int = 0) -> None:
        self.bookmarks.append(Bookmark(title, page, y, level))

    # ---- writing ---------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        writer = _Writer()
        catalog, pages_id, resources = writer.reserve(), writer.reserve(), writer.reserve()
        page_ids = [writer.reserve() for _ in self.pages]
        kids = " ".join(f"{i} 0 R" for i in page_ids)
        writer.put(pages_id, f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>")
        for page, page_id in zip(self.pages, page_ids, strict=True):
            content_id = writer.stream(page.content, "/Filter /FlateDecode")
            annots = ""
            if page.links:
                refs = []
                for (x0, y0, x1, y1), target in page.links:
                    rect = " ".join(number(v) for v in
                                    (x0, page.height - y1, x1, page.height - y0))
                    refs.append(writer.add(
                        f"<< /Type /Annot /Subtype /Link /Rect [{rect}] /Border [0 0 0] "
                        f"/Dest [{page_ids[target]} 0 R /Fit] >>"))
                annots = " /Annots [" + " ".join(f"{r} 0 R" for r in refs) + "]"
            writer.put(page_id, f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 "
                                f"{number(page.width)} {number(page.height)}] /Resources "
                                f"{resources} 0 R /Contents {content_id} 0 R{annots} >>")
        forms = []
        for index, (bbox, content) in enumerate(self.forms, 1):
            box = " ".join(number(v) for v in bbox)
            form = writer.stream(content, f"/Type /XObject /Subtype /Form /BBox [{box}] "
                                          f"/Resources {resources} 0 R /Filter /FlateDecode")
            forms.append(f"/X{index} {form} 0 R")
        font_refs = " ".join(f"/{f.resource} {self._write_font(writer, f)} 0 R"
                             for f in self.fonts.values())
        xobjects = f" /XObject << {' '.join(forms)} >>" if forms else ""
        writer.put(resources, f"<< /Font << {font_refs} >>{xobjects} >>")
        outlines = self._write_outlines(writer, page_ids)
        extra = f" /Outlines {outlines} 0 R /PageMode /UseOutlines" if outlines else ""
        writer.put(catalog, f"<< /Type /Catalog /Pages {pages_id} 0 R{extra} >>")
        now = datetime.now(UTC).strftime("D:%Y%m%d%H%M%SZ")
        info = writer.add(f"<< /Title {pdf_string(self.title)} /Producer "
                          f"{pdf_string('Debate Editor')} /CreationDate ({now}) >>")
        return writer.finish(catalog, info)

    @staticmethod
    def _write_font(writer: _Writer, font: PdfFont) -> int:
        name = f"/{_tag(font.resource)}+{''.join(c for c in font.family if c.isalnum())}"
        if font.style and font.style not in ("Book", "Regular"):
            name += "-" + "".join(c for c in font.style if c.isalnum())
        file_id = writer.stream(zlib.compress(font.subset(), 6), "/Filter /FlateDecode")
        scale = 1000 / font.units
        bbox = " ".join(str(round(v * scale)) for v in font.bbox)
        descriptor = writer.add(
            f"<< /Type /FontDescriptor /FontName {name} /Flags 32 /FontBBox [{bbox}] "
            f"/ItalicAngle 0 /Ascent {round(font.bbox[3] * scale)} /Descent "
            f"{round(font.bbox[1] * scale)} /CapHeight {round(font.bbox[3] * scale * 0.7)} "
            f"/StemV 80 /FontFile2 {file_id} 0 R >>")
        cid = writer.add(
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont {name} /CIDSystemInfo "
            "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {descriptor} 0 R /W {font.widths_array()} "
            "/CIDToGIDMap /Identity >>")
        cmap = writer.stream(zlib.compress(font.to_unicode(), 6), "/Filter /FlateDecode")
        return writer.add(f"<< /Type /Font /Subtype /Type0 /BaseFont {name} /Encoding "
                          f"/Identity-H /DescendantFonts [{cid} 0 R] /ToUnicode {cmap} 0 R >>")

    def _write_outlines(self, writer: _Writer, page_ids: list[int]) -> int | None:
        if not self.bookmarks:
            return None
        root = writer.reserve()
        ids = [writer.reserve() for _ in self.bookmarks]
        parents: list[int] = []
        children: dict[int, list[int]] = {-1: []}
        for index, mark in enumerate(self.bookmarks):
            if mark.level > 0 and parents:
                children[parents[-1]].append(index)
            else:
                children[-1].append(index)
                parents.append(index)
            children.setdefault(index, [])
        for parent, kids in children.items():
            parent_id = root if parent == -1 else ids[parent]
            for position, index in enumerate(kids):
                mark = self.bookmarks[index]
                page = self.pages[mark.page]
                links = ""
                if position > 0:
                    links += f" /Prev {ids[kids[position - 1]]} 0 R"
                if position + 1 < len(kids):
                    links += f" /Next {ids[kids[position + 1]]} 0 R"
                own = children.get(index, [])
                if own:
                    links += (f" /First {ids[own[0]]} 0 R /Last {ids[own[-1]]} 0 R "
                              f"/Count -{len(own)}")
                top = number(page.height - mark.y)
                writer.put(ids[index], f"<< /Title {pdf_string(mark.title)} /Parent "
                                       f"{parent_id} 0 R /Dest [{page_ids[mark.page]} 0 R "
                                       f"/XYZ 0 {top} null]{links} >>")
        top_level = children[-1]
        writer.put(root, f"<< /Type /Outlines /First {ids[top_level[0]]} 0 R /Last "
                         f"{ids[top_level[-1]]} 0 R /Count {len(top_level)} >>")
        return root


def _tag(resource: str) -> str:
    """The six capital letters a subset font's name starts with."""
    digits = int(resource[1:])
    return "".join(chr(ord("A") + (digits // 26**i) % 26) for i in range(6))


class _Writer:
    """Numbered objects and the cross-reference table."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"]
        self.size = len(self.chunks[0])
        self.offsets: dict[int, int] = {}
        self.count = 0

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def _emit(self, number_: int, body: bytes) -> None:
        self.offsets[number_] = self.size
        data = f"{number_} 0 obj\n".encode() + body + b"\nendobj\n"
        self.chunks.append(data)
        self.size += len(data)

    def put(self, number_: int, body: str) -> None:
        self._emit(number_, body.encode("latin-1"))

    def add(self, body: str) -> int:
        number_ = self.reserve()
        self.put(number_, body)
        return number_

    def stream(self, data: bytes, dictionary: str = "") -> int:
        number_ = self.reserve()
        head = f"<< /Length {len(data)} {dictionary} >>\nstream\n".encode("latin-1")
        self._emit(number_, head + data + b"\nendstream")
        return number_

    def finish(self, catalog: int, info: int) -> bytes:
        xref_at = self.size
        lines = [f"xref\n0 {self.count + 1}\n", "0000000000 65535 f \n"]
        lines.extend(f"{self.offsets[i]:010d} 00000 n \n" for i in range(1, self.count + 1))
        lines.append(f"trailer\n<< /Size {self.count + 1} /Root {catalog} 0 R /Info {info} 0 R "
                     f">>\nstartxref\n{xref_at}\n%%EOF\n")
        self.chunks.append("".join(lines).encode("ascii"))
        return b"".join(self.chunks)
