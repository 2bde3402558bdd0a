"""Files another program made or changed: code hidden in the schema, rows no Debate Editor
writes, things that are not files. Each is refused with one plain sentence (or read
safely), the file untouched, never a traceback (README, "The .debate file")."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from debate_editor.domain import ClaimKind, DebateFileError
from debate_editor.domain.builders import claim_edit
from debate_editor.store import DebateDocument, inspect_file


@pytest.fixture(scope="module")
def good_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("good") / "good.debate"
    with DebateDocument.create(path, "Good") as doc:
        thesis = doc.add_claim("A thesis", ClaimKind.THESIS, tags=("policy",))
        for n in range(5):
            doc.add_claim(f"Reason {n}", answers=thesis.id)
    return path


def changed(good: Path, folder: Path, *statements: str) -> Path:
    path = folder / "changed.debate"
    path.write_bytes(good.read_bytes())
    raw = sqlite3.connect(path)
    for statement in statements:
        raw.execute(statement)
    raw.commit()
    raw.close()
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "debate_editor", *args],
                          capture_output=True, text=True, timeout=60)


def refused_everywhere(path: Path, match: str) -> None:
    """Refused for reading and for writing, by the library and by `info`, unchanged."""
    before = path.read_bytes()
    for read_only in (None, True, False):
        with pytest.raises(DebateFileError, match=match):
            DebateDocument.open(path, read_only=read_only)
    assert path.read_bytes() == before
    result = run_cli("info", str(path))
    assert result.returncode == 1, result.stdout
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and match in result.stderr
    assert path.read_bytes() == before


# ---- objects in the schema that we did not make ------------------------------------------

HIDDEN = {
    "a trigger rewriting every claim": (
        "CREATE TRIGGER t AFTER INSERT ON claims BEGIN UPDATE claims SET text='pwned'; END",
        "trigger t"),
    "a trigger choosing the error": (
        "CREATE TRIGGER no BEFORE UPDATE ON claims BEGIN "
        "SELECT RAISE(ABORT, 'Your licence has expired: call 555-0100'); END", "trigger no"),
    "a view": ("CREATE VIEW v AS SELECT id FROM claims", "view v"),
    "an index": ("CREATE INDEX claims_by_text ON claims(text)", "index claims_by_text"),
    "a table": ("CREATE TABLE extra (x)", "table extra"),
}


@pytest.mark.parametrize("what", list(HIDDEN))
def test_a_file_whose_schema_holds_objects_we_did_not_make_is_refused(
        what: str, good_file: Path, tmp_path: Path) -> None:
    statement, named = HIDDEN[what]
    refused_everywhere(changed(good_file, tmp_path, statement), f"holds a {named}")


def test_a_pwned_trigger_never_rewrites_the_claims(good_file: Path, tmp_path: Path) -> None:
    """The issue's file: before, one edit and every claim read 'pwned' on reopening."""
    path = changed(good_file, tmp_path, HIDDEN["a trigger rewriting every claim"][0])
    with pytest.raises(DebateFileError), DebateDocument.open(path) as doc:  # before: opened
        edit, _ = claim_edit(doc.graph, doc.ids, "One more")
        doc.apply(edit)
    raw = sqlite3.connect(path)
    assert "pwned" not in {text for (text,) in raw.execute("SELECT text FROM claims")}
    raw.close()


def test_a_table_whose_rules_were_taken_out_is_refused(good_file: Path, tmp_path: Path) -> None:
    """Same names, other SQL: the claims table rebuilt without its check on text."""
    path = changed(
        good_file, tmp_path, "PRAGMA foreign_keys = OFF",
        "CREATE TABLE c2 AS SELECT * FROM claims", "DROP TABLE claims",
        "CREATE TABLE claims (id TEXT PRIMARY KEY, text TEXT NOT NULL, kind TEXT NOT NULL, "
        "title TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', source TEXT NOT NULL "
        "DEFAULT '', tags TEXT NOT NULL DEFAULT '[]', x REAL, y REAL, ord INTEGER NOT NULL "
        "DEFAULT 0, argument_structure TEXT NOT NULL DEFAULT '', mark TEXT NOT NULL DEFAULT '')",
        "INSERT INTO claims SELECT * FROM c2", "DROP TABLE c2")
    refused_everywhere(path, "table claims that differs")


