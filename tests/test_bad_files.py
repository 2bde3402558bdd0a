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


# ---- damage at random: hypothesis cuts and flips bits of real debate files ----------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from debate_editor.domain.validation import check_debate  # noqa: E402

ODD_FOLDER = "Débats & 论证 — سجل 📁"
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def opens_soundly_or_is_refused(path: Path, read_only: bool | None) -> str:
    """Either a sound debate or DebateFileError; anything else is a crash. Never a change."""
    before = path.read_bytes()
    neighbours = sorted(p.name for p in path.parent.iterdir())
    try:
        with DebateDocument.open(path, read_only=read_only) as doc:
            check_debate(doc.graph.claims.values(), doc.graph.links.values())
            assert len(doc.graph.reading_order()) == len(doc.graph.claims)
            doc.graph.depths()
        outcome = "opened"
    except DebateFileError as error:
        assert "\n" not in str(error)
        outcome = "refused"
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == neighbours
    return outcome


@pytest.fixture(scope="module")
def real_files(good_file: Path, seed_file: Path) -> dict[str, bytes]:
    return {"seed": seed_file.read_bytes(), "good": good_file.read_bytes()}


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / ODD_FOLDER
    folder.mkdir()
    return folder


@FUZZ
@given(which=st.sampled_from(["seed", "good"]), cut=st.floats(0, 1, exclude_max=True),
       read_only=st.sampled_from([None, True, False]))
def test_a_real_debate_cut_short_anywhere_is_refused(
    real_files: dict[str, bytes], fuzz_folder: Path, which: str, cut: float,
    read_only: bool | None,
) -> None:
    data = real_files[which]
    path = fuzz_folder / "обрезанный файл.debate"
    path.write_bytes(data[: int(len(data) * cut)])
    assert opens_soundly_or_is_refused(path, read_only) == "refused"


@FUZZ
@given(which=st.sampled_from(["seed", "good"]),
       flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 7)),
                      min_size=1, max_size=8),
       read_only=st.sampled_from([None, True, False]))
def test_a_real_debate_with_flipped_bits_opens_soundly_or_is_refused(
    real_files: dict[str, bytes], fuzz_folder: Path, which: str,
    flips: list[tuple[float, int]], read_only: bool | None,
) -> None:
    data = bytearray(real_files[which])
    for where, bit in flips:
        data[int(len(data) * where)] ^= 1 << bit
    path = fuzz_folder / "файл с ошибками.debate"
    path.write_bytes(bytes(data))
    opens_soundly_or_is_refused(path, read_only)


# ---- rows another program wrote wrongly -----------------------------------------------

MISWRITTEN = {
    "tags that are not JSON": "UPDATE claims SET tags = '[\"unclosed' WHERE id = 'c3'",
    "a date that is not a date": "UPDATE debate SET created = 'last Tuesday'",
    "an unknown kind of claim": "UPDATE claims SET kind = 'rumour' WHERE id = 'c3'",
    "a link to a claim that is gone": (
        "UPDATE links SET to_claim = 'c999' WHERE id = "
        "(SELECT link FROM premises WHERE claim = 'c3')"),
    "a link from a claim that is gone": "UPDATE premises SET claim = 'c999' WHERE claim = 'c3'",
    "a link with no premise": "DELETE FROM premises WHERE claim = 'c3'",
    "a premise that is its own link's target": (
        "INSERT INTO premises SELECT link, 1, (SELECT to_claim FROM links WHERE id = link) "
        "FROM premises WHERE claim = 'c3'"),
    "an undercut that is a support": (
        "INSERT INTO links VALUES ('l90', NULL, "
        "(SELECT link FROM premises WHERE claim = 'c3'), 'support', 0, '');"
        "INSERT INTO premises VALUES ('l90', 0, 'c4')"),
    "one claim answering another twice": (
        "INSERT INTO links SELECT 'l91', to_claim, to_link, kind, 5, '' FROM links WHERE id = "
        "(SELECT link FROM premises WHERE claim = 'c3');"
        "INSERT INTO premises VALUES ('l91', 0, 'c3')"),
    "undercuts in a circle": (
        "INSERT INTO links VALUES ('l92', NULL, 'l93', 'objection', 0, '');"
        "INSERT INTO links VALUES ('l93', NULL, 'l92', 'objection', 0, '');"
        "INSERT INTO premises VALUES ('l92', 0, 'c4'), ('l93', 0, 'c5')"),
    "a mark no Debate Editor writes": "UPDATE claims SET mark = 'maybe' WHERE id = 'c3'",
    "no debate record": "DELETE FROM debate",
    "a table missing": "DROP TABLE links",
    "text that is not UTF-8": "UPDATE claims SET text = CAST(X'C328' AS TEXT) WHERE id = 'c3'",
}


@pytest.mark.parametrize("what", list(MISWRITTEN))
def test_rows_another_program_wrote_wrongly_are_refused(
    what: str, good_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / ODD_FOLDER
    folder.mkdir()
    path = folder / f"{what}.debate"
    path.write_bytes(good_file.read_bytes())
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("PRAGMA ignore_check_constraints = ON")
    raw.executescript(MISWRITTEN[what])
    raw.close()
    before = path.read_bytes()
    for read_only in (None, True, False):
        with pytest.raises(DebateFileError, match="damaged"):
            DebateDocument.open(path, read_only=read_only)
    assert path.read_bytes() == before
    result = run_cli("info", str(path))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "damaged" in result.stderr and "Traceback" not in result.stderr


# ---- odd names, missing folders --------------------------------------------------------


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_files_with_spaces_and_non_latin_names_are_refused_the_same_way(
    kind: str, good_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / ODD_FOLDER / "ещё одна папка"
    folder.mkdir(parents=True)
    path = BAD_FILES[kind](folder, good_file)
    named = path.rename(folder / f"{kind} — 論証 مناظرة.debate")
    before = named.read_bytes()
    with pytest.raises(DebateFileError, match=MESSAGES[kind]) as caught:
        DebateDocument.open(named)
    assert str(named) in str(caught.value)  # the message names the file as it is spelt
    result = run_cli("export", str(named), "--format", "json")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and MESSAGES[kind] in result.stderr
    assert named.read_bytes() == before


def test_commands_name_a_missing_folder_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "нет такой папки" / "x y.debate"
    source = tmp_path / "source.json"
    source.write_text('{"claims": []}', encoding="utf-8")
    for args in (["info", str(missing)], ["new", str(missing), "--title", "T"],
                 ["import", str(source), "-o", str(missing)],
                 ["export", str(missing), "--format", "json"], [str(missing)]):
        result = run_cli(*args)
        assert result.returncode == 1, (args, result)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "does not exist" in lines[0], (args, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.json"]


def test_a_folder_named_like_a_debate_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "not a file.debate"
    folder.mkdir()
    with pytest.raises(DebateFileError, match="is a folder"):
        DebateDocument.open(folder)
    result = run_cli("info", str(folder))
    assert result.returncode == 1 and "is a folder" in result.stderr


def test_a_name_with_a_line_break_still_gives_one_line(good_file: Path, tmp_path: Path) -> None:
    path = make_foreign_sqlite(tmp_path, good_file).rename(tmp_path / "two\nlines.debate")
    result = run_cli("info", str(path))
    assert result.returncode == 1
    assert len(result.stderr.rstrip("\n").split("\n")) == 1, result.stderr
    assert "another program" in result.stderr
