"""The pane's quick path (README, "The Argdown pane") agrees with reading the whole text:
on generated debates' Argdown, one keystroke anywhere (a letter, a space, a sign, a
bracket, a line break, a deletion) either takes the quick path and gives exactly the
edit the full reading gives, or is left to the full reading."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import event, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))

from generate import generate

from debate_editor.domain.errors import DebateError
from debate_editor.domain.graph import DebateGraph
from debate_editor.domain.ids import IdSource
from debate_editor.formats.argdown import import_argdown, write_argdown
from debate_editor.formats.argdown.quick import quick_edit
from debate_editor.formats.argdown.sync import reconcile

KEYS = st.sampled_from([*"ab Z.,;'-+#[]<>{}()/*_:=\n\t", "", "é"])
"""What one keystroke puts in ("" for a deletion)."""


def _full(graph: DebateGraph, before: str, after: str):  # type: ignore[no-untyped-def]
    """The edit the full reading makes, matching claims as the pane does."""
    ids = IdSource.after(graph.claims, graph.links)
    order = reconcile(graph, import_argdown(before).debate, ids).order
    return reconcile(graph, import_argdown(after).debate, ids, order).edit


@settings(max_examples=300)
@given(seed=st.integers(1, 40), where=st.floats(0, 1), key=KEYS)
def test_a_keystroke_on_the_quick_path_is_what_the_full_reading_makes(
        seed: int, where: float, key: str) -> None:
    debate = generate(25, seed=seed)
    graph = DebateGraph.of(debate)
    before = write_argdown(debate)
    at = int(where * len(before))
    after = before[:at] + key + before[at + (0 if key else 1):]
    quick = quick_edit(before, after, graph)
    if quick is None:
        return
    event("quick path")
    full = _full(graph, before, after)
    assert quick.update_claims == full.update_claims
    assert not (full.add_claims or full.remove_claims or full.add_links or full.update_links
                or full.remove_links)


def test_typing_in_a_statement_takes_the_quick_path_and_a_sign_does_not() -> None:
    debate = generate(25, seed=3)
    graph = DebateGraph.of(debate)
    before = write_argdown(debate)
    line = next(line for line in before.splitlines()
                if line.lstrip().startswith(("+ ", "- ")) and "{" not in line)
    at = before.index(line) + len(line)
    quick = quick_edit(before, before[:at] + " indeed" + before[at:], graph)
    assert quick is not None
    (changed,) = quick.update_claims
    assert changed.text == line.lstrip()[2:] + " indeed"
    for key in ("[", " #tag", " {x: 1}", "\n  + more"):
        assert quick_edit(before, before[:at] + key + before[at:], graph) is None


def test_a_text_that_does_not_parse_is_never_quick() -> None:
    debate = generate(25, seed=5)
    graph = DebateGraph.of(debate)
    before = write_argdown(debate)
    for at in range(0, len(before), 7):
        after = before[:at] + "\n+ orphan\n" + before[at:]
        try:
            import_argdown(after)
        except DebateError:
            assert quick_edit(before, after, graph) is None
