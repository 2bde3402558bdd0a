"""Whole files written by create, import -o and Save As: the target stays locked from the
check to the rename, and the new file keeps the mode and the symbolic link it replaces
(README, "The .debate file")."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from debate_editor.domain import Claim, ClaimKind, Debate, DebateFileError, DebateInfo
from debate_editor.domain.builders import claim_edit
from debate_editor.store import DebateDocument, tables
from debate_editor.store.atomic import copy_file


def debate(title: str) -> Debate:
    return Debate(info=DebateInfo(title=title),
                  claims=(Claim(id="c1", text=f"{title} thesis", kind=ClaimKind.THESIS),))


def titles(path: Path) -> str:
    with DebateDocument.open(path, read_only=True) as doc:
        return doc.info.title


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


# ---- the target's lock, from the check to the rename ---------------------------------

def test_a_window_opening_the_target_during_import_is_made_read_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "target.debate"
    DebateDocument.create_from(target, debate("Old")).close()
    meanwhile: list[DebateDocument] = []
    real_write = tables.write_debate

    def write_slowly(conn: object, whole: Debate) -> None:
        """Half-way through the write, another window opens the target."""
        meanwhile.append(DebateDocument.open(target))
        real_write(conn, whole)  # type: ignore[arg-type]

    monkeypatch.setattr(tables, "write_debate", write_slowly)
    imported = DebateDocument.create_from(target, debate("New"))
    other = meanwhile[0]
    assert other.read_only and "open in another window" in other.read_only_reason
    with pytest.raises(DebateFileError, match="read-only"):
        edit, _ = claim_edit(other.graph, other.ids, "An edit that would be lost")
        other.apply(edit)
    other.close()
    assert not imported.read_only  # and the imported file is the importer's to edit
    edit, _ = claim_edit(imported.graph, imported.ids, "Kept")
    imported.apply(edit)
    imported.close()
    assert titles(target) == "New"


class _SlowSource:
    """A database whose backup, half-way, lets another window try the target."""

    def __init__(self, source: sqlite3.Connection, during: object) -> None:
        self.source, self.during = source, during

    def backup(self, dest: sqlite3.Connection) -> None:
        self.during()  # type: ignore[operator]
        self.source.backup(dest)


def test_a_window_opening_the_target_during_save_as_is_made_read_only(tmp_path: Path) -> None:
    target = tmp_path / "target.debate"
    DebateDocument.create_from(target, debate("Old")).close()
    source = DebateDocument.create_from(tmp_path / "source.debate", debate("Source"))
    seen: list[tuple[bool, str]] = []

    def other_window() -> None:
        with DebateDocument.open(target) as other:
            seen.append((other.read_only, other.read_only_reason))

    raw = source._driver()
    lock = copy_file(_SlowSource(raw, other_window), target)  # type: ignore[arg-type]
    assert seen == [(True, "it is open in another window")]
    lock.release()
    source.close()
    assert titles(target) == "Source"


def test_save_as_goes_on_editing_the_copy_with_its_lock_held(tmp_path: Path) -> None:
    doc = DebateDocument.create_from(tmp_path / "a.debate", debate("A"))
    doc.save_as(tmp_path / "b.debate")
    with DebateDocument.open(tmp_path / "b.debate") as other:
        assert other.read_only
    edit, _ = claim_edit(doc.graph, doc.ids, "In the copy")
    doc.apply(edit)
    doc.close()
    with DebateDocument.open(tmp_path / "b.debate", read_only=True) as copy:
        assert "In the copy" in {c.text for c in copy.claims()}


# ---- modes and links --------------------------------------------------------------

def test_files_written_whole_get_the_umasks_mode(tmp_path: Path, umask: None) -> None:
    created = DebateDocument.create(tmp_path / "new.debate")
    created.save_as(tmp_path / "saved.debate")
    created.close()
    DebateDocument.create_from(tmp_path / "imported.debate", debate("I")).close()
    for name in ("new.debate", "saved.debate", "imported.debate"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    os.umask(0o002)
    DebateDocument.create_from(tmp_path / "shared.debate", debate("S")).close()
    assert stat.S_IMODE((tmp_path / "shared.debate").stat().st_mode) == 0o664


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "group.debate"
    DebateDocument.create_from(target, debate("Old")).close()
    target.chmod(0o640)
    DebateDocument.create_from(target, debate("New")).close()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with DebateDocument.create_from(tmp_path / "other.debate", debate("Other")) as doc:
        doc.save_as(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert titles(target) == "Other"


def test_a_symbolic_link_is_written_through_to_its_file(tmp_path: Path, umask: None) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "debate.debate"
    DebateDocument.create_from(real, debate("Old")).close()
    link = tmp_path / "link.debate"
    link.symlink_to(real)
    DebateDocument.create_from(link, debate("Imported")).close()
    assert link.is_symlink() and titles(real) == "Imported"
    with DebateDocument.create_from(tmp_path / "other.debate", debate("Saved")) as doc:
        doc.save_as(link)
    assert link.is_symlink() and titles(real) == "Saved"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["debate.debate"]


@pytest.mark.parametrize("kind", ["folder", "named pipe"])
def test_a_target_that_is_not_a_file_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    """Before: a folder gave IsADirectoryError's traceback, a named pipe waited forever."""
    target = tmp_path / "x.debate"
    if kind == "folder":
        target.mkdir()
    else:
        os.mkfifo(target)
    source = DebateDocument.create_from(tmp_path / "source.debate", debate("Source"))
    with pytest.raises(DebateFileError, match=f"is a {kind}; choose another name"):
        DebateDocument.create_from(target, debate("New"))
    with pytest.raises(DebateFileError, match=f"is a {kind}"):
        source.save_as(target)
    assert not source.closed and not source.read_only
    source.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source.debate", "x.debate"]
