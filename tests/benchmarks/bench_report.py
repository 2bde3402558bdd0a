"""The benchmark's targets and its table."""

from __future__ import annotations

from typing import Any

LABELS = {
    "open": "open → first frame",
    "after_first_frame": "  then, before the first edit",
    "layout": "auto layout (Ctrl+L)",
    "repaint_100": "full repaint, 100 %",
    "repaint_fit": "full repaint, fit-to-view",
    "repaint_fit_after_edit": "  first one after an edit",
    "edit_median": "edit written, median",
    "edit_p99": "edit written, p99",
    "undo_median": "undo written, median",
    "undo_p99": "undo written, p99",
    "memory": "peak memory of the window",
    "export_markdown": "export Markdown",
    "export_argdown": "export Argdown",
    "export_pdf": "export PDF",
    "export_png": "export PNG",
    "export_pdf_vs_argdown": "PDF vs Argdown CLI",
    "status_full": "labelling, full (grounded)",
    "status_full_evidential": "labelling, full (evidential)",
    "status_edit_median": "relabel after edit, median",
    "status_edit_max": "relabel after edit, slowest",
}


def targets_for(n: int) -> dict[str, dict[str, float]]:
    """The issue's targets: all of them at 10,000 claims; at 50,000 a usable window."""
    if n == 10000:
        return {
            "open": {"max": 1.0},
            "layout": {"max": 1.0},
            "repaint_100": {"max": 0.016},
            "repaint_fit": {"max": 0.016},
            "edit_median": {"ratio_max": 5.0},
            "edit_p99": {"max": 0.010},
            "undo_median": {"ratio_max": 5.0},
            "undo_p99": {"max": 0.010},
            "memory": {"max": 400.0},
            "export_pdf_vs_argdown": {"ratio_max": 0.1, "memory_ratio_max": 0.25},
            "status_full": {"max": 0.050},
            "status_full_evidential": {"max": 0.050},
            "status_edit_median": {"max": 0.005},
            "status_edit_max": {"max": 0.005},
        }
    if n >= 50000:
        return {"repaint_100": {"max": 0.050}, "repaint_fit": {"max": 0.050}}
    return {}


def ratio(row: dict[str, Any]) -> float | None:
    value, bare = row.get("value"), row.get("bare")
    if value is None or not bare:
        return None
    return value / bare


def met(row: dict[str, Any]) -> bool | None:
    target = row.get("target")
    if not target or row.get("value") is None:
        return None
    ok = True
    if "max" in target:
        ok = ok and row["value"] <= target["max"]
    if "ratio_max" in target:
        r = ratio(row)
        ok = ok and r is not None and r <= target["ratio_max"]
    if "memory_ratio_max" in target:
        ok = ok and row["memory"] <= target["memory_ratio_max"] * row["bare_memory"]
    return ok


def _amount(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:.0f} MB"
    if value < 1.0:
        return f"{value * 1000:.3g} ms" if value >= 0.001 else f"{value * 1000:.2f} ms"
    return f"{value:.2f} s"


def _target_text(target: dict[str, float] | None, unit: str) -> str:
    if not target:
        return ""
    parts = []
    if "max" in target:
        parts.append(f"≤ {_amount(target['max'], unit)}")
    if "ratio_max" in target:
        parts.append(f"≤ {target['ratio_max']:g}× bare")
    if "memory_ratio_max" in target:
        parts.append(f"memory ≤ {target['memory_ratio_max']:g}×")
    return ", ".join(parts)


