"""A received `.debate` built to break the promises of README's "The .debate file": each
is refused with one plain sentence (the command line: one line, exit status 1), the file
untouched, or it opens and every edit reported done is in the file."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from pathlib import Path

import pytest

from debate_editor.cli import main
from debate_editor.domain import ClaimKind, DebateFileError
from debate_editor.store import DebateDocument


@pytest.fixture(scope="module")
def good_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.debate"
    with DebateDocument.create(path, "Good") as doc:
        thesis = doc.add_claim("A thesis", ClaimKind.THESIS, tags=("policy",))
        doc.add_claim("A reason", answers=thesis.id)
    return path


def changed(good: Path, folder: Path, *statements: str) -> Path:
    path = folder / "received.debate"
    path.write_bytes(good.read_bytes())
    raw = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        raw.execute(statement)
    raw.close()
    return path


def refused_everywhere(path: Path, match: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Refused by the library for reading and writing and by every reading command, with
    one line and exit status 1; the file keeps its bytes."""
    before = path.read_bytes()
    for read_only in (None, True, False):
        with pytest.raises(DebateFileError, match=re.escape(match)):
            DebateDocument.open(path, read_only=read_only)
    for command in (["info", str(path)], ["evaluate", str(path)],
                    ["export", str(path), "--format", "json"]):
        assert main(command) == 1
        out, err = capsys.readouterr()
        assert out == ""
        assert len(err.strip().splitlines()) == 1, err
        assert match in err and "internal error" not in err, err
    assert path.read_bytes() == before


def test_tags_nested_past_any_depth_are_damage(good_file: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Before: a RecursionError from the JSON reader, printed as an internal error."""
    deep = "[" * 100_000 + "]" * 100_000
    path = changed(good_file, tmp_path, f"UPDATE claims SET tags = '{deep}' WHERE id = 'c1'")
    refused_everywhere(path, "the tags of claim c1 are not a list of words", capsys)


@pytest.mark.parametrize("statement", [
    "UPDATE debate SET id = 2",
    "INSERT INTO debate VALUES (2, 'Other', '', '2026-01-01T00:00:00', '2026-01-01T00:00:00')",
])
def test_a_debate_record_other_than_the_one_is_damage(
        statement: str, good_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite checks no CHECK on a read-only connection, so a record numbered 2 opened, and
    a change of title was reported done and written nowhere (its UPDATE says id = 1)."""
    path = changed(good_file, tmp_path, "PRAGMA ignore_check_constraints = ON", statement)
    refused_everywhere(path, "one debate record", capsys)


@pytest.mark.parametrize("command", ["new", "import"])
def test_a_symlink_that_leads_round_in_a_circle_is_one_sentence(
        command: str, good_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Before: Python's RuntimeError for the loop, printed as an internal error."""
    loop = tmp_path / "loop.debate"
    loop.symlink_to(loop)
    source = tmp_path / "source.json"
    assert main(["export", str(good_file), "--format", "json", "-o", str(source)]) == 0
    words = (["new", str(loop), "--title", "T"] if command == "new"
             else ["import", str(source), "-o", str(loop)])
    assert main(words) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "internal error" not in err, err
    assert "circle" in err
    assert loop.is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == [
        "loop.debate", "source.json"]


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59.999999-23:59",
                                    "0001-01-01T00:00:00+23:59"])
