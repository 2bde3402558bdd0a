"""A writer killed with SIGKILL loses nothing it reported done and leaves nothing half-done.

A child process (tests/crash_child.py) edits a file through `DebateDocument` and prints
"done N" after each `apply` returns; this test kills it at random moments. Afterwards
the file must open, pass SQLite's integrity check, and hold exactly the edits reported
done, plus possibly the one in flight, whole. The plain model replays the same seeded
stream to know what each state must be. `make test` kills 20 times; `--run-slow` 200.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from edit_stream import next_edit
from plain_debate import PlainDebate

from debate_editor.domain import ClaimKind, DebateFileError
from debate_editor.formats.json_format import write_json
from debate_editor.store import DebateDocument

CHILD = Path(__file__).with_name("crash_child.py")
SEED = 77


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_ready(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    if line != "ready":
        proc.kill()
        proc.wait()
        raise AssertionError(f"the writer did not start: {line!r} {proc.stderr.read()!r}")


def kill(proc: subprocess.Popen[str]) -> list[str]:
    """SIGKILL, then everything it printed before dying."""
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return out.split("\n")


def content(doc: DebateDocument) -> tuple[object, ...]:
    return (doc.info.title, doc.info.description, dict(doc.graph.claims), dict(doc.graph.links))


def journal(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def assert_sound(path: Path) -> None:
    """SQLite's own full check, and no link to a claim or link that is gone."""
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        raw.close()


def run_kills(folder: Path, kills: int) -> Counter[str]:
    path = folder / "crash test — ünïcødé 論証.debate"
    DebateDocument.create(path, "Crash").close()
    model = PlainDebate(title="Crash")
    number = 0  # the next edit of the stream
    rng = random.Random(SEED)
    seen: Counter[str] = Counter()
    for round_number in range(kills):
        proc = start("stream", str(path), str(SEED), str(number))
        wait_ready(proc)
        assert proc.stdout is not None
        lines = []
        for _ in range(rng.randint(0, 25)):  # let it run a while, then strike mid-edit
            lines.append(proc.stdout.readline().strip())
        time.sleep(rng.uniform(0, 0.004))
        lines += kill(proc)
        done = [int(line.split()[1]) for line in lines if line.startswith("done ")]
        last = max(done, default=number - 1)
        for n in range(number, last + 1):
            model = model.apply(next_edit(model.claims, model.links, n, SEED))
        in_flight = model.apply(next_edit(model.claims, model.links, last + 1, SEED))
        left = journal(path).stat().st_size if journal(path).exists() else None
        seen["journal with pages left"] += bool(left)
        seen["empty journal left"] += left == 0

        with DebateDocument.open(path, read_only=round_number % 2 == 0) as doc:
            found = content(doc)
        if found == model.content():
            seen["edit in flight absent"] += 1
            number = last + 1
        else:
            assert found == in_flight.content(), (
                f"round {round_number}: the file holds neither the {last + 1} edits reported "
                f"done nor those and the one in flight"
            )
            seen["edit in flight present, whole"] += 1
            model, number = in_flight, last + 2
        assert_sound(path)
    seen["edits"] = number
    return seen


def test_twenty_kills_lose_no_reported_edit_and_tear_none(tmp_path: Path) -> None:
    seen = run_kills(tmp_path, 20)
    print(dict(seen))
    assert seen["edits"] >= 20


@pytest.mark.slow
def test_two_hundred_kills(tmp_path: Path) -> None:
    seen = run_kills(tmp_path, 200)
    print(dict(seen))
    assert seen["journal with pages left"] > 0


# ---- a kill inside one large transaction ---------------------------------------------


BIG = 10_000
"""Claims in one edit: with their links about 4 MB, more than SQLite's page cache holds,
so the writer overwrites pages of the file itself before it commits."""


def kill_mid_transaction(path: Path, how: str) -> None:
    """Kill the writer once its edit has begun to overwrite the file itself."""
    for _attempt in range(3):
        before = path.stat()
        proc = start("big", str(path), how, str(BIG))
        wait_ready(proc)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            now = path.stat()
            touched = (now.st_size, now.st_mtime_ns) != (before.st_size, before.st_mtime_ns)
            if touched and journal(path).exists():
                break
            time.sleep(0.0005)
        lines = kill(proc)
        if "done" not in lines and journal(path).exists():
            return
    raise AssertionError("could not catch the writer in the middle of its edit")


