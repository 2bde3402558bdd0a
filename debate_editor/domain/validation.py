"""The rules every debate keeps, checked the same way for edits and for imports."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import TYPE_CHECKING, Protocol

from debate_editor.domain.errors import InvalidDebateError

if TYPE_CHECKING:
    from debate_editor.domain.model import Claim, Link, PairKey


class PairSet(Protocol):
    """What `link_problems` needs of the pairs already linked: a set, or a view like one."""

    def __contains__(self, pair: PairKey, /) -> bool: ...
    def add(self, pair: PairKey, /) -> None: ...


def link_problems(
    links: Iterable[Link],
    claim_ids: Container[str],
    link_ids: Container[str],
    pairs: PairSet | None = None,
) -> list[str]:
    """Problems of `links` against the claims and links that exist (including themselves).

    `pairs` holds the (source, target) pairs already present; it is extended in place so
    that a caller can check a batch against a document without rebuilding it.
    """
    problems: list[str] = []
    seen = pairs if pairs is not None else set()
    for link in links:
        for source in link.sources:
            if source not in claim_ids:
                problems.append(f"Link {link.id} starts at claim {source}, which does not exist.")
        if len(set(link.sources)) < len(link.sources):
            twice = next(s for s in link.sources if link.sources.count(s) > 1)
            problems.append(
                f"Claim {twice} stands twice among the premises of link {link.id}; a "
                "premise is named once."
            )
        if link.to_claim is not None and link.to_claim not in claim_ids:
            problems.append(
                f"Link {link.id} points at claim {link.to_claim}, which does not exist."
            )
        if link.to_link is not None:
            if link.to_link not in link_ids:
                problems.append(
                    f"Link {link.id} points at link {link.to_link}, which does not exist."
                )
            elif link.to_link == link.id:
                problems.append(f"Link {link.id} points at itself.")
        if link.to_claim is not None and link.to_claim in link.sources:
            if link.is_group:
                problems.append(
                    f"Claim {link.to_claim} cannot be a premise of a reason for itself "
                    f"(link {link.id})."
                )
            else:
                problems.append(f"Claim {link.source} cannot support or object to itself.")
        pair = link.pair
        if pair in seen:
            if link.is_group:
                problems.append(
                    f"The premises {', '.join(link.sources)} already answer {link.target} "
                    "together; a group of premises answers a claim only once."
                )
            else:
                problems.append(
                    f"Claim {link.source} is already linked to {link.target}; "
                    "a claim answers another only once."
                )
        seen.add(pair)
    return problems


def undercut_circles(
    links: Iterable[Link], find: Callable[[str], Link | None]
) -> list[str]:
    """Undercuts among `links` whose chain (undercut of an undercut of …) never reaches an
    arrow between claims but goes round; `find` looks a link up by id (None if absent)."""
    problems: list[str] = []
    circling: dict[str, bool] = {}  # link id -> its chain goes round; each decided once
    for link in links:
        trail: list[str] = []
        on_trail: set[str] = set()
        step: Link | None = link
        verdict = False
        while step is not None:
            if step.id in circling:
                verdict = circling[step.id]
                break
            if step.id in on_trail:
                verdict = True
                break
            trail.append(step.id)
            on_trail.add(step.id)
            step = find(step.to_link) if step.to_link is not None else None
        for link_id in trail:
            circling[link_id] = verdict
        if verdict:
            problems.append(
                f"Undercut {link.id} leads into a circle of undercuts; an undercut must "
                "end at an arrow between two claims."
            )
    return problems


def check_debate(claims: Iterable[Claim], links: Iterable[Link]) -> None:
    """Raise InvalidDebateError naming every broken rule, or return quietly."""
    problems: list[str] = []
    claim_ids: set[str] = set()
    for claim in claims:
        if claim.id in claim_ids:
            problems.append(f"Two claims share the id {claim.id}.")
        claim_ids.add(claim.id)
    link_list = list(links)
    link_ids: set[str] = set()
    for link in link_list:
        if link.id in link_ids or link.id in claim_ids:
            problems.append(f"The id {link.id} is used twice.")
        link_ids.add(link.id)
    problems.extend(link_problems(link_list, claim_ids, link_ids))
    if not problems:
        by_id = {link.id: link for link in link_list}
        undercuts = [link for link in link_list if link.to_link is not None]
        problems.extend(undercut_circles(undercuts, by_id.get))
    if problems:
        raise InvalidDebateError(problems)
