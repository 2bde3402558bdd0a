"""What a server debate's edit tells everyone else (README, "Team debates on a server").

Every edit committed to a server debate is numbered in its `edit_log` (who, when, which
rows) and announced, in the same transaction, by `pg_notify` on one channel per database;
PostgreSQL delivers it at the commit, and never for an edit rolled back. The payload holds
ids only, because PostgreSQL caps it just under 8,000 bytes: a listener re-reads the rows
a notice names, or the whole debate when the notice names too many to list (`claims` and
`links` are then None). A listener that was away re-reads everything after the last
`seq` it saw, so a lost notice costs a re-read, never a missed edit.

`row_edits` keeps, per claim and link, the `seq` of the last edit that changed it: that
is the row's version (an edit based on an older one is refused, naming who changed it)
and, through the log, who changed it and when. Both tables are the server's only: a file
has one writer and needs neither.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    func,
)

CHANNEL = "debate_editor"
"""One channel for every debate of the database; a notice names its debate."""

PAYLOAD_LIMIT = 7_900
"""Bytes: PostgreSQL refuses a payload of 8,000 or more."""

team_metadata = MetaData()

edit_log_table = Table(
    "edit_log",
    team_metadata,
    Column("seq", BigInteger, Identity(always=True), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("by", Text, nullable=False),
    Column("label", Text, nullable=False, server_default=""),
    Column("claims", Text, nullable=False, server_default="[]"),
    Column("links", Text, nullable=False, server_default="[]"),
)
"""One row per committed edit; `claims`/`links` are JSON lists of the ids it touched."""

row_edits_table = Table(
    "row_edits",
    team_metadata,
    Column("kind", Text, nullable=False),
    Column("row_id", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
    PrimaryKeyConstraint("kind", "row_id"),
)
"""kind is "claim" or "link"; seq is the last edit (edit_log.seq) that changed the row."""


@dataclass(frozen=True)
class Notice:
    """One committed edit of one debate, as sent on `CHANNEL`."""

    debate: str
    seq: int
    by: str
    claims: tuple[str, ...] | None
    links: tuple[str, ...] | None

    @classmethod
    def of(cls, debate: str, seq: int, by: str, claims: Iterable[str],
           links: Iterable[str]) -> Notice:
        """The notice, naming its rows when they fit in a payload, else naming none."""
        notice = cls(debate, seq, by, tuple(sorted(claims)), tuple(sorted(links)))
        if len(notice.payload().encode()) > PAYLOAD_LIMIT:
            notice = cls(debate, seq, by, None, None)
        return notice

    @property
    def names_rows(self) -> bool:
        return self.claims is not None and self.links is not None

    def payload(self) -> str:
        body: dict[str, object] = {"debate": self.debate, "seq": self.seq, "by": self.by}
        if self.claims is not None and self.links is not None:
            body["claims"], body["links"] = list(self.claims), list(self.links)
        else:
            body["all"] = True
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def parse(cls, payload: str) -> Notice | None:
        """The notice, or None for a payload that is not one of ours (anyone may notify)."""
        try:
            body = json.loads(payload)
            debate, seq, by = body["debate"], body["seq"], body["by"]
            claims, links = body.get("claims"), body.get("links")
        except (ValueError, TypeError, KeyError):
            return None
        if not (isinstance(debate, str) and isinstance(seq, int) and isinstance(by, str)):
            return None
        if body.get("all") is True or claims is None or links is None:
            return cls(debate, seq, by, None, None)
        if not (isinstance(claims, list) and isinstance(links, list)
                and all(isinstance(i, str) for i in claims + links)):
            return None
        return cls(debate, seq, by, tuple(claims), tuple(links))
