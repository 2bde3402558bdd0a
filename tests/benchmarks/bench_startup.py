"""Whole-process figures: from a process's start to the first frame a user sees.

    python tests/benchmarks/bench_startup.py [--debates FILE ...] [--repeats 5] [--json]

Each figure is spawn → exit of a fresh process, beside a bare cost measured in the same
run, the two interleaved so the machine's other work falls on both alike:
- the window: `debate-editor FILE` with the benchmark hook DEBATE_EDITOR_FIRST_FRAME_EXIT=1
  (`debate_editor/ui/first_frame.py`: exit right after the map's first paint); beside a
  bare PySide6 window of the same size (the sample debate), or beside starting Qt, reading
  every row of the same file and drawing a rectangle and a text per claim (big debates);
- the command line's `info` and text exports of the sample debate, beside Python starting;
- the import time of the window's modules (`python -X importtime`), and what they import.
Figures are medians. The program's bytecode is compiled first, as an installed copy's is.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = ROOT / "seeds" / "dod-safety.debate"
HOOK = "DEBATE_EDITOR_FIRST_FRAME_EXIT"
HEAVY = ("sqlalchemy", "pydantic", "PySide6", "networkx", "yaml", "debate_editor.domain",
         "debate_editor.store", "debate_editor.formats", "debate_editor.render")
"""The modules whose import time is reported (cumulative, as `-X importtime` counts it)."""

_BARE = r"""
import sqlite3, sys, os
from PySide6.QtCore import QEvent, QObject, QRectF, QTimer, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

app = QApplication(sys.argv[:1])
rows = []
if len(sys.argv) > 1:  # read every row, as opening does
    conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    conn.execute("SELECT * FROM debate").fetchall()
    rows = conn.execute("SELECT x, y, text FROM claims").fetchall()
    conn.execute("SELECT * FROM links").fetchall()
    conn.close()

class Map(QWidget):
    def paintEvent(self, event):
        painter = QPainter(self)
        placed = [(x or 0.0, y or 0.0, t) for x, y, t in rows]
        if placed:
            left = min(p[0] for p in placed); top = min(p[1] for p in placed)
            wide = max(p[0] for p in placed) - left + 260
            high = max(p[1] for p in placed) - top + 120
            scale = min(self.width() / wide, self.height() / high)
            for x, y, text in placed:
                box = QRectF((x - left) * scale, (y - top) * scale, 240 * scale, 100 * scale)
                painter.drawRect(box)
                painter.drawText(box, Qt.TextFlag.TextWordWrap, text)
        painter.end()
        QTimer.singleShot(0, lambda: os._exit(0))

window = QMainWindow()
window.setCentralWidget(Map())
screen = app.primaryScreen().availableGeometry().size()
window.resize(min(screen.width(), max(1200, round(0.9 * screen.width()))),
              min(screen.height(), max(800, round(0.9 * screen.height()))))
window.show()
app.exec()
"""


def _env(code: Path | None) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", HOOK: "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-startup-config-")
    if code is not None:  # ahead of the installed copy (and run from there: see `_cwd`)
        env["PYTHONPATH"] = str(code)
    env["BENCH_CWD"] = str(code or ROOT)
    return env


def spawn_to_exit(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning `command` to its exit (which must be a clean one)."""
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=env["BENCH_CWD"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, timeout=600)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{command} exited {done.returncode}: "
                           f"{done.stderr.decode(errors='replace').strip()[-300:]}")
    return elapsed


def paired(ours: list[str], bare: list[str], env: dict[str, str], repeats: int
           ) -> dict[str, float]:
    """Median of ours and of its bare cost, run alternately."""
    mine, theirs = [], []
    for _ in range(repeats):
        theirs.append(spawn_to_exit(bare, env))
        mine.append(spawn_to_exit(ours, env))
    return {"value": statistics.median(mine), "bare": statistics.median(theirs),
            "min": min(mine), "bare_min": min(theirs)}


