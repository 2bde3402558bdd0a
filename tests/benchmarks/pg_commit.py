"""What a PostgreSQL server costs the tests and an edit, beside SQLite.

    python tests/benchmarks/pg_commit.py [--starts 3] [--commits 500] [--json FILE]

Prints, for each set of server binaries tests/pg_server.py finds: the time the test
fixture takes to start a server (initdb, start, wait until it answers, create the
database) and stop it; then a bare one-row commit (BEGIN, one INSERT, COMMIT) on a
server with its default durable settings and with the tests' fast settings, over TCP on
the loopback and over a unix socket, beside the same commit in an SQLite file with the
settings a .debate file has (rollback journal, synchronous FULL). Both databases sit on
the same file system (the system's temporary folder). Medians and p99 over --commits.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pg_server


def _summary(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {"median_ms": statistics.median(ordered) * 1000,
            "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000}


def sqlite_commits(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "bench.debate", isolation_level=None)
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        times = []
        for i in range(count):
            began = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t (id, text) VALUES (?, ?)", (i, "a claim"))
            conn.execute("COMMIT")
            times.append(time.perf_counter() - began)
        conn.close()
    return _summary(times)


def pg_commits(url: str, count: int) -> dict[str, float]:
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS t (id integer PRIMARY KEY, text text NOT NULL)")
        conn.execute("TRUNCATE t")
        conn.commit()
        times = []
        for i in range(count):
            began = time.perf_counter()
            conn.execute("INSERT INTO t (id, text) VALUES (%s, %s)", (i, "a claim"))
            conn.commit()
            times.append(time.perf_counter() - began)
    return _summary(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results: dict[str, object] = {"sqlite_file": sqlite_commits(args.commits)}
    print(f"SQLite file, one-row commit: {_fmt(results['sqlite_file'])}")
    for binaries in pg_server.candidates():
        name = f"{binaries.source}-{binaries.version}"
        starts, stops = [], []
        for _ in range(args.starts):
            server = pg_server.start_server(binaries.source)
            starts.append(server.start_seconds)
            began = time.perf_counter()
            pg_server.stop(server)
            stops.append(time.perf_counter() - began)
        entry: dict[str, object] = {"start_s": statistics.median(starts),
                                    "stop_s": statistics.median(stops)}
        print(f"PostgreSQL {binaries.version} ({binaries.source}): fixture start "
              f"{entry['start_s']:.2f} s (median of {args.starts}), stop {entry['stop_s']:.2f} s")
        for label, settings in (("durable", {}), ("fast", pg_server.FAST_SETTINGS)):
            with pg_server.running_server(binaries.source, settings) as server:
                with psycopg.connect(server.url()) as conn:
                    shown = {key: conn.execute(f"SHOW {key}").fetchone()[0]
                             for key in ("fsync", "synchronous_commit", "wal_sync_method")}
                print(f"  {label}: {shown}")
                for via, url in (("tcp", server.url()), ("socket", server.socket_url())):
                    figures = pg_commits(url, args.commits)
                    entry[f"{label}_{via}"] = figures
                    print(f"  one-row commit, {label} settings, {via}: {_fmt(figures)}")
        results[name] = entry
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _fmt(figures: object) -> str:
    assert isinstance(figures, dict)
    return f"median {figures['median_ms']:.3f} ms, p99 {figures['p99_ms']:.3f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
