"""The rows a team debate's document reads and numbers (store/server_document.py): the
rows an edit names, read back after others' edits, and the server's id numbers, one
sequence per debate, so two members' new claims never share an id."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from dataclasses import replace

from sqlalchemy import Connection, Sequence, func, select, text

from debate_editor.domain.edit_plan import EditPlan
from debate_editor.domain.events import DebateChanged
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import IdSource, next_number
from debate_editor.domain.model import Claim, Link
from debate_editor.store.rows import claim_from_row
from debate_editor.store.schema import claims_table, links_table, premises_table
from debate_editor.store.server_notice import team_metadata
from debate_editor.store.server_url import ServerAddress
from debate_editor.store.sqlite_read import links_of

claim_numbers = Sequence("claim_numbers", metadata=team_metadata)
link_numbers = Sequence("link_numbers", metadata=team_metadata)
ID_BLOCK = 32
"""Ids reserved from the server at a time: one round trip per 32 new claims."""


def reserve_numbers(conn: Connection, prefix: str) -> list[int]:
    """The next ID_BLOCK numbers for new claims ("c") or links ("l"), none handed out
    to anyone before (a sequence never goes back, even in a rolled-back transaction)."""
    sequence = claim_numbers if prefix == "c" else link_numbers
    rows = conn.execute(select(sequence.next_value())
                        .select_from(func.generate_series(1, ID_BLOCK)))
    return sorted(int(r[0]) for r in rows)


def labelled(event: DebateChanged) -> DebateChanged:
    return replace(event, label="Changed by another member")


def read_claims(conn: Connection, ids: Iterable[str]) -> list[Claim]:
    wanted = list(ids)
    if not wanted:
        return []
    return [claim_from_row(r._mapping)
            for r in conn.execute(select(claims_table).where(claims_table.c.id.in_(wanted)))]


def read_links(conn: Connection, ids: Iterable[str]) -> list[Link]:
    wanted = list(ids)
    if not wanted:
        return []
    rows = [r._mapping for r in conn.execute(
        select(links_table).where(links_table.c.id.in_(wanted)))]
    premises = [r._mapping for r in conn.execute(
        select(premises_table).where(premises_table.c.link.in_(wanted)))]
    return links_of(rows, premises)


def touched(plan: EditPlan) -> list[tuple[str, str]]:
    event = plan.event
    rows = [("claim", i) for i in event.added_claims | event.changed_claims
            | event.removed_claims]
    rows += [("link", i) for i in event.added_links | event.changed_links
             | event.removed_links]
    if event.info_changed:
        rows.append(("info", "debate"))
    return rows


def is_new(row: tuple[str, str], graph: DebateGraph) -> bool:
    kind, row_id = row
    if kind == "claim":
        return row_id not in graph.claims
    if kind == "link":
        return row_id not in graph.links
    return False


def _qualified(address: ServerAddress, name: str) -> str:
    return '"' + address.debate.replace('"', '""') + '".' + name


_SET_NUMBER = text(
    "SELECT setval(CAST(:sequence AS regclass), GREATEST(:floor, 1, COALESCE("
    "pg_sequence_last_value(CAST(:sequence AS regclass)), 0)), true)")


def start_numbers(conn: Connection, address: ServerAddress) -> None:
    """Sequences made by `create_all` start at 1; move each past the ids in use (under
    the debate's lock, so two windows opening at once agree; never backwards)."""
    for sequence, table, prefix in ((claim_numbers, claims_table, "c"),
                                    (link_numbers, links_table, "l")):
        floor = next_number(prefix, [r[0] for r in conn.execute(select(table.c.id))]) - 1
        conn.execute(_SET_NUMBER, {"sequence": _qualified(address, str(sequence.name)),
                                   "floor": floor})


class ServerIds(IdSource):
    """Ids numbered by the server, so no two windows hand out the same one; `reserve`
    takes the next block of numbers for "c" (claims) or "l" (links) from the server."""

    def __init__(self, reserve: Callable[[str], list[int]], claims: Container[str],
                 links: Container[str]) -> None:
        super().__init__(claims, links)
        self._reserve = reserve
        self._blocks: dict[str, list[int]] = {"c": [], "l": []}

    def _new(self, prefix: str, taken: Container[str]) -> str:
        while True:
            block = self._blocks[prefix]
            if not block:
                block.extend(self._reserve(prefix))
            candidate = f"{prefix}{block.pop(0)}"
            if candidate not in taken:
                return candidate
