"""The window's part of the benchmark, run by `bench.py` in a fresh process per measure.

    python tests/benchmarks/bench_window.py open FILE
    python tests/benchmarks/bench_window.py window FILE --edits E

Prints one JSON object: times in seconds. `open` opens FILE in a main window and waits
for its first painted frame; `window` opens a copy whose cards all stand elsewhere, lays
it out (Ctrl+L), repaints it, makes E edits and undoes them. The parent reads this
process's peak memory from the kernel.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="bench-config-"))

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from debate_editor.domain.model import LinkKind
from debate_editor.store import DebateDocument
from debate_editor.ui import edits, first_frame
from debate_editor.ui.app import application
from debate_editor.ui.main_window import MainWindow

VIEW_SIZE = (1200, 800)
REPAINTS = 25


class _PaintWatch(QObject):
    """Notes that a widget received a paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def open_window(path: Path, app: QApplication) -> tuple[MainWindow, float, float]:
    """Open `path` in a window sized so its map is VIEW_SIZE, as `ui/app.py: run` opens
    one: seconds to the first frame, then seconds of the work the window does right after
    it (bringing up the store's SQLAlchemy for the first edit), waited for so that a
    figure measured next does not pay for it."""
    start = time.perf_counter()
    doc = DebateDocument.open(path)
    window = MainWindow(doc, remember=False)
    viewport = window.canvas.view.viewport()
    watch = _PaintWatch()
    viewport.installEventFilter(watch)
    after: list[float] = []

    def prepare() -> None:
        begun = time.perf_counter()
        doc.prepare_writing()
        after.append(time.perf_counter() - begun)

    first_frame.after_first_paint(viewport, prepare)
    window.resize(VIEW_SIZE[0] + 2, VIEW_SIZE[1] + 60)
    window.show()
    while not watch.painted:
        app.processEvents()
    elapsed = time.perf_counter() - start
    viewport.removeEventFilter(watch)
    while not after:
        app.processEvents()
    return window, elapsed, after[0]


def read_every_row(path: Path) -> float:
    """The bare cost of opening: SQLite reading every claim and link of the file."""
    start = time.perf_counter()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.execute("SELECT * FROM debate").fetchall()
    conn.execute("SELECT * FROM claims").fetchall()
    conn.execute("SELECT * FROM links").fetchall()
    conn.close()
    return time.perf_counter() - start


def measure_open(path: Path) -> dict[str, float]:
    app = application()
    bare = read_every_row(path)
    window, elapsed, after = open_window(path, app)
    window.close()
    return {"open": elapsed, "after_first_frame": after, "read_rows": bare}


def _repaint_times(view: QGraphicsView, count: int = REPAINTS) -> list[float]:
    viewport = view.viewport()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        viewport.repaint()
        times.append(time.perf_counter() - start)
    return times


def _displaced_copy(path: Path, folder: Path) -> Path:
    """A copy of the file with every card moved, so that laying out moves every card."""
    copy = folder / "displaced.debate"
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("UPDATE claims SET x = x * 1.25 + 17, y = y * 1.1 + 11")
    conn.close()
    return copy


class RawCommits:
    """The bare cost of an edit: SQLite committing one changed row, in a copy of the file
    (same journal mode and synchronous setting as the editor's). One is timed right
    before each edit, so both meet the same disk (other programs' writes come and go)."""

    def __init__(self, path: Path, folder: Path) -> None:
        copy = folder / "raw.debate"
        shutil.copyfile(path, copy)
        self.conn = sqlite3.connect(copy, isolation_level=None)
        self.ids = [row[0] for row in self.conn.execute("SELECT id FROM claims")]
        self.rng = random.Random(7)
        self.count = 0

    def once(self) -> float:
        self.count += 1
        start = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("UPDATE claims SET text = ? WHERE id = ?",
                          (f"Edited {self.count}.", self.rng.choice(self.ids)))
        self.conn.execute("COMMIT")
        return time.perf_counter() - start

    def close(self) -> None:
        self.conn.close()


