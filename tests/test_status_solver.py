"""Our labels against an independent Dung solver (python-argumentation's grounded
extension) fed our own apx and i23 exports: the flattening of README, "Which claims
stand", is sound exactly when the two agree on every claim, link and auxiliary argument."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import HealthCheck, event, find, given, settings
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
from py_arg.import_export.argumentation_framework_from_aspartix_format_reader import (
    ArgumentationFrameworkFromASPARTIXFormatReader as ApxReader,
)
from py_arg.import_export.argumentation_framework_from_iccma23_format_reader import (
    ArgumentationFrameworkFromICCMA23FormatReader as I23Reader,
)
from status_strategies import argument_debates
from test_status import OBJ, SUP, debate

from debate_editor.domain import Debate, ExportError
from debate_editor.domain.status import Labelling, Semantics
from debate_editor.formats import registry
from debate_editor.formats.dung import apx_text, attack_graph, i23_text


def _labels_of(framework: object, rename: dict[str, str] | None = None) -> dict[str, str]:
    """in: the grounded extension; out: what it attacks; undecided: the rest."""
    extension = get_grounded_extension(framework)  # type: ignore[arg-type]
    names = {a.name for a in extension}
    attacked = {d.to_argument.name for d in framework.defeats  # type: ignore[attr-defined]
                if d.from_argument.name in names}
    result = {}
    for argument in framework.arguments:  # type: ignore[attr-defined]
        label = "in" if argument.name in names else "out" if argument.name in attacked else (
            "undecided")
        result[(rename or {}).get(argument.name, argument.name)] = label
    return result


def solver_labels_apx(text: str) -> dict[str, str]:
    return _labels_of(ApxReader.from_apx(text))


def solver_labels_i23(text: str) -> dict[str, str]:
    """The i23 reader names argument n `A<n>`; our comment lines say which id it is."""
    lines = text.splitlines()
    rename = {f"A{n}": name for _, n, name in
              (line.split(" ", 2) for line in lines if line.startswith("# "))}
    body = "\n".join(line for line in lines if not line.startswith("#"))
    return _labels_of(I23Reader.from_iccma23(body), rename)


def our_labels(d: Debate, semantics: Semantics) -> dict[str, str]:
    labelling = Labelling.of(d, semantics)
    return {item: label.value for item, label in labelling.labels.items()}


def _agree(d: Debate, semantics: Semantics) -> dict[str, str]:
    graph = attack_graph(d, semantics)
    theirs = solver_labels_apx(apx_text(graph))
    ours = our_labels(d, semantics)
    assert {k: theirs[k] for k in ours} == ours
    # A claim's auxiliary "not_" argument carries the opposite label, as it must.
    flip = {"in": "out", "out": "in", "undecided": "undecided"}
    for claim in d.claims:
        name = graph.not_prefix + claim.id
        if name in theirs:
            assert theirs[name] == flip[ours[claim.id]]
    return theirs


def shapes(d: Debate) -> set[str]:
    """Which of the shapes the README names a debate has: a chain of three objections, an
    odd and an even cycle of objections, an undercut of an undercut, a claim under
    several parents."""
    found: set[str] = set()
    objections = nx.DiGraph((link.source, link.to_claim) for link in d.links
                            if link.to_claim is not None and link.kind is OBJ)
    if any(objections.out_degree(a) and objections.in_degree(a) for a in objections):
        found.add("chain")
    for cycle in nx.simple_cycles(objections):
        found.add("odd cycle" if len(cycle) % 2 else "even cycle")
    undercuts = {link.id for link in d.links if link.to_link is not None}
    if any(link.to_link in undercuts for link in d.links):
        found.add("undercut of an undercut")
    parents: dict[str, int] = {}
    for link in d.links:
        if link.to_claim is not None:
            parents[link.source] = parents.get(link.source, 0) + 1
    if any(count > 1 for count in parents.values()):
        found.add("several parents")
    if any(link.is_group for link in d.links):
        found.add("co-premises")
    return found


SHAPES = ["chain", "odd cycle", "even cycle", "undercut of an undercut", "several parents",
          "co-premises"]


@pytest.mark.parametrize("shape", SHAPES)
def test_the_generated_debates_hold_every_shape(shape: str) -> None:
    """The debates drawn for the comparisons below reach each shape."""
    assert shape in shapes(find(argument_debates(), lambda d: shape in shapes(d)))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=argument_debates())
def test_grounded_labels_agree_with_the_solver_on_generated_debates(d: Debate) -> None:
    for shape in sorted(shapes(d)):
        event(shape)  # the mix drawn: pytest --hypothesis-show-statistics
    _agree(d, Semantics.GROUNDED)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=argument_debates())
def test_evidential_labels_agree_with_the_solver_on_generated_debates(d: Debate) -> None:
    _agree(d, Semantics.EVIDENTIAL)


@settings(max_examples=200, deadline=None)
@given(d=argument_debates())
def test_the_i23_export_is_the_same_graph_as_the_apx_export(d: Debate) -> None:
    graph = attack_graph(d)
    assert solver_labels_i23(i23_text(graph)) == solver_labels_apx(apx_text(graph))


KNOWN = [
    ("chain A←B←C", debate("ABC", ("l1", "B", "A", OBJ), ("l2", "C", "B", OBJ)),
     {"A": "in", "B": "out", "C": "in"}),
    ("odd cycle", debate("ABC", ("l1", "B", "A", OBJ), ("l2", "C", "B", OBJ),
                         ("l3", "A", "C", OBJ)),
     {"A": "undecided", "B": "undecided", "C": "undecided"}),
    ("undercut reinstates", debate("ABC", ("l1", "B", "A", OBJ), ("u1", "C", "l1", OBJ)),
     {"A": "in", "B": "in", "C": "in", "l1": "out", "u1": "in"}),
    ("undercut of undercut", debate("ABCD", ("l1", "B", "A", OBJ), ("u1", "C", "l1", OBJ),
                                    ("u2", "D", "u1", OBJ)),
     {"A": "out", "l1": "in", "u1": "out"}),
    ("support only", debate("ABC", ("l1", "B", "A", SUP), ("l2", "C", "B", OBJ)),
     {"A": "in", "B": "out", "l1": "out"}),
    ("even cycle", debate("AB", ("l1", "B", "A", OBJ), ("l2", "A", "B", OBJ)),
     {"A": "undecided", "B": "undecided", "l1": "undecided", "l2": "undecided"}),
    ("several parents", debate("ABCD", ("l1", "B", "A", OBJ), ("l2", "B", "C", OBJ),
                               ("l3", "D", "B", OBJ)),
     {"A": "in", "B": "out", "C": "in", "D": "in", "l1": "out", "l2": "out"}),
    ("cycle settled from outside", debate("ABCD", ("l1", "B", "A", OBJ), ("l2", "A", "B", OBJ),
                                          ("l3", "C", "B", OBJ)),
     {"A": "in", "B": "out", "C": "in", "l1": "out", "l2": "in"}),
]


@pytest.mark.parametrize(("name", "d", "expected"), KNOWN, ids=[k[0] for k in KNOWN])
def test_known_answers_from_us_and_from_the_solver(
    name: str, d: Debate, expected: dict[str, str]
) -> None:
    theirs = _agree(d, Semantics.GROUNDED)
    assert {k: theirs[k] for k in expected} == expected


def test_auxiliary_names_never_clash_with_an_id() -> None:
    d = debate("AB", ("not_A", "A", "B", OBJ))
    graph = attack_graph(d)
    assert len(set(graph.arguments)) == len(graph.arguments)
    assert "not__A" in graph.arguments and "not__not_A" not in graph.arguments
    _agree(d, Semantics.GROUNDED)


def test_an_id_that_cannot_be_an_argument_name_is_refused_in_one_sentence() -> None:
    d = debate("AB", ("l 1", "B", "A", OBJ))
    with pytest.raises(ExportError, match=r"^The id “l 1” cannot be an argument name"):
        registry.get("apx").write(d, registry.ExportOptions())  # type: ignore[misc]
