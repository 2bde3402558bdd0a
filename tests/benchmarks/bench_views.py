"""How fast the outline, the columns and the presentation follow a big debate.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_views.py [N ...] [--repeat R]

Prints one table per size: opening each view, and the median time an edit (and its
undo) takes to reach it, in milliseconds. The outline model is updated row by row from
each event; a full rebuild is printed beside it for comparison.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate


def _ms(action: Callable[[], object], repeat: int = 1) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench(n: int, repeat: int) -> list[tuple[str, float]]:
    from PySide6.QtWidgets import QApplication

    from debate_editor.store import DebateDocument
    from debate_editor.ui.columns import ProConColumns
    from debate_editor.ui.edits import add_claim_edit, text_edit
    from debate_editor.ui.order_edits import move_in_column_edit
    from debate_editor.ui.outline import Outline
    from debate_editor.ui.outline_model import OutlineModel
    from debate_editor.ui.presentation_steps import Presentation
    from debate_editor.ui.session import Session

    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        doc = DebateDocument.create_from(Path(folder) / "big.debate", generate(n))
        session = Session(doc)
        graph = doc.graph
        outline: Outline | None = None
        columns: ProConColumns | None = None

        def open_outline() -> None:
            nonlocal outline
            outline = Outline(session)
            outline.resize(400, 900)
            outline.show()
            app.processEvents()

        def open_columns() -> None:
            nonlocal columns
            columns = ProConColumns(session)
            columns.resize(600, 900)
            columns.show()
            app.processEvents()

        rows.append(("open the outline (theses opened)", _ms(open_outline)))
        rows.append(("open the columns", _ms(open_columns)))
        rows.append(("rebuild the outline model (for comparison)",
                     _ms(lambda: OutlineModel(doc), repeat)))
        thesis = graph.theses()[0].id
        reason = graph.pros(thesis)[0].claim.id
        assert outline is not None and columns is not None
        outline.reveal(reason)
        session.selection.select(reason)

        def step(edit_of: Callable[[], object]) -> float:
            def one() -> None:
                session.run(edit_of())  # type: ignore[arg-type]
                app.processEvents()
                session.undo()
                app.processEvents()
            return _ms(one, repeat) / 2

        rows.append(("add a reason (and undo), per step",
                     step(lambda: add_claim_edit(doc, "new", answers=reason)[0])))
        rows.append(("edit a text (and undo), per step",
                     step(lambda: text_edit(doc, reason, "changed text"))))
        first = graph.pros(thesis)[0].link.id
        rows.append(("move a reason down (and undo), per step",
                     step(lambda: move_in_column_edit(doc, first, 1))))
        rows.append(("presentation steps of the whole debate", _ms(lambda: Presentation(graph),
                                                                   repeat)))
        session.close()
        doc.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    for n in args.sizes:
        print(f"\n{n} claims{'':<40}ms")
        for name, ms in bench(n, args.repeat):
            print(f"  {name:<48}{ms:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
