"""Any debate, however hostile its texts, exported to Argdown and read back is the same debate.

"The same" means: the same claims (text with its spaces folded, kind, tags, note, source,
argument structure, and the title wherever the title can be written in Argdown at all),
and the same supports, objections and undercuts between them. Ids are new after a round
trip, so claims are matched by their text.
"""

from __future__ import annotations

import random

from argdown_samples import hostile_debate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate_editor.domain.model import ClaimKind, Debate
from debate_editor.formats.argdown import read_argdown, write_argdown
from debate_editor.formats.argdown.text import tag_of_markup, valid_title
from debate_editor.formats.argdown.tree import normalize_space


def signature(debate: Debate) -> tuple[object, ...]:
    """The debate with ids replaced by what the claims say."""
    claims = {c.id: c for c in debate.claims}
    links = {link.id: link for link in debate.links}

    def claim_key(claim_id: str) -> tuple[bool, str]:
        claim = claims[claim_id]
        return (claim.kind is ClaimKind.ARGUMENT, normalize_space(claim.text))

    def link_key(link_id: str) -> tuple[object, ...]:
        link = links[link_id]
        target = claim_key(link.to_claim) if link.to_claim else ("link", link_key(link.to_link))
        return (claim_key(link.source), link.kind.value, target)

    described = sorted(
        (
            claim_key(c.id), c.kind.value,
            frozenset(filter(None, (tag_of_markup(t) for t in c.tags))),
            c.note, c.source, c.argument_structure,
        )
        for c in debate.claims
    )
    return (tuple(described), tuple(sorted(map(link_key, links), key=repr)))


def titles_kept(before: Debate, after: Debate) -> None:
    titles = {normalize_space(c.text): c.title for c in after.claims}
    for claim in before.claims:
        writable = valid_title(claim.title, claim.kind is ClaimKind.ARGUMENT)
        if writable is not None:
            assert titles[normalize_space(claim.text)] == writable, claim
        if claim.kind is ClaimKind.ARGUMENT:
            assert titles[normalize_space(claim.text)], "an argument always keeps a title"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_hostile_debates_survive_argdown(rnd: random.Random) -> None:
    debate = hostile_debate(rnd)
    text = write_argdown(debate)
    again = read_argdown(text)
    assert signature(again) == signature(debate), text
    titles_kept(debate, again)
    assert again.info.title == normalize_space(debate.info.title)
    assert again.info.description.strip() == debate.info.description.strip()
    # A second trip changes nothing more.
    assert signature(read_argdown(write_argdown(again))) == signature(again)


def test_deep_chains_are_written_and_read_back() -> None:
    """A chain of 300 reasons is cut into paragraphs instead of 300 levels of indentation."""
    from debate_editor.domain.model import Claim, Link, LinkKind

    claims = [Claim(id=f"c{i}", text=f"Reason number {i}") for i in range(1, 301)]
    links = [
        Link(id=f"l{i}", source=f"c{i + 1}", to_claim=f"c{i}", kind=LinkKind.SUPPORT)
        for i in range(1, 300)
    ]
    debate = Debate(claims=tuple(claims), links=tuple(links))
    text = write_argdown(debate)
    deepest = max(len(line) - len(line.lstrip()) for line in text.splitlines())
    assert deepest <= 2 * 41
    assert signature(read_argdown(text)) == signature(debate)
