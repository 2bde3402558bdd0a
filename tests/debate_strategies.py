"""Hypothesis strategies for whole, valid debates: claims with any text, links of both
kinds, undercuts, claims under two parents, and (with `groups`) reasons of several
premises that hold only together (README, "Co-premises")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import strategies as st

from debate_editor.domain import Claim, ClaimKind, Debate, DebateInfo, Link, LinkKind
from debate_editor.domain.model import POSITION_LIMIT, has_text

ANY_TEXT = st.text(min_size=1, max_size=40).filter(has_text)
"""Any unicode text a person could paste: emoji, right-to-left scripts, NUL, line breaks."""

_LINE_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
LINE_TEXT = st.text(_LINE_CHARS, min_size=1, max_size=30).map(str.strip).filter(has_text)
"""One line of visible text: what formats that read line by line keep exactly."""

_ZONES = st.sampled_from([UTC, timezone(timedelta(hours=5, minutes=30)),
                          timezone(timedelta(hours=-8))])
TIMESTAMPS = st.one_of(
    st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1),
                 timezones=_ZONES),
    st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1)),
)
POSITIONS = st.none() | st.floats(-POSITION_LIMIT, POSITION_LIMIT, width=64)
ORDERS = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@st.composite
def debates(
    draw: st.DrawFn,
    *,
    texts: st.SearchStrategy[str] = ANY_TEXT,
    max_claims: int = 8,
    undercuts: bool = True,
    rich: bool = True,
    ids: st.SearchStrategy[str] | None = None,
    groups: bool = False,
) -> Debate:
    """A valid debate. `rich` fills every field of a claim (for lossless formats);
    `ids` draws arbitrary ids instead of c1, c2, …; `groups` lets a link (an undercut
    too) have up to two more premises."""
    count = draw(st.integers(min_value=1, max_value=max_claims))
    if ids is not None:
        claim_ids = draw(st.lists(ids, min_size=count, max_size=count, unique=True))
        claim_ids = [f"c:{i}" for i in claim_ids]
    else:
        claim_ids = [f"c{n}" for n in range(1, count + 1)]
    claims = []
    for claim_id in claim_ids:
        fields: dict[str, object] = {"id": claim_id, "text": draw(texts)}
        if rich:
            fields.update(
                kind=draw(st.sampled_from(ClaimKind)),
                title=draw(st.text(max_size=10)),
                note=draw(st.text(max_size=20)),
                source=draw(st.text(max_size=10)),
                tags=tuple(draw(st.lists(st.text(max_size=8), max_size=3))),
                x=draw(POSITIONS), y=draw(POSITIONS),
                order=draw(ORDERS),
                argument_structure=draw(st.text(max_size=20)),
            )
        claims.append(Claim(**fields))
    pairs = draw(st.lists(
        st.tuples(st.sampled_from(claim_ids), st.sampled_from(claim_ids)).filter(
            lambda pair: pair[0] != pair[1]),
        unique=True, max_size=count * 2,
    ))
    links: list[Link] = []
    taken: set[tuple[tuple[str, ...], str]] = set()

    def premises(source: str, target: str) -> tuple[str, ...]:
        """The source alone, or (with `groups`) with co-premises, answering `target` once."""
        if not groups:
            return (source,)
        more = draw(st.lists(st.sampled_from(claim_ids), max_size=2, unique=True))
        chosen = (source, *(c for c in more if c not in (source, target)))
        if len(chosen) > 1 and (tuple(sorted(chosen)), target) in taken:
            chosen = (source,)
        taken.add((tuple(sorted(chosen)), target))
        return chosen

    for number, (source, target) in enumerate(pairs, 1):
        links.append(Link(
            id=f"l{number}", sources=premises(source, target), to_claim=target,
            kind=draw(st.sampled_from(LinkKind)),
            order=draw(ORDERS) if rich else draw(st.integers(0, 5)),
        ))
    if undercuts and links:
        attacks = draw(st.lists(
            st.tuples(st.sampled_from(claim_ids), st.sampled_from([lk.id for lk in links])),
            unique=True, max_size=3,
        ))
        for number, (source, target) in enumerate(attacks, len(links) + 1):
            links.append(Link(id=f"l{number}", sources=premises(source, target), to_link=target,
                              kind=LinkKind.OBJECTION, order=draw(st.integers(0, 5))))
    info = DebateInfo(title=draw(st.text(max_size=20)), description=draw(st.text(max_size=20)))
    if rich:
        info = DebateInfo(title=info.title, description=info.description,
                          created=draw(TIMESTAMPS), modified=draw(TIMESTAMPS))
    return Debate(info=info, claims=tuple(claims), links=tuple(links))
