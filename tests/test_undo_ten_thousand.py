"""Ten thousand edits, then undo every one, then redo every one.

The edits come from a seeded stream (tests/edit_stream.py): claims with their links,
undercuts, rewordings with emoji and right-to-left text, moves, kind changes, reorders,
deletes that cascade through links and undercuts, batches of forty rows, title changes.
Undo applies, newest first, the inverse edits `apply` returned; redo applies, oldest
first, the inverses of those. Both are what the GUI's undo stack does.
"""

from __future__ import annotations

from pathlib import Path

from edit_stream import next_edit

from debate_editor.domain import Edit
from debate_editor.store import DebateDocument

EDITS = 10_000
SEED = 20240917


def content(doc: DebateDocument) -> tuple[object, ...]:
    return (doc.info.title, doc.info.description, dict(doc.graph.claims), dict(doc.graph.links))


def reopened(path: Path) -> tuple[object, ...]:
    with DebateDocument.open(path, read_only=True) as doc:
        return content(doc)


def test_ten_thousand_edits_undone_give_the_empty_debate_and_redone_the_final_one(
    memory_tmp_path: Path,
) -> None:
    path = memory_tmp_path / "dix mille éditions.debate"
    doc = DebateDocument.create(path, "Ten thousand")
    try:
        empty = content(doc)
        undo: list[Edit] = []
        for n in range(EDITS):
            undo.append(doc.apply(next_edit(doc.graph.claims, doc.graph.links, n, SEED)))
        final = content(doc)
        assert reopened(path) == final
        claims, links = final[2], final[3]
        assert len(claims) > 300 and len(links) > 200  # a real debate, not a trivial one
        assert any(link.to_link for link in links.values())  # with undercuts

        redo = [doc.apply(inverse) for inverse in reversed(undo)]
        assert content(doc) == empty
        assert reopened(path) == empty

        for forward in reversed(redo):
            doc.apply(forward)
        assert content(doc) == final
        assert reopened(path) == final
    finally:
        doc.close()
