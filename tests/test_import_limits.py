"""Bounded memory on big input: every importer's peak grows with its input, no faster
(README, "What we guarantee"). Memory, not time: tracemalloc counts the same bytes on a
busy machine as on an idle one. tests/benchmarks/bench_import.py prints the figures."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))

from bench_import import input_of

from debate_editor.formats import registry

# Peak allocations per byte of input of a file of about 2 MB, with a margin over what we
# measure (JSON and AIF about 8, Argdown 15, Kialo 17, thread text 18): most of it is the
# Debate itself, a model object for each claim and link. Argdown's syntax tree and model
# are freed before the claims are made, or it would peak at twice that.
BOUND = {"json": 10, "aif": 10, "thread": 20, "kialo": 20, "argdown": 18}


def _peak(fmt: str, text: str) -> int:
    read = registry.get(fmt).read
    assert read is not None
    tracemalloc.start()
    try:
        read(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("fmt", sorted(BOUND))
def test_peak_memory_is_linear_in_the_input(fmt: str) -> None:
    small, big = input_of(fmt, 0.5), input_of(fmt, 2)
    small_ratio = _peak(fmt, small) / len(small.encode())
    big_ratio = _peak(fmt, big) / len(big.encode())
    assert big_ratio <= BOUND[fmt], f"{fmt}: {big_ratio:.1f} bytes per byte of input"
    # Four times the input, at most a quarter more per byte: no pass is quadratic, no
    # list of every line or character outlives its use.
    assert big_ratio <= small_ratio * 1.25, (fmt, small_ratio, big_ratio)