def test_a_date_that_has_no_time_in_utc_is_damage(
        moment: str, good_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Before: it opened, and the AIF export (which writes UTC) stopped with an
    OverflowError printed as an internal error."""
    path = changed(good_file, tmp_path, f"UPDATE debate SET modified = '{moment}'")
    refused_everywhere(path, "outside the years 1 to 9999", capsys)


def test_an_imported_date_that_has_no_time_in_utc_is_one_sentence(
        good_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.json"
    assert main(["export", str(good_file), "--format", "json", "-o", str(source)]) == 0
    text = source.read_text(encoding="utf-8")
    start = text.index('"modified": "') + len('"modified": "')
    end = text.index('"', start)
    source.write_text(text[:start] + "9999-12-31T23:59:59-23:59" + text[end:], encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "out.debate")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "outside the years 1 to 9999" in err, err
    assert not (tmp_path / "out.debate").exists()


def test_a_position_past_any_map_is_damage(good_file: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Before: 1e308 and -1e308 opened, and the SVG, PDF and PNG exports stopped with
    an OverflowError (the map's width is infinite) printed as an internal error."""
    path = changed(good_file, tmp_path, "UPDATE claims SET x = 1e308, y = 0 WHERE id = 'c1'",
                   "UPDATE claims SET x = -1e308, y = 0 WHERE id = 'c2'")
    refused_everywhere(path, "x: Input should be less than or equal to", capsys)


def test_a_far_position_a_map_can_hold_still_exports(good_file: Path, tmp_path: Path) -> None:
    far = 100_000_000.0
    path = changed(good_file, tmp_path, f"UPDATE claims SET x = {far}, y = {-far} WHERE id = 'c1'",
                   f"UPDATE claims SET x = {-far}, y = {far} WHERE id = 'c2'")
    with DebateDocument.open(path, read_only=True) as doc:
        assert doc.claim("c1").position == (far, -far)
    assert main(["export", str(path), "--format", "svg", "-o", str(tmp_path / "far.svg")]) == 0
    assert (tmp_path / "far.svg").stat().st_size > 0


@pytest.mark.parametrize("suffix", ["-journal", "-shm"])
@pytest.mark.parametrize("kind", ["named pipe", "folder"])
def test_a_journal_beside_it_that_is_not_a_file_is_refused_at_once(
        kind: str, suffix: str, good_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite opens `NAME-journal` to see whether an edit was left half-way: a named pipe
    there made every command wait for a writer forever, a folder said "disk I/O error"
    (as did either beside a file in write-ahead-log mode, as `-shm`)."""
    path = changed(good_file, tmp_path, *(["PRAGMA journal_mode = WAL"] if suffix == "-shm"
                                          else []))
    journal = tmp_path / f"received.debate{suffix}"
    os.mkfifo(journal) if kind == "named pipe" else journal.mkdir()
    outcome: list[BaseException] = []

    def open_it() -> None:
        try:
            DebateDocument.open(path, read_only=True).close()
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=open_it, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # let the stuck open go, so the test run ends
        os.close(os.open(journal, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(10)
        pytest.fail("opening waited on the named pipe beside the file")
    assert outcome and isinstance(outcome[0], DebateFileError)
    refused_everywhere(path, f"has a {kind} named received.debate{suffix} beside it", capsys)


@pytest.mark.parametrize("rowid", [0, -7, -(2**63)])
def test_a_row_numbered_zero_or_below_is_read_like_any_other(
        rowid: int, good_file: Path, tmp_path: Path) -> None:
    """The reader pages by row number from 1: a claim stored as row -7 was never read,
    the window did not show it, and the next new claim took its id and was refused."""
    path = changed(good_file, tmp_path,
                   "INSERT INTO claims (id, text, kind) VALUES ('c9', 'Hidden', 'thesis')",
                   f"UPDATE claims SET rowid = {rowid} WHERE id = 'c9'")
    with DebateDocument.open(path) as doc:
        assert doc.claim("c9").text == "Hidden"
        added = doc.add_claim("One more")
    with DebateDocument.open(path, read_only=True) as doc:
        assert {"c9", added.id} <= set(doc.graph.claims)


def test_a_received_file_cannot_steer_the_terminal_through_its_sentence(
        good_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An id with escape sequences (set the window's title, clear the screen, red text)
    reached the terminal as they were, inside the sentence refusing the file."""
    evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31mYOUR FILES\x9b"
    path = changed(good_file, tmp_path, "PRAGMA foreign_keys = OFF",
                   f"UPDATE premises SET claim = '{evil}'")
    assert main(["info", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in err.rstrip("\n")), err
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mYOUR FILES\\x9b" in err


def test_text_that_is_not_utf8_is_damage_in_plain_words(
        good_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: "(sqlite3.OperationalError) Could not decode …", the driver's class name."""
    path = changed(good_file, tmp_path,
                   "UPDATE claims SET text = CAST(X'FF41' AS TEXT) WHERE id = 'c1'")
    refused_everywhere(path, "is damaged (Could not decode to UTF-8 column 'text'", capsys)


def test_save_as_onto_a_symlink_that_leads_round_in_a_circle_is_one_sentence(
        tmp_path: Path) -> None:
    """Before: Python's RuntimeError for the loop, out of the comparison with the open
    file's own path; the window goes on in its file."""
    loop = tmp_path / "loop.debate"
    loop.symlink_to(loop)
    with DebateDocument.create(tmp_path / "mine.debate", "Mine") as doc:
        with pytest.raises(DebateFileError, match="leads round in a circle"):
            doc.save_as(loop)
        doc.add_claim("Still editing", ClaimKind.THESIS)
        assert doc.path == tmp_path / "mine.debate"
    assert loop.is_symlink()


def test_an_edit_never_writes_a_position_the_file_would_refuse(tmp_path: Path) -> None:
    from debate_editor.domain import InvalidDebateError
    from debate_editor.domain.edit import Edit

    with DebateDocument.create(tmp_path / "mine.debate", "Mine") as doc:
        claim = doc.add_claim("A thesis", ClaimKind.THESIS)
        far = claim.model_copy(update={"x": 1e308, "y": 0.0})
        with pytest.raises(InvalidDebateError, match="less than or equal to"):
            doc.apply(Edit(update_claims=(far,)))
    with DebateDocument.open(tmp_path / "mine.debate", read_only=True) as doc:
        assert doc.claim(claim.id).x is None
