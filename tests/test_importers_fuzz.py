"""Every importer answers any input with a Debate or one ImportFormatError, nothing else."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debate_editor.domain import Debate, ImportFormatError
from debate_editor.formats import registry

IMPORTERS = ["aif", "json", "kialo", "thread"]


def read_or_refuse(name: str, text: str) -> None:
    reader = registry.get(name).read
    assert reader is not None
    try:
        debate = reader(text)
    except ImportFormatError as error:
        assert error.line is None or error.line >= 1
        assert "\n" not in str(error)
        return
    assert isinstance(debate, Debate)
    Debate.model_validate(debate.model_dump())  # what it returned keeps every rule


@pytest.mark.parametrize("name", IMPORTERS)
@settings(max_examples=150, deadline=None)
@given(text=st.text())
def test_any_text(name: str, text: str) -> None:
    read_or_refuse(name, text)


_NUMBER = st.lists(st.integers(1, 3), min_size=1, max_size=4).map(
    lambda parts: "".join(f"{p}." for p in parts))
_KIALO_LINE = st.one_of(
    st.builds(lambda n, s, t: f"{n} {s}{t}", _NUMBER,
              st.sampled_from(["", "Pro: ", "Con: ", "Thesis: ", "Pro:", "Con:  "]),
              st.sampled_from(["a", "b \\(c\\)", "", "-> See 1.", "-> See 1.1.", "-> See 9.",
                               "[x](y)", "1.1. Pro: z"])),
    st.sampled_from(["", "continued", "1.1 Pro: x", "Discussion Title: again", "  "]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_KIALO_LINE, max_size=12), st.booleans())
def test_kialo_like_text(lines: list[str], header: bool) -> None:
    text = "\n".join((["Discussion Title: T", ""] if header else []) + lines)
    read_or_refuse("kialo", text)


_THREAD_LINE = st.one_of(
    st.sampled_from(["A post.", "Lead-in:", "I agree, but:", "", "1.", "1. x", "2. y",
                     "1. x 2. y", "3. z", "but: 1. a 2. b", "1) x", "2) y 3) z"]),
    st.text(max_size=10),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_THREAD_LINE, max_size=10))
def test_thread_like_text(lines: list[str]) -> None:
    read_or_refuse("thread", "\n".join(lines))


_ID = st.one_of(st.integers(-2, 6),
                st.sampled_from(["1", "2", "x", "", None, True, 1.5, "a\nb", "\u2028"]))
_NODE = st.fixed_dictionaries(
    {"nodeID": _ID},
    optional={"text": st.one_of(st.text(max_size=5), st.integers(), st.none()),
              "type": st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "TA", "PA", "", 3])},
)
_EDGE = st.fixed_dictionaries({}, optional={"fromID": _ID, "toID": _ID, "edgeID": _ID})
_AIF = st.fixed_dictionaries(
    {},
    optional={"nodes": st.one_of(st.lists(_NODE, max_size=8), st.integers(), st.none()),
              "edges": st.one_of(st.lists(_EDGE, max_size=10), st.text(max_size=3)),
              "locutions": st.lists(st.dictionaries(st.text(max_size=3), st.integers()))},
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_AIF, _AIF.map(lambda body: {"AIF": body}),
                 st.lists(st.integers(), max_size=2)))
def test_aif_like_json(document: object) -> None:
    read_or_refuse("aif", json.dumps(document, indent=1))


_CLAIM = st.fixed_dictionaries(
    {"id": st.sampled_from(["c1", "c2", "", "c1", "c\n1"]),
     "text": st.sampled_from(["a", " ", "", 4])},
    optional={"odd\nkey": st.just(1), "kind": st.sampled_from(["thesis", "nope"]),
              "x": st.sampled_from([1, "a", None]),
              "order": st.sampled_from([0, 2**70, -1]), "tags": st.sampled_from([[], ["a"], 3])},
)
_LINK = st.fixed_dictionaries(
    {"id": st.sampled_from(["l1", "l2", "c1"]),
     "source": st.sampled_from(["c1", "c2", "c9", "c\n9"])},
    optional={"to_claim": st.sampled_from(["c1", "c2", None]),
              "to_link": st.sampled_from(["l1", "l2", None]),
              "kind": st.sampled_from(["support", "objection", "x"])},
)
_OURS = st.fixed_dictionaries(
    {"claims": st.one_of(st.lists(_CLAIM, max_size=4), st.integers())},
    optional={"links": st.lists(_LINK, max_size=4),
              "schema_version": st.sampled_from([1, 2, "1", None]),
              "info": st.sampled_from([{}, {"title": 3}, {"created": "yesterday"}, []])},
)


@settings(max_examples=400, deadline=None)
@given(_OURS)
def test_our_json_with_wrong_parts(document: dict[str, object]) -> None:
    read_or_refuse("json", json.dumps(document, indent=1))


@pytest.mark.parametrize("name", IMPORTERS)
def test_deeply_nested_json_or_huge_numbers(name: str) -> None:
    read: Callable[[str, str], None] = read_or_refuse
    read(name, "[" * 100_000 + "]" * 100_000)
    read(name, '{"nodes": [{"nodeID": 1e999, "type": "I", "text": "a"}], "edges": []}')
