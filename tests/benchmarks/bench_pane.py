"""How fast the Argdown pane follows typing and the map (README, "The Argdown pane").

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_pane.py [N ...] [--repeat R]

Per size: a keystroke read into the map (the whole text parsed, matched to the debate's
claims, the edit applied and every view told), split into its parse and the rest; and an
edit made on the map carried into the text (the export written again and merged into
the user's text). Beside them, the bare cost: parsing the same text once. Medians in
milliseconds; compare the ratios, not the absolute figures, on a shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate


def _median(times: list[float]) -> float:
    return statistics.median(times) * 1000


def bench(n: int, repeat: int) -> list[tuple[str, float]]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from debate_editor.domain.edit import Edit
    from debate_editor.formats.argdown import import_argdown
    from debate_editor.store import DebateDocument
    from debate_editor.ui.argdown_pane import ArgdownPane
    from debate_editor.ui.session import Session

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        doc = DebateDocument.create_from(Path(folder) / "big.debate", generate(n))
        doc.prepare_writing()
        session = Session(doc)
        pane = ArgdownPane(session)
        pane.resize(600, 900)
        pane.show()
        app.processEvents()
        parse, typed, followed = [], [], []
        for i in range(repeat):
            cursor = pane.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.movePosition(QTextCursor.MoveOperation.Left, n=2)
            cursor.insertText("xy"[i % 2])  # one keystroke at the end of the last claim
            text = pane.editor.toPlainText()
            start = time.perf_counter()
            import_argdown(text)
            parse.append(time.perf_counter() - start)
            start = time.perf_counter()
            pane.read_text()
            typed.append(time.perf_counter() - start)
            claim = next(iter(doc.graph.claims.values()))
            renamed = claim.model_copy(update={"text": f"{claim.text} {i}"})
            start = time.perf_counter()
            session.run(Edit(update_claims=(renamed,)))  # the pane follows in the event
            followed.append(time.perf_counter() - start)
        pane.close()
        return [("parse the text once (bare)", _median(parse)),
                ("keystroke read into the map", _median(typed)),
                ("map edit carried into the text", _median(followed))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    for n in args.sizes:
        rows = bench(n, args.repeat)
        bare = rows[0][1]
        print(f"\n{n} claims (median of {args.repeat}, ms)")
        for name, ms in rows:
            print(f"  {name:34} {ms:9.1f}   {ms / bare:5.1f}× the parse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
