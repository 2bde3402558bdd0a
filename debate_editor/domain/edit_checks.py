"""Whether an edit keeps the rules of a debate, asked before anything is written.

The one place an edit is checked: the store writes what passed here and never checks
again (the file's own CHECK constraints only guard against other programs).
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import ValidationError

from debate_editor.domain.edit import Edit
from debate_editor.domain.errors import InvalidDebateError, plain_message
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import POSITION_LIMIT, Claim, DebateInfo, Link, PairKey
from debate_editor.domain.validation import link_problems, undercut_circles


def check_edit(graph: DebateGraph, edit: Edit, removed_links: list[str],
               moved: frozenset[str] | None = None) -> None:
    """Raise InvalidDebateError naming every rule `edit` would break on `graph`, where
    `removed_links` are all the links it takes away (see `edit_plan.cascade`) and `moved`
    the claims it only moves (`only_moved`), if they are known already."""
    if len({c.id for c in edit.update_claims}) < len(edit.update_claims):
        moved = frozenset()  # an id twice (refused below): check every value it names
    elif moved is None:
        moved = frozenset(c.id for c in edit.update_claims if only_moved(graph, c))
    problems = [*_named_twice(edit), *_unchecked_values(edit, moved),
                *_missing_or_taken(graph, edit, removed_links)]
    removed = set(removed_links)
    claim_ids = _Ids(graph.claims, (c.id for c in edit.add_claims), set(edit.remove_claims))
    link_ids = _Ids(graph.links, (link.id for link in edit.add_links), removed)
    pairs = _Pairs(graph.pairs, removed | {link.id for link in edit.update_links})
    new_links = [*edit.update_links, *edit.add_links]
    problems.extend(link_problems(new_links, claim_ids, link_ids, pairs))
    if not problems and any(link.to_link is not None for link in new_links):
        after = {link.id: link for link in new_links}

        def find(link_id: str) -> Link | None:
            if link_id in after:
                return after[link_id]
            return None if link_id in removed else graph.links.get(link_id)

        problems.extend(undercut_circles(new_links, find))
    if problems:
        raise InvalidDebateError(problems)


def _missing_or_taken(graph: DebateGraph, edit: Edit, removed_links: list[str]) -> list[str]:
    """Removing or changing what is not there; adding under an id already in use."""
    problems: list[str] = []
    removed_claims, removed = set(edit.remove_claims), set(removed_links)
    added_claims = {c.id for c in edit.add_claims}
    for claim_id in edit.remove_claims:
        if claim_id not in graph.claims:
            problems.append(f"Claim {claim_id} does not exist, so it cannot be removed.")
    for link_id in edit.remove_links:
        if link_id not in graph.links:
            problems.append(f"Link {link_id} does not exist, so it cannot be removed.")
    for claim in edit.add_claims:
        if claim.id in graph.claims or claim.id in graph.links:
            problems.append(f"The id {claim.id} is already taken.")
    for link in edit.add_links:
        if link.id in graph.links or link.id in graph.claims or link.id in added_claims:
            problems.append(f"The id {link.id} is already taken.")
    for claim in edit.update_claims:
        if claim.id not in graph.claims or claim.id in removed_claims:
            problems.append(f"Claim {claim.id} does not exist, so it cannot be changed.")
    for link in edit.update_links:
        if link.id not in graph.links or link.id in removed:
            problems.append(f"Link {link.id} does not exist, so it cannot be changed.")
    return problems


def _named_twice(edit: Edit) -> list[str]:
    """An id twice in one list of an edit: the second would find the first's work done
    (and the inverse would name it twice too), so refuse it outright."""
    problems: list[str] = []
    for ids in (
        [*(c.id for c in edit.add_claims), *(link.id for link in edit.add_links)],
        [c.id for c in edit.update_claims],
        [link.id for link in edit.update_links],
        list(edit.remove_claims),
        list(edit.remove_links),
    ):
        seen: set[str] = set()
        for item_id in ids:
            if item_id in seen:
                problems.append(f"The id {item_id} appears twice in one edit.")
            seen.add(item_id)
    return problems


def _unchecked_values(edit: Edit, moved: frozenset[str]) -> list[str]:
    """The models' own rules (a claim needs text, a position is a number, only an
    objection undercuts), asked again of values `model_copy` or `model_construct` let
    through unchecked, so that nothing written makes the file refuse to open later."""
    problems: list[str] = []
    values: list[Claim | Link | DebateInfo] = [
        *edit.add_claims, *(c for c in edit.update_claims if c.id not in moved),
        *edit.add_links, *edit.update_links,
    ]
    if edit.info is not None:
        values.append(edit.info)
    for value in values:
        try:
            type(value).model_validate(value.model_dump())
        except ValidationError as error:
            problems.append(plain_message(error))
    return problems


def only_moved(graph: DebateGraph, claim: Claim) -> bool:
    """Whether `claim` is the debate's claim (valid already) with nothing but a new
    position that keeps the rule of positions: a move, as a drag or a layout of every
    card makes it, needs no more checking than that (README, "Performance")."""
    old = graph.claims.get(claim.id)
    if old is None:
        return False
    before, after = old.__dict__, claim.__dict__
    if before.keys() != after.keys():
        return False
    for name, value in after.items():
        if name in _PLACE:
            if not (value is None or (type(value) is float
                                      and -POSITION_LIMIT <= value <= POSITION_LIMIT)):
                return False
        elif value is not before[name]:
            return False
    return True


_PLACE = frozenset({"x", "y"})


class _Ids:
    """Which ids exist after an edit, without copying the debate to find out."""

    def __init__(self, base: dict[str, object] | dict[str, Claim] | dict[str, Link],
                 plus: Iterable[str], minus: set[str]) -> None:
        self.base, self.plus, self.minus = base, set(plus), minus

    def __contains__(self, item: object) -> bool:
        return (item in self.base or item in self.plus) and item not in self.minus


class _Pairs:
    """The (source, target) pairs linked after an edit, as `link_problems` asks about
    them: the graph's pairs minus those of links removed or changed, plus those added so
    far. A view, so checking one new link does not copy every pair of the debate."""

    def __init__(self, base: dict[PairKey, str], dropped: set[str]) -> None:
        self.base, self.dropped, self.added = base, dropped, set[PairKey]()

    def __contains__(self, pair: object) -> bool:
        if pair in self.added:
            return True
        link_id = self.base.get(pair)  # type: ignore[call-overload]
        return link_id is not None and link_id not in self.dropped

    def add(self, pair: PairKey) -> None:
        self.added.add(pair)
