"""The benchmark runs (at a smoke size: it must run, its figures are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parent / "benchmarks" / "bench.py"


def test_the_benchmark_prints_its_table_and_writes_its_figures(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "200", "--repeats", "1", "--edits", "20",
         "--no-argdown", "--json", str(out), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    table = done.stdout
    for label in ("open → first frame", "auto layout (Ctrl+L)", "full repaint, 100 %",
                  "full repaint, fit-to-view", "edit written, p99", "undo written, median",
                  "peak memory of the window", "export Markdown", "PDF vs Argdown CLI",
                  "labelling, full (grounded)", "relabel after edit, slowest"):
        assert label in table
    figures = json.loads(out.read_text(encoding="utf-8"))
    rows = figures["sizes"]["200"]
    for key in ("open", "layout", "repaint_100", "repaint_fit", "edit_median", "edit_p99",
                "undo_median", "undo_p99", "memory", "export_markdown", "status_full",
                "status_full_evidential", "status_edit_median", "status_edit_max"):
        assert rows[key]["value"] > 0, key
    for key in ("open", "edit_median", "undo_p99", "status_full"):
        assert rows[key]["bare"] > 0, key
    assert figures["machine"]["cpus"] >= 1
