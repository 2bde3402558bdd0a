"""Text on PDF pages: measuring, wrapping and drawing lines in any script.

Most text (Latin, Greek, Cyrillic and their punctuation) is "simple": one glyph per
character, left to right, in the main font. It is encoded with one `str.translate` and
measured from the font's widths, with no call into Qt per line. Anything else (right to
left scripts, combining marks, characters the main font lacks such as CJK) goes through
Qt's `QTextLayout`, which shapes it, orders it and picks fallback fonts; its glyphs are
placed one by one and the line's text is attached as /ActualText, so copying and
searching give the words as typed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QPainterPath, QRawFont, QTextLayout, QTextOption

from debate_editor.render.pdf.document import PdfDocument, number, pdf_string
from debate_editor.render.pdf.fonts import PdfFont
from debate_editor.render.text_fit import paragraphs, utf16_slicer

REFERENCE_PX = 64
"""Size at which complex text is shaped; positions are scaled from it (design metrics)."""
_SIMPLE_BIDI = frozenset({"L", "EN", "ES", "ET", "CS", "ON", "WS"})
_SIMPLE_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Pc", "Pd",
                                "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs"})
_PRESENTATION_FORMS = "".join(chr(c) for c in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)))


@lru_cache(maxsize=256)
def colour(rgb: tuple[float, float, float], stroke: bool = False) -> str:
    op = "RG" if stroke else "rg"
    return f"{number(rgb[0])} {number(rgb[1])} {number(rgb[2])} {op}"


@dataclass(frozen=True)
class Face:
    """A font as text is set in it: the Qt font (for shaping) and its embedded twin."""

    qfont: QFont
    pdf: PdfFont


class Typesetter:
    """Measures, wraps and draws text for one PDF document."""

    def __init__(self, document: PdfDocument, family: str) -> None:
        self.document = document
        self.family = family
        self.regular = self._face(bold=False)
        self.bold = self._face(bold=True)
        self._simple: set[str] = set()
        self._complex: set[str] = set()
        self._ems: dict[bool, dict[str, float]] = {False: {}, True: {}}
        """Word widths in ems, regular and bold."""
        for bold in (False, True):
            self._word_width(" ", 1.0, bold)

    def _face(self, *, bold: bool) -> Face:
        qfont = QFont(self.family)
        qfont.setPixelSize(REFERENCE_PX)
        qfont.setBold(bold)
        qfont.setStyleHint(QFont.StyleHint.SansSerif)
        qfont.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        qfont.setKerning(False)
        return Face(qfont, self.document.font(QRawFont.fromFont(qfont)))

    def face(self, bold: bool) -> Face:
        return self.bold if bold else self.regular

    # ---- which path a text takes -------------------------------------------------------
    def is_simple(self, text: str) -> bool:
        """True when `text` can be encoded character by character in the main fonts."""
        chars = set(text)
        chars.discard("\n")
        unknown = chars - self._simple - self._complex
        if unknown:
            for face in (self.regular, self.bold):
                face.pdf.learn(unknown)
            for char in unknown:
                if self._char_is_simple(char):
                    self._simple.add(char)
                else:
                    self._complex.add(char)
        return chars.isdisjoint(self._complex)

    def _char_is_simple(self, char: str) -> bool:
        if any(char in face.pdf.missing for face in (self.regular, self.bold)):
            return False
        return (unicodedata.category(char) in _SIMPLE_CATEGORIES
                and unicodedata.bidirectional(char) in _SIMPLE_BIDI
                and not unicodedata.combining(char))

    # ---- measuring and wrapping ------------------------------------------------------
    def width(self, text: str, size: float, bold: bool = False) -> float:
        if not text:
            return 0.0
        face = self.face(bold)
        if self.is_simple(text):
            return face.pdf.width(text) * size
        layout = self._layout(text, face)
        return layout.lineAt(0).naturalTextWidth() * size / REFERENCE_PX

    def _word_width(self, word: str, size: float, bold: bool) -> float:
        ems = self._ems[bold]
        found = ems.get(word)
        if found is None:
            self.is_simple(word)  # learns its characters
            found = ems[word] = self.face(bold).pdf.width(word)
        return found * size

    def wrap(self, text: str, size: float, width: float, bold: bool = False,
             first_width: float | None = None, simple: bool | None = None,
             max_lines: int | None = None) -> list[str]:
        """`text` broken into lines no wider than `width` (`first_width` for the first
        line), paragraphs kept; a word longer than a line is broken where it must.
        `simple`: the caller knows whether `is_simple(text)`. `max_lines`: only the
        first lines, from only as much of the text as they can hold (lines are filled greedily,
        so every line but the last of a prefix is a line of the whole)."""
        if max_lines is not None:
            stretch = (max_lines + 2) * int(width / max(size * 0.2, 0.1) + 1) + 64
            while True:
                head = self.wrap(text[:stretch], size, width, bold, first_width, simple)
                if stretch >= len(text) or len(head) > max_lines:
                    return head[:max_lines]
                stretch *= 4  # narrow characters or many line ends: more of the text
        lines: list[str] = []
        for paragraph in paragraphs(text):
            limit = first_width if (first_width is not None and not lines) else width
            paragraph = paragraph.strip()
            if not paragraph:
                if lines:
                    lines.append("")
                continue
            if simple or (simple is None and self.is_simple(paragraph)):
                lines.extend(self._wrap_simple(paragraph, size, width, limit, bold))
            else:
                lines.extend(self._wrap_complex(paragraph, size, width, limit, bold))
        return lines or [""]

    def _wrap_simple(self, paragraph: str, size: float, width: float, first: float,
                     bold: bool) -> list[str]:
        words = paragraph.split()
        ems = self._ems[bold]
        try:
            widths = list(map(ems.__getitem__, words))
        except KeyError:
            for word in words:
                if word not in ems:
                    self.is_simple(word)  # learns its characters
                    ems[word] = self.face(bold).pdf.width(word)
            widths = list(map(ems.__getitem__, words))
        if max(widths) * size > min(first, width):
            return self._wrap_long_words(words, size, width, first, bold)
        space = ems[" "]
        limit = first / size
        lines: list[str] = []
        start = 0
        used = -space
        for index, wide in enumerate(widths):
            if index > start and used + space + wide > limit:
                lines.append(" ".join(words[start:index]))
                start, used, limit = index, wide, width / size
            else:
                used += space + wide
        lines.append(" ".join(words[start:]))
        return lines

    def _wrap_long_words(self, words: list[str], size: float, width: float, first: float,
                         bold: bool) -> list[str]:
        """Greedy filling where some word is longer than a line and must be broken."""
        space = self._word_width(" ", size, bold)
        lines: list[str] = []
        current: list[str] = []
        used = 0.0
        limit = first
        for word in words:
            wide = self._word_width(word, size, bold)
            if current and used + space + wide > limit:
                lines.append(" ".join(current))
                current, used, limit = [], 0.0, width
            if not current and wide > limit:
                pieces = self._break_word(word, size, limit, width, bold)
                lines.extend(pieces[:-1])
                if len(pieces) > 1:
                    limit = width
                word = pieces[-1]
                wide = self._word_width(word, size, bold)
            used = used + space + wide if current else wide
            current.append(word)
        if current:
            lines.append(" ".join(current))
        return lines

    def _break_word(self, word: str, size: float, first: float, width: float,
                    bold: bool) -> list[str]:
        """A word (of the simple scripts) too long for a line, cut where each line is full.

        One pass over its characters, adding up their advances: a word of 5 MB costs
        what its characters cost, not what measuring every prefix of every line would."""
        font = self.face(bold).pdf
        units = font.units
        pieces: list[str] = []
        limit = first
        start = 0
        run = 0  # the advance of word[start:end], in font units
        for end, advance in enumerate(font.char_advances(word), 1):
            run += advance
            if end - start > 1 and run / units * size > limit:
                pieces.append(word[start : end - 1])
                start, limit, run = end - 1, width, advance
        pieces.append(word[start:])
        return pieces

    def _wrap_complex(self, paragraph: str, size: float, width: float, first: float,
                      bold: bool) -> list[str]:
        layout = QTextLayout(paragraph, self.face(bold).qfont)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        lines: list[str] = []
        scale = REFERENCE_PX / size
        limit = first
        piece = utf16_slicer(paragraph)
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(limit * scale, 1.0))
            limit = width
            lines.append(piece(line.textStart(), line.textLength()).strip())
        layout.endLayout()
        return lines

    def _layout(self, text: str, face: Face) -> QTextLayout:
        layout = QTextLayout(text, face.qfont)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e9)
        layout.endLayout()
        return layout

    # ---- drawing ---------------------------------------------------------------------
    def line(self, x: float, baseline: float, text: str, size: float, bold: bool = False,
             rgb: tuple[float, float, float] = (0, 0, 0)) -> str:
        """PDF operators drawing one line of text with its baseline's left end at (x, y)."""
        if not text:
            return ""
        face = self.face(bold)
        if self.is_simple(text):
            return (f"BT {colour(rgb)} /{face.pdf.resource} {size:.2f} Tf 1 0 0 -1 "
                    f"{x:.2f} {baseline:.2f} Tm ({face.pdf.encode(text)}) Tj ET")
        return self._complex_line(x, baseline, text, size, face, rgb)

    def lines(self, x: float, first_baseline: float, step: float, texts: list[str],
              size: float, bold: bool = False,
              rgb: tuple[float, float, float] = (0, 0, 0)) -> str:
        """Several lines, `step` apart, in one text object: the common case on cards and
        in the outline, encoded with one `translate` for all of them."""
        face = self.face(bold)
        pdf = face.pdf
        later: list[str] = []
        if not self.is_simple("\n".join(texts)):
            simple = []
            for index, text in enumerate(texts):
                if text and not self.is_simple(text):
                    later.append(self._complex_line(x, first_baseline + index * step, text,
                                                    size, face, rgb))
                    text = ""
                simple.append(text)
            texts = simple
        body = pdf.encode("\n".join(texts))
        head = (f"BT {colour(rgb)} /{pdf.resource} {size:.2f} Tf {step:.2f} TL "
                f"1 0 0 -1 {x:.2f} {first_baseline:.2f} Tm ")
        return "\n".join([f"{head}({body}) Tj ET", *later])

    def labels(self, items: list[tuple[float, float, str]], size: float,
               rgb: tuple[float, float, float] = (0, 0, 0)) -> str:
        """Short simple texts at their own places (baseline left ends), one text object."""
        pdf = self.regular.pdf
        parts = [f"BT {colour(rgb)} /{pdf.resource} {size:.2f} Tf"]
        for x, y, text in items:
            if self.is_simple(text):
                parts.append(f"1 0 0 -1 {x:.2f} {y:.2f} Tm ({pdf.encode(text)}) Tj")
        parts.append("ET")
        return " ".join(parts)

    def _complex_line(self, x: float, baseline: float, text: str, size: float, face: Face,
                      rgb: tuple[float, float, float]) -> str:
        layout = self._layout(text, face)
        ascent = layout.lineAt(0).ascent()
        scale = size / REFERENCE_PX
        ops = [f"/Span << /ActualText {pdf_string(text)} >> BDC", colour(rgb)]
        text_ops: list[str] = []
        for run in layout.glyphRuns():
            raw = run.rawFont()
            gids = run.glyphIndexes()
            positions = run.positions()
            if not raw.fontTable("head"):
                # No font on the system has these characters: Qt's stand-in has no name
                # (asking for it crashed) and no outlines. Empty boxes, as on screen; the
                # text itself is the span's /ActualText, for copying and searching.
                ops.append(_missing_glyphs(positions, x, baseline, scale, size))
                # Readers put /ActualText where the span draws text: invisible letters
                # (render mode 3) over the boxes give them that place.
                pdf = face.pdf
                text_ops.append(f"/{pdf.resource} {number(size)} Tf 3 Tr")
                text_ops.extend(
                    f"1 0 0 -1 {number(x + point.x() * scale)} {number(baseline)} Tm "
                    f"({pdf.encode('x')}) Tj" for point in positions)
                text_ops.append("0 Tr")
                continue
            font = self.document.font(raw)
            if not font.outlines:
                ops.append(_glyph_paths(raw, gids, positions, x, baseline - ascent * scale,
                                        scale))
                continue
            font.learn(_PRESENTATION_FORMS)
            font.use_glyphs(gids)
            text_ops.append(f"/{font.resource} {number(size)} Tf")
            placed = list(zip(gids, positions, strict=True))
            if run.isRightToLeft():  # in reading order, so copied text reads right
                placed.reverse()
            for gid, point in placed:
                gx = x + point.x() * scale
                gy = baseline + (point.y() - ascent) * scale
                text_ops.append(f"1 0 0 -1 {number(gx)} {number(gy)} Tm <{gid:04x}> Tj")
        if text_ops:
            ops.append("BT " + " ".join(text_ops) + " ET")
        ops.append("EMC")
        return "\n".join(ops)


