"""The store's statements (store/tables.py) run unchanged on PostgreSQL: a whole debate
written, edits applied as the document applies them, and every row read back the same
as on a .debate file (README, "Testing against PostgreSQL")."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from debate_editor.domain import (
    Claim,
    ClaimKind,
    Debate,
    DebateGraph,
    DebateInfo,
    Link,
    LinkKind,
)
from debate_editor.domain.builders import claim_change_edit, claim_edit, removal_edit
from debate_editor.domain.edit import Edit
from debate_editor.domain.edit_plan import follow, plan_edit
from debate_editor.domain.ids import IdSource
from debate_editor.store import DebateDocument
from debate_editor.store.schema import metadata
from debate_editor.store.tables import FAST_ROWS, read_debate, write_debate, write_edit


def _debate() -> Debate:
    """More rows than FAST_ROWS, so the SQLite side takes its fast path for them."""
    claims = [Claim(id="c1", text="Thesis", kind=ClaimKind.THESIS, tags=("a", "b"), x=1.5)]
    links = []
    for i in range(2, FAST_ROWS + 40):
        claims.append(Claim(id=f"c{i}", text=f"Reason {i} ‘quoted’", y=float(i)))
        links.append(Link(id=f"l{i}", source=f"c{i}", to_claim="c1", order=i))
    return Debate(info=DebateInfo(title="On both"), claims=tuple(claims), links=tuple(links))


def _edits(graph: DebateGraph) -> list[Edit]:
    ids = IdSource.after(graph.claims, graph.links)
    added, _ = claim_edit(graph, ids, "An undercut", answers="l2", link_kind=LinkKind.OBJECTION)
    return [added, claim_change_edit(graph, "c3", text="Changed", x=4.0)[0],
            removal_edit(["c5"])]


def _rows(conn: sa.Connection) -> tuple[object, ...]:
    info, claims, links = read_debate(conn)
    assert info is not None
    return (info.title, sorted(c.model_dump_json() for c in claims),
            sorted(link.model_dump_json() for link in links))


def test_the_same_statements_write_and_read_a_debate_on_postgresql(
        fresh_pg_url: str, tmp_path: Path) -> None:
    debate = _debate()
    engine = sa.create_engine(fresh_pg_url.replace("postgresql://", "postgresql+psycopg://"))
    metadata.create_all(engine)
    graph, info = DebateGraph.of(debate), debate.info
    with engine.begin() as conn:
        write_debate(conn, debate)
    doc = DebateDocument.create_from(tmp_path / "same.debate", debate)
    for edit in _edits(graph):
        plan = plan_edit(graph, info, edit)
        with engine.begin() as conn:
            write_edit(conn, plan)
        follow(graph, plan)
        info = plan.info
        doc.apply(edit)
    with engine.connect() as conn:
        on_server = _rows(conn)
    engine.dispose()
    doc.close()
    file_engine = sa.create_engine(f"sqlite:///{tmp_path / 'same.debate'}")
    with file_engine.connect() as conn:
        in_file = _rows(conn)
    file_engine.dispose()
    assert on_server == in_file
    # One claim and its link added, one claim removed with its link: the same counts.
    assert (len(on_server[1]), len(on_server[2])) == (len(debate.claims), len(debate.links))
    assert '"text":"Changed"' in " ".join(on_server[1])
