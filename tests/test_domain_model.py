"""The rules of a debate, with messages a person understands."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from debate_editor.domain import Claim, Debate, InvalidDebateError, Link, LinkKind


def claims(*ids: str) -> tuple[Claim, ...]:
    return tuple(Claim(id=i, text=f"Claim {i}") for i in ids)


def test_a_claim_needs_text() -> None:
    with pytest.raises(ValidationError, match="a claim needs some text"):
        Claim(id="c1", text="   ")


def test_a_link_to_nothing_is_named() -> None:
    with pytest.raises(InvalidDebateError, match="points at claim c9, which does not exist"):
        Debate(claims=claims("c1"), links=(Link(id="l1", source="c1", to_claim="c9"),))


def test_a_claim_cannot_answer_itself() -> None:
    with pytest.raises(InvalidDebateError, match="cannot support or object to itself"):
        Debate(claims=claims("c1"), links=(Link(id="l1", source="c1", to_claim="c1"),))


def test_the_same_link_twice_is_refused_whatever_its_kind() -> None:
    links = (
        Link(id="l1", source="c2", to_claim="c1"),
        Link(id="l2", source="c2", to_claim="c1", kind=LinkKind.OBJECTION),
    )
    with pytest.raises(InvalidDebateError, match="already linked"):
        Debate(claims=claims("c1", "c2"), links=links)


def test_an_undercut_is_an_objection_to_a_link() -> None:
    links = (
        Link(id="l1", source="c2", to_claim="c1"),
        Link(id="l2", source="c3", to_link="l1", kind=LinkKind.OBJECTION),
    )
    debate = Debate(claims=claims("c1", "c2", "c3"), links=links)
    assert debate.link_counts() == {"support": 1, "objection": 0, "undercut": 1}
    with pytest.raises(ValidationError, match="only an objection can point at another link"):
        Link(id="l3", source="c3", to_link="l1", kind=LinkKind.SUPPORT)


def test_a_link_has_exactly_one_target() -> None:
    with pytest.raises(ValidationError, match="exactly one claim or one link"):
        Link(id="l1", source="c1")
    with pytest.raises(ValidationError, match="exactly one claim or one link"):
        Link(id="l1", source="c1", to_claim="c2", to_link="l2")


def test_every_problem_is_reported_and_counted() -> None:
    links = (
        Link(id="l1", source="c1", to_claim="c1"),
        Link(id="l2", source="c8", to_claim="c9"),
    )
    with pytest.raises(InvalidDebateError) as caught:
        Debate(claims=claims("c1"), links=links)
    assert len(caught.value.problems) == 3
    assert "and 2 more problems" in str(caught.value)


def test_tags_are_trimmed_and_unique() -> None:
    assert Claim(id="c1", text="x", tags=(" a", "a", "", "b ")).tags == ("a", "b")