def _missing_glyphs(positions: list[QPointF], x: float, baseline: float, scale: float,
                    size: float) -> str:
    """An empty box for each glyph no font has, on the baseline, as Qt draws them."""
    ops = ["0.6 w"]
    for point in positions:
        left = x + point.x() * scale
        ops.append(f"{number(left + size * 0.05)} {number(baseline - size * 0.7)} "
                   f"{number(size * 0.5)} {number(size * 0.7)} re S")
    return "\n".join(ops)


def _glyph_paths(raw: QRawFont, gids: list[int], positions: list[QPointF], x: float,
                 top: float, scale: float) -> str:
    """Glyphs of a font that cannot be embedded here (CFF outlines), as filled shapes."""
    ops: list[str] = []
    for gid, point in zip(gids, positions, strict=True):
        path: QPainterPath = raw.pathForGlyph(gid)
        ops.append(path_ops(path, x + point.x() * scale, top + point.y() * scale, scale))
        ops.append("f")
    return "\n".join(ops)


def path_ops(path: QPainterPath, dx: float, dy: float, scale: float) -> str:
    """A QPainterPath as PDF path operators, moved by (dx, dy) and scaled."""
    out: list[str] = []
    i = 0
    count = path.elementCount()
    while i < count:
        element = path.elementAt(i)
        px, py = number(dx + element.x * scale), number(dy + element.y * scale)
        if element.isMoveTo():
            out.append(f"{px} {py} m")
            i += 1
        elif element.isLineTo():
            out.append(f"{px} {py} l")
            i += 1
        else:  # a curve: this element and the next two
            c1, c2 = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"{px} {py} {number(dx + c1.x * scale)} {number(dy + c1.y * scale)} "
                       f"{number(dx + c2.x * scale)} {number(dy + c2.y * scale)} c")
            i += 3
    return " ".join(out)
