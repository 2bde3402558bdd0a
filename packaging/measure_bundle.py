"""Print the bundle's size and its start-up time beside the venv's (a benchmark, not a test).

    python packaging/measure_bundle.py [--runs 7] [--bundle dist/debate-editor]

Start-up to first window is timed two ways:
- offscreen: a whole `debate-editor SEED --screenshot OUT.png` run (process start, imports,
  opening the debate, showing the window, grabbing it, writing the PNG, exiting), an
  upper bound of the time to the first shown window;
- X11: `debate-editor SEED` on a private Xvfb server, until its window is mapped (polled
  with xwininfo every 10 ms), when Xvfb and x11-utils are installed.
Runs alternate between the two programs so that a busy machine slows both alike; the
table gives the median and the fastest run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import x11

ROOT = Path(__file__).resolve().parent.parent


def folder_size(folder: Path) -> int:
    """Bytes in regular files (symbolic links inside the bundle are not counted twice)."""
    return sum(path.lstat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def compressed_size(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "bundle.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(folder, arcname=folder.name)
        return archive.stat().st_size


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system) of one run.

    CPU time barely moves when other work shares the machine; wall time is what a person
    waits, and does.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"measure: {command[0]} failed: {errors.read().decode()[-300:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def time_x11(programs: dict[str, Path], seed: Path, env: dict[str, str],
             runs: int) -> dict[tuple[str, str], list[float]]:
    """Seconds until the window is mapped on a private X server, per program."""
    title = "Debate Editor"  # every main window's title ends with it
    out: dict[tuple[str, str], list[float]] = {}
    with x11.XServer() as server:
        for _ in range(runs):
            for name, program in programs.items():
                seconds, window, process = server.open_window(
                    [str(program), str(seed)], {**env, "QT_QPA_PLATFORM": "xcb"}, title)
                error = x11.stop(process)
                if window is None:
                    raise SystemExit(f"measure: no window from {program}: {error[-300:]}")
                out.setdefault(("first window (X11, Xvfb)", name), []).append(seconds)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "debate-editor")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv")
    parser.add_argument("--seed", type=Path, default=ROOT / "seeds" / "dod-safety.debate")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz size")
    args = parser.parse_args(argv)

    programs = {"bundle (dist/)": args.bundle / "debate-editor",
                "venv (.venv/bin)": args.venv / "bin" / "debate-editor"}
    times: dict[tuple[str, str], list[float]] = {}
    cpu: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        env = {"PATH": "/usr/bin:/bin", "HOME": scratch, "LANG": "C.UTF-8",
               "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": scratch}
        shot = str(Path(scratch) / "shot.png")
        tasks = {"first window (--screenshot)": [str(args.seed), "--screenshot", shot],
                 "command line (--version)": ["--version"]}
        for program in programs.values():  # warm the file cache once, untimed
            timed([str(program), *tasks["first window (--screenshot)"]], env)
        for _ in range(args.runs):
            for task, task_args in tasks.items():
                for name, program in programs.items():
                    wall, used = timed([str(program), *task_args], env)
                    times.setdefault((task, name), []).append(wall)
                    cpu.setdefault((task, name), []).append(used)
        if x11.available():
            times.update(time_x11(programs, args.seed, env, args.runs))

    size = folder_size(args.bundle)
    print(f"bundle: {args.bundle} ({os.cpu_count()} cores)")
    print(f"  size on disk: {size / 2**20:.0f} MiB")
    if not args.no_archive:
        print(f"  as .tar.gz:   {compressed_size(args.bundle) / 2**20:.0f} MiB")
    print(f"\n{'start-up (' + str(args.runs) + ' runs)':<30}{'program':<18}{'median':>8}"
          f"{'fastest':>9}{'CPU':>8}")
    for (task, name), values in times.items():
        used = f"{statistics.median(cpu[task, name]):>7.2f}s" if (task, name) in cpu else ""
        print(f"{task:<30}{name:<18}{statistics.median(values):>7.2f}s"
              f"{min(values):>8.2f}s{used}")
    print("(median and fastest: wall-clock seconds; CPU: median user + system seconds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
