"""Files that are not ours, damaged or too new: one documented error, the file untouched."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from debate_editor.domain import ClaimKind, DebateFileError
from debate_editor.store import DebateDocument


@pytest.fixture(scope="module")
def good_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A debate big enough to span many pages, so truncation cuts real data."""
    path = tmp_path_factory.mktemp("good") / "good.debate"
    with DebateDocument.create(path, "Good") as doc:
        thesis = doc.add_claim("A thesis", ClaimKind.THESIS)
        for n in range(60):
            doc.add_claim(f"Reason number {n} " + "with words " * 20, answers=thesis.id)
    return path


def make_text(folder: Path, good: Path) -> Path:
    path = folder / "notes.debate"
    path.write_text("Just some notes, not a debate.\n", encoding="utf-8")
    return path


def make_empty(folder: Path, good: Path) -> Path:
    path = folder / "empty.debate"
    path.write_bytes(b"")
    return path


def make_foreign_sqlite(folder: Path, good: Path) -> Path:
    path = folder / "contacts.debate"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    raw.execute("INSERT INTO contacts VALUES ('Ada', '123')")
    raw.commit()
    raw.close()
    return path


def make_newer(folder: Path, good: Path) -> Path:
    path = folder / "from the future.debate"
    path.write_bytes(good.read_bytes())
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    return path


def make_random_bytes(folder: Path, good: Path) -> Path:
    path = folder / "noise.debate"
    path.write_bytes(random.Random(1).randbytes(20_000))
    return path


def make_scribbled(folder: Path, good: Path) -> Path:
    """A real debate with a stretch of its pages overwritten."""
    data = bytearray(good.read_bytes())
    rng = random.Random(2)
    start = len(data) // 2
    data[start : start + 3000] = rng.randbytes(3000)
    path = folder / "scribbled.debate"
    path.write_bytes(bytes(data))
    return path


BAD_FILES: dict[str, Callable[[Path, Path], Path]] = {
    "text file": make_text,
    "empty file": make_empty,
    "another program's database": make_foreign_sqlite,
    "newer version": make_newer,
    "random bytes": make_random_bytes,
    "damaged pages": make_scribbled,
}

MESSAGES = {
    "text file": "not a debate file",
    "empty file": "is empty",
    "another program's database": "another program",
    "newer version": "newer Debate Editor",
    "random bytes": "not a debate file",
    "damaged pages": "damaged",
}


def truncated(good: Path, folder: Path, offset: int) -> Path:
    path = folder / f"cut at {offset}.debate"
    path.write_bytes(good.read_bytes()[:offset])
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debate_editor", *args],
        capture_output=True, text=True, timeout=60,
    )


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_refused_with_a_plain_message_and_left_as_it_was(
    kind: str, good_file: Path, tmp_path: Path
) -> None:
    path = BAD_FILES[kind](tmp_path, good_file)
    before = path.read_bytes()
    for read_only in (None, True, False):
        with pytest.raises(DebateFileError, match=MESSAGES[kind]):
            DebateDocument.open(path, read_only=read_only)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_truncated_files_are_refused_at_any_length(good_file: Path, tmp_path: Path) -> None:
    size = good_file.stat().st_size
    offsets = [1, 50, 99, 100, 4096, size // 2, size - 4096, size - 1]
    offsets += random.Random(3).sample(range(1, size), 12)
    for offset in offsets:
        path = truncated(good_file, tmp_path, offset)
        before = path.read_bytes()
        with pytest.raises(DebateFileError):
            DebateDocument.open(path)
        assert path.read_bytes() == before, offset


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(DebateFileError, match="does not exist"):
        DebateDocument.open(tmp_path / "no such folder" / "x.debate")


@pytest.mark.parametrize("kind", ["text file", "another program's database", "newer version",
                                  "damaged pages"])
def test_the_command_line_says_one_line_and_exits_1(
    kind: str, good_file: Path, tmp_path: Path
) -> None:
    path = BAD_FILES[kind](tmp_path, good_file)
    before = path.read_bytes()
    for args in (["info", str(path), "--json"], ["export", str(path), "--format", "json"]):
        result = run_cli(*args)
        assert result.returncode == 1, result
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and MESSAGES[kind] in lines[0], result.stderr
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_the_gui_command_refuses_a_bad_file_before_any_window(
    good_file: Path, tmp_path: Path
) -> None:
    path = make_foreign_sqlite(tmp_path, good_file)
    before = path.read_bytes()
    result = run_cli(str(path))
    assert result.returncode == 1
    assert "another program" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
