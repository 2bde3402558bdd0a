"""`debate-editor watch DEBATE` (README, "Command line", "Team debates on a server"): a
line of JSON for each change another process commits, to a file or a server debate, none
for another debate's edits, Ctrl+C ends it quietly, and a bad target is one line."""

from __future__ import annotations

import json
import select
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from test_cli import run_cli

from debate_editor.store import DebateDocument
from debate_editor.store.server_notice import CHANNEL, Notice

PATIENCE = 60
"""Seconds a test waits for a line before it gives up (a stuck watch, not a slow one)."""


@pytest.fixture
def watching() -> Iterator[Callable[[str], subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []

    def start(target: str) -> subprocess.Popen[str]:
        process = subprocess.Popen([sys.executable, "-m", "debate_editor", "watch", target],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def _first_line(process: subprocess.Popen[str], nudge: Callable[[int], None]) -> str:
    """The first line `process` prints, calling `nudge(n)` until it does: the watch may
    not be looking yet when the first change is made."""
    assert process.stdout is not None
    for attempt in range(PATIENCE * 4):
        nudge(attempt)
        ready, _, _ = select.select([process.stdout], [], [], 0.25)
        if ready:
            return process.stdout.readline()
        assert process.poll() is None, process.communicate()
    raise AssertionError("watch printed nothing")


def _interrupted(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=PATIENCE)
    return process.returncode, err


def test_watch_prints_the_claims_another_process_adds_to_a_file(
        tmp_path: Path, watching: Callable[[str], subprocess.Popen[str]]) -> None:
    path = tmp_path / "shared.debate"
    DebateDocument.create(path, "Shared").close()
    process = watching(str(path))
    writer = DebateDocument.open(path, read_only=False)
    added: list[str] = []

    def add(attempt: int) -> None:
        if attempt % 2 == 0:
            added.append(writer.add_claim(f"Claim {attempt}").id)

    try:
        change = json.loads(_first_line(process, add))
    finally:
        writer.close()
    assert change["by"] is None and change["links"] == []
    assert change["claims"] and set(change["claims"]) <= set(added)
    assert _interrupted(process) == (0, "")


def test_watch_prints_a_server_debates_notices_and_not_another_debates(
        fresh_pg_url: str, watching: Callable[[str], subprocess.Popen[str]]) -> None:
    assert run_cli("new", f"{fresh_pg_url}?debate=team", "--title", "Team").returncode == 0
    process = watching(f"{fresh_pg_url}?debate=team")
    sent: dict[int, Notice] = {}

    def notify(attempt: int) -> None:
        mine = Notice.of("team", attempt + 1, "alice", ["c2", "c1"], ["l1"])
        other = Notice.of("other", 1000 + attempt, "bob", ["c9"], [])
        sent[mine.seq] = mine
        with psycopg.connect(fresh_pg_url) as conn:  # committed at the end of the block
            for notice in (other, mine):
                conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, notice.payload()))

    change = json.loads(_first_line(process, notify))
    assert change == {"claims": ["c1", "c2"], "links": ["l1"], "by": "alice",
                      "seq": change["seq"]}
    assert change["seq"] in sent
    # A notice too big to name its rows says so.
    too_many = Notice.of("team", 99_999, "carol", [f"c{i}" for i in range(2000)], [])
    assert too_many.claims is None
    with psycopg.connect(fresh_pg_url) as conn:
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, too_many.payload()))
    assert process.stdout is not None
    for line in process.stdout:
        change = json.loads(line)
        assert change["by"] == "alice" or change["seq"] == 99_999
        if change["seq"] == 99_999:
            break
    assert change == {"claims": None, "links": None, "all": True, "by": "carol",
                      "seq": 99_999}
    assert _interrupted(process) == (0, "")


def test_watch_refuses_a_bad_target_with_one_line(tmp_path: Path, fresh_pg_url: str) -> None:
    for target, words in ((str(tmp_path / "missing.debate"), "no such file"),
                          (f"{fresh_pg_url}?debate=absent", "there is no debate named absent"),
                          ("postgresql://h/db", "names no debate")):
        result = run_cli("watch", target)
        assert result.returncode == 1, result.stderr
        assert words in result.stderr and result.stdout == ""
        assert result.stderr.count("\n") == 1
