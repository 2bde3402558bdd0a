"""Time and peak memory of each importer, by input size: is each one linear?

    python tests/benchmarks/bench_import.py [--sizes 1 4 16] [--formats kialo argdown ...]

For each format and size (in MB) the input is made by the format's own exporter from a
generated debate (tests/benchmarks/generate.py; thread text by `thread_text` below), then
read by the importer, as `import` reads it. Printed per row: the input's size, seconds,
the peak of Python's allocations (tracemalloc) and both per MB of input. Linear readers
keep the two "per MB" columns flat as the size grows (README, "What we guarantee").
The figures are for reading; tests/test_import_limits.py holds the structural checks.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate, sentence

from debate_editor.formats import files, registry
from debate_editor.formats.registry import ExportOptions

FORMATS = ("kialo", "argdown", "json", "aif", "thread")
MB = 1_000_000


def thread_text(points: int, seed: int = 1) -> str:
    """A post and a reply of `points` numbered objections, one per line."""
    rng = random.Random(seed)
    post = "\n".join(sentence(rng) for _ in range(3))
    reply = "\n".join(f"{n}. {sentence(rng)}" for n in range(1, points + 1))
    return f"{post}\nI see the point, but:\n{reply}\n"


def input_of(fmt: str, megabytes: float) -> str:
    """Text in `fmt` of about `megabytes` MB, scaled from a small sample."""
    def make(n: int) -> str:
        if fmt == "thread":
            return thread_text(n)
        writer = registry.get(fmt).write
        assert writer is not None
        out = writer(generate(n), ExportOptions())
        return out.decode() if isinstance(out, bytes) else out

    count = 2000
    for _ in range(2):  # bigger debates nest deeper (Kialo's numbers grow): measure again
        per_item = len(make(count).encode()) / count
        count = max(10, int(megabytes * MB / per_item))
        if count <= 16_000:
            break
        count //= 8
    else:
        count *= 8
    return make(count)


def measure(fmt: str, text: str, folder: Path) -> tuple[float, int]:
    """Seconds importing `text` from a file as `import` does (formats.files), and the
    peak of bytes allocated importing it again under tracemalloc (which slows Python
    down, so that run is not timed)."""
    path = folder / f"input.{fmt}"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    files.import_debate(path, fmt)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    files.import_debate(path, fmt)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16])
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    args = parser.parse_args(argv)
    print(f"{'format':8} {'MB':>6} {'seconds':>8} {'peak MB':>8} {'s/MB':>6} {'peak/MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for fmt, size in ((fmt, size) for fmt in args.formats for size in args.sizes):
            text = input_of(fmt, size)
            megabytes = len(text.encode()) / MB
            seconds, peak = measure(fmt, text, Path(folder))
            del text
            print(f"{fmt:8} {megabytes:6.1f} {seconds:8.2f} {peak / MB:8.0f} "
                  f"{seconds / megabytes:6.2f} {peak / MB / megabytes:8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
