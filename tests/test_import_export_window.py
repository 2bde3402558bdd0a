"""File → Import and Export in the window, driven by their keys and menus."""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import pypdf
from gui_helpers import CTRL, SHIFT, card_box, open_window, press, type_card
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from debate_editor.formats.rebuttal import write_rebuttal
from debate_editor.formats.registry import ExportOptions
from debate_editor.store import DebateDocument
from debate_editor.ui import export_job, import_job
from debate_editor.ui.main_window import WINDOWS, MainWindow

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
import generate

GOLDEN = Path(__file__).parent / "golden"
KIALO = """\
Discussion Title: Should cities ban cars from their centres?

1. Cities should ban cars from their centres.
1.1. Pro: Cleaner air improves health.
1.1.1. Con: E-cars cut exhaust, not tyre wear.
1.2. Con: Deliveries need road access.
"""


def save_as(monkeypatch, path: Path, chosen: str = "") -> list[tuple]:  # type: ignore[no-untyped-def]
    """The next Save dialogs answer `path`; returns what each was asked."""
    asked: list[tuple] = []

    def answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args)
        return (str(path), chosen)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def open_file(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def finish_exports(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not export_job._RUNNING, timeout=60_000)


def finish_imports(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Imports read (and write) on a worker; wait for every one to end."""
    qtbot.waitUntil(lambda: not import_job.RUNNING, timeout=60_000)


def warnings(window: MainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_ctrl_e_exports_a_pdf_named_after_the_debate(qtbot, seed_copy: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    target = tmp_path / "out.pdf"
    asked = save_as(monkeypatch, target, "PDF document (*.pdf)")
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    finish_exports(qtbot)
    assert asked[0][2] == str(seed_copy.with_suffix(".pdf"))  # suggested name and extension
    assert "PDF document (*.pdf)" in asked[0][3] and "Markdown (*.md)" in asked[0][3]
    text = " ".join(" ".join(page.extract_text().split())
                    for page in pypdf.PdfReader(target).pages)
    assert text.startswith("Should the DoD do its own AI safety research?")
    assert "Exported out.pdf" in window.statusBar().currentMessage()


def test_export_as_menu_lists_every_format_and_writes_the_one_chosen(  # type: ignore[no-untyped-def]
        qtbot, seed_copy: Path, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    menu = window.export_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    names = {a.objectName() for a in menu.actions()}
    for fmt in ("pdf", "png", "svg", "markdown", "rebuttal", "kialo", "aif", "json"):
        assert f"export_{fmt}" in names
    target = tmp_path / "seed.md"
    save_as(monkeypatch, target)
    markdown = next(a for a in menu.actions() if a.objectName() == "export_markdown")
    menu.setActiveAction(markdown)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    finish_exports(qtbot)
    assert target.read_text(encoding="utf-8") == (GOLDEN / "dod-safety.md").read_text(
        encoding="utf-8")


def test_copy_rebuttal_answers_the_selected_claim(qtbot, seed_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, seed_copy)
    clipboard = QGuiApplication.clipboard()
    press(qtbot, window, Qt.Key.Key_C, CTRL | SHIFT)  # nothing selected: the thesis
    assert clipboard.text() == (GOLDEN / "dod-safety-rebuttal.txt").read_text(encoding="utf-8")
    assert "2 numbered points" in window.statusBar().currentMessage()
    qtbot.mouseClick(window.canvas.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=card_box(window, "c3").center())
    press(qtbot, window, Qt.Key.Key_C, CTRL | SHIFT)
    lines = clipboard.text().split("\n")
    assert lines[0].startswith("I see the point of “There is this constant push for labs")
    assert lines[1:] == ["1. I don’t think it’s a zero sum game—often safety/alignment "
                         "improvements go hand in hand with capabilities.", ""]
    assert clipboard.text() == write_rebuttal(window.document.snapshot(),
                                              ExportOptions(claim="c3"))


def test_a_big_pdf_export_leaves_the_window_free(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.debate"
    DebateDocument.create_from(path, generate.generate(3000, seed=5)).close()
    window = open_window(qtbot, path)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    target = tmp_path / "big.pdf"
    save_as(monkeypatch, target, "PDF document (*.pdf)")
    started = time.perf_counter()
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    # While it runs, the person goes on working: a new thesis, typed on the map.
    press(qtbot, window, Qt.Key.Key_T)
    type_card(qtbot, window, "Written during the export")
    assert export_job._RUNNING, "the export should still be running"
    finish_exports(qtbot)
    took = time.perf_counter() - started
    timer.stop()
    during = [t for t in ticks if started <= t <= started + took]
    assert took > 0.3 and len(during) >= min(10, took / 0.02 / 4), (took, len(during))
    gaps = [b - a for a, b in itertools.pairwise(during)]
    assert max(gaps) < 0.5  # the event loop never stopped for long
    text = " ".join(" ".join(page.extract_text().split())
                    for page in pypdf.PdfReader(target).pages[-3:])
    assert "Written during the export" not in text  # the debate as it was when asked
    assert any(c.text == "Written during the export" for c in window.document.claims())


def test_cancel_stops_the_export_and_keeps_the_old_file(qtbot, seed_copy: Path,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path, monkeypatch) -> None:
    from debate_editor.render import exports

    real = exports.WRITERS["pdf"]
    calls: list[float] = []

    def slow_pdf(debate, options, progress):  # type: ignore[no-untyped-def]
        """The real writer, with a pause at each step so a person has time to cancel."""
        def pausing(fraction: float) -> None:
            calls.append(fraction)
            time.sleep(0.2)
            progress(fraction)
        return real(debate, options, pausing)

    monkeypatch.setitem(exports.WRITERS, "pdf", slow_pdf)
    window = open_window(qtbot, seed_copy)
    target = tmp_path / "old.pdf"
    target.write_bytes(b"an older export")
    save_as(monkeypatch, target, "PDF document (*.pdf)")
    press(qtbot, window, Qt.Key.Key_E, CTRL)
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finish_exports(qtbot)
    assert 0 < len(calls) < 5  # stopped at the next step, not run to the end
    assert target.read_bytes() == b"an older export"
    assert not list(tmp_path.glob(".~*"))
    assert warnings(window) == []


def test_the_pdf_writer_reports_progress_and_stops_when_told(seed_file: Path) -> None:
    from debate_editor.render.exports import write_pdf

    class StopError(Exception):
        pass

    with DebateDocument.open(seed_file, read_only=True) as doc:
        debate = doc.snapshot()
    seen: list[float] = []
    write_pdf(debate, ExportOptions(), seen.append)
    assert seen == sorted(seen) and seen[0] <= 0.1 and seen[-1] >= 0.9 and len(seen) >= 4

    def stop_half_way(fraction: float) -> None:
        if fraction >= 0.5:
            raise StopError

    try:
        write_pdf(debate, ExportOptions(), stop_half_way)
    except StopError:
        pass
    else:
        raise AssertionError("the writer should stop when its progress callback raises")


def test_import_as_a_new_debate_opens_it(qtbot, seed_copy: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                         monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    source = tmp_path / "cars.txt"
    source.write_text(KIALO, encoding="utf-8")
    open_file(monkeypatch, source)
    target = tmp_path / "cars"
    asked = save_as(monkeypatch, target)
    press(qtbot, window, Qt.Key.Key_I, CTRL)
    finish_imports(qtbot)
    assert asked[0][2] == str(tmp_path / "cars.debate")
    opened = [w for w in WINDOWS if w.document.path == tmp_path / "cars.debate"]
    assert len(opened) == 1
    assert opened[0].document.title == "Should cities ban cars from their centres?"
    assert len(opened[0].canvas.scene.cards) == 4
    assert len(window.document.graph.claims) == 7  # the open debate is untouched


def test_import_into_this_debate_is_one_undo_step(qtbot, seed_copy: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    before = {c.id: c for c in window.document.claims()}
    right = max(c.x + window.canvas.scene.cards[c.id].card_rect().width()  # type: ignore[operator]
                for c in before.values())
    source = tmp_path / "cars.txt"
    source.write_text(KIALO, encoding="utf-8")
    open_file(monkeypatch, source)
    press(qtbot, window, Qt.Key.Key_I, CTRL | SHIFT)
    finish_imports(qtbot)
    claims = {c.id: c for c in window.document.claims()}
    added = [c for cid, c in claims.items() if cid not in before]
    assert len(added) == 4 and {c.id for c in added}.isdisjoint(before)
    assert all(claims[cid] == claim for cid, claim in before.items())
    assert all(c.x is not None and c.x > right for c in added)  # beside the map
    assert len(window.canvas.scene.cards) == 11
    assert window.session.undo_stack.count() == 1
    assert "Import cars.txt" in window.actions_by_key["undo"].text()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert set(window.document.graph.claims) == set(before)
    assert len(window.canvas.scene.cards) == 7


def test_bad_input_is_one_plain_message_and_changes_nothing(qtbot, seed_copy: Path,  # type: ignore[no-untyped-def]
                                                           tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, seed_copy)
    bad = tmp_path / "broken.json"
    bad.write_text('{"schema_version": 1, "claims": [\n  {"id": "c1", "text": }\n]}\n',
                   encoding="utf-8")
    open_file(monkeypatch, bad)
    target = tmp_path / "never.debate"
    save_as(monkeypatch, target)
    before = seed_copy.read_bytes()
    for keys in (CTRL | SHIFT, CTRL):
        press(qtbot, window, Qt.Key.Key_I, keys)
        finish_imports(qtbot)
        shown = warnings(window)
        assert len(shown) == 1
        assert shown[0].startswith("broken.json: line 2, column ")
        assert "\n" not in shown[0] and "Traceback" not in shown[0]
        for box in window.findChildren(QMessageBox):
            qtbot.keyClick(box, Qt.Key.Key_Return)  # OK
            box.deleteLater()
        QApplication.processEvents()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        window.canvas.view.setFocus()
    assert not target.exists()
    assert len(window.document.graph.claims) == 7
    assert window.session.undo_stack.count() == 0
    window.close()
    assert seed_copy.read_bytes() == before
