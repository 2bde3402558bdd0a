"""A deterministic stream of valid edits, the same for whoever asks with the same state.

Edit number `n` depends only on (seed, n) and the ids and links present, never on the
order a dict happens to hold them, so a test can replay in a plain model exactly what a
child process did to the file. Ids come from `n` ("k12", "k12.3", "m12"), so they never
clash. The stream mixes one-row edits with edits that touch many rows at once (a claim
with its link, a delete that cascades, a batch of forty rows), which are the ones a crash
could tear.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from debate_editor.domain import Claim, ClaimKind, DebateInfo, Edit, Link, LinkKind

KEEP_BELOW = 150
"""Claims the stream keeps the debate under (it deletes more once past it)."""

WORDS = ("cars", "air", "roads", "Straßenbahn", "مدينة", "城市", "🚲", "zero\u200bwidth",
         "\u202eright-to-left\u202c", "é", "—", "“quoted”")


def _text(rng: random.Random, n: int) -> str:
    return f"e{n}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))


def _rng(seed: int, n: int) -> random.Random:
    return random.Random(seed * 1_000_003 + n)


def next_edit(
    claims: Mapping[str, Claim], links: Mapping[str, Link], n: int, seed: int = 0
) -> Edit:
    """Edit number `n` of the stream, valid for a debate holding `claims` and `links`."""
    rng = _rng(seed, n)
    claim_ids = sorted(claims)
    link_ids = sorted(links)
    roll = rng.random()
    if not claim_ids or roll < 0.08:
        claim = Claim(id=f"k{n}", text=_text(rng, n), kind=ClaimKind.THESIS, order=n)
        return Edit(add_claims=(claim,), label="add thesis")
    if len(claim_ids) > KEEP_BELOW and roll < 0.35:
        doomed = tuple(rng.sample(claim_ids, min(len(claim_ids), rng.randint(1, 8))))
        return Edit(remove_claims=doomed, label="delete claims")
    if roll < 0.40:
        return _batch(rng, n, claim_ids)
    if roll < 0.60:
        target = rng.choice(claim_ids)
        claim = Claim(id=f"k{n}", text=_text(rng, n))
        kind = rng.choice(list(LinkKind))
        link = Link(id=f"m{n}", source=claim.id, to_claim=target, kind=kind, order=n)
        return Edit(add_claims=(claim,), add_links=(link,), label="add reason")
    if roll < 0.66 and link_ids:
        target_link = rng.choice(link_ids)
        claim = Claim(id=f"k{n}", text=_text(rng, n))
        link = Link(id=f"m{n}", source=claim.id, to_link=target_link,
                    kind=LinkKind.OBJECTION, order=n)
        return Edit(add_claims=(claim,), add_links=(link,), label="add undercut")
    if roll < 0.76:
        old = claims[rng.choice(claim_ids)]
        new = old.model_copy(update={"text": _text(rng, n), "note": f"note {n}"})
        return Edit(update_claims=(new,), label="edit text")
    if roll < 0.82:
        old = claims[rng.choice(claim_ids)]
        new = old.model_copy(update={"x": rng.uniform(-5000, 5000), "y": rng.uniform(-5e3, 5e3)})
        return Edit(update_claims=(new,), label="move")
    if roll < 0.86 and link_ids:
        old = links[rng.choice(link_ids)]
        if old.to_link is None:
            flipped = LinkKind.SUPPORT if old.kind is LinkKind.OBJECTION else LinkKind.OBJECTION
            return Edit(update_links=(old.model_copy(update={"kind": flipped}),),
                        label="change link kind")
        return Edit(update_links=(old.model_copy(update={"order": n}),), label="reorder")
    if roll < 0.90 and len(link_ids) >= 2:
        first, second = (links[i] for i in rng.sample(link_ids, 2))
        return Edit(update_links=(first.model_copy(update={"order": second.order}),
                                  second.model_copy(update={"order": first.order})),
                    label="swap order")
    if roll < 0.95:
        doomed = tuple(rng.sample(claim_ids, min(len(claim_ids), rng.randint(1, 3))))
        return Edit(remove_claims=doomed, label="delete claims")
    if roll < 0.98 and link_ids:
        return Edit(remove_links=(rng.choice(link_ids),), label="delete link")
    return Edit(info=DebateInfo(title=f"Title {n} 🗳", description=_text(rng, n)),
                label="debate details")


def _batch(rng: random.Random, n: int, claim_ids: list[str]) -> Edit:
    """Twenty claims, each answering an existing claim: forty rows in one transaction."""
    claims = tuple(Claim(id=f"k{n}.{i}", text=_text(rng, n)) for i in range(20))
    links = tuple(
        Link(id=f"m{n}.{i}", source=claim.id, to_claim=rng.choice(claim_ids),
             kind=rng.choice(list(LinkKind)), order=i)
        for i, claim in enumerate(claims)
    )
    return Edit(add_claims=claims, add_links=links, label="paste twenty")