def raw_position_commit(path: Path, folder: Path) -> float:
    """The bare cost of a layout: SQLite writing a new position for every card at once."""
    copy = folder / "raw-layout.debate"
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    ids = [row[0] for row in conn.execute("SELECT id FROM claims")]
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("UPDATE claims SET x = ?, y = ? WHERE id = ?",
                     [(float(i), float(i), cid) for i, cid in enumerate(ids)])
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _repaint_after_moves(window: MainWindow, view: QGraphicsView,
                         app: QApplication) -> list[float]:
    """The first repaint at fit-to-view after an edit (whatever was cached is stale)."""
    times = []
    doc = window.document
    for cid in list(doc.graph.claims)[:: max(1, len(doc.graph.claims) // 10)][:10]:
        card = window.canvas.scene.cards[cid]
        window.session.run(edits.move_edit(doc, {cid: (card.x(), card.y() + 30.0)}))
        times.extend(_repaint_times(view, 1))
        app.processEvents()
        window.session.undo()
        app.processEvents()
    return times


def _one_edit(window: MainWindow, rng: random.Random, step: int, added: list[str],
              claims: list[str], links: list[str]) -> None:
    """One edit as the canvas makes it: new text, a move, a new reason, deleting that
    reason again, switching an arrow between support and objection. `claims` and `links`
    are the debate's ids listed once beforehand (listing 50,000 ids is 2 ms: the bench's
    own work, not the edit's)."""
    canvas, session, doc = window.canvas, window.session, window.document
    kind = step % 5
    if kind == 0:
        cid = rng.choice(claims)
        text = doc.claim(cid).text
        text = text[:-9] if text.endswith(" (edited)") else text + " (edited)"
        session.run(edits.text_edit(doc, cid, text))
    elif kind == 1:
        cid = rng.choice(claims)
        card = canvas.scene.cards[cid]
        session.run(edits.move_edit(doc, {cid: (card.x() + 40.0, card.y())}))
    elif kind == 2:
        parent = rng.choice(claims)
        edit, claim = edits.add_claim_edit(doc, "A new reason typed in the benchmark.",
                                           answers=parent, kind=LinkKind.OBJECTION,
                                           places=canvas.scene)
        session.run(edit)
        added.append(claim.id)
    elif kind == 3:
        session.run(edits.delete_edit(doc, [added.pop()], []))
    else:
        link = rng.choice([i for i in links if doc.link(i).to_claim is not None]
                          if step < 5 else links)
        session.run(edits.toggle_link_kind_edit(doc, [link]))


def measure_window(path: Path, edit_count: int) -> dict[str, object]:
    app = application()
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        return _measure_window(path, edit_count, app, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _measure_window(path: Path, edit_count: int, app: QApplication,
                    folder: Path) -> dict[str, object]:
    result: dict[str, object] = {}
    raw = RawCommits(path, folder)
    raw_times: list[float] = []
    result["raw_layout_commit"] = raw_position_commit(path, folder)
    window, _, _ = open_window(_displaced_copy(path, folder), app)
    canvas = window.canvas
    view = canvas.view

    start = time.perf_counter()
    canvas.on_auto_layout()
    app.processEvents()
    result["layout"] = time.perf_counter() - start
    assert window.session.undo_stack.count() == 1, "the layout moved nothing"

    order = window.document.graph.reading_order()
    middle = canvas.scene.cards[order[len(order) // 2].id]
    view.set_zoom(1.0)
    view.centerOn(middle.card_rect().center())
    app.processEvents()
    result["repaint_100"] = _repaint_times(view)
    view.zoom_fit()
    app.processEvents()
    result["zoom_fit"] = view.zoom
    result["repaint_fit"] = _repaint_times(view)

    rng = random.Random(11)
    added: list[str] = []
    claims, links = list(window.document.graph.claims), list(window.document.graph.links)
    times = []
    for step in range(edit_count):
        raw_times.append(raw.once())
        start = time.perf_counter()
        _one_edit(window, rng, step, added, claims, links)
        times.append(time.perf_counter() - start)
        app.processEvents()
    result["edit"] = times
    result["repaint_fit_after_edit"] = _repaint_after_moves(window, view, app)

    times = []
    for _ in range(edit_count):
        raw_times.append(raw.once())
        start = time.perf_counter()
        window.session.undo()
        times.append(time.perf_counter() - start)
        app.processEvents()
    result["undo"] = times
    assert window.session.undo_stack.index() == 1, "not every edit was undone"
    raw.close()
    result["raw_commit_edit"] = raw_times[:edit_count]
    result["raw_commit_undo"] = raw_times[edit_count:]

    empty = QGraphicsView(QGraphicsScene())
    empty.resize(view.viewport().size())
    empty.show()
    app.processEvents()
    result["repaint_empty"] = _repaint_times(empty)
    result["viewport"] = [view.viewport().width(), view.viewport().height()]
    window.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("part", choices=("open", "window"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args(argv)
    if args.part == "open":
        result: dict[str, object] = measure_open(args.file)  # type: ignore[assignment]
    else:
        result = measure_window(args.file, args.edits)
    print(json.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
