"""A 100,000-character claim is laid out only as far as it can be seen.

A card shows 16 lines, an outline row 3, a slide what its height holds; laying out the
other thousands of lines froze the window for seconds at every paint (about 1 s a card
and 1 s an outline row for 100,000 characters without a space, measured before the fix;
`tests/benchmarks/bench_hostile.py` prints the figures now). These tests count the lines
Qt is asked to lay out, so they do not depend on the machine's speed.
"""

from __future__ import annotations

import math
import re

import pytest
from hostile_text import LONG_RUN, LONG_WORDS
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFontMetricsF, QTextLayout

from debate_editor.domain.model import ClaimKind
from debate_editor.render import card_style, text_fit
from debate_editor.render.slide import SlideCard, SlideContent, layout_slide


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class CountingLayout(QTextLayout):
    """QTextLayout that counts the lines it is asked for."""

    lines = 0

    def createLine(self):  # type: ignore[no-untyped-def]  # noqa: N802 - Qt's name
        CountingLayout.lines += 1
        return super().createLine()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[CountingLayout]:
    monkeypatch.setattr(text_fit, "QTextLayout", CountingLayout)  # the cards' too
    CountingLayout.lines = 0
    card_style._face.cache_clear()
    yield CountingLayout
    card_style._face.cache_clear()


@pytest.mark.parametrize("text", [LONG_RUN, LONG_WORDS + " " + LONG_RUN,
                                  "line\n" * 50_000], ids=["run", "words", "lines"])
def test_a_card_lays_out_only_the_lines_it_shows(qapp, counted, text: str) -> None:  # type: ignore[no-untyped-def]
    face = card_style._face(ClaimKind.CLAIM, "", text)
    assert face.elided and len(face.lines) == card_style.MAX_LINES
    assert face.lines[-1].text.endswith("…")
    assert counted.lines <= 2 * (card_style.MAX_LINES + 1)


@pytest.mark.parametrize("text", [LONG_RUN, LONG_WORDS, "line\n" * 50_000])
def test_an_outline_row_lays_out_only_its_three_lines(qapp, counted, text: str) -> None:  # type: ignore[no-untyped-def]
    lines, cut = text_fit.clipped_lines(text, card_style.body_font(), 200.0, 3)
    assert cut and len(lines) == 3 and lines[-1].endswith("…")
    assert counted.lines <= 2 * (3 + 1)  # a paragraph ends with one line too many


def test_a_slide_shows_what_its_height_holds_of_a_huge_claim(qapp, counted) -> None:  # type: ignore[no-untyped-def]
    content = SlideContent("Title", "1 / 1", LONG_RUN, ClaimKind.THESIS, note="note " + LONG_WORDS,
                           pros=(SlideCard(LONG_WORDS, "+"),), cons=(SlideCard("short", "−"),))
    layout = layout_slide(content, 1920, 1080)
    texts = {t.block.lines[0][:4]: t for t in layout.texts if t.block.lines}
    head, note, pro = texts["xxxx"], texts["note"], texts["FOR "]
    assert head.block.lines[-1].endswith("…") and note.block.lines[-1].endswith("…")
    # The claim, its note and its reasons all stay on the screen, each cut to its share.
    for placed in layout.texts:
        assert placed.y >= 0 and placed.y + placed.block.height <= 1080, placed.block.lines[0]
    assert pro.y > head.y + head.block.height
    assert ["short"] in [list(t.block.lines) for t in layout.texts]
    # Every attempt at a smaller type laid out at most a screenful of each text.
    tries = round(math.log(layout.scale) / math.log(0.92)) + 2
    assert counted.lines <= tries * 5 * 2 * (1080 // 8 + 2)


# ---- lines are cut where Qt cuts them, whatever the characters ----------------------------

PIECES = ["word", "longer-word", " ", " ", "  ", "👩\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "👍🏽",
          "🇪🇺", "1️⃣", "𝔘𝔫𝔦", "שלום", "مرحبا", "e\u0301", "क्ष", "\u200b", "\u202e", "\u202c",
          "中文字", "\t", "x" * 30]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXTS, width=st.floats(80, 320))
def test_wrapped_lines_hold_the_text_and_fit_the_width(qapp, text: str, width: float) -> None:  # type: ignore[no-untyped-def]
    """Qt counts a line's start and length in UTF-16 units, Python in characters: an
    emoji (two units) made lines overflow the card, or split words in the wrong place."""
    qfont = card_style.body_font()
    metrics = QFontMetricsF(qfont)
    for lines in (text_fit.wrap_lines(text, qfont, width), card_style._wrap(text, qfont, width),
                  text_fit.wrap_lines(text, qfont, width, limit=3)):
        joined = "".join(lines)
        assert squash(text).startswith(squash(joined))
        for line in lines:
            # A word of a joining script cut in two is a little wider drawn alone than
            # it was measured in the paragraph (its letters change form); nothing more.
            assert metrics.horizontalAdvance(line) <= 1.1 * width + 1, (line, width)
    assert squash("".join(text_fit.wrap_lines(text, qfont, width))) == squash(text)


@pytest.mark.parametrize("ends", ["\r\n", "\r", "\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_every_line_end_starts_a_new_line(qapp, ends: str) -> None:  # type: ignore[no-untyped-def]
    text = ends.join(["one", "two", "three"])
    qfont = card_style.body_font()
    assert card_style._wrap(text, qfont, 200.0) == ["one", "two", "three"]
    assert text_fit.wrap_lines(text, qfont, 200.0) == ["one", "two", "three"]
