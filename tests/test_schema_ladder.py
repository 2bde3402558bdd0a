"""Schema 1 files, written by the program before co-premises, climb to schema 2 (a link's
premises in their own table) and 3 (the user's own marks) losing nothing (README, "The
.debate file"): opened for writing they are upgraded in one transaction; opened
read-only they are read through the same upgrade in memory and left byte for byte as they
were.

`tests/data/schema1/` holds files that program wrote: the sample debate (with its JSON
export of the time) and a generated debate of 1,000 claims with undercuts and claims
under two parents. What they hold is read here straight from their rows with sqlite3,
not through the code under test.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from debate_editor.domain.model import Mark, Strength
from debate_editor.formats.json_format import read_json, write_json
from debate_editor.store.document import DebateDocument
from debate_editor.store.file import WriterLock
from debate_editor.store.schema import SCHEMA_VERSION

DATA = Path(__file__).parent / "data" / "schema1"
FILES = ["seed-v1.debate", "generated-1000-v1.debate"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _user_version(path: Path) -> int:
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])
    finally:
        raw.close()


def _rows_of_schema1(path: Path) -> dict[str, Any]:
    """Everything a schema 1 file says, in the words of schema 1 (one `source` a link)."""
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    raw.row_factory = sqlite3.Row
    try:
        info = dict(raw.execute("SELECT title, description FROM debate").fetchone())
        claims = {row["id"]: (row["text"], row["kind"], row["title"], row["note"],
                              row["source"], tuple(json.loads(row["tags"])), row["x"],
                              row["y"], row["ord"], row["argument_structure"])
                  for row in raw.execute("SELECT * FROM claims")}
        links = {row["id"]: ((row["source"],), row["to_claim"], row["to_link"], row["kind"],
                             row["ord"])
                 for row in raw.execute("SELECT * FROM links")}
    finally:
        raw.close()
    return {"info": info, "claims": claims, "links": links}


def _content(doc: DebateDocument) -> dict[str, Any]:
    return {
        "info": {"title": doc.info.title, "description": doc.info.description},
        "claims": {c.id: (c.text, c.kind.value, c.title, c.note, c.source, c.tags, c.x, c.y,
                          c.order, c.argument_structure) for c in doc.claims()},
        "links": {link.id: (link.sources, link.to_claim, link.to_link, link.kind.value,
                            link.order) for link in doc.links()},
    }


@pytest.fixture(params=FILES)
def old_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    target = tmp_path / request.param
    shutil.copyfile(DATA / request.param, target)
    return target


def test_the_test_files_are_schema_1_with_the_shapes_the_ladder_must_carry() -> None:
    """Undercuts and claims under two parents are in the big file, else it proves little."""
    rows = _rows_of_schema1(DATA / "generated-1000-v1.debate")
    assert _user_version(DATA / "generated-1000-v1.debate") == 1
    assert len(rows["claims"]) == 1000
    undercuts = [link for link in rows["links"].values() if link[2] is not None]
    assert len(undercuts) >= 5
    sources = [link[0][0] for link in rows["links"].values() if link[1] is not None]
    assert len(sources) - len(set(sources)) >= 10  # claims standing under a second parent


def test_a_read_only_open_reads_everything_and_leaves_the_file_as_it_was(
    old_file: Path,
) -> None:
    before, expected = _digest(old_file), _rows_of_schema1(old_file)
    with DebateDocument.open(old_file, read_only=True) as doc:
        assert doc.read_only
        assert doc.schema_version == 1  # what the file is; it is read as schema 2
        assert _content(doc) == expected
        assert {c.mark for c in doc.claims()} == {Mark.UNMARKED}
        assert {link.strength for link in doc.links()} == {Strength.UNMARKED}
    assert _digest(old_file) == before
    assert sorted(os.listdir(old_file.parent)) == [old_file.name]  # no journal left beside


def test_a_file_open_for_writing_elsewhere_is_still_opened_read_only(old_file: Path) -> None:
    """Before schema 2 an old file that could not be upgraded here was refused ("older
    format and cannot be upgraded"); now it is read, and still not written."""
    before, expected = _digest(old_file), _rows_of_schema1(old_file)
    other = WriterLock(old_file)
    assert other.acquire()
    try:
        with DebateDocument.open(old_file) as doc:
            assert doc.read_only and "another window" in doc.read_only_reason
            assert _content(doc) == expected
    finally:
        other.release()
    assert _digest(old_file) == before


def test_a_write_open_upgrades_the_file_to_today_s_schema_losing_nothing(old_file: Path) -> None:
    expected = _rows_of_schema1(old_file)
    with DebateDocument.open(old_file) as doc:
        assert not doc.read_only
        assert doc.schema_version == SCHEMA_VERSION == 3
        assert _content(doc) == expected
    assert _user_version(old_file) == SCHEMA_VERSION
    with DebateDocument.open(old_file) as again:  # and the upgraded file opens as ours
        assert _content(again) == expected
        claim = next(iter(again.claims()))
        again.update_claim(claim.id, text="Edited after the upgrade", mark=Mark.ACCEPTED)
    with DebateDocument.open(old_file, read_only=True) as third:
        assert third.claim(claim.id).text == "Edited after the upgrade"
        assert third.claim(claim.id).mark is Mark.ACCEPTED


def test_the_upgraded_file_keeps_the_rows_in_their_written_order(old_file: Path) -> None:
    """The paged reader and "the order the rows were written" rely on rowids kept."""
    raw = sqlite3.connect(old_file)
    order_before = [row[0] for row in raw.execute("SELECT id FROM links ORDER BY rowid")]
    raw.close()
    DebateDocument.open(old_file).close()
    raw = sqlite3.connect(old_file)
    assert [row[0] for row in raw.execute("SELECT id FROM links ORDER BY rowid")] == order_before
    premises = raw.execute("SELECT link, seq, claim FROM premises ORDER BY rowid").fetchall()
    raw.close()
    assert [link for link, _, _ in premises] == order_before
    assert {seq for _, seq, _ in premises} == {0}


def test_the_json_export_of_an_upgraded_file_is_the_old_export_in_schema_2() -> None:
    """The seed's JSON as the old program wrote it, read by today's reader (version 1
    still read), equals today's export of the upgraded file."""
    old_json = (DATA / "seed-v1.json").read_text(encoding="utf-8")
    assert json.loads(old_json)["schema_version"] == 1
    with DebateDocument.open(DATA / "seed-v1.debate", read_only=True) as doc:
        exported = write_json(doc.snapshot())
    assert json.loads(exported)["schema_version"] == 2  # the JSON's own version
    assert all(isinstance(link["sources"], list) for link in json.loads(exported)["links"])
    assert read_json(old_json) == read_json(exported)
