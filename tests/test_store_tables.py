"""The store's one fast path (store/tables.py) writes exactly what Core's statements
write: the same rows in the file, for a whole debate and for an edit of every card."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Edit, Link, LinkKind
from debate_editor.store import DebateDocument, tables


def _debate(n: int = 300) -> Debate:
    claims = [Claim(id="c1", text="Thesis ‘one’", kind=ClaimKind.THESIS, tags=("a", "b"),
                    x=0.5, note="n\x00ul")]
    links = []
    for i in range(2, n):
        claims.append(Claim(id=f"c{i}", text=f"Reason {i}", y=float(i) / 3, order=-i))
        links.append(Link(id=f"l{i}", source=f"c{i}", to_claim="c1", order=i,
                          kind=LinkKind.OBJECTION if i % 2 else LinkKind.SUPPORT))
    links.append(Link(id="u1", source="c3", to_link="l2", kind=LinkKind.OBJECTION))
    return Debate(info=DebateInfo(title="Rows"), claims=tuple(claims), links=tuple(links))


def _rows(path: Path) -> list[object]:
    raw = sqlite3.connect(path)
    found = [raw.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
             for t in ("claims", "links")]
    raw.close()
    return found


def _write(path: Path, monkeypatch: pytest.MonkeyPatch, fast_from: int) -> list[object]:
    monkeypatch.setattr(tables, "FAST_ROWS", fast_from)
    with DebateDocument.create_from(path, _debate()) as doc:
        moved = tuple(c.model_copy(update={"x": 1.25, "text": c.text + "!"})
                      for c in doc.claims())
        doc.apply(Edit(update_claims=moved))
        doc.apply(Edit(remove_links=tuple(i for i in doc.graph.links if i != "l2")))
    return _rows(path)


def test_the_fast_path_writes_what_core_writes(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    by_core = _write(tmp_path / "core.debate", monkeypatch, fast_from=10**9)
    by_fast_path = _write(tmp_path / "fast.debate", monkeypatch, fast_from=1)
    assert by_fast_path == by_core
    assert len(by_core[0]) == 299 and len(by_core[1]) == 1
