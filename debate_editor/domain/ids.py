"""Ids of claims and links: short, stable, and sorted the way people count."""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Iterable, Iterator
from functools import lru_cache

_PARTS = re.compile(r"(\d+)")


@lru_cache(maxsize=200_000)
def id_key(item_id: str) -> tuple[tuple[int, int | str], ...]:
    """Natural sort key: c2 before c10. The tie-break wherever stored order is equal, so
    order never depends on when a row happened to be written."""
    if item_id[1:].isdecimal() and item_id[:1].isalpha():  # the usual c12, l7
        return ((0, item_id[0]), (1, int(item_id[1:])))
    return tuple(
        (1, int(part)) if part.isdigit() else (0, part)
        for part in _PARTS.split(item_id)
        if part
    )


def numbered_ids(prefix: str, start: int = 1) -> Iterator[str]:
    """c1, c2, c3, … for builders (importers, generators) that make a debate from nothing."""
    number = start
    while True:
        yield f"{prefix}{number}"
        number += 1


def next_number(prefix: str, existing: Iterable[str]) -> int:
    """One more than the highest `prefix<number>` id among `existing`."""
    highest = 0
    for item_id in existing:
        digits = item_id[len(prefix) :]
        if item_id.startswith(prefix) and digits.isdigit():
            highest = max(highest, int(digits))
    return highest + 1


class IdSource:
    """Hands out ids for new claims and links of one debate: never one in use, and never
    one handed out before in this session (so an undone claim's id is not reused by the
    next new claim, and redo brings back the same id)."""

    def __init__(self, claims: Container[str], links: Container[str],
                 next_claim: int = 1, next_link: int = 1) -> None:
        self._claims, self._links = claims, links
        self._next = {"c": next_claim, "l": next_link}

    @classmethod
    def after(cls, claims: Collection[str], links: Collection[str]) -> IdSource:
        """A source for a debate whose ids are `claims` and `links` (live views of them)."""
        return cls(claims, links, next_number("c", claims), next_number("l", links))

    def _new(self, prefix: str, taken: Container[str]) -> str:
        number = self._next[prefix]
        while f"{prefix}{number}" in taken:
            number += 1
        self._next[prefix] = number + 1
        return f"{prefix}{number}"

    def claim_id(self) -> str:
        return self._new("c", self._claims)

    def link_id(self) -> str:
        return self._new("l", self._links)