def rows_text(n: int, rows: dict[str, dict[str, Any]]) -> list[str]:
    head = f"{'N = ' + format(n, ','):<28} {'figure':>10}  {'bare cost':>10}  {'ratio':>7}  " \
           f"{'target':<24} {'':4} bare cost is"
    lines = [head, "-" * len(head)]
    for key, label in LABELS.items():
        row = rows.get(key)
        if row is None:
            continue
        unit = row.get("unit", "s")
        r = ratio(row)
        ok = met(row)
        verdict = "" if ok is None else ("met" if ok else "MISS")
        bare = row.get("bare")
        extra = row.get("note", "")
        if key == "export_pdf_vs_argdown" and row.get("bare_memory"):
            ours = f"{row['memory']:.0f} MB" if row.get("memory") else "—"
            extra = (f"memory {ours} vs {row['bare_memory']:.0f} MB"
                     + (f"; {extra}" if extra else ""))
        elif row.get("memory"):
            extra = f"peak {row['memory']:.0f} MB" + (f"; {extra}" if extra else "")
        what = row.get("bare_what", "")
        lines.append(
            f"{label:<28} {_amount(row.get('value'), unit):>10}  "
            f"{_amount(bare, unit) if bare is not None else '':>10}  "
            f"{f'{r:.3g}×' if r is not None else '':>7}  "
            f"{_target_text(row.get('target'), unit):<24} {verdict:4} "
            f"{what}{'; ' if what and extra else ''}{extra}"
        )
    return lines


STARTUP_TARGETS: dict[str, dict[str, float]] = {
    "seed": {"max": 0.45, "ratio_max": 3.0},
    "open_10000": {"max": 1.0, "ratio_max": 4.0},
    "open_50000": {"max": 4.0},
    "cli_info": {"max": 0.3},
    "cli_markdown": {"max": 0.3},
    "cli_argdown": {"max": 0.3},
}
"""The whole-process targets (README, "Performance"): start to first frame, and the
command line on the sample debate."""


def startup_lines(rows: dict[str, Any]) -> list[str]:
    """The whole-process table (bench_startup.py), then the window's import times."""
    head = f"{'whole process':<30} {'figure':>10}  {'bare cost':>10}  {'ratio':>7}  " \
           f"{'target':<24} {'':4} bare cost is"
    lines = [head, "-" * len(head)]
    labels = {"seed": "sample debate → first frame"}
    for key, row in rows.items():
        if not isinstance(row, dict) or "value" not in row:
            continue
        label = labels.get(key) or (f"{row['claims']:,} claims → first frame"
                                    if "claims" in row else
                                    "`" + key.removeprefix("cli_") + "`, sample debate")
        row = {**row, "target": STARTUP_TARGETS.get(key)}
        ok, r = met(row), ratio(row)
        lines.append(f"{label:<30} {_amount(row['value']):>10}  {_amount(row['bare']):>10}  "
                     f"{f'{r:.3g}×' if r is not None else '':>7}  "
                     f"{_target_text(row['target'], 's'):<24} "
                     f"{'' if ok is None else ('met' if ok else 'MISS'):4} {row['bare_what']}")
    imports = rows.get("imports", {})
    figures = ", ".join(f"{name} {_amount(sec)}" for name, sec in
                        sorted(imports.get("seconds", {}).items(), key=lambda i: -i[1]))
    lines.append(f"\nimport time (cumulative): {figures}")
    lines.append(f"loaded by the window's modules: {' '.join(imports.get('loaded', []))}")
    lines.append(f"load average {rows['load_average_before'][0]:.1f} before, "
                 f"{rows['load_average_after'][0]:.1f} after")
    return lines


def print_startup(rows: dict[str, Any]) -> None:
    print("\n".join(startup_lines(rows)))


def print_table(results: dict[str, Any]) -> None:
    machine = results["machine"]
    print(f"Debate Editor benchmark, {results['date']}: {machine['cpus']} cores, "
          f"Python {machine['python']}, PySide6 {machine['pyside6']}; load average "
          f"{machine['load_average'][0]:.1f} before, "
          f"{machine.get('load_average_after', [0])[0]:.1f} after")
    print(f"medians of {results['repeats']} runs ({results.get('startup_repeats')} for the "
          f"whole-process figures); {results['edits']} edits and undos\n")
    if results.get("startup_before"):
        print("before (the source measured with --startup-before):")
        print_startup(results["startup_before"])
        print()
    if results.get("startup"):
        print_startup(results["startup"])
        print()
    for n, rows in results["sizes"].items():
        print("\n".join(rows_text(int(n), rows)))
        print()
