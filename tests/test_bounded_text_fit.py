"""Fitting huge text costs what is drawn (README, "What we guarantee"): a card shows a
few lines of a claim of millions of characters, the PDF's first page 30 lines of such a
description, and neither lays out or measures more than a bounded start of the text. The
lines are the ones the whole text would give. Structural, not timed: we record how much
text reaches Qt's layout and the word measurer."""

from __future__ import annotations

import pytest

from debate_editor.domain import Claim
from debate_editor.render import card_style, text_fit
from debate_editor.render.card_style import card_face
from debate_editor.render.pdf.document import PdfDocument
from debate_editor.render.pdf.text import Typesetter

HUGE = 2_000_000


@pytest.fixture
def laid_out(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Lengths of the texts given to Qt's layout and of the words measured one by one."""
    seen: list[int] = []
    layout, word = text_fit._layout, card_style._Measure._word

    def recording_layout(text: str, *args: object) -> list[str]:
        seen.append(len(text))
        return layout(text, *args)  # type: ignore[arg-type]

    def recording_word(self: card_style._Measure, text: str) -> object:
        seen.append(len(text))
        return word(self, text)

    monkeypatch.setattr(text_fit, "_layout", recording_layout)
    monkeypatch.setattr(card_style._Measure, "_word", recording_word)
    return seen


@pytest.mark.parametrize("text", ["x" * HUGE, "word " * (HUGE // 5), "长" * HUGE])
def test_a_card_of_a_huge_claim_fits_only_its_start(qapp: object, laid_out: list[int],
                                                   text: str) -> None:
    face = card_face(Claim(id="c1", text=text))
    assert face.elided and 1 < len(face.lines) <= card_style.MAX_LINES
    assert max(laid_out) < 50_000
    small = card_face(Claim(id="c1", text=text[:20_000]))
    assert [line.text for line in small.lines] == [line.text for line in face.lines]


@pytest.mark.parametrize("text", ["x" * HUGE, "word " * (HUGE // 5)])
def test_the_first_page_wraps_only_the_lines_it_shows(qapp: object, text: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    setter = Typesetter(PdfDocument("Huge"), card_style.FONT_FAMILY)
    seen: list[int] = []
    wrap_simple = setter._wrap_simple

    def recording(paragraph: str, *args: object) -> list[str]:
        seen.append(len(paragraph))
        return wrap_simple(paragraph, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(setter, "_wrap_simple", recording)
    lines = setter.wrap(text, 10.5, 500, max_lines=30)
    assert len(lines) == 30
    assert max(seen) < 50_000
    assert lines == setter.wrap(text[:60_000], 10.5, 500)[:30]