@pytest.mark.parametrize("how", ["add", "delete"])
def test_a_kill_inside_a_large_edit_leaves_the_file_as_before_it(
    tmp_path: Path, how: str
) -> None:
    path = tmp_path / "big edit.debate"
    with DebateDocument.create(path, "Big") as doc:
        thesis = doc.add_claim("A thesis", ClaimKind.THESIS)
        for n in range(30):
            doc.add_claim(f"Reason {n}", answers=thesis.id)
        before = content(doc)
    if how == "delete":  # first a large committed debate, then a kill while deleting it all
        proc = start("big", str(path), "add", str(BIG))
        wait_ready(proc)
        assert proc.communicate(timeout=120)[0].split() == ["done"]
        with DebateDocument.open(path, read_only=True) as doc:
            before = content(doc)
    kill_mid_transaction(path, how)
    # The file alone is half-written; its journal holds what the edit overwrote.
    with DebateDocument.open(path) as doc:
        assert not doc.read_only
        assert content(doc) == before
    assert not journal(path).exists()
    assert_sound(path)


# ---- Save As and import -o: the target is whole or untouched ---------------------------


@pytest.fixture(scope="module")
def big_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A debate of about 2 MB: big enough that copying it takes a while to interrupt."""
    path = tmp_path_factory.mktemp("source") / "big source.debate"
    with DebateDocument.create(path, "Big source") as doc:
        doc.add_claim("What the five thousand object to", ClaimKind.THESIS)
    proc = start("big", str(path), "add", "5000")
    wait_ready(proc)
    assert proc.communicate(timeout=120)[0].split() == ["done"]
    return path


def old_target(folder: Path) -> tuple[Path, tuple[object, ...]]:
    target = folder / "target — цель.debate"
    target.unlink(missing_ok=True)
    with DebateDocument.create(target, "What was there before") as doc:
        doc.add_claim("The old debate", ClaimKind.THESIS)
        return target, content(doc)


def whole_or_untouched(target: Path, old: tuple[object, ...], new: tuple[object, ...]) -> str:
    with DebateDocument.open(target, read_only=True) as doc:
        found = content(doc)
    assert found in (old, new), "the target holds neither the old debate nor the new one"
    assert_sound(target)
    return "new" if found == new else "old"


def writing_began(folder: Path) -> bool:
    """Both Save As and import write a temporary file beside the target first."""
    return any(p.name.startswith(".~") for p in folder.iterdir())


def kill_while_writing(proc: subprocess.Popen[str], folder: Path, delay: float) -> None:
    deadline = time.monotonic() + 120
    while not writing_began(folder) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    time.sleep(delay)
    kill(proc)


def writing_time(command: list[str], folder: Path, target: Path) -> float:
    """How long the writing takes: from the temporary file's appearance until it has
    replaced the target."""
    replaced = target.stat().st_ino
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while not writing_began(folder) and proc.poll() is None:
        time.sleep(0.0002)
    began = time.monotonic()
    while target.stat().st_ino == replaced and proc.poll() is None:
        time.sleep(0.0002)
    lasted = time.monotonic() - began
    assert proc.wait(timeout=120) == 0
    return lasted


def kill_rounds(command: list[str], folder: Path, new: tuple[object, ...]) -> Counter[str]:
    window = writing_time(command, folder, old_target(folder)[0])
    rng = random.Random(SEED)
    outcomes: Counter[str] = Counter()
    for _ in range(5):
        for leftover in folder.glob(".~*"):
            leftover.unlink()
        target, old = old_target(folder)
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        kill_while_writing(proc, folder, rng.uniform(0, window * 1.5))
        outcomes[whole_or_untouched(target, old, new)] += 1
    return outcomes + Counter({f"window {window:.3f} s": 1})


def test_a_kill_during_save_as_leaves_the_target_whole_or_untouched(
    big_source: Path, tmp_path: Path
) -> None:
    with DebateDocument.open(big_source, read_only=True) as doc:
        new = content(doc)
    source_bytes = big_source.read_bytes()
    target = tmp_path / "target — цель.debate"
    command = [sys.executable, str(CHILD), "save-as", str(big_source), str(target)]
    outcomes = kill_rounds(command, tmp_path, new)
    print(dict(outcomes))
    assert big_source.read_bytes() == source_bytes


def test_a_kill_during_import_leaves_the_target_whole_or_untouched(
    big_source: Path, tmp_path: Path
) -> None:
    with DebateDocument.open(big_source, read_only=True) as doc:
        text = write_json(doc.snapshot())
        new = content(doc)
    source = tmp_path.parent / f"{tmp_path.name} import.json"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "target — цель.debate"
    command = [sys.executable, "-m", "debate_editor", "import", str(source), "-o", str(target)]
    outcomes = kill_rounds(command, tmp_path, new)
    print(dict(outcomes))


# ---- a journal left by a killed writer never reaches another file ---------------------


@pytest.fixture
def killed_mid_edit(tmp_path: Path) -> Path:
    """A debate whose writer was killed inside a large edit: its journal is still beside it."""
    path = tmp_path / "killed mid-edit — убит.debate"
    with DebateDocument.create(path, "Killed") as doc:
        doc.add_claim("A thesis", ClaimKind.THESIS)
    kill_mid_transaction(path, "add")
    assert journal(path).stat().st_size > 0
    return path


def imported(tmp_path: Path) -> tuple[Path, tuple[object, ...]]:
    source = tmp_path / "other.debate"
    with DebateDocument.create(source, "Something else entirely") as doc:
        doc.add_claim("A different thesis", ClaimKind.THESIS)
        other = content(doc)
        text = write_json(doc.snapshot())
    json_file = tmp_path / "other.json"
    json_file.write_text(text, encoding="utf-8")
    source.unlink()
    return json_file, other


def test_import_over_a_debate_killed_mid_edit_gives_the_imported_debate(
    killed_mid_edit: Path, tmp_path: Path
) -> None:
    json_file, other = imported(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "debate_editor", "import", str(json_file), "-o",
         str(killed_mid_edit)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    with DebateDocument.open(killed_mid_edit) as doc:
        assert content(doc)[:2] == other[:2]
        assert content(doc)[2:] == other[2:]
    assert_sound(killed_mid_edit)


def test_save_as_over_a_debate_killed_mid_edit_gives_the_saved_debate(
    killed_mid_edit: Path, tmp_path: Path
) -> None:
    with DebateDocument.create(tmp_path / "mine.debate", "Mine") as doc:
        doc.add_claim("My thesis", ClaimKind.THESIS)
        mine = content(doc)
        doc.save_as(killed_mid_edit)
    with DebateDocument.open(killed_mid_edit) as doc:
        assert content(doc) == mine
    assert_sound(killed_mid_edit)


def test_a_new_debate_where_one_was_deleted_without_its_journal_starts_empty(
    killed_mid_edit: Path,
) -> None:
    killed_mid_edit.unlink()  # the journal stays behind, as a file manager would leave it
    with DebateDocument.create(killed_mid_edit, "Fresh start") as doc:
        assert doc.graph.claims == {}
    with DebateDocument.open(killed_mid_edit) as doc:
        assert doc.title == "Fresh start" and doc.graph.claims == {}
    assert_sound(killed_mid_edit)


def test_the_command_line_puts_back_a_debate_killed_mid_edit(killed_mid_edit: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "debate_editor", "info", str(killed_mid_edit), "--json"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["claims"] == 1
    assert not journal(killed_mid_edit).exists()
    assert_sound(killed_mid_edit)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_debate_killed_mid_edit_is_refused_and_left_alone(
    killed_mid_edit: Path, what: str
) -> None:
    """Putting it back means writing; a read-only file or folder says no to that."""
    made_read_only = killed_mid_edit if what == "file" else killed_mid_edit.parent
    files = (killed_mid_edit, journal(killed_mid_edit))
    before = [p.read_bytes() for p in files]
    mode = made_read_only.stat().st_mode
    made_read_only.chmod(0o555 if what == "folder" else 0o444)
    try:
        for read_only in (None, True, False):
            with pytest.raises(DebateFileError, match=f"half-way through an edit.*{what}"):
                DebateDocument.open(killed_mid_edit, read_only=read_only)
        result = subprocess.run(
            [sys.executable, "-m", "debate_editor", "info", str(killed_mid_edit)],
            capture_output=True, text=True, timeout=120)
        assert result.returncode == 1 and result.stderr.count("\n") == 1
        assert "half-way through an edit" in result.stderr
    finally:
        made_read_only.chmod(mode)
    assert [p.read_bytes() for p in files] == before
