"""The outline pages of a PDF: every claim as selectable text, in reading order.

The same structure as the Markdown export: each thesis as a numbered heading with its
note, its reasons as bullets ("Pro", "Concession"), its objections numbered ("Con",
"Undercut" for an objection to the arrow that brought a reason), each nested under
what it answers. A claim met again under a second parent is named with "(see above)".
A co-premise group is one item naming its premises in order ("Pro: A, and B").
With labels (`--status`), a line under the heading explains them, each thesis says
"This claim stands." (or "is defeated", "is undecided") under its text, and each answer
carries its word in its label: "Con (defeated):" (README, "Which claims stand").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Claim, ClaimKind, Link, LinkKind
from debate_editor.domain.status_labels import LEGEND, SENTENCE, WORD, Label
from debate_editor.formats._common import together
from debate_editor.render.pdf.document import PdfDocument
from debate_editor.render.pdf.text import Typesetter, colour

BODY_PT = 9.5
STEP_PT = 12.5
HEADING_PT = 12.0
INDENT_PT = 14.0
MAX_INDENT_LEVELS = 12
MARKER_PT = 16.0
MUTED = (0.35, 0.37, 0.4)
TEXT = (0.11, 0.11, 0.12)


@dataclass(frozen=True)
class _Item:
    link: Link
    depth: int
    marker: str


class OutlineWriter:
    """Lays the outline out over as many portrait pages as it needs."""

    def __init__(self, document: PdfDocument, typesetter: Typesetter, graph: DebateGraph,
                 page: tuple[float, float], margin: float,
                 labels: Mapping[str, Label] | None = None) -> None:
        self.document = document
        self.labels = labels
        self.text = typesetter
        self.graph = graph
        self.page_w, self.page_h = page
        self.margin = margin
        self.ops: list[str] = []
        self.y = margin
        self.page_number = len(document.pages)
        self.seen: set[str] = set()
        self._heads: dict[tuple[str, str, tuple[float, float, float]], str] = {}
        self._label_widths: dict[str, float] = {}

    # ---- pages --------------------------------------------------------------------
    def _room(self, height: float) -> None:
        if self.y + height > self.page_h - self.margin - 14:
            self._finish_page()

    def _finish_page(self) -> None:
        footer = f"{len(self.document.pages) + 1}"
        width = self.text.width(footer, 8)
        self.ops.append(self.text.line((self.page_w - width) / 2, self.page_h - self.margin / 2,
                                       footer, 8, rgb=MUTED))
        self.document.add_page(self.page_w, self.page_h, self.ops)
        self.ops = []
        self.y = self.margin

    # ---- writing ------------------------------------------------------------------
    def write(self, progress: Callable[[float], None]) -> None:
        self._room(40)
        self.ops.append(self.text.line(self.margin, self.y + 14, "Outline", 16, bold=True))
        self.document.bookmark("Outline", len(self.document.pages), self.y)
        self.y += 30
        if self.labels is not None:
            legend = self.text.wrap(LEGEND, BODY_PT, self.page_w - 2 * self.margin)
            self._lines(self.margin, legend, BODY_PT, STEP_PT, rgb=MUTED)
            self.y += 6
        total = max(1, len(self.graph.claims))
        number = 0
        for claim in self.graph.reading_order():
            if claim.id in self.seen:
                continue
            number += 1
            self._root(number, claim)
            progress(len(self.seen) / total)
        if self.ops:
            self._finish_page()

    def _root(self, number: int, claim: Claim) -> None:
        width = self.page_w - 2 * self.margin
        label = f"{number}."
        label_w = self.text.width(label + " ", HEADING_PT, True)
        lines = self.text.wrap(claim.text, HEADING_PT, width - label_w, bold=True)
        step = HEADING_PT * 1.3
        self._room(step * min(len(lines), 3) + 8)
        self.y += 8
        self.document.bookmark(_short(claim.text), len(self.document.pages), self.y - 4,
                               level=1)
        self.ops.append(self.text.line(self.margin, self.y + HEADING_PT, label, HEADING_PT,
                                       bold=True))
        self._lines(self.margin + label_w, lines, HEADING_PT, step, bold=True)
        if claim.note.strip():
            note = self.text.wrap(claim.note, BODY_PT, width - label_w)
            self.y += 2
            self._lines(self.margin + label_w, note, BODY_PT, STEP_PT, rgb=MUTED)
        if self.labels is not None:
            self.y += 2
            self._lines(self.margin + label_w, [SENTENCE[self.labels[claim.id]]], BODY_PT,
                        STEP_PT, rgb=MUTED)
        self.y += 4
        self._answers(claim.id, 1, None)

    def _answers(self, claim_id: str, depth: int, arrow: Link | None) -> None:
        """Everything under a claim, depth first, without recursion (chains may be long).
        A co-premise group is one item, followed by the answers of each premise not met
        before."""
        self.seen.add(claim_id)
        stack = list(reversed(self._items((claim_id,), depth, arrow)))
        while stack:
            item = stack.pop()
            fresh = tuple(s for s in item.link.sources if s not in self.seen)
            self._item(item, self.graph.claims[item.link.source], not fresh)
            if fresh:
                self.seen.update(fresh)
                stack.extend(reversed(self._items(fresh, item.depth + 1, item.link)))

    def _items(self, claim_ids: tuple[str, ...], depth: int, arrow: Link | None) -> list[_Item]:
        incoming = [link for claim_id in claim_ids for link in self.graph.incoming(claim_id)]
        pros = [link for link in incoming if link.kind is LinkKind.SUPPORT]
        cons = [link for link in incoming if link.kind is LinkKind.OBJECTION]
        if arrow is not None:
            cons += self.graph.incoming(arrow.id)
        return ([_Item(link, depth, "•") for link in pros]
                + [_Item(link, depth, f"{n}.") for n, link in enumerate(cons, 1)])

    def _item(self, item: _Item, claim: Claim, again: bool) -> None:
        indent = INDENT_PT * (min(item.depth, MAX_INDENT_LEVELS) - 1)
        left = self.margin + indent
        width = self.page_w - self.margin - left - MARKER_PT
        label = _label(item.link, claim)
        group = item.link.is_group
        if self.labels is not None:
            label += f" ({WORD[self.labels[item.link.id if group else claim.id]]})"
        label += ":"
        label_w = self._label_widths.get(label)
        if label_w is None:
            label_w = self._label_widths[label] = self.text.width(label + " ", BODY_PT, True)
        words = together([self.graph.claims[s].text for s in item.link.sources]) if group \
            else claim.text
        text = words + (" (see above)" if again else "")
        simple = self.text.is_simple(text)
        lines = self.text.wrap(text, BODY_PT, width, first_width=width - label_w,
                               simple=simple or None)
        self._room(STEP_PT * min(len(lines), 2) + 2)
        self.y += 2
        baseline = self.y + BODY_PT
        room = int((self.page_h - self.margin - 14 - self.y) // STEP_PT)
        colour_ = _label_colour(item.link)
        if len(lines) <= room and simple:
            # The common case in one text object: marker, label, and the lines.
            self.ops.append(self._block(left, baseline, item.marker, label, colour_, label_w,
                                        lines))
            self.y += STEP_PT * len(lines)
            return
        self.ops.append(self.text.line(left, baseline, item.marker, BODY_PT, rgb=MUTED))
        self.ops.append(self.text.line(left + MARKER_PT, baseline, label, BODY_PT, bold=True,
                                       rgb=colour_))
        first, rest = lines[0], lines[1:]
        self.ops.append(self.text.line(left + MARKER_PT + label_w, baseline, first, BODY_PT,
                                       rgb=TEXT))
        self.y += STEP_PT
        self._lines(left + MARKER_PT, rest, BODY_PT, STEP_PT, rgb=TEXT)

    def _block(self, left: float, baseline: float, marker: str, label: str,
               label_rgb: tuple[float, float, float], label_w: float, lines: list[str]) -> str:
        regular, bold = self.text.regular.pdf, self.text.bold.pdf
        key = (marker, label, label_rgb)
        head = self._heads.get(key)
        if head is None:
            self.text.is_simple(marker + label)
            head = self._heads[key] = (
                f"({regular.encode(marker)}) Tj {colour(label_rgb)} /{bold.resource} "
                f"{BODY_PT:.2f} Tf 1 0 0 -1 {{x}} {{y}} Tm ({bold.encode(label)}) Tj "
                f"{colour(TEXT)} /{regular.resource} {BODY_PT:.2f} Tf")
        x, y = f"{left + MARKER_PT:.2f}", f"{baseline:.2f}"
        parts = [f"BT {colour(MUTED)} /{regular.resource} {BODY_PT:.2f} Tf 1 0 0 -1 "
                 f"{left:.2f} {y} Tm", head.replace("{x}", x).replace("{y}", y),
                 f"1 0 0 -1 {left + MARKER_PT + label_w:.2f} {y} Tm "
                 f"({regular.encode(lines[0])}) Tj"]
        if len(lines) > 1:
            parts.append(f"{STEP_PT:.2f} TL 1 0 0 -1 {x} {baseline + STEP_PT:.2f} Tm "
                         f"({regular.encode(chr(10).join(lines[1:]))}) Tj")
        parts.append("ET")
        return " ".join(parts)

    def _lines(self, x: float, lines: list[str], size: float, step: float,
               bold: bool = False, rgb: tuple[float, float, float] = TEXT) -> None:
        """Lines at `x`, as many per page as fit, one text object per page."""
        while lines:
            fit = max(1, int((self.page_h - self.margin - 14 - self.y) // step))
            chunk, lines = lines[:fit], lines[fit:]
            self.ops.append(self.text.lines(x, self.y + size, step, chunk, size, bold=bold,
                                            rgb=rgb))
            self.y += step * len(chunk)
            if lines:
                self._finish_page()


def _label(link: Link, claim: Claim) -> str:
    if link.is_undercut:
        return "Undercut"
    if link.kind is LinkKind.OBJECTION:
        return "Con"
    return "Concession" if claim.kind is ClaimKind.CONCESSION else "Pro"


def _label_colour(link: Link) -> tuple[float, float, float]:
    return (0.0, 0.45, 0.7) if link.kind is LinkKind.SUPPORT else (0.84, 0.37, 0.0)


def _short(text: str, limit: int = 80) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"
