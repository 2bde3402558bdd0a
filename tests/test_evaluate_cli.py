"""`debate-editor evaluate` and the attack-graph exports on the command line (README,
"Command line" and "Which claims stand")."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run_cli
from test_status_solver import solver_labels_apx, solver_labels_i23

from debate_editor.domain import Claim, Debate, Link, LinkKind
from debate_editor.store import DebateDocument

# The seed: the post's thesis c1 and its reasons c2–c5; the reply objects to c3 and c5.
SEED_LABELS = {"c1": "in", "c2": "in", "c3": "out", "c4": "in", "c5": "out", "c6": "in",
               "c7": "in"}


def test_evaluate_json_on_the_seed(seed_file: Path) -> None:
    result = run_cli("evaluate", str(seed_file), "--json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["semantics"] == "grounded"
    assert facts["claims"] == SEED_LABELS
    assert facts["links"] == {"l1": "in", "l2": "out", "l3": "in", "l4": "out", "l5": "in",
                              "l6": "in"}
    evidential = json.loads(run_cli("evaluate", str(seed_file), "--json",
                                    "--semantics", "evidential").stdout)
    assert evidential["semantics"] == "evidential"
    assert evidential["claims"] == SEED_LABELS  # c1 keeps reasons that stand (c2, c4)


def test_evaluate_for_people_lists_claims_in_reading_order(seed_file: Path) -> None:
    result = run_cli("evaluate", str(seed_file))
    assert result.returncode == 0
    first = result.stdout.splitlines()[0].split()
    assert first[:2] == ["in", "c1"]
    assert sum(line.startswith("out ") for line in result.stdout.splitlines()) == 2


def test_evaluate_errors(tmp_path: Path) -> None:
    missing = run_cli("evaluate", str(tmp_path / "missing.debate"), "--json")
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == [
        f"debate-editor: {tmp_path / 'missing.debate'}: no such file."
    ]
    junk = tmp_path / "junk.debate"
    junk.write_text("not a debate")
    bad = run_cli("evaluate", str(junk), "--json")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    assert junk.read_text() == "not a debate"
    assert run_cli("evaluate", str(junk), "--semantics", "preferred").returncode == 2
    assert run_cli("evaluate").returncode == 2


def test_apx_and_i23_exports_give_the_solver_our_labels(seed_file: Path) -> None:
    apx = run_cli("export", str(seed_file), "--format", "apx")
    i23 = run_cli("export", str(seed_file), "--format", "i23")
    assert apx.returncode == 0 and i23.returncode == 0, apx.stderr + i23.stderr
    assert "arg(c1)." in apx.stdout and "att(l5,c3)." in apx.stdout
    assert i23.stdout.startswith("p af ") and "# 1 c1\n" in i23.stdout
    for theirs in (solver_labels_apx(apx.stdout), solver_labels_i23(i23.stdout)):
        assert {c: theirs[c] for c in SEED_LABELS} == SEED_LABELS


def test_an_id_apx_cannot_hold_is_one_line_and_no_file(tmp_path: Path) -> None:
    path = tmp_path / "odd.debate"
    d = Debate(claims=(Claim(id="a b", text="x"), Claim(id="c", text="y")),
               links=(Link(id="l", source="c", to_claim="a b", kind=LinkKind.OBJECTION),))
    DebateDocument.create_from(path, d).close()
    out = tmp_path / "odd.apx"
    result = run_cli("export", str(path), "--format", "apx", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "debate-editor: The id “a b” cannot be an argument name in the ICCMA formats, "
        "which take ids of ASCII letters, digits and _ only."
    ]
    assert not out.exists()
