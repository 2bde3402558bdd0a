"""Thread text in, numbered rebuttal out: the reply a forum reader sees, kept exactly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from debate_strategies import LINE_TEXT
from hypothesis import given, settings
from hypothesis import strategies as st

from debate_editor.domain import (
    Claim,
    ClaimKind,
    Debate,
    DebateGraph,
    ExportError,
    ImportFormatError,
    Link,
    LinkKind,
)
from debate_editor.formats.rebuttal import write_rebuttal
from debate_editor.formats.registry import ExportOptions
from debate_editor.formats.thread import import_thread, parse_thread, read_thread
from debate_editor.store import DebateDocument

ROOT = Path(__file__).resolve().parent.parent
THREAD = ROOT / "seeds" / "dod-safety-thread.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"
POST = "Intro to my point:\nBikes beat cars.\nThey are cheap.\nThey are quiet.\n"


def test_post_lead_in_reasons_concession_and_points() -> None:
    thread = parse_thread(POST + "Fair, but:\n1. Hills. 2. Rain.\n")
    assert thread.lead_in == "Intro to my point:"
    assert thread.thesis == "Bikes beat cars."
    assert thread.reasons == ("They are cheap.", "They are quiet.")
    assert thread.concession == "Fair, but:"
    assert thread.points == ("Hills.", "Rain.")


def test_a_first_paragraph_without_a_colon_is_the_thesis() -> None:
    thread = parse_thread("Bikes beat cars.\nThey are cheap.\n\nSure, but:\n\n1. Hills.\n")
    assert (thread.lead_in, thesis := thread.thesis) == ("", "Bikes beat cars.")
    assert thesis and thread.reasons == ("They are cheap.",)


def test_the_lead_and_points_on_one_line_after_a_colon() -> None:
    thread = parse_thread("Bikes beat cars.\nI think so too, but: 1. Hills. 2. Rain.\n")
    assert thread.concession == "I think so too, but:"
    assert thread.points == ("Hills.", "Rain.")


def test_points_are_objections_to_the_thesis_and_the_reply_comes_back() -> None:
    reply = "Fair, but:\n1. Hills.\n2. Rain, (and 3 more) things.\n"
    debate = read_thread(POST + reply)
    graph = DebateGraph.of(debate)
    [thesis] = graph.theses()
    assert thesis.note == "Intro to my point:"
    assert [r.claim.kind for r in graph.pros(thesis.id)] == [
        ClaimKind.CONCESSION, ClaimKind.CLAIM, ClaimKind.CLAIM]
    assert [r.claim.text for r in graph.cons(thesis.id)] == ["Hills.", "Rain, (and 3 more) things."]
    assert write_rebuttal(debate, ExportOptions()) == reply
    assert write_rebuttal(debate, ExportOptions(inline=True)) == (
        "Fair, but:\n1. Hills. 2. Rain, (and 3 more) things.\n")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(LINE_TEXT, min_size=1, max_size=4),
    LINE_TEXT,
    st.lists(LINE_TEXT, min_size=1, max_size=5),
    st.booleans(),
)
def test_any_rebuttal_read_as_a_thread_reply_gives_the_same_rebuttal(
    post: list[str], lead: str, points: list[str], inline: bool
) -> None:
    """Rebuttal → thread → rebuttal is the identity, whenever the text is unambiguous."""
    numbered = [f"{n}. {p}" for n, p in enumerate(points, 1)]
    reply = "\n".join([lead, " ".join(numbered) if inline else "\n".join(numbered)]) + "\n"
    text = "\n".join(post) + "\n" + reply
    try:
        debate = read_thread(text)
    except ImportFormatError:
        return  # a post or point that itself looks like "1. …" or "…: 1. …"
    if len(DebateGraph.of(debate).cons("c1")) == len(points):
        assert write_rebuttal(debate, ExportOptions(inline=inline)) == reply


def test_rebuttal_points_cover_reasons_and_undercuts_in_reading_order() -> None:
    claims = [Claim(id=f"c{n}", text=f"claim {n}") for n in range(1, 9)]
    claims[0] = Claim(id="c1", text="Thesis", kind=ClaimKind.THESIS)
    links = [
        Link(id="l1", source="c2", to_claim="c1", order=0),              # reason
        Link(id="l2", source="c3", to_claim="c2", kind=LinkKind.OBJECTION),  # point 1
        Link(id="l3", source="c4", to_claim="c3", kind=LinkKind.OBJECTION),  # defends: not a point
        Link(id="l4", source="c5", to_link="l1", kind=LinkKind.OBJECTION),   # undercut: point 2
        Link(id="l5", source="c6", to_claim="c1", kind=LinkKind.OBJECTION, order=1),  # point 3
        Link(id="l6", source="c7", to_claim="c6", order=0),              # supports an objection
        Link(id="l7", source="c8", to_claim="c2", order=1),              # reason of a reason
    ]
    debate = Debate(claims=tuple(claims), links=tuple(links))
    text = write_rebuttal(debate, ExportOptions())
    assert text == ("I see the point of “Thesis”, but:\n1. claim 3\n2. claim 5\n"
                    "3. claim 6\n")


def test_a_point_with_line_breaks_stays_on_one_line() -> None:
    debate = Debate(claims=(Claim(id="c1", text="T"), Claim(id="c2", text="a\n  b\n")),
                    links=(Link(id="l1", source="c2", to_claim="c1", kind=LinkKind.OBJECTION),))
    assert write_rebuttal(debate, ExportOptions()).splitlines()[1] == "1. a b"


def test_an_empty_debate_has_nothing_to_rebut() -> None:
    with pytest.raises(ExportError):
        write_rebuttal(Debate(), ExportOptions())


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("", 1, "no reply"),
        ("A post.\nNo numbered reply here.\n", 2, "no reply"),
        ("1. A point with nothing before it\n", 1, "lead line"),
        ("Fair, but:\n1. A point without a post\n", 1, "post above"),
        ("A post.\nFair, but:\n1. One.\n3. Three.\n", 4, "expected point 2"),
        ("A post.\nFair, but:\n1. One.\nA stray line.\n", 4, "expected point 2"),
        ("A post.\nFair, but:\n1. \n", 3, "no text"),
        ("A post.\nFair, but: 1. One 2. \n", 2, "point 2"),
    ],
)
def test_malformed_threads_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_thread(text)
    assert caught.value.line == line
    assert words in caught.value.message


# ---- a thread written out twice, and several reasons in one paragraph --------------------


def test_a_thread_written_out_twice_is_read_once_with_a_warning() -> None:
    once = POST + "Fair, but: 1. Hills. 2. Rain.\n"
    twice = once + "\n" + POST + "Fair, but:\n1. Hills.\n2. Rain.\n"
    assert parse_thread(twice) == parse_thread(once)
    [warning] = import_thread(twice).warnings
    assert warning.startswith("line 7: the text holds the same thread twice")
    assert len(import_thread(twice).debate.claims) == 6
    assert import_thread(once).warnings == ()
    assert parse_thread(once * 3) == parse_thread(once)
    assert "3 times" in import_thread(once * 3).warnings[0]


def test_a_second_copy_that_differs_is_not_taken_for_a_repeat() -> None:
    text = POST + "Fair, but: 1. Hills.\n" + POST + "Fair, but:\n1. Snow.\n"
    thread = parse_thread(text)  # the last reply is the reply; the rest is the post
    assert thread.points == ("Snow.",) and thread.concession == "Fair, but:"


def test_sentences_beginning_i_think_or_also_are_reasons_of_their_own() -> None:
    thread = parse_thread(
        "Bikes beat cars.\n"
        "They are cheap. I think they are quiet too. Also, they fit anywhere.\n"
        "They also last. It is also true that I think less in cars.\n"
        "Fair, but:\n1. Hills.\n")
    assert thread.reasons == ("They are cheap.", "I think they are quiet too.",
                              "Also, they fit anywhere.",
                              "They also last. It is also true that I think less in cars.")


def test_numbered_and_bulleted_post_lines_are_one_reason_each() -> None:
    thread = parse_thread("Bikes beat cars:\nBikes are best.\n1. They are cheap.\n"
                          "2) They are quiet.\n- They fit.\n• They last.\n"
                          "Fair, but:\n1. Hills.\n2. Rain.\n")
    assert thread.lead_in == "Bikes beat cars:" and thread.thesis == "Bikes are best."
    assert thread.reasons == ("They are cheap.", "They are quiet.", "They fit.", "They last.")
    assert thread.points == ("Hills.", "Rain.")


def test_the_seed_thread_imports_as_the_seed_has_it(seed_file: Path, tmp_path: Path) -> None:
    """seeds/dod-safety-thread.txt holds the thread twice: read once (one warning, exit 0),
    its claims are the seed debate's texts, and its rebuttal is the reply, byte for byte."""
    out = tmp_path / "thread.debate"
    result = subprocess.run(
        [sys.executable, "-m", "debate_editor", "import", str(THREAD), "-o", str(out)],
        capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "debate-editor: warning: dod-safety-thread.txt: line 7: the text holds the same "
        "thread twice (this line starts it again, the same words as from line 1); it is "
        "read once"]
    with DebateDocument.open(out, read_only=True) as imported, \
            DebateDocument.open(seed_file, read_only=True) as seed:
        debate, expected = imported.snapshot(), seed.snapshot()
    assert sorted((c.kind, c.text, c.note) for c in debate.claims) == sorted(
        (c.kind, c.text, c.note) for c in expected.claims)
    for inline, name in ((False, "dod-safety-rebuttal.txt"),
                         (True, "dod-safety-rebuttal-inline.txt")):
        golden = (GOLDEN / name).read_bytes().decode("utf-8")
        assert write_rebuttal(debate, ExportOptions(inline=inline)) == golden
