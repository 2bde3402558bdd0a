"""The benchmark: how Debate Editor copes with big debates, beside the bare cost of each step.

    python tests/benchmarks/bench.py [--sizes 1000 10000 50000] [--json bench-results.json]

First the whole-process figures (`bench_startup.py`): from a process's start to its first
painted frame, for the sample debate and each size, beside a bare cost. Then, for each
size N it generates a debate (`generate.py`, the same every time), then measures
in fresh processes: opening to the first painted frame (beside SQLite reading every row),
laying out the whole map with Ctrl+L (beside SQLite writing every position), a full
repaint at 100 % zoom and at fit-to-view (beside an empty view), edits and undos written
to the file (beside SQLite committing one row), exports from the command line (beside
the command line opening the file; PDF also beside the Argdown command line's map
export when Node is installed), and the window's peak memory, and how fast
which claims stand is labelled (beside one pass over the links). It prints a table and
writes the figures as JSON. Figures are medians of repeats; the machine may be shared,
so compare each figure with its bare cost, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import argdown_cli  # noqa: E402
import bench_startup  # noqa: E402
from bench_report import print_table, targets_for  # noqa: E402


def run_measured(command: list[str], timeout: float = 1800) -> tuple[float, float, str]:
    """Run a command; (seconds, peak resident memory in MB, its standard output)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                raise RuntimeError(f"{command[0]} took longer than {timeout:.0f} s")
            time.sleep(0.005)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            lines = (err.read() + out.read()).decode("utf-8", "replace").strip().splitlines()
            errors = [line.strip() for line in lines if "Error" in line] or lines[-1:]
            raise RuntimeError(f"exit status {process.returncode}, "
                               f"{errors[0] if errors else 'no message'} "
                               f"(after {elapsed:.0f} s, {usage.ru_maxrss / 1024:.0f} MB)")
        return elapsed, usage.ru_maxrss / 1024, out.read().decode("utf-8", "replace")