def import_times(env: dict[str, str], repeats: int) -> dict[str, object]:
    """Median cumulative import time of the window's modules, and of the heavy ones in it."""
    runs: list[dict[str, float]] = []
    loaded: list[str] = []
    probe = ("import sys, debate_editor.ui.main_window, debate_editor.ui.app\n"
             "import os; assert debate_editor.__file__.startswith(os.getcwd()), 'another copy'\n"
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    for _ in range(repeats):
        done = subprocess.run([sys.executable, "-X", "importtime", "-c", probe], env=env,
                              cwd=env["BENCH_CWD"], capture_output=True, text=True,
                              check=True)
        loaded = done.stdout.split()
        figures: dict[str, float] = {}
        for line in done.stderr.splitlines():
            parts = line.split("|")
            if len(parts) != 3 or not parts[1].strip().isdigit():
                continue
            name, cumulative = parts[2].strip(), int(parts[1]) / 1e6
            if name in HEAVY or name in ("debate_editor.ui.main_window", "debate_editor.ui.app"):
                figures[name] = max(figures.get(name, 0.0), cumulative)
        runs.append(figures)
    names = {name for run in runs for name in run}
    return {"seconds": {name: statistics.median(run.get(name, 0.0) for run in runs)
                        for name in sorted(names)},
            "loaded": loaded}


def program() -> list[str]:
    """The command a desktop icon runs: the installed `debate-editor` script."""
    script = Path(sys.executable).with_name("debate-editor")
    return [str(script)] if script.exists() else [sys.executable, "-m", "debate_editor"]


def measure(debates: list[Path], repeats: int, code: Path | None = None
            ) -> dict[str, object]:
    env = _env(code)
    if not SEED.exists():  # `make` builds it from the thread; a fresh checkout may lack it
        subprocess.run([sys.executable, str(ROOT / "seeds" / "build_seed.py"), str(SEED)],
                       env=env, check=True, cwd=ROOT)
    package = (code or ROOT) / "debate_editor"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    bare_script = Path(tempfile.mkdtemp(prefix="bench-bare-")) / "bare_window.py"
    bare_script.write_text(_BARE, encoding="utf-8")
    bare = [sys.executable, str(bare_script)]
    rows: dict[str, object] = {"load_average_before": os.getloadavg()}
    say = lambda text: print(f"  startup: {text}", file=sys.stderr, flush=True)  # noqa: E731
    say("the sample debate")
    rows["seed"] = {**paired([*program(), str(SEED)], bare, env, repeats),
                    "bare_what": "a bare PySide6 window of the same size"}
    for debate in debates:
        n = sum(1 for _ in _claims(debate))
        say(f"{n} claims")
        rows[f"open_{n}"] = {**paired([*program(), str(debate)], [*bare, str(debate)], env,
                                      repeats),
                             "bare_what": "Qt started, every row read, a rectangle and a "
                                          "text drawn per claim", "claims": n}
    say("the command line")
    python = [sys.executable, "-c", "pass"]
    out = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    for key, args in (("cli_info", ["info", str(SEED)]),
                      ("cli_markdown", ["export", str(SEED), "--format", "markdown",
                                        "-o", str(out / "x.md")]),
                      ("cli_argdown", ["export", str(SEED), "--format", "argdown",
                                       "-o", str(out / "x.argdown")])):
        rows[key] = {**paired([*program(), *args], python, env, repeats),
                     "bare_what": "Python starting"}
    say("import times")
    rows["imports"] = import_times(env, repeats)
    rows["load_average_after"] = os.getloadavg()
    return rows


def _claims(debate: Path) -> list[tuple[str]]:
    import sqlite3

    conn = sqlite3.connect(f"file:{debate}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id FROM claims").fetchall()
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--debates", type=Path, nargs="*", default=[])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--code", type=Path,
                        help="measure the program's source in this folder instead")
    parser.add_argument("--json", action="store_true", help="print JSON, not a table")
    args = parser.parse_args(argv)
    rows = measure(args.debates, args.repeats, args.code)
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        sys.path.insert(0, str(HERE))
        from bench_report import print_startup

        print_startup(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
