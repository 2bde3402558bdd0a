"""The .debate reader under fuzzing: real files with pages overwritten, schema objects we
did not make (from a small grammar of triggers, views, indexes and tables) and rows of
any type in any column, written through sqlite3 as another program would. Opening
(read-only, for writing, or as it can) and `info` either succeed with a debate that keeps
every rule or refuse with DebateFileError in one sentence; nothing else is ever raised,
and a refused file keeps its bytes (README, "What we guarantee"). `make fuzz` runs these
with fresh seeds and FUZZ_EXAMPLES examples; `make test` runs a few, always the same."""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from debate_editor.cli import main
from debate_editor.domain import ClaimKind, DebateFileError
from debate_editor.domain.validation import check_debate
from debate_editor.store import DebateDocument

_FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")) if _FUZZING else 12,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PAGE = 4096


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory, seed_file: Path) -> dict[str, bytes]:
    """The sample debate and one written here with undercuts, notes and tags."""
    path = tmp_path_factory.mktemp("made") / "made.debate"
    with DebateDocument.create(path, "Made") as doc:
        thesis = doc.add_claim("A thesis", ClaimKind.THESIS)
        for n in range(30):
            doc.add_claim(f"Reason {n} " + "with words " * 12, answers=thesis.id)
    return {"seed": seed_file.read_bytes(), "made": path.read_bytes()}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reader fuzz")


def _tables(path: Path) -> dict[str, list[str]]:
    raw = sqlite3.connect(path)
    try:
        names = [r[0] for r in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: [r[1] for r in raw.execute(f'PRAGMA table_info("{n}")')] for n in names}
    finally:
        raw.close()


VALUES = st.one_of(
    st.none(), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=True),
    st.text(max_size=40), st.binary(max_size=40),
    st.sampled_from(["", "[]", "{}", "null", "[1]", '["a", 5]', "2026-13-45", "c1", "l1",
                     "thesis", "support", "objection", "undercut", "\x00", "9" * 400]),
)


def _sql_value(draw: st.DrawFn) -> str:
    value = draw(st.sampled_from(["NULL", "0", "-1", "1e308", "'x'", "X'00FF'", "'[]'",
                                  "9223372036854775807", "'c1'"]))
    return value


@st.composite
def schema_object(draw: st.DrawFn, tables: dict[str, list[str]]) -> str:
    """One CREATE statement from a small grammar, over the file's own tables."""
    table = draw(st.sampled_from(sorted(tables)))
    column = draw(st.sampled_from(tables[table]))
    name = draw(st.sampled_from(["x", "claims_2", "stats", "idx", "ü ber", "v"]))
    kind = draw(st.sampled_from(["trigger", "view", "index", "table"]))
    if kind == "trigger":
        when = draw(st.sampled_from(["BEFORE", "AFTER"]))
        event = draw(st.sampled_from(["INSERT", "UPDATE", "DELETE"]))
        body = draw(st.sampled_from([
            f'DELETE FROM "{table}";',
            f'UPDATE "{table}" SET "{column}" = {_sql_value(draw)};',
            "SELECT RAISE(ABORT, 'no');",
            "SELECT 1;",
        ]))
        return f'CREATE TRIGGER "{name}" {when} {event} ON "{table}" BEGIN {body} END'
    if kind == "view":
        return f'CREATE VIEW "{name}" AS SELECT "{column}" FROM "{table}"'
    if kind == "index":
        unique = draw(st.sampled_from(["", "UNIQUE "]))
        return f'CREATE {unique}INDEX "{name}" ON "{table}" ("{column}")'
    columns = draw(st.lists(st.sampled_from(["a", "b TEXT", "c INTEGER NOT NULL", "id BLOB"]),
                            min_size=1, max_size=3, unique=True))
    return f'CREATE TABLE "{name}" ({", ".join(columns)})'


