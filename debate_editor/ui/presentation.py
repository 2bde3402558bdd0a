"""Presenting a debate full screen: one step per claim, in reading order.

Right, Space, PageDown (or a click) go forward; Left, PageUp back; Home and End to the
first and last step; M switches between the card slide (the claim in large type with
its pros and cons) and the map zoomed to it; D between a light and a dark theme; Esc
leaves. The presenter's choice of card or map and of theme is remembered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from debate_editor.domain.events import DebateChanged
from debate_editor.domain.groups import premises_text
from debate_editor.domain.marks import STRENGTH_WORDS, mine
from debate_editor.domain.model import ClaimKind, Link, LinkKind
from debate_editor.layout.geometry import MapShapes
from debate_editor.render.card_style import KIND_STYLES, counts_text
from debate_editor.render.map_drawing import map_geometry
from debate_editor.render.slide import (
    THEMES,
    SlideCard,
    SlideContent,
    SlideLayout,
    draw_slide,
    layout_slide,
)
from debate_editor.render.slide_map import draw_map_slide
from debate_editor.ui.plain_text import title_part
from debate_editor.ui.presentation_steps import Presentation, Slide
from debate_editor.ui.session import Session
from debate_editor.ui.view_commands import bind_view_commands

HINT = ("→ or Space: next    ← back    M: card or map    D: light or dark    "
        "Esc: leave")


class PresentationView(QWidget):
    name = "presentation"
    title = "Presentation"
    closed = Signal()

    def __init__(self, session: Session, start: str | None = None) -> None:
        super().__init__(None)
        self.setObjectName("presentation")
        self.session = session
        self.document = session.document
        self.setWindowTitle(f"{title_part(self.document.title)} — Presentation")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        settings = QSettings()
        theme = str(settings.value("presentation/theme", "light"))
        self.theme = THEMES.get(theme, THEMES["light"])
        self.map_mode = str(settings.value("presentation/mode", "card")) == "map"
        self.walk = Presentation(self.document.graph)
        self.number = self.walk.index_of.get(start or "", 0)
        self._geometry: MapShapes | None = None
        self._laid_out: tuple[object, SlideLayout] | None = None
        self.actions_by_key = bind_view_commands(self, self.name, self.handlers())
        session.bridge.changed.connect(self._on_changed)

    def handlers(self) -> dict[str, Callable[[], object]]:
        """What the presentation does for the commands of the table it answers."""
        return {
            "next_slide": self.on_next_slide, "previous_slide": self.on_previous_slide,
            "first_slide": self.on_first_slide, "last_slide": self.on_last_slide,
            "toggle_slide_map": self.on_toggle_slide_map,
            "toggle_slide_theme": self.on_toggle_slide_theme,
            "leave_presentation": self.on_leave_presentation,
        }

    # ---- following the document ------------------------------------------------------
    def _on_changed(self, event: DebateChanged) -> None:
        here = self.current_claim()
        self.walk = Presentation(self.document.graph)
        self._geometry = None
        self.number = self.walk.index_of.get(here or "", min(self.number, len(self.walk) - 1))
        self.number = max(self.number, 0)
        self.update()

    def current_claim(self) -> str | None:
        return self.walk.steps[self.number].claim if len(self.walk) else None

    def slide(self) -> Slide | None:
        return self.walk.slide(self.number) if len(self.walk) else None

    # ---- what a slide says -----------------------------------------------------------
    def content(self) -> SlideContent:
        graph = self.document.graph
        slide = self.slide()
        if slide is None:
            return SlideContent(self.document.title, "", "This debate has no claims yet.",
                                ClaimKind.THESIS)
        frame = graph.claims[slide.frame]

        def card(link: Link, sign: str) -> SlideCard:
            claim_id = link.source
            tally = counts_text(len(graph.pros(claim_id)), len(graph.cons(claim_id)))
            kind = graph.claims[claim_id].kind
            if kind not in (ClaimKind.CLAIM, ClaimKind.THESIS):  # "CONCESSION · 1 con"
                tally = " · ".join(part for part in (KIND_STYLES[kind].label, tally) if part)
            if link.is_group:  # one card: its premises read together
                tally = f"{len(link.sources)} premises together"
            words = STRENGTH_WORDS.get(link.strength, "") if link.is_group \
                else mine(graph.claims[claim_id], link)  # "you accept, weak to you"
            tally = " · ".join(part for part in (tally, words) if part)
            return SlideCard(premises_text(graph, link), sign, tally,
                             focus=claim_id == slide.focus and claim_id != slide.frame,
                             hidden=link.id in slide.hidden,
                             status=self.session.status.mark(claim_id))

        def with_undercuts(links: tuple[Link, ...], sign: str) -> tuple[SlideCard, ...]:
            cards: list[SlideCard] = []
            for link in links:
                cards.append(card(link, sign))
                cards.extend(card(u, "⤫") for u in slide.undercuts if u.to_link == link.id)
            return tuple(cards)

        return SlideContent(
            title=self.document.title,
            progress=f"{slide.number + 1} / {slide.total}",
            text=frame.text,
            kind=frame.kind,
            context=self._context(slide),
            note=frame.note,
            pros=with_undercuts(slide.pros, "+"),
            cons=with_undercuts(slide.cons, "−"),
            hint=HINT if slide.number == 0 else "",
            status=self.session.status.mark(frame.id),
            mine=mine(frame),
        )

    def _context(self, slide: Slide) -> str:
        graph = self.document.graph
        link, parent = slide.context, slide.context_claim
        if link is None or parent is None or parent not in graph.claims:
            return ""
        said = " ".join(graph.claims[parent].text.split())
        if link.is_undercut:
            attacked = graph.links.get(link.to_link or "")
            if attacked is not None:
                reason = " ".join(graph.claims[attacked.source].text.split())
                return f"Against the link: “{reason}” → “{said}”"
        phrase = "A reason for" if link.kind is LinkKind.SUPPORT else "An objection to"
        return f"{phrase}: “{said}”"

    # ---- drawing ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        size = (self.width(), self.height())
        slide = self.slide()
        if self.map_mode and slide is not None:
            if self._geometry is None:
                self._geometry = map_geometry(self.document.graph)
            shown = [lk for lk in (*slide.pros, *slide.cons, *slide.undercuts)
                     if lk.id not in slide.hidden]
            region = {slide.frame, slide.focus, *(lk.source for lk in shown)}
            faint = set(self.document.graph.claims) - self.walk.seen_before(self.number) - region
            draw_map_slide(painter, self.document.graph, self._geometry, size,
                           focus=slide.focus, region=region, faint=faint, theme=self.theme,
                           progress=f"{slide.number + 1} / {slide.total}",
                           status=self.session.status.mark)
        else:
            draw_slide(painter, self._layout(self.content(), size), self.theme)
        painter.end()

    def _layout(self, content: SlideContent, size: tuple[int, int]) -> SlideLayout:
        """The slide laid out, kept while its content and size stay (a repaint of a slide
        with a huge claim would lay it out again)."""
        key = (content, size)
        if self._laid_out is None or self._laid_out[0] != key:
            self._laid_out = (key, layout_slide(content, *size))
        return self._laid_out[1]

    # ---- commands (named in ui/command_table.py) --------------------------------------------
    def go_to(self, number: int) -> None:
        if len(self.walk):
            self.number = max(0, min(number, len(self.walk) - 1))
            self.update()

    def on_next_slide(self) -> None:
        self.go_to(self.number + 1)

    def on_previous_slide(self) -> None:
        self.go_to(self.number - 1)

    def on_first_slide(self) -> None:
        self.go_to(0)

    def on_last_slide(self) -> None:
        self.go_to(len(self.walk) - 1)

    def on_toggle_slide_map(self) -> None:
        self.map_mode = not self.map_mode
        QSettings().setValue("presentation/mode", "map" if self.map_mode else "card")
        self.update()

    def on_toggle_slide_theme(self) -> None:
        self.theme = THEMES["dark" if self.theme.name == "light" else "light"]
        QSettings().setValue("presentation/theme", self.theme.name)
        self.update()

    def on_leave_presentation(self) -> None:
        self.close()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.on_next_slide()
        elif event.button() == Qt.MouseButton.RightButton:
            self.on_previous_slide()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.session.bridge.changed.disconnect(self._on_changed)
        super().closeEvent(event)
        self.closed.emit()
