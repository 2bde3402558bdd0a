"""The .debate file: one transaction per edit, undo by inverse edits, Save As, one file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from debate_editor.domain import (
    Claim,
    ClaimKind,
    DebateChanged,
    DebateFileError,
    Edit,
    InvalidDebateError,
    LinkKind,
)
from debate_editor.store import APPLICATION_ID, SCHEMA_VERSION, DebateDocument, upgrades


def content(doc: DebateDocument) -> tuple[object, ...]:
    """What a person would call the debate: every claim and link, by id, and the title."""
    return (
        doc.info.title,
        sorted(c.model_dump_json() for c in doc.claims()),
        sorted(link.model_dump_json() for link in doc.links()),
    )


def reopened(path: Path) -> tuple[object, ...]:
    with DebateDocument.open(path, read_only=True) as doc:
        return content(doc)


def small_debate(doc: DebateDocument) -> dict[str, str]:
    thesis = doc.add_claim("Cities should ban cars", ClaimKind.THESIS)
    reason = doc.add_claim("Cleaner air", answers=thesis.id)
    objection = doc.add_claim("Deliveries need roads", answers=thesis.id,
                              link_kind=LinkKind.OBJECTION)
    arrow = doc.graph.pros(thesis.id)[0].link
    undercut = doc.add_claim("Air is already clean here", answers=arrow.id,
                             link_kind=LinkKind.OBJECTION)
    return {"thesis": thesis.id, "reason": reason.id, "objection": objection.id,
            "undercut": undercut.id, "arrow": arrow.id}


def test_the_file_is_marked_as_ours_with_its_schema_version(new_doc: DebateDocument) -> None:
    raw = sqlite3.connect(new_doc.path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()


def test_foreign_keys_are_enforced_on_the_documents_connection(new_doc: DebateDocument) -> None:
    raw = new_doc._driver()
    assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_every_edit_is_in_the_file_when_apply_returns(new_doc: DebateDocument) -> None:
    ids = small_debate(new_doc)
    # Another connection (another process would see the same) reads it without a save.
    raw = sqlite3.connect(new_doc.path)
    texts = {row[0] for row in raw.execute("SELECT text FROM claims")}
    raw.close()
    assert texts == {"Cities should ban cars", "Cleaner air", "Deliveries need roads",
                     "Air is already clean here"}
    assert reopened(new_doc.path) == content(new_doc)
    assert new_doc.snapshot().link_counts() == {"support": 1, "objection": 1, "undercut": 1}
    assert ids["undercut"] in new_doc.graph.claims


def test_removing_a_claim_takes_its_links_and_their_undercuts_and_undo_restores_all(
    new_doc: DebateDocument,
) -> None:
    ids = small_debate(new_doc)
    before = content(new_doc)
    inverse = new_doc.remove_claims([ids["reason"]])
    assert ids["arrow"] not in new_doc.graph.links
    assert new_doc.snapshot().link_counts() == {"support": 0, "objection": 1, "undercut": 0}
    assert reopened(new_doc.path) == content(new_doc)
    redo = new_doc.apply(inverse)
    assert content(new_doc) == before
    assert reopened(new_doc.path) == before
    new_doc.apply(redo)
    assert ids["reason"] not in new_doc.graph.claims


def test_an_invalid_edit_writes_nothing_and_changes_nothing(new_doc: DebateDocument) -> None:
    ids = small_debate(new_doc)
    before_bytes = new_doc.path.read_bytes()
    before = content(new_doc)
    bad = Edit(
        add_claims=(Claim(id="c99", text="fine"),),
        remove_claims=("nope",),
    )
    with pytest.raises(InvalidDebateError, match="Claim nope does not exist"):
        new_doc.apply(bad)
    with pytest.raises(InvalidDebateError, match="already linked"):
        new_doc.add_link(ids["reason"], ids["thesis"], LinkKind.OBJECTION)
    with pytest.raises(InvalidDebateError, match="cannot support or object to itself"):
        new_doc.add_link(ids["reason"], ids["reason"])
    with pytest.raises(InvalidDebateError, match="needs some text"):
        new_doc.update_claim(ids["reason"], text="  ")
    assert content(new_doc) == before
    assert new_doc.path.read_bytes() == before_bytes


def test_each_edit_emits_one_event_naming_what_changed(new_doc: DebateDocument) -> None:
    seen: list[DebateChanged] = []
    stop = new_doc.subscribe(seen.append)
    thesis = new_doc.add_claim("T", ClaimKind.THESIS)
    reason = new_doc.add_claim("R", answers=thesis.id)
    new_doc.update_claim(reason.id, text="R2")
    new_doc.remove_claims([reason.id])
    assert [e.added_claims for e in seen[:2]] == [{thesis.id}, {reason.id}]
    assert len(seen[1].added_links) == 1
    assert seen[2].changed_claims == {reason.id} and not seen[2].structure_changed
    assert seen[3].removed_claims == {reason.id} and seen[3].removed_links == seen[1].added_links
    stop()
    new_doc.add_claim("after", ClaimKind.THESIS)
    assert len(seen) == 4


def test_save_as_copies_with_the_backup_api_and_goes_on_in_the_copy(
    new_doc: DebateDocument, tmp_path: Path
) -> None:
    small_debate(new_doc)
    original = new_doc.path
    before = content(new_doc)
    target = tmp_path / "copy of debate ünïcødé.debate"
    new_doc.save_as(target)
    assert new_doc.path == target
    assert reopened(target) == before
    new_doc.add_claim("only in the copy", ClaimKind.THESIS)
    assert reopened(original) == before
    assert len(reopened(target)[1]) == len(before[1]) + 1


def test_a_closed_debate_is_one_file(tmp_path: Path) -> None:
    path = tmp_path / "one.debate"
    with DebateDocument.create(path, "One") as doc:
        small_debate(doc)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["one.debate"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.debate"]


def test_new_refuses_to_replace_an_existing_file(new_doc: DebateDocument) -> None:
    with pytest.raises(DebateFileError, match="already exists"):
        DebateDocument.create(new_doc.path, "again")


def test_a_second_writer_is_turned_away_or_made_read_only(new_doc: DebateDocument) -> None:
    small_debate(new_doc)
    second = DebateDocument.open(new_doc.path)
    try:
        assert second.read_only
        assert "open in another window" in second.read_only_reason
        with pytest.raises(DebateFileError, match="read-only"):
            second.add_claim("sneaky", ClaimKind.THESIS)
    finally:
        second.close()
    with pytest.raises(DebateFileError, match="open in another window"):
        DebateDocument.open(new_doc.path, read_only=False)
    new_doc.close()
    third = DebateDocument.open(new_doc.path)
    assert not third.read_only
    third.close()


def test_the_upgrade_ladder_climbs_in_one_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of today's version opens in a program one version newer: the step runs once,
    the version is raised, and the data is kept."""
    path = tmp_path / "old.debate"
    with DebateDocument.create(path, "Old") as doc:
        small_debate(doc)
        before = content(doc)
    ran: list[str] = []

    def add_colour(conn: object) -> None:
        # Which database: the file, or the empty one the schema check builds to compare.
        ran.append(conn.exec_driver_sql("PRAGMA database_list").fetchone()[2])  # type: ignore[attr-defined]
        conn.exec_driver_sql("ALTER TABLE claims ADD COLUMN colour TEXT")  # type: ignore[attr-defined]

    monkeypatch.setitem(upgrades.STEPS, SCHEMA_VERSION, add_colour)
    monkeypatch.setattr("debate_editor.store.schema.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr("debate_editor.store.file.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr("debate_editor.store.document.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr("debate_editor.store.upgrades.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with DebateDocument.open(path) as doc:
        assert doc.schema_version == SCHEMA_VERSION + 1
        assert content(doc) == before
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert "colour" in {row[1] for row in raw.execute("PRAGMA table_info(claims)")}
    raw.close()
    with DebateDocument.open(path):
        pass
    assert [name for name in ran if name] == [str(path.resolve())]


def test_new_ids_are_never_reused_within_a_session(new_doc: DebateDocument) -> None:
    first = new_doc.add_claim("a", ClaimKind.THESIS)
    inverse = new_doc.remove_claims([first.id])
    second = new_doc.add_claim("b", ClaimKind.THESIS)
    assert second.id != first.id
    new_doc.apply(inverse)  # undoing the delete still finds its id free
    assert {c.text for c in new_doc.claims()} == {"a", "b"}
