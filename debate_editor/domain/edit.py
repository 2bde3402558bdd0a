"""An edit: one batch of changes to a debate, applied as one transaction.

Applying an edit returns its inverse, so an undo command is nothing but an edit and
the inverse the document handed back. Commands never need to know how a change is
stored or shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from debate_editor.domain.model import Claim, DebateInfo, Link


@dataclass(frozen=True)
class Edit:
    """Claims and links to add, replace (by id) and remove, and new debate info.

    The document applies the parts in a fixed order: add claims, add links, replace
    claims, replace links, remove links, remove claims. Removing a claim also removes
    every link that starts or ends at it, and every undercut of those links.
    """

    add_claims: tuple[Claim, ...] = ()
    add_links: tuple[Link, ...] = ()
    update_claims: tuple[Claim, ...] = ()
    update_links: tuple[Link, ...] = ()
    remove_links: tuple[str, ...] = ()
    remove_claims: tuple[str, ...] = ()
    info: DebateInfo | None = None
    label: str = field(default="", compare=False)
    typed_over: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """(claim id, the text the person began typing over): refused with StaleTextError
    when that claim's text is no longer it, since another member's edit that arrived
    while they typed would be overwritten unseen (README, "Team debates on a server")."""

    def is_empty(self) -> bool:
        return not (
            self.add_claims
            or self.add_links
            or self.update_claims
            or self.update_links
            or self.remove_links
            or self.remove_claims
            or self.info is not None
        )
