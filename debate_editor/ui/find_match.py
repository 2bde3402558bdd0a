"""What Find matches, the same in every view: words in a claim's text (or title), and
`#tag` for the claims that carry a tag (`#saf` while typing `#safety`). Several parts
must all match: `#cost labs` is a claim tagged cost… whose text says labs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.model import Claim

if TYPE_CHECKING:
    from debate_editor.store import DebateDocument
    from debate_editor.ui.session import Session

Matcher = Callable[[Claim], bool]


def claim_matcher(text: str) -> Matcher | None:
    """A test for one claim, or None when `text` asks for nothing (every claim shows)."""
    words = text.casefold().split()
    tags = [word[1:] for word in words if word.startswith("#") and len(word) > 1]
    rest = " ".join(word for word in words if not (word.startswith("#") and len(word) > 1))
    if not tags and not rest:
        return None

    def matches(claim: Claim) -> bool:
        if rest and rest not in claim.text.casefold() and rest not in claim.title.casefold():
            return False
        carried = [tag.casefold() for tag in claim.tags]
        return all(any(tag.startswith(wanted) for tag in carried) for wanted in tags)

    return matches


def matching_ids(graph: DebateGraph, text: str) -> list[str]:
    """The claims `text` finds, in reading order (empty when it asks for nothing)."""
    matches = claim_matcher(text)
    if matches is None:
        return []
    return [claim.id for claim in graph.reading_order() if matches(claim)]


def next_match(matches: list[str], current: str | None, backwards: bool) -> str | None:
    """The match after (or before) `current`, round the end; the first (last) if it is
    not a match itself."""
    if not matches:
        return None
    if current in matches:
        return matches[(matches.index(current) + (-1 if backwards else 1)) % len(matches)]
    return matches[-1] if backwards else matches[0]


class FindsClaims:
    """Find (Ctrl+F) for a view that lists claims (the outline, the columns): what it
    finds it shows as found (`show_found`), the rest faint, and Enter selects the next
    match in the window's one selection, which every view follows."""

    document: DebateDocument
    session: Session

    def show_found(self, found: set[str] | None) -> None:
        """Draw the claims in `found` as found and the others faint (None: as usual)."""
        raise NotImplementedError

    def set_filter(self, text: str) -> list[str]:
        self._find_text = text
        self._found = matching_ids(self.document.graph, text)
        self.show_found(set(self._found) if claim_matcher(text) is not None else None)
        return list(self._found)

    def refilter(self) -> None:
        """After an edit: what the same text finds now."""
        if getattr(self, "_find_text", ""):
            self.set_filter(self._find_text)

    def find_next(self, backwards: bool = False) -> str | None:
        target = next_match(getattr(self, "_found", []), self.session.selection.current,
                            backwards)
        if target is not None:
            self.session.selection.select(target)
        return target
