"""A plain in-memory debate for tests: two dicts and its own rules.

It shares nothing with `DebateDocument` but the value types (`Claim`, `Link`, `Edit`):
its own checks, its own cascade, its own order of work. When it and the document
disagree about an edit, or about what the file holds afterwards, one of them is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from debate_editor.domain import Claim, Edit, Link, LinkKind


class RefusedError(Exception):
    """The model says the edit breaks a rule, so the document must refuse it too."""


@dataclass
class PlainDebate:
    title: str = "Untitled debate"
    description: str = ""
    claims: dict[str, Claim] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)

    def copy(self) -> PlainDebate:
        return PlainDebate(self.title, self.description, dict(self.claims), dict(self.links))

    def content(self) -> tuple[Any, ...]:
        """What must survive a round trip through the file: everything but timestamps."""
        return (self.title, self.description, dict(self.claims), dict(self.links))

    # ---- the rules, written out from the documentation of Edit --------------------------
    def _gone_links(self, edit: Edit) -> set[str]:
        """Links named for removal, links touching a removed claim, and every undercut of a
        removed link, found by sweeping until nothing more falls."""
        gone = {i for i in edit.remove_links if i in self.links}
        claims_gone = set(edit.remove_claims)
        changed = True
        while changed:
            changed = False
            for link in self.links.values():
                if link.id in gone:
                    continue
                if (
                    link.source in claims_gone
                    or link.to_claim in claims_gone
                    or link.to_link in gone
                ):
                    gone.add(link.id)
                    changed = True
        return gone

    def problems(self, edit: Edit) -> list[str]:
        """Every rule the edit breaks; empty when the document must accept it."""
        out: list[str] = []
        taken = set(self.claims) | set(self.links)
        new_ids = [c.id for c in edit.add_claims] + [lk.id for lk in edit.add_links]
        if len(set(new_ids)) != len(new_ids) or taken & set(new_ids):
            out.append("id taken")
        for group in (edit.remove_claims, edit.remove_links,
                      [c.id for c in edit.update_claims], [lk.id for lk in edit.update_links]):
            if len(set(group)) != len(group):
                out.append("an id named twice")
        if any(i not in self.claims for i in edit.remove_claims):
            out.append("remove missing claim")
        if any(i not in self.links for i in edit.remove_links):
            out.append("remove missing link")
        gone_links = self._gone_links(edit)
        gone_claims = set(edit.remove_claims)
        if any(c.id not in self.claims or c.id in gone_claims for c in edit.update_claims):
            out.append("change missing claim")
        if any(lk.id not in self.links or lk.id in gone_links for lk in edit.update_links):
            out.append("change missing link")
        # Blank text is refused; text after a NUL character does not count (SQLite's
        # functions stop there).
        if any(not c.text.split("\x00")[0].strip()
               for c in (*edit.add_claims, *edit.update_claims)):
            out.append("blank text")
        if out:
            return out
        after = self._after(edit, gone_links)
        pairs: set[tuple[str, str]] = set()
        for link in after.links.values():
            target = link.to_claim if link.to_claim is not None else link.to_link
            if link.source not in after.claims:
                out.append(f"{link.id}: no source")
            if link.to_claim is not None and link.to_claim not in after.claims:
                out.append(f"{link.id}: no target claim")
            if link.to_link is not None and link.to_link not in after.links:
                out.append(f"{link.id}: no target link")
            if link.source == link.to_claim:
                out.append(f"{link.id}: answers itself")
            if (link.source, target) in pairs:
                out.append(f"{link.id}: pair twice")
            pairs.add((link.source, target))
            if (link.to_link is not None) and link.kind is not LinkKind.OBJECTION:
                out.append(f"{link.id}: undercut that is not an objection")
            # An undercut must end, through undercuts of undercuts, at an arrow to a claim.
            seen = {link.id}
            step = link
            while step.to_link is not None and step.to_link in after.links:
                step = after.links[step.to_link]
                if step.id in seen:
                    out.append(f"{link.id}: undercuts go round in a circle")
                    break
                seen.add(step.id)
        return out

    def _after(self, edit: Edit, gone_links: set[str]) -> PlainDebate:
        after = self.copy()
        for claim in edit.add_claims:
            after.claims[claim.id] = claim
        for link in edit.add_links:
            after.links[link.id] = link
        for claim in edit.update_claims:
            after.claims[claim.id] = claim
        for link in edit.update_links:
            after.links[link.id] = link
        for link_id in gone_links:
            del after.links[link_id]
        for claim_id in edit.remove_claims:
            del after.claims[claim_id]
        if edit.info is not None:
            after.title, after.description = edit.info.title, edit.info.description
        return after

    def apply(self, edit: Edit) -> PlainDebate:
        """The debate after `edit`, or RefusedError."""
        found = self.problems(edit)
        if found:
            raise RefusedError(found)
        return self._after(edit, self._gone_links(edit))

    # ---- questions the views ask, answered the slow obvious way ---------------------------
    def incoming(self, target: str) -> set[str]:
        return {lk.id for lk in self.links.values() if target in (lk.to_claim, lk.to_link)}

    def outgoing(self, claim_id: str) -> set[str]:
        return {lk.id for lk in self.links.values() if lk.source == claim_id}

    def theses(self) -> set[str]:
        sources = {lk.source for lk in self.links.values()}
        return {c for c in self.claims if c not in sources}