def median_run(command: list[str], repeats: int) -> tuple[float, float, list[str]]:
    """Median seconds and median peak MB over `repeats` runs, and the outputs."""
    runs = [run_measured(command) for _ in range(repeats)]
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            [r[2] for r in runs])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def prepare(n: int, seed: int, folder: Path) -> tuple[Path, Path]:
    """The generated debate of N claims and its Argdown copy (made once per folder)."""
    debate, argdown = folder / f"debate-{n}.debate", folder / f"debate-{n}.argdown"
    if not debate.exists() or not argdown.exists():
        debate.unlink(missing_ok=True)
        subprocess.run([sys.executable, str(HERE / "generate.py"), str(n), str(debate),
                        "--seed", str(seed), "--argdown", str(argdown)], check=True,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return debate, argdown


def exports_available() -> dict[str, bool]:
    code = ("import importlib.util, json; from debate_editor.formats import registry\n"
            "names = {f.name for f in registry.exporters()}\n"
            "drawn = importlib.util.find_spec('debate_editor.render.exports') is not None\n"
            "print(json.dumps({'markdown': 'markdown' in names, 'argdown': 'argdown' in names,"
            " 'pdf': drawn, 'png': drawn}))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout
    return json.loads(out)


def bench_size(n: int, args: argparse.Namespace, folder: Path) -> dict[str, dict[str, object]]:
    debate, argdown = prepare(n, args.seed, folder)
    py = [sys.executable]
    window_script = str(HERE / "bench_window.py")
    rows: dict[str, dict[str, object]] = {}

    def say(text: str) -> None:
        print(f"  N={n}: {text}", file=sys.stderr, flush=True)

    say("open")
    opens = [json.loads(run_measured([*py, window_script, "open", str(debate)])[2])
             for _ in range(args.repeats)]
    rows["open"] = {"value": statistics.median(o["open"] for o in opens),
                    "bare": statistics.median(o["read_rows"] for o in opens),
                    "bare_what": "SQLite reads every row"}
    rows["after_first_frame"] = {
        "value": statistics.median(o["after_first_frame"] for o in opens),
        "note": "SQLAlchemy brought up for the first edit (ui/app.py does it after the "
                "first frame)"}

    say("window")
    _, peak, outs = median_run([*py, window_script, "window", str(debate),
                                "--edits", str(args.edits)], 1)
    w = json.loads(outs[0])
    rows["layout"] = {"value": w["layout"], "bare": w["raw_layout_commit"],
                      "bare_what": "SQLite writes every position"}
    empty = statistics.median(w["repaint_empty"])
    for key, label in (("repaint_100", "repaint_100"), ("repaint_fit", "repaint_fit"),
                       ("repaint_fit_after_edit", "repaint_fit_after_edit")):
        rows[label] = {"value": statistics.median(w[key]), "bare": empty,
                       "bare_what": "repaint of an empty view"}
    rows["repaint_fit"]["note"] = f"zoom {w['zoom_fit'] * 100:.2g} %"
    for key in ("edit", "undo"):
        raw = w[f"raw_commit_{key}"]  # one timed right before each edit or undo
        rows[f"{key}_median"] = {"value": statistics.median(w[key]),
                                 "bare": statistics.median(raw),
                                 "bare_what": "SQLite commits one row (median)"}
        rows[f"{key}_p99"] = {"value": percentile(w[key], 0.99),
                              "bare": percentile(raw, 0.99),
                              "bare_what": "SQLite commits one row (p99)"}
    empty = folder / "empty.debate"
    if not empty.exists():
        subprocess.run([*py, "-m", "debate_editor", "new", str(empty), "--title", "Empty"],
                       check=True, cwd=ROOT)
    _, empty_peak, _ = median_run([*py, window_script, "open", str(empty)], 1)
    rows["memory"] = {"value": peak, "unit": "MB", "bare": empty_peak,
                      "bare_what": "the same window on an empty debate",
                      "note": "open, laid out, edited"}

    available = exports_available()
    info_time, _, _ = median_run(
        [*py, "-m", "debate_editor", "info", str(debate), "--json"], args.repeats)
    for fmt in ("markdown", "argdown", "pdf", "png"):
        key = f"export_{fmt}"
        if not available[fmt]:
            rows[key] = {"value": None, "note": "not available"}
            continue
        say(f"export {fmt}")
        out = folder / f"out-{n}.{ 'md' if fmt == 'markdown' else fmt}"
        seconds, mb, _ = median_run([*py, "-m", "debate_editor", "export", str(debate),
                                     "--format", fmt, "-o", str(out)], args.repeats)
        rows[key] = {"value": seconds, "bare": info_time,
                     "bare_what": "`debate-editor info` (start, open)", "memory": mb}
    say("labelling")
    rows.update(status_rows(n, args))
    rows["export_pdf_vs_argdown"] = argdown_row(argdown, rows.get("export_pdf"), args,
                                                folder, say, n)
    for key, target in targets_for(n).items():
        if key in rows:
            rows[key]["target"] = target
    return rows


def status_rows(n: int, args: argparse.Namespace) -> dict[str, dict[str, object]]:
    """Which claims stand (bench_status.py): full labelling in both readings and the
    re-labelling after one edit, each beside one pass over the links."""
    out = run_measured([sys.executable, str(HERE / "bench_status.py"), "--sizes", str(n),
                        "--repeats", str(max(args.repeats, 5)), "--edits", str(args.edits),
                        "--json"])[2]
    readings = json.loads(out)[str(n)]
    bare = {"bare": readings["grounded"]["bare"], "bare_what": "one pass over the links"}
    return {
        "status_full": {"value": readings["grounded"]["full"], **bare,
                        "note": f"CPU {readings['grounded']['full_cpu'] * 1000:.3g} ms"},
        "status_full_evidential": {
            "value": readings["evidential"]["full"], **bare,
            "note": f"CPU {readings['evidential']['full_cpu'] * 1000:.3g} ms"},
        "status_edit_median": {
            "value": max(r["edit_median"] for r in readings.values()), **bare,
            "note": "the slower reading"},
        "status_edit_max": {
            "value": max(r["edit_max"] for r in readings.values()), **bare,
            "note": f"slowest of {args.edits} edits per reading; CPU "
                    f"{max(r['edit_max_cpu'] for r in readings.values()) * 1000:.3g} ms"},
    }


def argdown_row(argdown: Path, ours: dict[str, object] | None, args: argparse.Namespace,
                folder: Path, say: object, n: int) -> dict[str, object]:
    """Our PDF export beside the Argdown command line's map export of the same debate."""
    if args.no_argdown or n > args.argdown_max:
        return {"value": None, "note": "Argdown command line not run"}
    cli = argdown_cli.command(ROOT / ".cache" / "argdown-cli")
    if cli is None:
        return {"value": None, "note": "Node (or the Argdown command line) not available"}
    say("Argdown command line, map to PDF")  # type: ignore[operator]
    out = folder / f"argdown-{n}"
    shutil.rmtree(out, ignore_errors=True)
    try:
        seconds, mb, _ = median_run([*cli, "map", str(argdown), str(out), "--format", "pdf"],
                                    args.argdown_repeats)
    except RuntimeError as error:
        return {"value": None, "note": f"Argdown command line failed: {error}"}
    row: dict[str, object] = {"bare": seconds, "bare_memory": mb,
                              "bare_what": "Argdown command line: map → PDF"}
    if ours is None or ours.get("value") is None:
        row.update(value=None, note="our PDF export is not available")
    else:
        row.update(value=ours["value"], memory=ours["memory"])
    return row


def machine() -> dict[str, object]:
    from importlib.metadata import version

    return {"cpus": os.cpu_count(), "system": platform.platform(),
            "python": platform.python_version(), "pyside6": version("PySide6-Essentials"),
            "sqlalchemy": version("SQLAlchemy"), "pydantic": version("pydantic"),
            "load_average": os.getloadavg()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--json", type=Path, default=ROOT / "bench-results.json")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--argdown-repeats", type=int, default=1)
    parser.add_argument("--argdown-max", type=int, default=50000,
                        help="skip the Argdown command line above this size")
    parser.add_argument("--no-argdown", action="store_true",
                        help="do not run the Argdown command line")
    parser.add_argument("--work", type=Path, help="keep generated files here")
    parser.add_argument("--startup-repeats", type=int,
                        help="runs of each whole-process figure (default: --repeats)")
    parser.add_argument("--startup-before", type=Path, metavar="DIR",
                        help="also measure the whole-process figures of the source in DIR")
    parser.add_argument("--startup-only", action="store_true",
                        help="only the whole-process figures")
    args = parser.parse_args(argv)
    folder = args.work or Path(tempfile.mkdtemp(prefix="debate-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(), "seed": args.seed, "repeats": args.repeats,
        "edits": args.edits, "sizes": {},
    }
    try:
        debates = [prepare(n, args.seed, folder)[0] for n in args.sizes]
        print("  whole process, start to first frame", file=sys.stderr, flush=True)
        results["startup_repeats"] = args.startup_repeats or args.repeats
        results["startup"] = bench_startup.measure(debates, results["startup_repeats"])
        if args.startup_before:
            results["startup_before"] = bench_startup.measure(
                debates, results["startup_repeats"], args.startup_before)
        for n in [] if args.startup_only else args.sizes:
            results["sizes"][str(n)] = bench_size(n, args, folder)  # type: ignore[index]
    finally:
        if args.work is None:
            shutil.rmtree(folder, ignore_errors=True)
    results["machine"]["load_average_after"] = os.getloadavg()  # type: ignore[index]
    args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nFigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
