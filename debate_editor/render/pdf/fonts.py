"""Fonts inside a PDF: glyph ids, widths, and a subset of the font file.

A `PdfFont` wraps one `QRawFont` (the fonts Qt picked for the text, fallbacks
included). Text in the simple scripts is encoded straight to glyph ids with one
`str.translate` per line, which is what makes a 10,000-claim PDF quick; widths come
from the font's own `hmtx` table, so a line measured here is exactly as wide as a PDF
reader draws it. Only the glyphs used are kept: the `glyf` table is rebuilt with the
other outlines left empty (glyph ids do not change, so no `cmap` has to be rewritten).
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator

from PySide6.QtGui import QRawFont

_KEPT_TABLES = (b"head", b"hhea", b"maxp", b"hmtx", b"loca", b"glyf", b"cvt ", b"fpgm",
                b"prep")
# Composite glyph flags (OpenType `glyf`).
_ARGS_ARE_WORDS = 0x0001
_HAVE_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_HAVE_XY_SCALE = 0x0040
_HAVE_TWO_BY_TWO = 0x0080


_ESCAPES = {ord("("): "\\(", ord(")"): "\\)", ord("\\"): "\\\\", 10: "\\n", 13: "\\r"}
NEXT_LINE = ") Tj T* ("
"""What a line break inside encoded text becomes: show, move to the next line, go on."""


def _byte(value: int) -> str:
    """One byte inside a PDF literal string."""
    return _ESCAPES.get(value, chr(value))


def _table(raw: QRawFont, tag: bytes) -> bytes:
    return bytes(raw.fontTable(tag.decode("latin-1")).data())


class PdfFont:
    """One embedded font: what a line costs to encode and measure, and its subset."""

    def __init__(self, raw: QRawFont, resource: str) -> None:
        self.raw = raw
        self.resource = resource
        """The name the page content uses for it (F1, F2, …)."""
        self.family = raw.familyName()
        self.style = raw.styleName()
        head = _table(raw, b"head")
        self.glyf = _table(raw, b"glyf")
        self.outlines = bool(self.glyf) and len(head) >= 54
        """False for a font without TrueType outlines (CFF): its glyphs are drawn as
        paths instead of being embedded."""
        self.units = struct.unpack(">H", head[18:20])[0] if len(head) >= 20 else 1000
        self.bbox = struct.unpack(">4h", head[36:44]) if len(head) >= 44 else (0, -200, 1000, 900)
        self._long_loca = len(head) >= 52 and struct.unpack(">h", head[50:52])[0] == 1
        maxp = _table(raw, b"maxp")
        self.glyph_count = struct.unpack(">H", maxp[4:6])[0] if len(maxp) >= 6 else 0
        self.advances = self._read_advances(raw)
        self.used_chars: set[str] = set()
        self.used_glyphs: set[int] = {0}
        self.unicode: dict[int, str] = {}
        """Glyph id → the text it stands for (the PDF's ToUnicode map)."""
        self._code: dict[int, str] = {10: NEXT_LINE}
        """Character → its glyph id as two bytes of a PDF literal string (for
        str.translate); a line break ends the string and moves to the next line."""
        self._gid: dict[str, int] = {}
        self._width: dict[int, int] = {}
        """Character → its advance in font units."""
        self.missing: set[str] = set()
        """Characters this font has no glyph for."""

    def _read_advances(self, raw: QRawFont) -> list[int]:
        hhea = _table(raw, b"hhea")
        hmtx = _table(raw, b"hmtx")
        if len(hhea) < 36 or not hmtx:
            return []
        count = struct.unpack(">H", hhea[34:36])[0]
        count = min(count, len(hmtx) // 4)
        advances = list(struct.unpack_from(">" + "Hh" * count, hmtx)[0::2])
        if self.glyph_count > count:
            advances.extend([advances[-1]] * (self.glyph_count - count))
        return advances

    # ---- characters ------------------------------------------------------------------
    def learn(self, chars: Iterable[str]) -> None:
        """Look up glyph ids for characters not seen yet (one call into Qt for all)."""
        new = [c for c in chars if ord(c) not in self._code and c not in self.missing
               and c != "\n"]
        if not new:
            return
        gids = self.raw.glyphIndexesForString("".join(new))
        if len(gids) != len(new):  # surrogate pairs: one at a time
            gids = [self._one_gid(c) for c in new]
        for char, gid in zip(new, gids, strict=True):
            if gid == 0:
                self.missing.add(char)
                continue
            self._code[ord(char)] = _byte(gid >> 8) + _byte(gid & 0xFF)
            self._gid[char] = gid
            self._width[ord(char)] = self.advance(gid)
            self.unicode.setdefault(gid, char)

    def _one_gid(self, char: str) -> int:
        found = self.raw.glyphIndexesForString(char)
        return found[0] if len(found) == 1 else 0

    def covers(self, text: str) -> bool:
        self.learn(set(text))
        return not (self.missing and not self.missing.isdisjoint(text))

    def advance(self, gid: int) -> int:
        return self.advances[gid] if gid < len(self.advances) else self.units // 2

    def encode(self, text: str) -> str:
        """`text` as the inside of a PDF literal string of glyph ids (every character
        must be covered); each line break becomes `NEXT_LINE`."""
        self.used_chars.update(text)
        return text.translate(self._code)

    def width(self, text: str) -> float:
        """Advance of `text` in ems (no kerning: exactly what the PDF draws)."""
        return sum(map(self._width.__getitem__, map(ord, text))) / self.units

    def char_advances(self, text: str) -> Iterator[int]:
        """Each character's advance in font units (`width` is their sum over `units`)."""
        return map(self._width.__getitem__, map(ord, text))

    @property
    def used(self) -> set[int]:
        return self.used_glyphs | {self._gid[c] for c in self.used_chars if c in self._gid}

    def use_glyphs(self, gids: Iterable[int], text: str = "") -> None:
        """Glyphs placed by Qt's shaping (complex scripts); `text` maps single glyphs back."""
        gids = list(gids)
        self.used_glyphs.update(gids)
        if len(gids) == 1 and len(text) == 1:
            self.unicode.setdefault(gids[0], text)

    # ---- the embedded file ---------------------------------------------------------------
    def subset(self) -> bytes:
        """The font file with only the used glyphs' outlines (same glyph ids)."""
        keep = self._with_components(self.used)
        loca = _table(self.raw, b"loca")
        fmt = f">{self.glyph_count + 1}{'I' if self._long_loca else 'H'}"
        offsets = list(struct.unpack_from(fmt, loca))
        if not self._long_loca:
            offsets = [o * 2 for o in offsets]
        glyf = bytearray()
        new_offsets = [0]
        for gid in range(self.glyph_count):
            if gid in keep:
                data = self.glyf[offsets[gid] : offsets[gid + 1]]
                glyf += data + b"\0" * (-len(data) % 4)
            new_offsets.append(len(glyf))
        tables = {tag: _table(self.raw, tag) for tag in _KEPT_TABLES}
        head = bytearray(tables[b"head"])
        head[8:12] = b"\0\0\0\0"  # checkSumAdjustment: not needed inside a PDF
        head[50:52] = struct.pack(">h", 1)  # long loca
        tables[b"head"] = bytes(head)
        tables[b"glyf"] = bytes(glyf)
        tables[b"loca"] = struct.pack(f">{len(new_offsets)}I", *new_offsets)
        return _sfnt({tag: data for tag, data in tables.items() if data})

    def _with_components(self, gids: Iterable[int]) -> set[int]:
        """The glyphs and every glyph a composite glyph among them is built from."""
        loca = _table(self.raw, b"loca")
        count = self.glyph_count + 1
        offsets = struct.unpack_from(f">{count}I" if self._long_loca else f">{count}H", loca)
        scale = 1 if self._long_loca else 2
        keep: set[int] = set()
        pending = [g for g in gids if 0 <= g < self.glyph_count]
        while pending:
            gid = pending.pop()
            if gid in keep:
                continue
            keep.add(gid)
            start, end = offsets[gid] * scale, offsets[gid + 1] * scale
            if end - start < 10 or struct.unpack_from(">h", self.glyf, start)[0] >= 0:
                continue
            at = start + 10
            while True:
                flags, component = struct.unpack_from(">HH", self.glyf, at)
                pending.append(component)
                at += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
                if flags & _HAVE_SCALE:
                    at += 2
                elif flags & _HAVE_XY_SCALE:
                    at += 4
                elif flags & _HAVE_TWO_BY_TWO:
                    at += 8
                if not flags & _MORE_COMPONENTS:
                    break
        return keep

    def widths_array(self) -> str:
        """The CID font's /W array: runs of consecutive used glyphs and their widths."""
        parts: list[str] = []
        run: list[int] = []
        for gid in sorted(self.used):
            if run and gid != run[-1] + 1:
                parts.append(self._run(run))
                run = []
            run.append(gid)
        if run:
            parts.append(self._run(run))
        return "[" + " ".join(parts) + "]"

    def _run(self, gids: list[int]) -> str:
        scale = 1000 / self.units
        widths = " ".join(str(round(self.advance(g) * scale)) for g in gids)
        return f"{gids[0]} [{widths}]"

    def to_unicode(self) -> bytes:
        """A CMap from glyph ids back to text, so the PDF's text can be copied and searched."""
        used = self.used
        entries = sorted((g, t) for g, t in self.unicode.items() if g in used)
        lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                 "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                 "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        for start in range(0, len(entries), 100):
            chunk = entries[start : start + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            lines.extend(f"<{g:04X}> <{t.encode('utf-16-be').hex().upper()}>" for g, t in chunk)
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines).encode("ascii")


def _checksum(data: bytes) -> int:
    padded = data + b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF


def _sfnt(tables: dict[bytes, bytes]) -> bytes:
    """A TrueType file from its tables."""
    tags = sorted(tables)
    count = len(tags)
    power = 1
    while power * 2 <= count:
        power *= 2
    header = struct.pack(">IHHHH", 0x00010000, count, power * 16, power.bit_length() - 1,
                         count * 16 - power * 16)
    offset = 12 + 16 * count
    directory = b""
    body = b""
    for tag in tags:
        data = tables[tag]
        directory += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return header + directory + body
