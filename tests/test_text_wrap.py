"""The quick line breaking gives exactly the lines Qt's text layout gives, or steps aside."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from debate_editor.render.card_style import BAND, CARD_WIDTH, PADDING, body_font, title_font
from debate_editor.render.text_wrap import simple_wrap

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
import generate

INNER = CARD_WIDTH - 2 * PADDING - BAND
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éèüößçñÆøåłžĳ" \
          "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΩάέήίόύώϊ" "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЖЯЁё"
ENDINGS = ["", "", "", ".", ",", ";", ":", "!", "?", "’s", "”", "%", ")"]


def qt_lines(paragraph: str, qfont: QFont, width: float) -> list[str]:
    """What card_style's Qt path makes of a paragraph (the reference)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(paragraph, qfont)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(paragraph[line.textStart(): line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    return lines


words = st.builds(lambda opening, core, ending: opening + core + ending,
                  st.sampled_from(["", "", "", "("]),
                  st.text(alphabet=LETTERS, min_size=1, max_size=14),
                  st.sampled_from(ENDINGS))


@settings(max_examples=400, deadline=None)
@given(st.lists(words, min_size=1, max_size=40), st.floats(min_value=40, max_value=420),
       st.booleans())
def test_plain_words_break_where_qt_breaks_them(qapp, parts, width, bold) -> None:  # type: ignore[no-untyped-def]
    paragraph = " ".join(parts)
    qfont = title_font() if bold else body_font()
    quick = simple_wrap(paragraph, qfont, width)
    if quick is not None:
        assert quick == qt_lines(paragraph, qfont, width)


def test_generated_claims_take_the_quick_way_and_match(qapp) -> None:  # type: ignore[no-untyped-def]
    debate = generate.generate(1500, seed=7)
    quick_count = 0
    for claim in debate.claims:
        for qfont in (body_font(), title_font()):
            quick = simple_wrap(claim.text, qfont, INNER)
            assert quick is not None
            quick_count += 1
            assert quick == qt_lines(claim.text, qfont, INNER), claim.text
    assert quick_count == 3000


def test_text_that_needs_qt_is_left_to_it(qapp) -> None:  # type: ignore[no-untyped-def]
    for text in ("well-known facts", "safety/alignment", "a  double space", " leading",
                 "“quoted” start", "Arabic: مرحبا بالعالم", "中文没有空格", "x" * 80,
                 "e\u0301 combining"):
        assert simple_wrap(text, body_font(), INNER) is None, text
