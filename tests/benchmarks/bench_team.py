"""Team debates on a server, measured on one throwaway PostgreSQL server (README,
"Performance": "Team debates on a server").

    python tests/benchmarks/bench_team.py [--claims 1000] [--edits 500] [--big 10000]
                                          [--repeats 3] [--interval 0.15] [--json FILE]

One server is started by tests/pg_server.py (the tests' fast settings: fsync and
synchronous_commit off), and three things are measured on it:

1. an edit committed through `ServerDocument` (`update_claim` on a --claims debate: the
   check, the advisory lock, the version check, the rows, the log, the notice, the commit;
   a `catch_up` only when another member's edit came between), each timed right after a bare one-row
   commit (BEGIN; INSERT; COMMIT through psycopg) on the same server;
2. from one member's commit to the other member's window having repainted: a writer in a
   second process rewords one claim --edits times, about every --interval seconds, and
   prints the wall clock (`time.time()`) right after each commit returned (its own
   document's change event, emitted after the commit and before `apply`'s closing
   `catch_up`). This process holds a `MainWindow` on the same debate at 100 % zoom with
   that card in view; an event filter on the map's viewport paints each paint event
   itself and notes when it began and ended. An edit's figure runs from the writer's
   commit to the end of the first paint that began after this window's document emitted
   the event for that edit (or a later one) with the card showing it: the notice's way
   through the server, the socket notifier, `catch_up`'s reading of the rows, the views
   following the event, and the paint;
3. a --big debate opened from the server (`ServerDocument.open_server`) against the same
   debate opened from a file (`DebateDocument.open`), medians of --repeats, beside
   psycopg reading every row of it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="bench-config-"))

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from debate_editor.store.server_document import ServerDocument  # noqa: E402
from debate_editor.store.server_url import ServerAddress, parse_server_url  # noqa: E402

TARGET = "c1"
"""The claim the writer rewords: a thesis, always on the map."""
WORDED = re.compile(r"^Edit (\d+) ")


def _wording(n: int) -> str:
    return f"Edit {n} of the writer: the same claim, reworded for the benchmark."


def _summary(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {"median_ms": statistics.median(ordered) * 1000,
            "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
            "max_ms": ordered[-1] * 1000, "count": len(ordered)}


def _fmt(figures: dict[str, float]) -> str:
    return (f"median {figures['median_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms, "
            f"max {figures['max_ms']:.2f} ms (n={int(figures['count'])})")


# ---- the writer: a second process ------------------------------------------------------
def writer(url: str, edits: int, interval: float) -> None:
    """Reword TARGET `edits` times at jittered intervals; one JSON line per commit."""
    doc = ServerDocument.open_server(parse_server_url(url), by="writer")
    committed: list[float] = []
    doc.subscribe(lambda _event: committed.append(time.time()))
    chance = random.Random(7)
    print("ready", flush=True)
    sys.stdin.readline()  # the window is up
    for n in range(1, edits + 1):
        time.sleep(interval * chance.uniform(0.5, 1.5))
        committed.clear()
        doc.update_claim(TARGET, text=_wording(n))
        returned = time.time()
        print(json.dumps({"n": n, "committed": committed[0], "returned": returned}),
              flush=True)
    doc.close()


# ---- 1. an edit's commit against a bare commit ------------------------------------------
def edit_commits(address: ServerAddress, bare_url: str, count: int) -> dict[str, Any]:
    import psycopg

    doc = ServerDocument.open_server(address, by="bench")
    ids = sorted(c.id for c in doc.claims())
    chance = random.Random(3)
    edits, bare = [], []
    with psycopg.connect(bare_url) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bare_commit (id integer PRIMARY KEY, "
                     "text text NOT NULL)")
        conn.execute("TRUNCATE bare_commit")
        conn.commit()
        for i in range(count):
            began = time.perf_counter()
            conn.execute("INSERT INTO bare_commit (id, text) VALUES (%s, %s)", (i, "a claim"))
            conn.commit()  # psycopg began the transaction at the INSERT
            bare.append(time.perf_counter() - began)
            claim_id = chance.choice(ids)
            began = time.perf_counter()
            doc.update_claim(claim_id, text=f"Claim {claim_id} reworded, edit {i}.")
            edits.append(time.perf_counter() - began)
    doc.close()
    return {"edit": _summary(edits), "bare_commit": _summary(bare)}


# ---- 3. opening a big debate ---------------------------------------------------------
def opens(address: ServerAddress, path: Path, repeats: int) -> dict[str, Any]:
    import psycopg
    from psycopg import sql

    from debate_editor.store import DebateDocument
    from debate_editor.store.server import read_server_debate

    times: dict[str, list[float]] = {"server": [], "read_server_debate": [], "file": [],
                                     "bare_rows": []}
    schema = sql.Identifier(address.debate)
    for _ in range(repeats):
        began = time.perf_counter()
        doc = ServerDocument.open_server(address, by="bench")
        times["server"].append(time.perf_counter() - began)
        doc.close()
        began = time.perf_counter()
        read_server_debate(address)
        times["read_server_debate"].append(time.perf_counter() - began)
        began = time.perf_counter()
        file_doc = DebateDocument.open(path)
        times["file"].append(time.perf_counter() - began)
        file_doc.close()
        began = time.perf_counter()
        with psycopg.connect(_libpq_url(address)) as conn:
            for table in ("debate", "claims", "links"):
                conn.execute(sql.SQL("SELECT * FROM {}.{}").format(
                    schema, sql.Identifier(table))).fetchall()
        times["bare_rows"].append(time.perf_counter() - began)
    return {key: statistics.median(values) for key, values in times.items()}


def _libpq_url(address: ServerAddress) -> str:
    return f"postgresql://{address.user}@{address.host}:{address.port}/{address.database}"


# ---- 2. commit → the other window repainted ------------------------------------------
def latency(url: str, edits: int, interval: float) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    from debate_editor.ui.app import application
    from debate_editor.ui.main_window import MainWindow

    app = application()
    doc = ServerDocument.open_server(parse_server_url(url), by="window")
    window = MainWindow(doc, remember=False)
    view = window.canvas.view
    viewport = view.viewport()

    def shown() -> int:
        match = WORDED.match(window.canvas.scene.cards[TARGET]._text)
        return int(match.group(1)) if match else 0

    emitted: list[tuple[float, int]] = []  # (when, the edit the document then held)
    paints: list[tuple[float, float, int]] = []  # (began, ended, the edit the card showed)

    def heard(_event: object) -> None:
        match = WORDED.match(doc.claim(TARGET).text)
        emitted.append((time.time(), int(match.group(1)) if match else 0))

    class PaintClock(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() != QEvent.Type.Paint:
                return False
            began = time.time()
            view.viewportEvent(event)  # the paint the view's own filter would make next
            paints.append((began, time.time(), shown()))
            return True

    clock = PaintClock()
    window.resize(1202, 860)
    window.show()
    viewport.installEventFilter(clock)
    deadline = time.time() + 30
    while not paints and time.time() < deadline:
        app.processEvents()
    view.set_zoom(1.0)
    view.centerOn(window.canvas.scene.cards[TARGET].card_rect().center())
    doc.subscribe(heard)  # after the window's own session: the views have followed by then

    child = subprocess.Popen(
        [sys.executable, __file__, "--writer", url, "--edits", str(edits),
         "--interval", str(interval)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdin is not None and child.stdout is not None
    if child.stdout.readline().strip() != "ready":
        raise SystemExit("the writer did not start")
    commits: list[dict[str, float]] = []

    def read_commits() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            commits.append(json.loads(line))

    reader = threading.Thread(target=read_commits, daemon=True)
    reader.start()
    loop = QEventLoop()
    done = QTimer()
    done.setInterval(100)
    done.timeout.connect(lambda: loop.quit() if child.poll() is not None
                         and any(n >= edits for _b, _e, n in paints) else None)
    done.start()
    QTimer.singleShot(0, lambda: (child.stdin.write("go\n"), child.stdin.flush()))
    QTimer.singleShot(int((edits * interval * 1.5 + 60) * 1000), loop.quit)  # never forever
    loop.exec()
    done.stop()
    reader.join(timeout=10)
    child.wait(timeout=30)
    window.close()
    return _latencies(commits, emitted, paints)


def _latencies(commits: list[dict[str, float]], emitted: list[tuple[float, int]],
               paints: list[tuple[float, float, int]]) -> dict[str, Any]:
    """Each edit against the first event that held it (or a later edit) and the first
    paint that began after that event with the card showing it (or a later one)."""
    to_paint, to_paint_began, to_event, event_to_paint, returned = [], [], [], [], []
    missing = coalesced = 0
    for commit in commits:
        n, at = int(commit["n"]), commit["committed"]
        returned.append(commit["returned"] - at)
        event = next(((t, m) for t, m in emitted if m >= n and t >= at), None)
        if event is None:
            missing += 1
            continue
        coalesced += event[1] > n
        paint = next(((b, e) for b, e, m in paints if m >= n and b >= event[0]), None)
        if paint is None:
            missing += 1
            continue
        to_event.append(event[0] - at)
        to_paint_began.append(paint[0] - at)
        to_paint.append(paint[1] - at)
        event_to_paint.append(paint[1] - event[0])
    return {"commit_to_painted": _summary(to_paint),
            "commit_to_paint_began": _summary(to_paint_began),
            "commit_to_event": _summary(to_event),
            "event_to_painted": _summary(event_to_paint),
            "writer_commit_to_return": _summary(returned),
            "edits": len(commits), "missing": missing, "coalesced": coalesced}


# ---- the run -------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--big", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--interval", type=float, default=0.15)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--writer", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.writer:
        writer(args.writer, args.edits, args.interval)
        return 0

    import generate
    import pg_server

    from debate_editor.store.atomic import create_file
    from debate_editor.store.server import write_server_debate
    from debate_editor.ui.app import application

    application()  # before the layout's fonts make a plain QGuiApplication
    results: dict[str, Any] = {"load_average_before": os.getloadavg()}
    small = generate.laid_out(generate.generate(args.claims))
    big = generate.laid_out(generate.generate(args.big))
    with pg_server.running_server() as server, tempfile.TemporaryDirectory() as folder:
        results["server"] = f"PostgreSQL {server.binaries.version} ({server.binaries.source})"
        print(f"{results['server']}, test settings {dict(pg_server.FAST_SETTINGS)}")

        def put(name: str, debate: Any) -> str:
            url = f"{server.url()}?debate={name}"
            write_server_debate(parse_server_url(url), debate, replace=False)
            return url

        edit_url, window_url = put("edits", small), put("window", small)
        big_url = put("big", big)
        path = Path(folder) / "big.debate"
        create_file(path, big).release()

        one = edit_commits(parse_server_url(edit_url), server.url(), args.edits)
        results["edit_commit"] = one
        print(f"1. {args.claims:,} claims, update_claim through ServerDocument: "
              f"{_fmt(one['edit'])}")
        print(f"   bare one-row commit on the same server: {_fmt(one['bare_commit'])}")

        three = opens(parse_server_url(big_url), path, args.repeats)
        results["open_big"] = three
        print(f"3. {args.big:,} claims opened, median of {args.repeats}: "
              f"server {three['server']:.2f} s (read_server_debate alone "
              f"{three['read_server_debate']:.2f} s), file {three['file']:.2f} s, "
              f"psycopg reading every row {three['bare_rows']:.2f} s")

        two = latency(window_url, args.edits, args.interval)
        results["commit_to_repaint"] = two
        print(f"2. commit → the other window repainted ({two['edits']} edits, "
              f"{two['missing']} never seen, {two['coalesced']} read with a later one):")
        for key in ("commit_to_painted", "commit_to_paint_began", "commit_to_event",
                    "event_to_painted", "writer_commit_to_return"):
            print(f"   {key.replace('_', ' ')}: {_fmt(two[key])}")
    results["load_average_after"] = os.getloadavg()
    print(f"load average before {results['load_average_before']}, "
          f"after {results['load_average_after']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
