"""Co-premise groups written as Argdown (README, "Argdown"): before writing, each group
becomes the argument Argdown has for it, so the writer needs no word for groups.

A group that supports a claim, all of whose premises and conclusion are statements,
becomes an argument with a premise-conclusion structure naming them by title
(`(1) [A]`, `(2) [B]`, `----`, `(3) [C]`), which reads back as the same group; its arrow
becomes the argument's link to its conclusion, so an undercut of it is written as an
undercut of the argument, which Argdown moves to its inference and reads back as an
undercut of the group. A group that objects (or undercuts), or has an argument among its
premises, becomes an argument stating its premises together ("A, and B") that its
premises support and that objects in the group's place: Argdown has no co-premises that
attack, so this reads back as that argument.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from debate_editor.domain.ids import id_key
from debate_editor.domain.model import Claim, ClaimKind, Debate, Link, LinkKind
from debate_editor.formats._common import together
from debate_editor.formats.argdown.text import clean_title, title_from_text, valid_title

Titles = set[tuple[str, str]]


class _Names:
    """Titles as the writer will give them: people's titles first (the first claim of
    each), so a title made here is one the writer keeps."""

    def __init__(self, claims: Iterable[Claim], reserved: Titles) -> None:
        self.used: Titles = set(reserved)
        self.owner: dict[tuple[str, str], str] = {}
        for claim in sorted(claims, key=lambda c: (c.order, id_key(c.id))):
            space = _space(claim)
            title = valid_title(claim.title, space == "argument") if claim.title.strip() else None
            if title is not None and (space, title) not in self.owner:
                self.owner[(space, title)] = claim.id
                self.used.add((space, title))

    def title_of(self, claim: Claim) -> str | None:
        """The title the writer keeps for `claim`, if it has one of its own."""
        space = _space(claim)
        title = valid_title(claim.title, space == "argument") if claim.title.strip() else None
        return title if title is not None and self.owner.get((space, title)) == claim.id \
            else None

    def fresh(self, base: str, argument: bool) -> str:
        space = "argument" if argument else "statement"
        base = clean_title(base, argument) or ("Argument" if argument else "Claim")
        number = 1
        while True:
            title = base if number == 1 else f"{base} ({number})"
            if (space, title) not in self.used and valid_title(title, argument) == title:
                self.used.add((space, title))
                return title
            number += 1


def _space(claim: Claim) -> str:
    return "argument" if claim.kind is ClaimKind.ARGUMENT else "statement"


def argdown_shaped(debate: Debate, reserved: Callable[[Claim], Titles]) -> Debate:
    """The debate with every group turned into the argument Argdown has for it;
    `reserved` gives the titles a claim's own premise-conclusion text defines."""
    groups = [link for link in debate.links if link.is_group]
    if not groups:
        return debate
    claims = {claim.id: claim for claim in debate.claims}
    names = _Names(claims.values(),
                   {t for c in claims.values() if c.argument_structure for t in reserved(c)})
    links = [link for link in debate.links if not link.is_group]
    link_ids = {link.id for link in debate.links}
    counter = 0

    def new_id(taken: set[str] | dict[str, Claim], stem: str) -> str:
        nonlocal counter
        while True:
            counter += 1
            found = f"{stem}{counter}"
            if found not in taken:
                return found

    given: dict[str, str] = {}

    def titled(claim_id: str) -> str:
        claim = claims[claim_id]
        title = given.get(claim_id) or names.title_of(claim)
        if title is None:
            title = names.fresh(claim.title.strip() or title_from_text(claim.text), False)
            claims[claim_id] = claim.model_copy(update={"title": title})
        given[claim_id] = title
        return title

    for link in groups:
        premises = [claims[s] for s in link.sources]
        target = claims.get(link.to_claim) if link.to_claim is not None else None
        argument_id = new_id(claims, "group")
        pcs = (link.kind is LinkKind.SUPPORT and target is not None
               and all(c.kind is not ClaimKind.ARGUMENT for c in [*premises, target]))
        if pcs and target is not None:
            lines = [f"({n}) [{titled(c.id)}]" for n, c in enumerate(premises, 1)]
            lines += ["----", f"({len(premises) + 1}) [{titled(target.id)}]"]
            title = names.fresh(title_from_text(target.text), True)
            argument = Claim(id=argument_id, text=title, title=title, kind=ClaimKind.ARGUMENT,
                             order=target.order, argument_structure="\n".join(lines))
        else:
            text = together([c.text for c in premises])
            title = names.fresh(title_from_text(text), True)
            argument = Claim(id=argument_id, text=text, title=title, kind=ClaimKind.ARGUMENT,
                             order=premises[0].order)
        claims[argument_id] = argument
        for claim in premises:
            premise_id = new_id(link_ids, "l")
            link_ids.add(premise_id)
            links.append(Link(id=premise_id, sources=(claim.id,), to_claim=argument_id,
                              order=link.order))
        links.append(link.model_copy(update={"sources": (argument_id,)}))
    return Debate(info=debate.info, claims=tuple(claims.values()), links=tuple(links))
