"""Open points: the objections that still stand against what a reply defends, and
`export --format rebuttal --open`, the numbered rebuttal of only those (README, "Which
claims stand")."""

from __future__ import annotations

from pathlib import Path

from test_cli import run_cli
from test_status import OBJ, SUP, debate

from debate_editor.domain import Claim, ClaimKind, DebateGraph, Edit, Link, LinkKind
from debate_editor.domain.open_points import OpenPoint, defended, open_points
from debate_editor.domain.status import Labelling
from debate_editor.store import DebateDocument

GOLDEN = Path(__file__).parent / "golden"
LEAD = "I think it’s useful for government to do safety/alignment but:"
C7 = ("Like we have seen with software security, if safety is not “baked in”, it is hard "
      "to add it after the fact, so it is important for safety and capabilities "
      "researchers to work together.")


def _open(path: Path) -> str:
    result = run_cli("export", str(path), "--format", "rebuttal", "--open")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _edit(path: Path, edit: Edit) -> None:
    doc = DebateDocument.open(path)
    try:
        doc.apply(edit)
    finally:
        doc.close()


def test_on_the_seed_both_objections_of_the_reply_are_open(seed_file: Path) -> None:
    """c6 and c7 stand and defeat c3 and c5: nobody has answered them yet."""
    assert _open(seed_file) == (GOLDEN / "dod-safety-rebuttal.txt").read_text(encoding="utf-8")


def test_an_answered_objection_leaves_the_open_rebuttal(seed_copy: Path) -> None:
    _edit(seed_copy, Edit(
        add_claims=(Claim(id="c8", text="They do not go hand in hand at the frontier."),),
        add_links=(Link(id="l7", source="c8", to_claim="c6", kind=LinkKind.OBJECTION),)))
    assert _open(seed_copy) == f"{LEAD}\n1. {C7}\n"
    full = run_cli("export", str(seed_copy), "--format", "rebuttal").stdout
    assert full.splitlines()[1].startswith("1. I don’t think it’s a zero sum game")
    assert len(full.splitlines()) == 3


def test_an_undercut_objection_is_answered_though_its_claim_stands(seed_copy: Path) -> None:
    """Undercutting l6 says c7 is true but beside the point: c7 stands, its objection not."""
    _edit(seed_copy, Edit(
        add_claims=(Claim(id="c8", text="Security is not what the DoD would fund."),),
        add_links=(Link(id="l7", source="c8", to_link="l6", kind=LinkKind.OBJECTION),)))
    assert _open(seed_copy).splitlines() == [
        LEAD, "1. I don’t think it’s a zero sum game—often safety/alignment improvements go "
        "hand in hand with capabilities."]
    assert run_cli("evaluate", str(seed_copy), "--json").stdout.count('"c7": "in"') == 1


def test_open_points_are_the_standing_objections_and_undercuts_against_what_is_held() -> None:
    # t <- r (support s); r <- o (objection k, stands); t <- p (objection m, answered by
    # a); the arrow s <- u (undercut w, stands); o <- b (objection n, out: z defeats b).
    d = debate("trpoaubz", ("s", "r", "t", SUP), ("k", "o", "r", OBJ), ("m", "p", "t", OBJ),
               ("q", "a", "p", OBJ), ("n", "b", "o", OBJ), ("v", "z", "b", OBJ),
               ("w", "u", "s", OBJ))
    graph = DebateGraph.of(d)
    labelling = Labelling.of(d)
    held = defended(graph, "t")
    assert held == {"t", "r"}
    # in reading order: t, its reason r and what objects to r (o …), the undercut u of
    # r's arrow, then t's own objection p (answered: not open)
    assert open_points(graph, labelling, held, "t") == [
        OpenPoint("o", "k", "r"), OpenPoint("u", "w", "s")]
    # Held claims given by hand, as personal marks will give them: nothing stands
    # against o (b is defeated); against b, z stands.
    assert open_points(graph, labelling, {"o"}) == []
    assert open_points(graph, labelling, {"b"}) == [OpenPoint("z", "v", "b")]


def test_a_concession_is_not_defended() -> None:
    d = debate("tcx", ("s", "c", "t", SUP), ("k", "x", "c", OBJ))
    graph = DebateGraph.of(d.model_copy(update={"claims": (
        d.claims[0], d.claims[1].model_copy(update={"kind": ClaimKind.CONCESSION}), d.claims[2])}))
    assert defended(graph, "t") == {"t"}
    assert open_points(graph, Labelling.of(d), defended(graph, "t"), "t") == []
