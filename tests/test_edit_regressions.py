"""Edits that once broke the document: each failed before its fix.

Found by the state machine and the edit stream (tests/test_undo_state_machine.py,
tests/test_undo_ten_thousand.py); kept here as small cases a person can read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from debate_editor.domain import Claim, ClaimKind, Edit, InvalidDebateError, Link, LinkKind
from debate_editor.store import DebateDocument


def content(doc: DebateDocument) -> tuple[object, ...]:
    return (doc.info.title, dict(doc.graph.claims), dict(doc.graph.links))


def reopened(path: Path) -> tuple[object, ...]:
    with DebateDocument.open(path, read_only=True) as doc:
        return content(doc)


def arrow_and_undercut(doc: DebateDocument) -> dict[str, str]:
    """Thesis t <- reason r (arrow a), and claim u undercutting arrow a (link x)."""
    t = doc.add_claim("Cities should ban cars", ClaimKind.THESIS)
    r = doc.add_claim("Cleaner air", answers=t.id)
    arrow = doc.graph.pros(t.id)[0].link
    u = doc.add_claim("The air is clean already", answers=arrow.id, link_kind=LinkKind.OBJECTION)
    undercut = doc.graph.undercuts(arrow.id)[0].link
    return {"t": t.id, "r": r.id, "u": u.id, "arrow": arrow.id, "undercut": undercut.id}


@pytest.mark.parametrize("order", ["reason first", "undercutter first"])
def test_deleting_a_reason_and_the_claim_undercutting_its_arrow_together(
    new_doc: DebateDocument, order: str
) -> None:
    ids = arrow_and_undercut(new_doc)
    before = content(new_doc)
    doomed = (ids["r"], ids["u"]) if order == "reason first" else (ids["u"], ids["r"])
    inverse = new_doc.remove_claims(doomed)
    assert set(new_doc.graph.claims) == {ids["t"]}
    assert new_doc.graph.links == {}
    assert new_doc.graph.incoming(ids["t"]) == []
    assert reopened(new_doc.path) == content(new_doc)
    new_doc.apply(inverse)
    assert content(new_doc) == before == reopened(new_doc.path)
    assert [r.claim.id for r in new_doc.graph.undercuts(ids["arrow"])] == [ids["u"]]


def test_deleting_an_arrow_and_its_undercut_named_together(new_doc: DebateDocument) -> None:
    ids = arrow_and_undercut(new_doc)
    before = content(new_doc)
    inverse = new_doc.remove_links([ids["arrow"], ids["undercut"]])
    assert new_doc.graph.links == {}
    assert reopened(new_doc.path) == content(new_doc)
    new_doc.apply(inverse)
    assert content(new_doc) == before == reopened(new_doc.path)


def test_a_claim_named_twice_for_removal_is_refused_before_anything_is_written(
    new_doc: DebateDocument,
) -> None:
    ids = arrow_and_undercut(new_doc)
    before, before_bytes = content(new_doc), new_doc.path.read_bytes()
    with pytest.raises(InvalidDebateError, match="twice"):
        new_doc.apply(Edit(remove_claims=(ids["r"], ids["r"])))
    assert content(new_doc) == before
    assert new_doc.path.read_bytes() == before_bytes


def test_undercuts_cannot_be_made_to_go_round_in_a_circle(new_doc: DebateDocument) -> None:
    """x undercuts the arrow; y undercuts x. Pointing x at y would leave no arrow at the
    end of the chain, and every view that walks it would never stop."""
    ids = arrow_and_undercut(new_doc)
    y = new_doc.add_claim("That objection misses", answers=ids["undercut"],
                          link_kind=LinkKind.OBJECTION)
    y_link = new_doc.graph.outgoing(y.id)[0]
    before, before_bytes = content(new_doc), new_doc.path.read_bytes()
    with pytest.raises(InvalidDebateError, match="circle"):
        new_doc.update_link(ids["undercut"], to_link=y_link.id)
    assert content(new_doc) == before
    assert new_doc.path.read_bytes() == before_bytes


def test_an_edit_built_without_checks_cannot_write_a_file_that_will_not_open(
    new_doc: DebateDocument,
) -> None:
    """model_copy skips pydantic's checks: an undercut turned into a support would be
    written, and the file refused as damaged at its next opening."""
    ids = arrow_and_undercut(new_doc)
    sneaky = new_doc.link(ids["undercut"]).model_copy(update={"kind": LinkKind.SUPPORT})
    with pytest.raises(InvalidDebateError, match="objection"):
        new_doc.apply(Edit(update_links=(sneaky,)))
    both = Link.model_construct(id="l99", sources=(ids["u"],), to_claim=ids["t"],
                                to_link=ids["arrow"], kind=LinkKind.OBJECTION, order=0)
    with pytest.raises(InvalidDebateError, match="exactly one"):
        new_doc.apply(Edit(add_links=(both,)))
    blank = new_doc.claim(ids["r"]).model_copy(update={"text": "   "})
    with pytest.raises(InvalidDebateError, match="text"):
        new_doc.apply(Edit(update_claims=(blank,)))
    new_doc.close()
    with DebateDocument.open(new_doc.path) as again:
        assert again.link(ids["undercut"]).kind is LinkKind.OBJECTION


def test_text_that_cannot_be_stored_is_refused_with_a_documented_error(
    new_doc: DebateDocument,
) -> None:
    """A lone surrogate (half of a UTF-16 pair, as a broken paste can hand over) has no
    UTF-8 form. It used to escape `apply` as a UnicodeEncodeError."""
    before_bytes = new_doc.path.read_bytes()
    with pytest.raises(InvalidDebateError):
        new_doc.add_claim("half a pair: \ud83d", ClaimKind.THESIS)
    with pytest.raises(InvalidDebateError):
        new_doc.set_info(title="\udc00")
    assert new_doc.path.read_bytes() == before_bytes
    assert new_doc.graph.claims == {}


def test_add_claim_with_blank_text_raises_the_documented_error(new_doc: DebateDocument) -> None:
    with pytest.raises(InvalidDebateError, match="needs some text"):
        new_doc.add_claim("   ", ClaimKind.THESIS)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_position_that_is_not_a_number_is_refused(
    new_doc: DebateDocument, value: float
) -> None:
    """SQLite stores NaN as NULL: the card would come back without a position."""
    claim = new_doc.add_claim("somewhere", ClaimKind.THESIS, x=1.0, y=2.0)
    with pytest.raises(InvalidDebateError):
        new_doc.update_claim(claim.id, x=value)
    with pytest.raises(InvalidDebateError):
        new_doc.add_claim("nowhere", ClaimKind.THESIS, x=value, y=0.0)
    assert reopened(new_doc.path) == content(new_doc)


def test_nul_and_other_control_characters_survive_the_file(new_doc: DebateDocument) -> None:
    text = "before\x00after\x1b[31m\r\n\u2028\u2029\ufeff\U0010ffff"
    claim = new_doc.add_claim(text, ClaimKind.THESIS, tags=("\x00", "ok"))
    assert reopened(new_doc.path)[1][claim.id].text == text
    assert reopened(new_doc.path) == content(new_doc)


def test_a_batch_adding_the_same_id_twice_is_refused_as_invalid(new_doc: DebateDocument) -> None:
    with pytest.raises(InvalidDebateError, match="twice"):
        new_doc.apply(Edit(add_claims=(Claim(id="z", text="1"), Claim(id="z", text="2"))))
    assert new_doc.graph.claims == {}


def test_reattaching_an_arrow_keeps_its_undercuts(new_doc: DebateDocument) -> None:
    """Dragging the head of an undercut arrow to another claim used to drop the undercut
    from the graph (still in the file, gone from every view)."""
    ids = arrow_and_undercut(new_doc)
    other = new_doc.add_claim("Another thesis", ClaimKind.THESIS)
    new_doc.update_link(ids["arrow"], to_claim=other.id)
    assert [r.claim.id for r in new_doc.graph.undercuts(ids["arrow"])] == [ids["u"]]
    assert [r.claim.id for r in new_doc.graph.pros(other.id)] == [ids["r"]]
    assert new_doc.graph.pros(ids["t"]) == []
    new_doc.remove_claims([ids["u"]])  # and the undercut can still be removed cleanly
    assert new_doc.graph.undercuts(ids["arrow"]) == []


@pytest.mark.parametrize("text", ["\x00", "  \x00 text after a NUL does not count"])
def test_text_blank_before_a_nul_character_is_blank(new_doc: DebateDocument, text: str) -> None:
    """SQLite's length() stops at the first NUL, so the file's own check saw no text and
    refused the row: apply failed with "could not be written" instead of the rule."""
    with pytest.raises(InvalidDebateError, match="needs some text"):
        new_doc.add_claim(text, ClaimKind.THESIS)
    claim = new_doc.add_claim("fine", ClaimKind.THESIS)
    with pytest.raises(InvalidDebateError, match="needs some text"):
        new_doc.update_claim(claim.id, text=text)
    assert reopened(new_doc.path) == content(new_doc)
