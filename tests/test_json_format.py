"""Our own JSON: lossless, versioned, its schema generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from debate_strategies import debates
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate_editor.domain import Debate, ImportFormatError
from debate_editor.formats.json_format import read_json, schema_text, write_json
from debate_editor.formats.registry import ExportOptions
from debate_editor.store import DebateDocument

ROOT = Path(__file__).resolve().parent.parent


def by_id(debate: Debate) -> tuple[object, ...]:
    """A debate's content regardless of row order."""
    return (
        debate.schema_version,
        debate.info,
        sorted(debate.claims, key=lambda claim: claim.id),
        sorted(debate.links, key=lambda link: link.id),
    )


def test_the_schema_file_is_the_one_the_models_generate() -> None:
    """resources/debate.schema.json is regenerated whenever the models change."""
    on_disk = (ROOT / "resources" / "debate.schema.json").read_text(encoding="utf-8")
    assert json.loads(on_disk) == Debate.model_json_schema()
    assert on_disk == schema_text()


@settings(max_examples=150, deadline=None)
@given(debates(ids=st.text(min_size=1, max_size=12)))
def test_debate_to_json_and_back_is_equal(debate: Debate) -> None:
    assert read_json(write_json(debate, ExportOptions())) == debate


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(debate=debates())
def test_debate_to_file_and_back_is_equal(debate: Debate, tmp_path: Path) -> None:
    path = tmp_path / "round.debate"
    DebateDocument.create_from(path, debate, replace=True).close()
    with DebateDocument.open(path, read_only=True) as doc:
        again = doc.snapshot()
    assert by_id(again) == by_id(debate)


def test_nul_emoji_and_right_to_left_text_survive_the_file(tmp_path: Path) -> None:
    text = "a\x00b 🦜 مرحبا\u200f\nשלום"
    debate = read_json(json.dumps({"claims": [{"id": "c1", "text": text}]}))
    path = tmp_path / "nul.debate"
    DebateDocument.create_from(path, debate).close()
    with DebateDocument.open(path, read_only=True) as doc:
        assert doc.claim("c1").text == text


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('{"claims": [\n  {"id": "c1", "text": "a"},\n  {"id": "c2", "text": "   "}\n]}',
         3, "needs some text"),
        ('{"claims": [\n  {"id": "c1", "text": "a"}\n],\n "links": [\n'
         '  {"id": "l1", "source": "c1", "to_claim": "c9"}\n]}', 5, "c9"),
        ('{"claims": [\n  {"id": "c1", "text": "a", "x": "left"}\n]}', 2, "x"),
        ('{"claims": [\n  {"id": "c1", "text": "a"},\n  {"id": "c1", "text": "b"}\n]}',
         3, "c1"),
        ('{"schema_version": 99,\n "claims": []}', 1, "newer"),
        ('{"claims": [\n  {"id": "c1", "text": "a",}\n]}', 2, "not valid JSON"),
    ],
)
def test_a_bad_debate_json_names_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_json(text)
    assert caught.value.line == line
    assert words in str(caught.value)