def test_a_file_we_made_passes_the_schema_check(good_file: Path) -> None:
    with DebateDocument.open(good_file, read_only=True) as doc:
        assert len(doc.graph.claims) == 6


def test_connections_never_trust_the_schema(good_file: Path) -> None:
    with DebateDocument.open(good_file, read_only=True) as doc:
        conn = doc._live()
        assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0


# ---- rows no Debate Editor writes ------------------------------------------------------

FOREIGN_ROWS = {
    "tags stored as null": "UPDATE claims SET tags = 'null' WHERE id = 'c1'",
    "tags stored as a number": "UPDATE claims SET tags = '5' WHERE id = 'c1'",
    "tags stored as one word": "UPDATE claims SET tags = '\"abc\"' WHERE id = 'c1'",
    "tags stored as an object": "UPDATE claims SET tags = '{\"a\": 1}' WHERE id = 'c1'",
    "tags stored as a list of numbers": "UPDATE claims SET tags = '[1, 2]' WHERE id = 'c1'",
    "tags stored as a blob": "UPDATE claims SET tags = X'5B5D' WHERE id = 'c1'",
    "created stored as a blob": "UPDATE debate SET created = X'323032362D30312D3031'",
    "modified stored as a number": "UPDATE debate SET modified = 1.5",
}


@pytest.mark.parametrize("what", list(FOREIGN_ROWS))
def test_rows_a_foreign_program_wrote_are_refused_plainly(
        what: str, good_file: Path, tmp_path: Path) -> None:
    refused_everywhere(changed(good_file, tmp_path, FOREIGN_ROWS[what]), "is damaged")


@pytest.mark.parametrize("version", [-1, -2147483648, 2147483647])
def test_a_negative_or_absurd_format_number_is_damage(
        version: int, good_file: Path, tmp_path: Path) -> None:
    path = changed(good_file, tmp_path, f"PRAGMA user_version = {version}")
    refused_everywhere(path, "is not one Debate Editor writes")


# ---- things that are not files ----------------------------------------------------------

def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "x.debate"
    os.mkfifo(path)
    outcome: list[BaseException] = []

    def inspect() -> None:
        try:
            inspect_file(path)
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=inspect, daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # unblock the reader that waits for a writer, then fail
        with open(path, "wb"):
            pass
        worker.join(5)
        pytest.fail("inspecting a named pipe waited for a writer")
    assert isinstance(outcome[0], DebateFileError)
    assert "named pipe" in str(outcome[0])
    result = run_cli("info", str(path))
    assert result.returncode == 1 and "named pipe" in result.stderr


def test_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "x.debate"
    link.symlink_to("/dev/null")
    with pytest.raises(DebateFileError, match="is a device"):
        DebateDocument.open(link, read_only=True)


def test_a_wal_mode_file_gets_no_files_beside_it_from_info(good_file: Path,
                                                           tmp_path: Path) -> None:
    path = changed(good_file, tmp_path, "PRAGMA journal_mode = WAL")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changed.debate"]
    result = run_cli("info", str(path))
    assert result.returncode == 0, result.stderr
    with DebateDocument.open(path, read_only=True) as doc:
        assert len(doc.graph.claims) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changed.debate"]
    with DebateDocument.open(path) as doc:  # editing turns it into a one-file debate
        edit, _ = claim_edit(doc.graph, doc.ids, "Written")
        doc.apply(edit)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["changed.debate"]
    with DebateDocument.open(path, read_only=True) as doc:
        assert len(doc.graph.claims) == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changed.debate"]
