"""Two members editing one server debate (README, "Team debates on a server"): each sees
the other's edits, an edit based on a stale version is refused naming who changed it, an
undo never overwrites someone else's change, and new claims never share an id."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest

from debate_editor.domain import ClaimKind, Debate, DebateInfo
from debate_editor.domain.errors import DebateFileError, EditConflictError
from debate_editor.domain.events import DebateChanged
from debate_editor.store.server import read_server_debate, write_server_debate
from debate_editor.store.server_document import ServerDocument
from debate_editor.store.server_url import ServerAddress, parse_server_url


@pytest.fixture
def address(fresh_pg_url: str) -> ServerAddress:
    where = parse_server_url(f"{fresh_pg_url}?debate={quote('team case')}")
    write_server_debate(where, Debate(info=DebateInfo(title="Team case")), replace=False)
    return where


@pytest.fixture
def pair(address: ServerAddress) -> Iterator[tuple[ServerDocument, ServerDocument]]:
    ann = ServerDocument.open_server(address, by="Ann")
    bob = ServerDocument.open_server(address, by="Bob")
    yield ann, bob
    ann.close()
    bob.close()


def test_each_sees_the_others_edits(pair: tuple[ServerDocument, ServerDocument]) -> None:
    ann, bob = pair
    heard: list[DebateChanged] = []
    bob.subscribe(heard.append)
    thesis = ann.add_claim("Schools should start later", ClaimKind.THESIS)
    reason = ann.add_claim("Teenagers sleep later", answers=thesis.id)
    event = bob.catch_up()
    assert event is not None and heard == [event]
    assert event.added_claims == {thesis.id, reason.id}
    assert bob.claim(reason.id).text == "Teenagers sleep later"
    assert len(bob.graph.links) == 1
    bob.update_claim(thesis.id, text="Schools should start at nine")
    ann.catch_up()
    assert ann.claim(thesis.id).text == "Schools should start at nine"
    assert ann.last_change("claim", thesis.id)[0] == "Bob"  # type: ignore[index]
    assert bob.catch_up() is None  # its own edit is nothing new
    whole = read_server_debate(ann.address).snapshot()
    assert set(whole.claims) == set(ann.snapshot().claims) == set(bob.snapshot().claims)


def test_new_claims_never_share_an_id(pair: tuple[ServerDocument, ServerDocument]) -> None:
    ann, bob = pair
    made = [ann.add_claim(f"Ann {n}").id for n in range(40)]
    made += [bob.add_claim(f"Bob {n}").id for n in range(40)]  # Bob has not caught up
    assert len(set(made)) == 80
    ann.catch_up()
    assert len(ann.graph.claims) == len(read_server_debate(ann.address).debate.claims) == 80


def test_a_stale_edit_is_refused_naming_who(
        pair: tuple[ServerDocument, ServerDocument]) -> None:
    ann, bob = pair
    claim = ann.add_claim("Homework is useful")
    bob.catch_up()
    ann.update_claim(claim.id, text="Homework is useful in moderation")
    with pytest.raises(EditConflictError, match="Ann changed this claim a moment ago"):
        bob.update_claim(claim.id, text="Homework is harmful")  # Bob had not seen Ann's
    # the refusal shows Bob the current text, and the server keeps Ann's
    assert bob.claim(claim.id).text == "Homework is useful in moderation"
    assert read_server_debate(ann.address).debate.claims[0].text.endswith("moderation")
    bob.update_claim(claim.id, text="Homework is harmful")  # now based on what he sees
    ann.catch_up()
    assert ann.claim(claim.id).text == "Homework is harmful"


def test_undo_never_overwrites_someone_elses_change(
        pair: tuple[ServerDocument, ServerDocument]) -> None:
    ann, bob = pair
    claim = ann.add_claim("Uniforms reduce bullying")
    undo_text = ann.apply(_text_edit(ann, claim.id, "Uniforms reduce teasing"))
    bob.catch_up()
    bob.update_claim(claim.id, text="Uniforms may reduce teasing")
    ann.catch_up()
    with pytest.raises(EditConflictError, match="Bob changed this claim since"):
        ann.apply(undo_text)
    assert ann.claim(claim.id).text == "Uniforms may reduce teasing"
    # an undo of her own edit that nobody touched since goes through
    other = ann.add_claim("Uniforms cost families money")
    undo_other = ann.apply(_text_edit(ann, other.id, "Uniforms cost money"))
    redo = ann.apply(undo_other)
    assert ann.claim(other.id).text == "Uniforms cost families money"
    ann.apply(redo)
    assert ann.claim(other.id).text == "Uniforms cost money"


def test_an_edit_on_a_claim_someone_removed_is_refused(
        pair: tuple[ServerDocument, ServerDocument]) -> None:
    ann, bob = pair
    claim = ann.add_claim("Cars should be banned downtown")
    bob.catch_up()
    ann.remove_claims([claim.id])
    with pytest.raises(EditConflictError, match="Ann changed this claim"):
        bob.update_claim(claim.id, text="Cars should pay to enter downtown")
    assert claim.id not in bob.graph.claims


def test_a_closed_server_says_so(address: ServerAddress) -> None:
    doc = ServerDocument.open_server(address, by="Ann")
    doc.close()
    with pytest.raises(DebateFileError, match="closed"):
        doc.add_claim("Too late")


def _text_edit(doc: ServerDocument, claim_id: str, text: str):  # type: ignore[no-untyped-def]
    from debate_editor.domain import builders

    return builders.claim_change_edit(doc.graph, claim_id, text=text)[0]
