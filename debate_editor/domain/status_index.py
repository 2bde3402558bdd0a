"""The structure the labelling runs on (README, "Which claims stand"): every claim and link
a slot number, what each slot depends on and what depends on it, in plain lists.

Integers in lists instead of ids in dicts of models: reading a neighbour is one list
index, so labelling 10,000 claims is a few milliseconds of Python. A removed item's slot
is only marked gone (its neighbours forget it); the labelling renumbers everything when
the gone slots outnumber the live ones. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from debate_editor.domain.model import Claim, Link, LinkKind

CLAIM, OBJECTION, SUPPORT, GONE = 0, 1, 2, 3
"""What a slot holds."""

NONE: list[int] = []
"""The one empty list every slot without neighbours shares (most claims have no reasons,
no link is a premise): a slot gets a list of its own with its first neighbour, through
`_add`. Never appended to."""


def _add(lists: list[list[int]], at: int, number: int) -> None:
    if lists[at] is NONE:
        lists[at] = [number]
    else:
        lists[at].append(number)


def sources_of(link: Link) -> tuple[str, ...]:
    """The premises of a link, which all must stand for the link to stand."""
    return link.sources


class DebateIndex:
    """Slots for the claims and links of one debate, kept up to date edit by edit.

    Holds its own copy of the structure so that an edit that removed a link can still be
    followed: the graph has forgotten it by then."""

    def __init__(self, claims: Iterable[Claim | str], links: Iterable[Link]) -> None:
        ids = [c if isinstance(c, str) else c.id for c in claims]
        link_list = list(links)
        first_link = len(ids)
        ids.extend([link.id for link in link_list])
        count = len(ids)
        self.ids: list[str] = ids
        """Slot -> id."""
        self.slot: dict[str, int] = dict(zip(ids, range(count), strict=True))
        objection = LinkKind.OBJECTION
        self.kind = bytearray(first_link)
        self.kind.extend([OBJECTION if link.kind is objection else SUPPORT
                          for link in link_list])
        self.target: list[int] = [-1] * count
        """Link slot -> the slot of the claim or link it is aimed at."""
        self.sources: list[tuple[int, ...]] = [()] * count
        """Link slot -> the slots of its premises."""
        self.incoming: list[list[int]] = [NONE] * count
        """Slot -> the links aimed at it (of both kinds)."""
        self.feeds: list[list[int]] = [NONE] * count
        """Claim slot -> the links it is a premise of."""
        self.gone = 0
        slot = self.slot
        target = self.target
        incoming = self.incoming
        feeds = self.feeds
        sources = self.sources
        for number, link in enumerate(link_list, first_link):
            to_claim = link.to_claim
            aimed = slot[to_claim if to_claim is not None else link.to_link]  # type: ignore[index]
            target[number] = aimed
            aimed_by = incoming[aimed]
            if aimed_by is NONE:  # `_add`, written out: this loop is most of the time
                incoming[aimed] = [number]
            else:
                aimed_by.append(number)
            premises = sources_of(link)
            if len(premises) == 1:  # the common case, without a loop
                premise = slot[premises[0]]
                sources[number] = (premise,)
                fed = feeds[premise]
                if fed is NONE:
                    feeds[premise] = [number]
                else:
                    fed.append(number)
                continue
            sources[number] = tuple(map(slot.__getitem__, premises))
            for premise in sources[number]:
                _add(feeds, premise, number)

    def __len__(self) -> int:
        return len(self.ids)

    # ---- edits -------------------------------------------------------------------
    def add_claim(self, claim_id: str) -> int:
        return self._new_slot(claim_id, CLAIM)

    def add_link_slot(self, link: Link) -> int:
        """A slot for a new link, its edges given by `link_to` (once what it is aimed at
        has a slot too)."""
        return self._new_slot(link.id, OBJECTION if link.kind is LinkKind.OBJECTION else SUPPORT)

    def _new_slot(self, item_id: str, kind: int) -> int:
        number = len(self.ids)
        self.ids.append(item_id)
        self.slot[item_id] = number
        self.kind.append(kind)
        self.target.append(-1)
        self.sources.append(())
        self.incoming.append(NONE)
        self.feeds.append(NONE)
        return number

    def link_to(self, number: int, link: Link) -> None:
        """Give the link in slot `number` the edges of `link` (after `unlink`, or new)."""
        slot = self.slot
        self.kind[number] = OBJECTION if link.kind is LinkKind.OBJECTION else SUPPORT
        aimed = slot[link.target]
        self.target[number] = aimed
        _add(self.incoming, aimed, number)
        premises = tuple(slot[s] for s in sources_of(link))
        self.sources[number] = premises
        for premise in premises:
            _add(self.feeds, premise, number)

    def unlink(self, number: int) -> int:
        """Forget a link's own edges (its undercuts stay aimed at it); returns its old
        target's slot, -1 when that went in the same edit."""
        aimed = self.target[number]
        self.target[number] = -1
        kind = self.kind
        if kind[aimed] != GONE:
            self.incoming[aimed].remove(number)
        for premise in self.sources[number]:
            if kind[premise] != GONE:
                self.feeds[premise].remove(number)
        self.sources[number] = ()
        return -1 if kind[aimed] == GONE else aimed

    def remove(self, item_id: str) -> int:
        """Mark an item's slot gone (a link: after `unlink`); returns the slot."""
        number = self.slot.pop(item_id)
        self.kind[number] = GONE
        self.incoming[number] = NONE
        self.feeds[number] = NONE
        self.gone += 1
        return number

    # ---- reading -----------------------------------------------------------------
    def dependents(self, number: int, evidential: bool) -> Iterable[int]:
        """What a slot's label can change: the links a claim is a premise of, the target of
        an objection (or, evidentially, of a support)."""
        kind = self.kind[number]
        if kind == CLAIM:
            return self.feeds[number]
        if kind == OBJECTION or (kind == SUPPORT and evidential):
            return (self.target[number],)
        return ()

    def downstream(self, seeds: Iterable[int], evidential: bool) -> set[int]:
        """Every slot whose label can depend on `seeds`, the seeds included."""
        region = set(seeds)
        stack = list(region)
        dependents = self.dependents
        while stack:
            for dependent in dependents(stack.pop(), evidential):
                if dependent not in region:
                    region.add(dependent)
                    stack.append(dependent)
        return region