def _refused_or_sound(path: Path) -> None:
    """Every way of opening, then `info`: a sound debate or one sentence; a refused file
    keeps its bytes, and so does one opened and closed without an edit."""
    before = path.read_bytes()
    for read_only in (None, True, False):
        try:
            with DebateDocument.open(path, read_only=read_only) as doc:
                check_debate(doc.graph.claims.values(), doc.graph.links.values())
                assert len(doc.graph.reading_order()) == len(doc.graph.claims)
            event("opened")  # shown by --hypothesis-show-statistics (`make fuzz`)
        except DebateFileError as error:
            assert "\n" not in str(error)
            event("refused")
        assert path.read_bytes() == before
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["info", str(path)])
    assert (status, err.getvalue() == "") in ((0, True), (1, False))
    assert status == 0 or err.getvalue().count("\n") == 1
    assert path.read_bytes() == before


@FUZZ
@given(which=st.sampled_from(["seed", "made"]), data=st.data())
def test_pages_overwritten_open_soundly_or_are_refused(
    originals: dict[str, bytes], folder: Path, which: str, data: st.DataObject
) -> None:
    content = bytearray(originals[which])
    pages = len(content) // PAGE
    for _ in range(data.draw(st.integers(1, 3))):
        page = data.draw(st.integers(0, pages - 1))
        start = page * PAGE + data.draw(st.integers(0, PAGE - 1))
        chunk = data.draw(st.binary(min_size=1, max_size=PAGE))
        content[start : start + len(chunk)] = chunk[: len(content) - start]
    path = folder / "pages.debate"
    path.write_bytes(bytes(content[: len(originals[which])]))
    _refused_or_sound(path)


@FUZZ
@given(which=st.sampled_from(["seed", "made"]), data=st.data())
def test_schema_objects_we_did_not_make_are_refused(
    originals: dict[str, bytes], folder: Path, which: str, data: st.DataObject
) -> None:
    path = folder / "schema.debate"
    path.write_bytes(originals[which])
    statement = data.draw(schema_object(_tables(path)))
    with contextlib.closing(sqlite3.connect(path)) as raw:
        try:
            raw.execute(statement)
            raw.commit()
        except sqlite3.Error:  # the grammar can name what exists already: nothing changed
            return
    before = path.read_bytes()
    for read_only in (None, True, False):
        with pytest.raises(DebateFileError):
            DebateDocument.open(path, read_only=read_only)
    assert path.read_bytes() == before
    _refused_or_sound(path)


@FUZZ
@given(which=st.sampled_from(["seed", "made"]), data=st.data())
def test_rows_of_any_type_in_any_column_open_soundly_or_are_refused(
    originals: dict[str, bytes], folder: Path, which: str, data: st.DataObject
) -> None:
    path = folder / "rows.debate"
    path.write_bytes(originals[which])
    tables = _tables(path)
    with contextlib.closing(sqlite3.connect(path)) as raw:  # closed even if a draw stops
        _write_rows(raw, tables, data)
    _refused_or_sound(path)


def _write_rows(raw: sqlite3.Connection, tables: dict[str, list[str]],
                data: st.DataObject) -> None:
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("PRAGMA ignore_check_constraints = ON")
    for _ in range(data.draw(st.integers(1, 4))):
        table = data.draw(st.sampled_from(sorted(tables)))
        columns = tables[table]
        try:
            if data.draw(st.booleans()):
                column = data.draw(st.sampled_from(columns))
                raw.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid IN '
                            f'(SELECT rowid FROM "{table}" ORDER BY rowid LIMIT 1 OFFSET ?)',
                            (data.draw(VALUES), data.draw(st.integers(0, 40))))
            else:
                row = [data.draw(VALUES) for _ in columns]
                marks = ", ".join("?" * len(columns))
                raw.execute(f'INSERT INTO "{table}" VALUES ({marks})', row)
        except (sqlite3.Error, OverflowError):
            continue  # a constraint SQLite keeps even so: another row is tried
    raw.commit()
