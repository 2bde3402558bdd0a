"""Line breaking for plain words without a text layout per card, as Qt would break them.

Measuring 10,000 cards with a `QTextLayout` each took most of a big export's time.
Most claims are plain words in Latin, Greek or Cyrillic letters with ordinary
punctuation, where Qt's line breaking (Unicode UAX #14) can break only after the
spaces between words. For such a paragraph `simple_wrap` fills lines greedily from
cached word widths, with Qt's own fit test (a line may not be wider than the width
plus the overhang of its last glyph), and gives exactly the lines `QTextLayout` gives;
`tests/test_text_wrap.py` compares the two. Anything else returns None, and the caller
lays it out with Qt.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PySide6.QtGui import QFont, QFontMetricsF

_PUNCTUATION = frozenset(".,;:!?%)’”'\"")
"""Allowed inside or at the end of a word: none of them makes a break opportunity there
nor takes one away after the following space."""
_LETTER_RANGES = ((0x30, 0x39), (0x41, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF),
                  (0x1E00, 0x1FFF))


@lru_cache(maxsize=4096)
def _plain_letter(char: str) -> bool:
    code = ord(char)
    if not any(low <= code <= high for low, high in _LETTER_RANGES):
        return False
    category = unicodedata.category(char)
    return category in ("Lu", "Ll", "Lt", "Nd") and unicodedata.combining(char) == 0


class _Measure:
    """Cached word widths in one font: advance plus the overhang of the last glyph (Qt's
    fit test counts it), and which words are plain."""

    def __init__(self, qfont: QFont) -> None:
        self.metrics = QFontMetricsF(qfont)
        self.space = self.metrics.horizontalAdvance(" ")
        self.advance: dict[str, float] = {}
        self.reach: dict[str, float] = {}
        """Advance plus overhang."""
        self.plain: set[str] = set()
        self.not_plain: set[str] = set()

    def learn(self, words: list[str]) -> bool:
        """Measure new words; False if one of them is not plain."""
        for word in words:
            if word in self.plain:
                continue
            if word in self.not_plain or not _is_plain(word):
                self.not_plain.add(word)
                return False
            self.plain.add(word)
            metrics = self.metrics
            self.advance[word] = metrics.horizontalAdvance(word)
            self.reach[word] = self.advance[word] + max(0.0, -metrics.rightBearing(word[-1]))
        return True


def _is_plain(word: str) -> bool:
    if not word:
        return False
    first = word[1] if word[0] == "(" and len(word) > 1 else word[0]
    return _plain_letter(first) and all(
        _plain_letter(c) or c in _PUNCTUATION or (c == "(" and i == 0)
        for i, c in enumerate(word))


_MEASURES: dict[int, tuple[QFont, _Measure]] = {}
_BY_KEY: dict[str, _Measure] = {}


def _measure(qfont: QFont) -> _Measure:
    # By object first (card fonts are made once), then by the font's description; the
    # font is kept so that its id cannot be reused by another object.
    found = _MEASURES.get(id(qfont))
    if found is not None and found[0] is qfont:
        return found[1]
    key = qfont.key()
    measure = _BY_KEY.get(key)
    if measure is None:
        measure = _BY_KEY[key] = _Measure(qfont)
    if len(_MEASURES) < 64:
        _MEASURES[id(qfont)] = (qfont, measure)
    return measure


def simple_wrap(paragraph: str, qfont: QFont, width: float) -> list[str] | None:
    """The lines QTextLayout would make of `paragraph` at `width` (word boundaries,
    trailing spaces dropped), or None when the paragraph is not plain words."""
    if not paragraph or paragraph[0] == " " or paragraph[-1] == " " or "  " in paragraph:
        return None
    measure = _measure(qfont)
    words = paragraph.split(" ")
    if not measure.plain.issuperset(words) and not measure.learn(words):
        return None
    reach = list(map(measure.reach.__getitem__, words))
    if max(reach) > width:
        return None  # Qt would break inside a word
    advance = measure.advance
    space = measure.space
    lines: list[str] = []
    start = 0
    used = -space
    for index, word in enumerate(words):
        if index > start and used + space + reach[index] > width:
            lines.append(" ".join(words[start:index]))
            start, used = index, advance[word]
        else:
            used += space + advance[word]
    lines.append(" ".join(words[start:]))
    return lines
