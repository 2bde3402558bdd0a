"""A big map behaves like a small one: new cards land where they would on a small map,
and zoomed out the map is drawn (in batches) with every card, arrow, selection and move."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from gui_helpers import open_window
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDockWidget

from debate_editor.domain import Claim, ClaimKind, LinkKind
from debate_editor.render.card_style import KIND_STYLES, SELECTION_COLOUR
from debate_editor.store import DebateDocument
from debate_editor.ui import edits
from debate_editor.ui.canvas_view import OVERVIEW_ZOOM

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))

from generate import generate, laid_out


@pytest.fixture(scope="module")
def map_file(tmp_path_factory: pytest.TempPathFactory, qapp) -> Path:  # type: ignore[no-untyped-def]
    """A generated, laid-out debate of 600 claims."""
    path = tmp_path_factory.mktemp("big") / "big.debate"
    DebateDocument.create_from(path, laid_out(generate(600, seed=3))).close()
    return path


@pytest.fixture
def map_copy(map_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "map.debate"
    target.write_bytes(map_file.read_bytes())
    return target


def test_a_new_card_lands_where_it_would_if_every_card_were_looked_at(qtbot, map_copy) -> None:  # type: ignore[no-untyped-def]
    """The canvas looks only at the cards near the spot; the answer must be the one a
    search of every card gives, for reasons, objections, undercuts and theses."""
    window = open_window(qtbot, map_copy)
    doc, scene = window.document, window.canvas.scene
    draft = Claim(id="new", text="A new reason of a few words.", kind=ClaimKind.CLAIM)
    claims = sorted(doc.graph.claims)[::23]
    links = sorted(doc.graph.links)[::41]
    cases = [(cid, kind) for cid in claims for kind in LinkKind] + \
        [(lid, LinkKind.OBJECTION) for lid in links] + [(None, LinkKind.SUPPORT)]
    for answers, kind in cases:
        near = edits.new_position(doc, draft, answers, kind, places=scene)
        everywhere = edits.new_position(doc, draft, answers, kind)
        assert near == everywhere, (answers, kind)


def _colour_at(image: QImage, point: QPoint) -> QColor:
    return image.pixelColor(point)


def _close(a: QColor, b: QColor, slack: int = 40) -> bool:
    return all(abs(x - y) <= slack for x, y in ((a.red(), b.red()), (a.green(), b.green()),
                                                (a.blue(), b.blue())))


def _centre_on_screen(window, cid: str) -> QPoint:  # type: ignore[no-untyped-def]
    card = window.canvas.scene.cards[cid]
    return window.canvas.view.mapFromScene(card.card_rect().center())


def test_zoomed_out_every_card_shows_and_follows_moves_and_selection(qtbot, map_copy) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, map_copy)
    view, scene = window.canvas.view, window.canvas.scene
    thesis = next(c.id for c in window.document.claims() if c.kind is ClaimKind.THESIS)
    card = scene.cards[thesis]
    view.set_zoom(OVERVIEW_ZOOM * 0.5)
    view.centerOn(card.card_rect().center())
    qtbot.wait(10)
    picture = view.viewport().grab().toImage()
    here = _centre_on_screen(window, thesis)
    band = KIND_STYLES[ClaimKind.THESIS].band
    assert _close(_colour_at(picture, here), band)

    # Move the thesis up, where nothing is (an edit, as a drag would make).
    rect = card.card_rect()
    window.session.run(edits.move_edit(window.document, {thesis: (rect.x(), rect.y() - 400)}))
    qtbot.wait(10)
    picture = view.viewport().grab().toImage()
    assert not _close(_colour_at(picture, here), band)  # gone from where it was
    assert _close(_colour_at(picture, _centre_on_screen(window, thesis)), band)

    # A click on it selects it, and the overview shows the selection.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_centre_on_screen(window, thesis))
    assert scene.selected_claims() == [thesis]
    qtbot.wait(10)
    picture = view.viewport().grab().toImage()
    assert _close(_colour_at(picture, _centre_on_screen(window, thesis)), SELECTION_COLOUR)


def test_fit_to_view_draws_every_card_of_the_map(qtbot, map_copy) -> None:  # type: ignore[no-untyped-def]
    """At fit-to-view each card leaves its mark where it is, none is left out."""
    window = open_window(qtbot, map_copy)
    for dock in window.findChildren(QDockWidget):  # the map alone, as wide as the window
        dock.hide()
    qtbot.wait(10)
    view, scene = window.canvas.view, window.canvas.scene
    view.zoom_fit()
    qtbot.wait(10)
    assert view.zoom < OVERVIEW_ZOOM
    picture = view.viewport().grab().toImage()
    background = scene.backgroundBrush().color()
    missing = [cid for cid in scene.cards
               if _close(_colour_at(picture, _centre_on_screen(window, cid)), background, 8)]
    assert missing == []
    # And the empty parts stay empty: a point outside every card and arrow.
    corner = view.mapFromScene(scene.cards_bounds().topLeft()) - QPoint(15, 15)
    if QRectF(view.viewport().rect()).contains(corner.toPointF()):
        assert _close(_colour_at(picture, corner), background, 8)
